"""The "Laporan Situasi": a one-click PDF briefing built with reportlab.

:func:`build_briefing` takes plain inputs (:class:`BriefingInput`: region, date,
KPI rows, tables as frames, figures, notes, sources) so that the page and the
command line feed it the same way. When the map or a chart cannot be drawn
(no Chromium, a hung export) the briefing says so in its place and is still
produced.
"""

from __future__ import annotations

import io
import logging
import numbers
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pandas as pd
import plotly.graph_objects as go
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import (
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from geo.charts import epidemic_curve, epidemic_periods
from geo.errors import GeoInputError
from geo.export import count_label, date_label, is_small_count
from geo.export_image import ImageRenderer
from geo.export_table import suppress_small_counts
from geo.text import fmt_int, fmt_num, local_time, t, utc_now

logger = logging.getLogger(__name__)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_REGULAR = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
PAGE_MARGIN_CM = 1.8
CONTENT_WIDTH_CM = 21.0 - 2 * PAGE_MARGIN_CM
HEADER_BLUE = colors.HexColor("#0072B2")
ROW_GREY = colors.HexColor("#F2F2F2")


@dataclass(frozen=True)
class KpiRow:
    """One line of the KPI table.

    Attributes
    ----------
    label : str
        Indicator name, Bahasa Indonesia (e.g. "Kasus aktif").
    value : float or int or None
        Value on the data date (None shows "–").
    change : float or int or None
        Change since the previous data date (None shows "–").
    is_count : bool
        Whether it counts people: whole-number format and, in a public
        release, 1 to 4 (and changes of 1 to 4) shown as "<5".
    decimals : int
        Decimals for values that are not counts (rates, percentages).
    """

    label: str
    value: float | int | None
    change: float | int | None = None
    is_count: bool = True
    decimals: int = 1


@dataclass(frozen=True)
class BriefingInput:
    """Everything the briefing shows, as plain values.

    Attributes
    ----------
    region : str
        Region name (e.g. "Kota Magelang").
    data_date : pd.Timestamp
        Date of the data.
    kpis : tuple[KpiRow, ...]
        KPI rows with their change.
    top_kelurahan : pd.DataFrame
        Table printed as is (already ranked and cut), e.g. columns ``nama``,
        ``nama_kecamatan``, ``positif``, ``aktif``. In every table, integer
        columns are counts, and so are numbers in a text (object) column: a
        table of mixed values writes what is not a count as text.
    previous_date : pd.Timestamp or None
        Date the KPI changes are measured from.
    epidemic_series : pd.DataFrame or None
        Cumulative series (``tanggal``, ``positif``); the briefing draws the
        curve itself with the same ``public`` flag. Preferred over
        ``epidemic_curve``.
    epidemic_curve : go.Figure or None
        A ready curve, used when no series is given (build it with the same
        ``public`` flag).
    map_html : str or None
        A self-contained map page (:func:`geo.export_image.offline_map_html`).
    figures : tuple[go.Figure, ...]
        Further charts, printed after the curve (built with the same
        ``public`` flag by the caller).
    column_labels : Mapping[str, str]
        Header text per column name for the tables.
    hotspot_summary : tuple[str, ...]
        Paragraphs on hotspots (the section is left out when empty).
    hotspot_table : pd.DataFrame or None
        Optional hotspot table, printed after its paragraphs.
    scenario_text : tuple[str, ...]
        Paragraphs on the adopted allocation scenario (left out when empty).
    scenario_table : pd.DataFrame or None
        Optional scenario table, printed after its paragraphs.
    sources : tuple[str, ...]
        Data sources, one line each.
    notes : tuple[str, ...]
        Caveats, Bahasa Indonesia.
    """

    region: str
    data_date: pd.Timestamp
    kpis: tuple[KpiRow, ...]
    top_kelurahan: pd.DataFrame
    previous_date: pd.Timestamp | None = None
    epidemic_series: pd.DataFrame | None = None
    epidemic_curve: go.Figure | None = None
    map_html: str | None = None
    figures: tuple[go.Figure, ...] = ()
    column_labels: Mapping[str, str] = field(default_factory=dict)
    hotspot_summary: tuple[str, ...] = ()
    hotspot_table: pd.DataFrame | None = None
    scenario_text: tuple[str, ...] = ()
    scenario_table: pd.DataFrame | None = None
    sources: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def build_briefing(
    data: BriefingInput,
    renderer: ImageRenderer | None,
    *,
    public: bool = False,
) -> bytes:
    """Return the "Laporan Situasi" PDF for one region and date.

    Parameters
    ----------
    data : BriefingInput
        What to show.
    renderer : ImageRenderer or None
        Draws the map and charts; None (or a failing browser) puts a sentence
        saying why in place of each picture.
    public : bool
        Public release: counts 1 to 4 shown as "<5" in every table and chart.

    Returns
    -------
    bytes
        A4 PDF with page numbers, the date on every page, Bahasa Indonesia.
    """
    started = time.perf_counter()
    styles = _styles()
    notes = list(data.notes)
    if data.epidemic_series is not None:
        notes += epidemic_periods(data.epidemic_series).notes
    if public:
        notes.append(t("eks_disamarkan"))

    story: list = _title_block(data, styles)
    story += _kpi_block(data, styles, public=public)
    story += _picture_block(t("brf_peta"), _map_image(data, renderer), styles)
    curve = _epidemic_figure(data, public=public)
    if curve is not None:
        story += _picture_block(t("brf_kurva"), _chart_image(curve, renderer), styles)
    for figure in data.figures:
        image = _chart_image(figure, renderer)
        story += _picture_block(t("brf_grafik_lain"), image, styles)
    story += _table_block(t("brf_top"), data.top_kelurahan, data, styles, public)
    story += _text_section(t("brf_hotspot"), data.hotspot_summary, styles)
    if data.hotspot_table is not None:
        story += _table_block("", data.hotspot_table, data, styles, public)
    story += _text_section(t("brf_skenario"), data.scenario_text, styles)
    if data.scenario_table is not None:
        story += _table_block("", data.scenario_table, data, styles, public)
    story += _text_section(t("brf_sumber"), data.sources, styles)
    story += _text_section(t("brf_catatan"), tuple(notes), styles)

    pdf = _render(story, data)
    logger.info(
        "briefing %s %s: %d bytes in %.1f s",
        data.region,
        date_label(data.data_date),
        len(pdf),
        time.perf_counter() - started,
    )
    return pdf


def _styles() -> dict[str, ParagraphStyle]:
    regular, bold = _fonts()
    base = getSampleStyleSheet()
    body = ParagraphStyle(
        "isi", parent=base["BodyText"], fontName=regular, fontSize=10, leading=13.5
    )
    return {
        "judul": ParagraphStyle(
            "judul", parent=body, fontName=bold, fontSize=20, leading=24
        ),
        "subjudul": ParagraphStyle("subjudul", parent=body, fontSize=12, leading=16),
        "bagian": ParagraphStyle(
            "bagian",
            parent=body,
            fontName=bold,
            fontSize=13,
            leading=17,
            spaceBefore=10,
            spaceAfter=4,
            textColor=HEADER_BLUE,
        ),
        "isi": body,
        "sel": ParagraphStyle(
            "sel", parent=body, fontSize=9, leading=11, alignment=TA_LEFT
        ),
        "sel_tebal": ParagraphStyle(
            "sel_tebal", parent=body, fontName=bold, fontSize=9
        ),
        "kecil": ParagraphStyle(
            "kecil", parent=body, fontSize=8.5, leading=11, textColor=colors.grey
        ),
    }


def _fonts() -> tuple[str, str]:
    """Register DejaVu (it has "−", "–" and "·"), falling back to Helvetica."""
    regular_file = FONT_DIR / "DejaVuSans.ttf"
    bold_file = FONT_DIR / "DejaVuSans-Bold.ttf"
    if not (regular_file.is_file() and bold_file.is_file()):
        # LIMITATION: without fonts-dejavu, Helvetica has no "−" glyph; signs
        # in the KPI changes may print as a black box.
        return "Helvetica", "Helvetica-Bold"
    if FONT_REGULAR not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_REGULAR, str(regular_file)))
        pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold_file)))
    return FONT_REGULAR, FONT_BOLD


def _title_block(data: BriefingInput, styles: dict[str, ParagraphStyle]) -> list:
    made = local_time(utc_now())
    subtitle = t(
        "brf_wilayah_tanggal", wilayah=data.region, tanggal=date_label(data.data_date)
    )
    return [
        Paragraph(escape(t("brf_judul")), styles["judul"]),
        Paragraph(escape(subtitle), styles["subjudul"]),
        Paragraph(escape(t("brf_dibuat", waktu=made)), styles["kecil"]),
        Spacer(1, 0.3 * cm),
    ]


def _kpi_block(
    data: BriefingInput, styles: dict[str, ParagraphStyle], *, public: bool
) -> list:
    header = [t("brf_indikator"), t("brf_nilai"), t("brf_perubahan")]
    rows = [
        [kpi.label, _kpi_value(kpi, public=public), _kpi_change(kpi, public=public)]
        for kpi in data.kpis
    ]
    block = [Paragraph(escape(t("brf_kpi")), styles["bagian"])]
    block.append(_grid([header, *rows], styles, widths=(9.5, 4.0, 3.9)))
    if data.previous_date is not None:
        since = t("brf_perubahan_sejak", tanggal=date_label(data.previous_date))
        block.append(Paragraph(escape(since), styles["kecil"]))
    return block


def _kpi_value(kpi: KpiRow, *, public: bool) -> str:
    if kpi.is_count:
        return count_label(kpi.value, public=public)
    return fmt_num(kpi.value, kpi.decimals)


def _kpi_change(kpi: KpiRow, *, public: bool) -> str:
    change = kpi.change
    if change is None or pd.isna(change):
        return "–"
    sign = "+" if change > 0 else "−" if change < 0 else ""
    if kpi.is_count:
        if public and is_small_count(abs(change)):
            return sign + t("eks_kecil")
        return sign + fmt_int(abs(change))
    return sign + fmt_num(abs(change), kpi.decimals)


def _epidemic_figure(data: BriefingInput, *, public: bool) -> go.Figure | None:
    if data.epidemic_series is None:
        return data.epidemic_curve
    return epidemic_curve(
        data.epidemic_series,
        title=f"{t('brf_kurva')} {data.region}",
        subtitle=t("eks_data_per", tanggal=date_label(data.data_date)),
        source="; ".join(data.sources[:1]) or data.region,
        public=public,
    )


def _map_image(data: BriefingInput, renderer: ImageRenderer | None) -> bytes | str:
    if data.map_html is None:
        return t("eks_peta_gagal", alasan=t("brf_tanpa_peta"))
    if renderer is None:
        return t("eks_peta_gagal", alasan=t("brf_tanpa_peramban"))
    try:
        return renderer.map_png(data.map_html, width=1000, height=640)
    except GeoInputError as err:
        logger.warning("briefing map not drawn: %s", err)
        return t("eks_peta_gagal", alasan=str(err))


def _chart_image(figure: go.Figure, renderer: ImageRenderer | None) -> bytes | str:
    if renderer is None:
        return t("eks_grafik_gagal", alasan=t("brf_tanpa_peramban"))
    try:
        return renderer.chart_image(figure, "png", scale=2)
    except GeoInputError as err:
        logger.warning("briefing chart not drawn: %s", err)
        return t("eks_grafik_gagal", alasan=str(err))


def _picture_block(
    title: str, picture: bytes | str, styles: dict[str, ParagraphStyle]
) -> list:
    heading = Paragraph(escape(title), styles["bagian"])
    if isinstance(picture, str):
        return [heading, Paragraph(escape(picture), styles["isi"])]
    reader = ImageReader(io.BytesIO(picture))
    width_px, height_px = reader.getSize()
    width = CONTENT_WIDTH_CM * cm
    height = width * height_px / width_px
    image = Image(io.BytesIO(picture), width=width, height=height)
    return [KeepTogether([heading, image])]


def _table_block(
    title: str,
    frame: pd.DataFrame,
    data: BriefingInput,
    styles: dict[str, ParagraphStyle],
    public: bool,
) -> list:
    block = [Paragraph(escape(title), styles["bagian"])] if title else []
    if frame is None or frame.empty:
        return [*block, Paragraph(escape(t("brf_tidak_ada_tabel")), styles["isi"])]
    shown = _public_table(frame) if public else frame
    header = [str(data.column_labels.get(name, name)) for name in frame.columns]
    rows = [[_cell(value) for value in row] for row in shown.itertuples(index=False)]
    block.append(_grid([header, *rows], styles))
    return block


def _public_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Return ``frame`` with counts 1 to 4 as "<5" for a public release.

    Integer columns are counts (:func:`geo.export_table.suppress_small_counts`),
    and so are numbers among the text of an object column: a KPI table keeps
    counts of people as numbers and writes every other value as text.
    """
    shown = suppress_small_counts(frame)
    for name in frame.columns:
        if pd.api.types.is_object_dtype(frame[name]):
            shown[name] = frame[name].map(_public_cell)
    return shown


def _public_cell(value: object) -> object:
    is_number = isinstance(value, numbers.Number) and not isinstance(value, bool)
    if is_number and is_small_count(value):
        return t("eks_kecil")
    return value


def _cell(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return "–"
    if isinstance(value, str):
        return value
    if isinstance(value, pd.Timestamp):
        return date_label(value)
    if isinstance(value, bool):
        return t("eks_ya") if value else t("eks_tidak")
    if float(value).is_integer():
        return fmt_int(value)
    return fmt_num(value)


def _text_section(
    title: str, paragraphs: Sequence[str], styles: dict[str, ParagraphStyle]
) -> list:
    if not paragraphs:
        return []
    block = [Paragraph(escape(title), styles["bagian"])]
    block += [Paragraph(escape(text), styles["isi"]) for text in paragraphs]
    return block


def _grid(
    rows: list[list[str]],
    styles: dict[str, ParagraphStyle],
    widths: tuple[float, ...] | None = None,
) -> Table:
    cells = [
        [
            Paragraph(escape(str(text)), styles["sel_tebal" if i == 0 else "sel"])
            for text in row
        ]
        for i, row in enumerate(rows)
    ]
    col_widths = [w * cm for w in widths] if widths else None
    if col_widths is None:
        col_widths = [CONTENT_WIDTH_CM * cm / len(rows[0])] * len(rows[0])
    table = Table(cells, colWidths=col_widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDEBF7")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ROW_GREY]),
                ("LINEBELOW", (0, 0), (-1, 0), 0.6, HEADER_BLUE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _render(story: list, data: BriefingInput) -> bytes:
    regular, _ = _fonts()
    footer = t(
        "brf_kaki",
        wilayah=data.region,
        tanggal=date_label(data.data_date),
        waktu=local_time(utc_now()),
    )

    class _NumberedCanvas(pdf_canvas.Canvas):
        """Canvas that writes "Halaman n dari N" once the page count is known."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(regular, 8)
                self.setFillColor(colors.grey)
                margin = PAGE_MARGIN_CM * cm
                self.drawString(margin, 1.0 * cm, footer)
                page_text = t("brf_halaman", nomor=number, total=total)
                self.drawRightString(A4[0] - margin, 1.0 * cm, page_text)
                super().showPage()
            super().save()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=PAGE_MARGIN_CM * cm,
        rightMargin=PAGE_MARGIN_CM * cm,
        topMargin=1.6 * cm,
        bottomMargin=1.8 * cm,
        title=f"{t('brf_judul')} {data.region} {date_label(data.data_date)}",
        author="Ruang Peta Command Center",
        lang="id",
    )
    document.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()
