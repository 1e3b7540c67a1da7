"""Download menus beside charts, tables and maps: files made only on request.

Each menu offers a format and a "Siapkan berkas" button: the file is made when
the button is pressed (never on a rerun) and kept in the session, one per menu,
for the download button. Images go through the server's one warm Chromium
(:func:`ui.cache.image_renderer`), whose waits are bounded; when an image cannot
be made (Chromium missing or hung) the message is shown with downloads that
need no browser: the chart's interactive HTML and its data as CSV (F08).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from geo import export_region
from geo.cli_hotspots import HotspotReport
from geo.errors import GeoInputError
from geo.export_image import ImageRenderer, figure_html
from geo.export_region import ExportInputs
from geo.export_table import table_to_csv
from geo.indicators import DEFAULT_INDICATOR
from geo.text import t
from ui import cache, state

logger = logging.getLogger(__name__)

MIME: dict[str, str] = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "geojson": "application/geo+json",
    "gpkg": "application/geopackage+sqlite3",
}
IMAGES = ("png", "svg", "pdf")
CHART_FORMATS = (*IMAGES, "html", "csv")


@dataclass(frozen=True)
class FileChoice:
    """One format a menu offers: extension, label, and how to make the bytes."""

    fmt: str
    label: str
    make: Callable[[], bytes]


def export_inputs(
    kode: str,
    tanggal: str,
    indicator: str = DEFAULT_INDICATOR,
    *,
    with_store_charts: bool = False,
) -> ExportInputs:
    """Return the region at the date as the page shows it, from the page's caches.

    With ``with_store_charts`` (the Grafik & Ekspor page), facility occupancy
    and resource stock come from the store at that date, as for ``python -m
    geo export`` (:func:`geo.store_charts.store_charts`); the map and table
    downloads of other pages need neither, so the audit log is not replayed
    there.
    """
    occupancy = stock = None
    if with_store_charts:
        occupancy, stock = cache.occupancy_and_stock(kode, tanggal)
    return ExportInputs(
        region=cache.load_region(kode),
        situation=cache.situation(kode, tanggal, indicator),
        layer=cache.display_layer(kode),
        occupancy=occupancy,
        stock=stock,
    )


def make_export(
    kind: str,
    inputs: ExportInputs,
    *,
    fmt: str,
    chart: str = "kurva",
    public: bool = False,
    renderer: ImageRenderer | None = None,
) -> bytes:
    """Return one export: the call every download button of the app makes."""
    active = cache.image_renderer() if renderer is None else renderer
    return export_region.export_bytes(
        kind, inputs, fmt=fmt, chart=chart, public=public, renderer=active
    )


def briefing_inputs(inputs: ExportInputs) -> ExportInputs:
    """Return ``inputs`` with the briefing's hotspot and adopted-scenario sections.

    The hotspot report is the Hotspot page's cached one with its defaults
    (:func:`geo.briefing_sections.hotspot_defaults`), so a briefing after a
    visit to that page costs no second analysis.
    """
    # imported here: the scenario section's solvers (scipy.optimize, PuLP) are
    # not needed to draw the first map
    from geo import briefing_sections

    kode = inputs.kode

    def hotspot_for(tanggal: str, **settings: object) -> HotspotReport:
        return cache.hotspot_report(kode, tanggal, **settings)

    return briefing_sections.with_briefing_sections(inputs, cache.engine(), hotspot_for)


def briefing_button(inputs: ExportInputs, *, public: bool) -> None:
    """Draw the one-click "Laporan Situasi" PDF: made on press, then downloaded."""
    choice = FileChoice(
        "pdf",
        t("ekp_laporan"),
        lambda: make_export(
            "laporan", briefing_inputs(inputs), fmt="pdf", public=public
        ),
    )
    _menu(
        "ekspor_laporan",
        _stem(inputs, "laporan-situasi"),
        [choice],
        context=_context(inputs, public),
        button=t("ekp_buat_laporan"),
    )


def export_chart_downloads(inputs: ExportInputs, chart: str, *, public: bool) -> None:
    """Draw the download menu of a chart of :data:`geo.export_region.CHARTS`."""

    def maker(fmt: str) -> Callable[[], bytes]:
        return lambda: make_export(
            "grafik", inputs, fmt=fmt, chart=chart, public=public
        )

    _menu(
        f"ekspor_grafik_{chart}",
        _stem(inputs, chart),
        [FileChoice(fmt, _chart_label(fmt), maker(fmt)) for fmt in CHART_FORMATS],
        context=_context(inputs, public),
        fallbacks=[
            FileChoice("html", t("ekp_fmt_html_grafik"), maker("html")),
            FileChoice("csv", t("ekp_fmt_csv"), maker("csv")),
        ],
    )


def chart_downloads(
    key: str,
    figure: Callable[..., go.Figure],
    data: pd.DataFrame,
    *,
    stem: str,
    public: bool,
    context: str,
) -> None:
    """Draw the download menu of a chart built on the page.

    ``figure(public=...)`` builds the chart; ``data``, a case series
    (:func:`geo.indicators.region_series`), is offered as CSV.
    """

    def image(fmt: str) -> Callable[[], bytes]:
        return lambda: cache.image_renderer().chart_image(
            figure(public=public), fmt, scale=2
        )

    html = FileChoice(
        "html", t("ekp_fmt_html_grafik"), lambda: figure_html(figure(public=public))
    )
    csv = FileChoice(
        "csv",
        t("ekp_fmt_csv"),
        lambda: table_to_csv(export_region.series_table(data), public=public),
    )
    images = [FileChoice(fmt, t(f"ekp_fmt_{fmt}"), image(fmt)) for fmt in IMAGES]
    _menu(
        key,
        stem,
        [*images, html, csv],
        context=f"{context}|{public}",
        fallbacks=[html, csv],
    )


def table_downloads(inputs: ExportInputs, *, public: bool, key: str) -> None:
    """Draw the kelurahan table's menu: XLSX with its Keterangan sheet, CSV."""
    choices = [
        FileChoice(
            fmt,
            t(f"ekp_fmt_{fmt}"),
            lambda fmt=fmt: make_export("tabel", inputs, fmt=fmt, public=public),
        )
        for fmt in ("xlsx", "csv")
    ]
    _menu(key, _stem(inputs, "kelurahan"), choices, context=_context(inputs, public))


def map_downloads(inputs: ExportInputs, *, public: bool, key: str) -> None:
    """Draw the map's menu: self-contained HTML, PNG, GeoJSON, GeoPackage."""
    labels = {
        "html": t("ekp_fmt_html_peta"),
        "png": t("ekp_fmt_png_peta"),
        "geojson": t("ekp_fmt_geojson"),
        "gpkg": t("ekp_fmt_gpkg"),
    }

    def maker(fmt: str) -> Callable[[], bytes]:
        return lambda: make_export("peta", inputs, fmt=fmt, public=public)

    table_csv = FileChoice(
        "csv",
        t("ekp_fmt_csv"),
        lambda: make_export("tabel", inputs, fmt="csv", public=public),
    )
    _menu(
        key,
        _stem(inputs, "peta"),
        [FileChoice(fmt, label, maker(fmt)) for fmt, label in labels.items()],
        context=_context(inputs, public),
        fallbacks=[FileChoice("html", labels["html"], maker("html")), table_csv],
    )


def _menu(
    key: str,
    stem: str,
    choices: list[FileChoice],
    *,
    context: str,
    fallbacks: list[FileChoice] | None = None,
    button: str | None = None,
) -> None:
    """Draw format choice, "prepare" button, then the download or the failure."""
    by_fmt = {choice.fmt: choice for choice in choices}
    with st.popover(t("ekp_unduh_menu"), icon=":material/download:"):
        fmt = choices[0].fmt
        if len(choices) > 1:
            fmt = st.radio(
                t("ekp_format"),
                list(by_fmt),
                format_func=lambda name: by_fmt[name].label,
                key=f"{key}_format",
            )
        signature = f"{context}|{fmt}"
        files = st.session_state.setdefault(state.EXPORT_FILES, {})
        if st.button(button or t("ekp_siapkan"), key=f"{key}_siapkan", type="primary"):
            files[key] = _prepare(signature, by_fmt[fmt], fallbacks or [])
        made = files.get(key)
        if made is None or made["signature"] != signature:
            return
        if made["error"] is None:
            st.download_button(
                t("ekp_unduh", nama=f"{stem}.{fmt}"),
                data=made["content"],
                file_name=f"{stem}.{fmt}",
                mime=MIME[fmt],
                key=f"{key}_unduh",
                on_click="ignore",
                icon=":material/download:",
            )
            return
        st.error(made["error"])
        st.caption(t("ekp_pengganti"))
        for number, (fallback, content) in enumerate(made["fallbacks"]):
            st.download_button(
                fallback.label,
                data=content,
                file_name=f"{stem}.{fallback.fmt}",
                mime=MIME[fallback.fmt],
                key=f"{key}_pengganti_{number}",
                on_click="ignore",
            )


def _prepare(
    signature: str, choice: FileChoice, fallbacks: list[FileChoice]
) -> dict[str, object]:
    """Return the file made for ``choice``, or the failure and the fallback files."""
    with st.spinner(t("ekp_menyiapkan", format=choice.fmt.upper())):
        try:
            content = choice.make()
        except GeoInputError as err:
            logger.warning("export %s failed: %s", choice.fmt, err)
            made = [(fallback, fallback.make()) for fallback in fallbacks]
            return {
                "signature": signature,
                "content": None,
                "error": str(err),
                "fallbacks": made,
            }
    return {"signature": signature, "content": content, "error": None, "fallbacks": []}


def _chart_label(fmt: str) -> str:
    return t("ekp_fmt_html_grafik") if fmt == "html" else t(f"ekp_fmt_{fmt}")


def _context(inputs: ExportInputs, public: bool) -> str:
    return (
        f"{inputs.kode}|{inputs.data_date.date().isoformat()}"
        f"|{inputs.situation.indicator}|{public}"
    )


def _stem(inputs: ExportInputs, what: str) -> str:
    slug = "-".join(inputs.name.lower().split())
    return f"{slug}_{what}_{inputs.data_date.date().isoformat()}"
