"""A region at a date turned into every export: charts, tables, map, briefing.

:class:`ExportInputs` holds the region (:class:`geo.regions.RegionData`) and its
situation at one date (:func:`geo.indicators.situation`), so the page, the
exports and the briefing show the same numbers, notes and map
(:func:`geo.situation_maps.situation_map`). :func:`export_bytes` makes one
export (``grafik``, ``tabel``, ``peta``, ``laporan``) in a chosen format and
:func:`export` writes it to a file. The command line (:mod:`geo.cli_export`)
and the pages both go through here, so they produce the same files.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import pandas as pd
import plotly.graph_objects as go
from branca.element import Element

from geo import charts, indicators, situation_maps
from geo.boundaries import view_bounds
from geo.cases import COUNT_COLUMNS
from geo.errors import GeoInputError
from geo.export import date_label
from geo.export_image import ImageRenderer, figure_html, offline_map_html
from geo.export_table import (
    TableInfo,
    layer_to_geojson,
    layer_to_gpkg,
    table_to_csv,
    table_to_xlsx,
)
from geo.indicators import (
    DEFAULT_INDICATOR,
    INDICATORS,
    Situation,
    data_dates,
    situation,
)
from geo.regions import RegionData
from geo.store_charts import StoreChart
from geo.text import t

if TYPE_CHECKING:
    from geo.briefing import BriefingInput

logger = logging.getLogger(__name__)

KINDS: tuple[str, ...] = ("grafik", "tabel", "peta", "laporan")
FORMATS: dict[str, tuple[str, ...]] = {
    "grafik": ("png", "svg", "pdf", "html", "csv"),
    "tabel": ("xlsx", "csv"),
    "peta": ("html", "png", "geojson", "gpkg"),
    "laporan": ("pdf",),
}
# charts of every region; facility occupancy and stock only when the store
# has them (geo.store_charts)
REGION_CHARTS: tuple[str, ...] = ("kurva", "status", "kecamatan", "kelurahan")
STORE_CHARTS: tuple[str, ...] = ("keterisian", "stok")
CHARTS: tuple[str, ...] = (*REGION_CHARTS, *STORE_CHARTS)
# counts of people a public release hides in a chart's CSV (default: every
# integer column); capacities and stock are not counts of people
CHART_COUNT_COLUMNS: dict[str, tuple[str, ...]] = {
    "keterisian": ("terisi",),
    "stok": (),
}
NOT_READ: dict[str, str] = {
    "keterisian": "eks_keterisian_kosong",
    "stok": "eks_stok_kosong",
}
COUNT_ORDER: tuple[str, ...] = (
    "positif",
    "baru",
    "aktif",
    "dirawat",
    "isolasi",
    "sembuh",
    "meninggal",
)
TOP_N = 10
PICTURE_CSS = (
    "<style>.leaflet-control-layers{display:none}"
    ".leaflet-container{background:#ffffff}</style>"
)
COLUMN_LABELS: dict[str, str] = {
    "kode": "Kode",
    "nama": "Kelurahan",
    "nama_kecamatan": "Kecamatan",
    "positif": "Positif (kumulatif)",
    "baru": "Kasus baru",
    "aktif": "Kasus aktif",
    "dirawat": "Dirawat",
    "isolasi": "Isolasi mandiri",
    "sembuh": "Sembuh",
    "meninggal": "Meninggal",
    "penduduk": "Penduduk",
}
DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("Positif (kumulatif)", "Kasus konfirmasi sejak awal pencatatan."),
    ("Kasus baru", "Kenaikan positif kumulatif sejak tanggal data sebelumnya."),
    ("Kasus aktif", "Dirawat + isolasi mandiri pada tanggal data."),
)


@dataclass(frozen=True)
class ExportInputs:
    """A region at a date, as the page shows it and the exports need it.

    Attributes
    ----------
    region : RegionData
        The region's layers and tables (:func:`geo.regions.load_region`).
    situation : Situation
        Its situation at the data date (:func:`geo.indicators.situation`): the
        same kelurahan table, totals and notes the Peta Situasi page shows.
    layer : gpd.GeoDataFrame or None
        Kelurahan simplified for display (:func:`geo.display.display_geometry`)
        for the map; None draws the region's own polygons.
    hotspot_summary : tuple[str, ...]
        Paragraphs on hotspots for the briefing (left out when empty); filled
        by :func:`geo.briefing_sections.with_briefing_sections`.
    hotspot_table : pd.DataFrame or None
        Significant hotspot kelurahan, printed after those paragraphs.
    scenario_text : tuple[str, ...]
        Paragraphs on the adopted allocation scenario (left out when empty).
    scenario_table : pd.DataFrame or None
        The adopted scenario's KPIs, printed after those paragraphs.
    occupancy : StoreChart or None
        Bed occupancy per facility at the data date (``nama``, ``terisi``,
        ``kapasitas``, ...) or why there is none
        (:func:`geo.store_charts.occupancy_at`); None when not read.
    stock : StoreChart or None
        Resource stock over time (``tanggal``, ``sumber_daya``, ``stok``, ...)
        or why there is none (:func:`geo.store_charts.stock_history`); None
        when not read.
    """

    region: RegionData
    situation: Situation
    layer: gpd.GeoDataFrame | None = None
    hotspot_summary: tuple[str, ...] = ()
    hotspot_table: pd.DataFrame | None = None
    scenario_text: tuple[str, ...] = ()
    scenario_table: pd.DataFrame | None = None
    occupancy: StoreChart | None = None
    stock: StoreChart | None = None

    @property
    def kode(self) -> str:
        """Region code ("33.71")."""
        return self.region.pack.kode

    @property
    def name(self) -> str:
        """Region name ("Kota Magelang")."""
        return self.region.pack.nama

    @property
    def data_date(self) -> pd.Timestamp:
        """Date of the data exported."""
        return self.situation.tanggal

    @property
    def previous_date(self) -> pd.Timestamp | None:
        """The data date before it (for changes), None for the first."""
        return self.situation.previous_date

    @property
    def source(self) -> str:
        """Source line of the case data."""
        kasus = self.region.pack.kasus
        return kasus.sumber if kasus is not None and kasus.sumber else self.name

    @property
    def sources(self) -> tuple[str, ...]:
        """Every source of the region's data, one line each."""
        pack = self.region.pack
        specs = (pack.kasus, pack.fasilitas, pack.penduduk)
        found = [spec.sumber for spec in specs if spec is not None]
        return tuple(dict.fromkeys(text for text in found if text)) or (self.name,)

    @property
    def notes(self) -> tuple[str, ...]:
        """Caveats the page shows: region, situation and facility data quality."""
        facilities = self.region.facilities
        facility_notes = () if facilities is None else tuple(facilities.notes)
        notes = (*self.region.notes, *self.situation.notes, *facility_notes)
        return tuple(dict.fromkeys(notes))


def inputs_from_region(
    region: RegionData,
    tanggal: str | pd.Timestamp | None,
    *,
    indicator: str = DEFAULT_INDICATOR,
    layer: gpd.GeoDataFrame | None = None,
    hotspot_summary: tuple[str, ...] = (),
    scenario_text: tuple[str, ...] = (),
    occupancy: StoreChart | None = None,
    stock: StoreChart | None = None,
) -> ExportInputs:
    """Return :class:`ExportInputs` of ``region`` at ``tanggal`` (latest if None).

    Parameters
    ----------
    region : RegionData
        The region (:func:`geo.regions.load_region`).
    tanggal : str, pd.Timestamp or None
        Data date, text as TTTT-BB-HH; None takes the latest.
    indicator : str
        Indicator of the map and the table order (:data:`geo.indicators.INDICATORS`).
    layer : gpd.GeoDataFrame or None
        Kelurahan simplified for display; None uses the region's polygons.
    hotspot_summary, scenario_text : tuple[str, ...]
        Optional briefing sections.
    occupancy, stock : StoreChart or None
        Facility occupancy and resource stock read from the store
        (:func:`geo.store_charts.store_charts`).

    Returns
    -------
    ExportInputs

    Raises
    ------
    GeoInputError
        If there are no case data, ``tanggal`` is unreadable or not a data
        date, or the indicator is not available at that date.
    """
    dates = data_dates(region.cases)
    if not dates:
        raise GeoInputError(t("err_eks_kosong", apa=region.pack.nama))
    if tanggal is None:
        data_date = dates[-1]
    elif isinstance(tanggal, str):
        data_date = _parse_date(tanggal)
    else:
        data_date = pd.Timestamp(tanggal).normalize()
    if data_date not in dates:
        raise GeoInputError(
            t(
                "err_tanggal_unknown",
                value=date_label(data_date),
                first=date_label(dates[0]),
                last=date_label(dates[-1]),
            )
        )

    result = situation(
        region.kelurahan,
        region.cases,
        data_date,
        indicator,
        population=region.population,
    )
    return ExportInputs(
        region=region,
        situation=result,
        layer=layer,
        hotspot_summary=tuple(hotspot_summary),
        scenario_text=tuple(scenario_text),
        occupancy=occupancy,
        stock=stock,
    )


def export(
    kind: str,
    inputs: ExportInputs,
    *,
    fmt: str | None,
    out_path: Path,
    chart: str = "kurva",
    public: bool = False,
    renderer: ImageRenderer | None = None,
) -> Path:
    """Write one export of ``inputs`` to ``out_path`` and return the path.

    Parameters
    ----------
    kind, inputs, fmt, chart, public, renderer
        As :func:`export_bytes`; a renderer is started (and stopped) here
        when none is given and an image is needed.
    out_path : Path
        File to write (its folder is created).

    Returns
    -------
    Path

    Raises
    ------
    GeoInputError
        If the kind or format is not supported, or an image cannot be made.
    """
    owned = renderer is None  # started lazily, so free when no image is made
    active = ImageRenderer() if renderer is None else renderer
    try:
        content = export_bytes(
            kind, inputs, fmt=fmt, chart=chart, public=public, renderer=active
        )
    finally:
        if owned:
            active.close()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(content)
    return out_path


def export_bytes(
    kind: str,
    inputs: ExportInputs,
    *,
    fmt: str | None,
    chart: str = "kurva",
    public: bool = False,
    renderer: ImageRenderer | None = None,
) -> bytes:
    """Return one export of ``inputs`` as file content.

    Parameters
    ----------
    kind : str
        ``"grafik"``, ``"tabel"``, ``"peta"`` or ``"laporan"``.
    inputs : ExportInputs
        The region at a date.
    fmt : str or None
        File format (see :data:`FORMATS`); None takes the first of the kind.
    chart : str
        For ``grafik``: one of :data:`CHARTS`.
    public : bool
        Public release: counts 1 to 4 as "<5".
    renderer : ImageRenderer or None
        Needed for PNG, SVG, PDF images and the map PNG; the briefing puts a
        sentence in place of its pictures when it is None or fails.

    Returns
    -------
    bytes

    Raises
    ------
    GeoInputError
        If the kind or format is not supported, or an image cannot be made.
    """
    fmt = _check_kind_format(kind, fmt)
    if renderer is None and _needs_renderer(kind, fmt):
        raise GeoInputError(
            t("err_eks_chromium_tidak_ada", dicari=t("brf_tanpa_peramban"))
        )

    writers: dict[str, Callable[..., bytes]] = {
        "grafik": _chart_bytes,
        "tabel": _table_bytes,
        "peta": _map_bytes,
        "laporan": _briefing_bytes,
    }
    started = time.perf_counter()
    content = writers[kind](
        inputs, fmt=fmt, chart=chart, public=public, renderer=renderer
    )
    logger.info(
        "export %s %s %s: %d bytes in %.2f s",
        kind,
        chart if kind == "grafik" else "",
        fmt,
        len(content),
        time.perf_counter() - started,
    )
    return content


def available_charts(inputs: ExportInputs) -> tuple[str, ...]:
    """Return the charts of :data:`CHARTS` that the data of ``inputs`` allow."""
    charts_there = list(REGION_CHARTS)
    for chart in STORE_CHARTS:
        part = _store_chart(inputs, chart)
        if part is not None and part.is_drawn:
            charts_there.append(chart)
    return tuple(charts_there)


def absent_charts(inputs: ExportInputs) -> tuple[tuple[str, str], ...]:
    """Return ``(chart, why)`` for each chart of :data:`STORE_CHARTS` not drawn.

    ``why`` is a clause in Bahasa Indonesia: which data are missing for the
    region up to the data date ("belum ada data keterisian tempat tidur ...").
    """
    missing = []
    for chart in STORE_CHARTS:
        part = _store_chart(inputs, chart)
        if part is not None and part.is_drawn:
            continue
        # inputs made without the store (a test region) have neither
        why = "" if part is None else part.absent
        missing.append((chart, why or t(NOT_READ[chart])))
    return tuple(missing)


def kelurahan_table(inputs: ExportInputs) -> pd.DataFrame:
    """Return the page's kelurahan table at the data date, in the page's order.

    One row per kelurahan of the boundaries, from :attr:`ExportInputs.situation`:
    ``kode``, ``nama``, ``nama_kecamatan``, ``positif``, ``baru`` (since the
    previous data date), ``aktif``, ``dirawat``, ``isolasi``, ``sembuh``,
    ``meninggal`` (Int64), ``penduduk`` when known, and the indicator's
    value when it is not one of those columns. Kelurahan without a row get
    <NA>, never 0.
    """
    table = inputs.situation.table
    columns = ["kode", "nama", "nama_kecamatan", *COUNT_ORDER]
    result = pd.DataFrame(table[["kode", "nama", "nama_kecamatan"]])
    for name in COUNT_ORDER:
        result[name] = _whole(table[name])
    if "penduduk" in table.columns:
        result["penduduk"] = _whole(table["penduduk"])
        columns.append("penduduk")
    indicator = inputs.situation.indicator
    if indicator not in columns:
        result[indicator] = table["value"].astype("Float64")
        columns.append(indicator)
    return pd.DataFrame(result[columns]).reset_index(drop=True)


def region_series(inputs: ExportInputs) -> pd.DataFrame:
    """Return CUMULATIVE counts per date over kelurahan, up to the data date."""
    return indicators.region_series(inputs.region.cases, until=inputs.data_date)


def briefing_input(inputs: ExportInputs, *, map_html: str | None) -> BriefingInput:
    """Return the briefing content: the page's KPIs, top kelurahan, curve, notes."""
    # reportlab takes about 0.5 s to import; only a briefing needs it.
    from geo.briefing import BriefingInput, KpiRow

    result = inputs.situation
    totals, changes = result.totals, result.changes
    labels = {
        "positif": t("ind_positif"),
        "aktif": t("ind_aktif"),
        "sembuh": t("ind_sembuh"),
        "meninggal": t("ind_meninggal"),
    }
    kpis = [
        KpiRow(
            label,
            totals.get(name),
            changes.get(name),
        )
        for name, label in labels.items()
    ]
    unassigned = result.unassigned_totals.get("positif", 0.0)
    if unassigned:
        kpis.append(KpiRow(t("eks_kpi_tanpa_kelurahan"), unassigned))
    facilities = inputs.region.facilities
    if facilities is not None:
        count = len(facilities.valid)
        kpis.append(KpiRow(t("eks_kpi_fasilitas"), count, is_count=False, decimals=0))

    table = kelurahan_table(inputs).sort_values(
        ["positif", "nama"], ascending=[False, True], na_position="last"
    )
    top = table[["nama", "nama_kecamatan", "positif", "baru", "aktif"]].head(TOP_N)
    return BriefingInput(
        region=inputs.name,
        data_date=inputs.data_date,
        previous_date=inputs.previous_date,
        kpis=tuple(kpis),
        top_kelurahan=top,
        epidemic_series=region_series(inputs),
        map_html=map_html,
        column_labels=COLUMN_LABELS,
        hotspot_summary=inputs.hotspot_summary,
        hotspot_table=inputs.hotspot_table,
        scenario_text=inputs.scenario_text,
        scenario_table=inputs.scenario_table,
        sources=inputs.sources,
        notes=(*inputs.notes, *_outlying_note(inputs)),
    )


def _outlying_note(inputs: ExportInputs) -> tuple[str, ...]:
    """Name the far-off kelurahan that the map picture leaves out of view."""
    region = inputs.region
    outlying = view_bounds(region.kelurahan, region.pack.metric_crs).outlying
    if not outlying:
        return ()
    return (t("ekp_catatan_jauh", n=len(outlying), nama=", ".join(outlying)),)


def map_html(inputs: ExportInputs, *, public: bool, picture: bool = False) -> str:
    """Return the situation map of ``inputs`` as a page that opens offline.

    The same map as the Peta Situasi page (:func:`geo.situation_maps.situation_map`)
    with Leaflet inline. The interactive file keeps the internet basemap as a
    layer (the map is fully drawn without it); ``picture`` prepares the page
    for a still image (PNG, briefing): no basemap, which a server without
    internet leaves grey, no zoom or layer buttons, and no zoom animation, so
    the picture is taken on the final view.
    """
    fmap = situation_maps.situation_map(
        inputs.region,
        inputs.situation,
        layer=inputs.layer,
        basemap=not picture,
        asset_base_url=None,
        public=public,
    )
    if picture:
        # An animated second fitBounds never finishes in a page nobody
        # watches; without animation every view change is immediate.
        fmap.options.update({"zoomAnimation": False, "zoomControl": False})
        fmap.get_root().header.add_child(Element(PICTURE_CSS))
    return offline_map_html(fmap)


def chart_figure(inputs: ExportInputs, chart: str, *, public: bool) -> go.Figure:
    """Return the chart ``chart`` (see :data:`CHARTS`) of ``inputs``.

    Raises
    ------
    GeoInputError
        If ``chart`` is unknown or its data are absent.
    """
    common = {
        "subtitle": f"{inputs.name} · "
        + t("eks_data_per", tanggal=date_label(inputs.data_date)),
        "source": inputs.source,
        "public": public,
    }
    for absent, why in absent_charts(inputs):
        if chart == absent:
            name = t(f"ekp_grafik_{chart}").lower()
            raise GeoInputError(t("eks_grafik_tidak_tersedia", grafik=name, alasan=why))
    if chart not in available_charts(inputs):
        choices = ", ".join(available_charts(inputs))
        raise GeoInputError(
            t("err_eks_format", value=chart, apa=t("eks_grafik"), choices=choices)
        )
    if chart == "kurva":
        return charts.epidemic_curve(
            region_series(inputs), title=t("brf_kurva"), **common
        )
    if chart == "status":
        return charts.cumulative_by_status(
            region_series(inputs), title=t("eks_judul_status"), **common
        )
    if chart == "keterisian" and inputs.occupancy is not None:
        return charts.facility_occupancy(
            inputs.occupancy.table,
            title=t("eks_judul_keterisian"),
            **_store_common(inputs, inputs.occupancy, public),
        )
    if chart == "stok" and inputs.stock is not None:
        title = t(
            "eks_judul_stok_contoh" if inputs.stock.is_example else "eks_judul_stok"
        )
        return charts.resource_stock(
            inputs.stock.table,
            title=title,
            **_store_common(inputs, inputs.stock, public),
        )
    return _kelurahan_chart(inputs, chart, common)


def chart_data(inputs: ExportInputs, chart: str) -> pd.DataFrame:
    """Return the table behind chart ``chart``: the CSV offered beside it."""
    if chart in ("kurva", "status"):
        return series_table(region_series(inputs))
    if chart == "kecamatan":
        return _by_kecamatan(inputs)
    if chart == "kelurahan":
        return kelurahan_table(inputs)
    part = _store_chart(inputs, chart) if chart in STORE_CHARTS else None
    if part is not None and part.is_drawn:
        return part.table
    raise GeoInputError(
        t(
            "err_eks_format",
            value=chart,
            apa=t("eks_grafik"),
            choices=", ".join(available_charts(inputs)),
        )
    )


def series_table(series: pd.DataFrame) -> pd.DataFrame:
    """Return the date and count columns of a case series, as a chart's CSV.

    ``series`` comes from :func:`geo.indicators.region_series`; the counts
    stay Int64, so a public release hides 1 to 4.
    """
    wanted = ["tanggal", *COUNT_COLUMNS, "aktif", "baru", "positif_tanpa_kelurahan"]
    present = [name for name in wanted if name in series.columns]
    return pd.DataFrame(series[present])


def table_info(inputs: ExportInputs, title: str | None = None) -> TableInfo:
    """Return what the XLSX "Keterangan" sheet says: source, date, filter, notes."""
    indicator = INDICATORS[inputs.situation.indicator]
    return TableInfo(
        title=title or f"{t('kelurahan')} {inputs.name}",
        source="; ".join(inputs.sources),
        data_date=date_label(inputs.data_date),
        region=inputs.name,
        filters=(
            (t("tanggal"), date_label(inputs.data_date)),
            (t("eks_urutan"), indicator.label),
        ),
        definitions=DEFINITIONS,
        notes=inputs.notes,
    )


def _store_chart(inputs: ExportInputs, chart: str) -> StoreChart | None:
    return inputs.occupancy if chart == "keterisian" else inputs.stock


def _store_common(
    inputs: ExportInputs, part: StoreChart, public: bool
) -> dict[str, object]:
    """Subtitle and source of a store chart: its dates, source and what it omits."""
    source = (
        ". ".join([part.source, " ".join(part.notes)]) if part.notes else part.source
    )
    return {
        "subtitle": f"{inputs.name} · {part.subtitle}",
        "source": source,
        "public": public,
    }


def _kelurahan_chart(
    inputs: ExportInputs, chart: str, common: dict[str, object]
) -> go.Figure:
    label = t("ind_positif")
    if chart == "kecamatan":
        return charts.kecamatan_comparison(
            _by_kecamatan(inputs),
            value_column="positif",
            value_label=label,
            title=t("eks_judul_kecamatan", indikator=label),
            **common,
        )
    return charts.top_kelurahan(
        kelurahan_table(inputs),
        value_column="positif",
        value_label=label,
        title=t("eks_judul_top", n=TOP_N, indikator=label.lower()),
        n=TOP_N,
        **common,
    )


def _by_kecamatan(inputs: ExportInputs) -> pd.DataFrame:
    table = kelurahan_table(inputs)
    grouped = table.groupby("nama_kecamatan", as_index=False)["positif"]
    return grouped.sum(min_count=1)


def _chart_bytes(
    inputs: ExportInputs,
    *,
    fmt: str,
    chart: str,
    public: bool,
    renderer: ImageRenderer | None,
) -> bytes:
    figure = chart_figure(inputs, chart, public=public)
    if fmt == "html":
        return figure_html(figure)
    if fmt == "csv":
        return table_to_csv(
            chart_data(inputs, chart),
            public=public,
            count_columns=CHART_COUNT_COLUMNS.get(chart),
        )
    return renderer.chart_image(figure, fmt, scale=2)


def _table_bytes(
    inputs: ExportInputs,
    *,
    fmt: str,
    chart: str,
    public: bool,
    renderer: ImageRenderer | None,
) -> bytes:
    del chart, renderer  # one table per region and date
    table = kelurahan_table(inputs)
    if fmt == "csv":
        return table_to_csv(table, public=public)
    return table_to_xlsx(
        table, table_info(inputs), public=public, column_labels=_column_labels(inputs)
    )


def _map_bytes(
    inputs: ExportInputs,
    *,
    fmt: str,
    chart: str,
    public: bool,
    renderer: ImageRenderer | None,
) -> bytes:
    del chart
    if fmt in ("geojson", "gpkg"):
        layer = inputs.region.kelurahan.merge(
            kelurahan_table(inputs).drop(columns=["nama", "nama_kecamatan"]),
            on="kode",
            how="left",
        )
        if fmt == "geojson":
            return layer_to_geojson(layer, public=public)
        return layer_to_gpkg(layer, layer_name="kelurahan", public=public)
    if fmt == "html":
        return map_html(inputs, public=public).encode("utf-8")
    return renderer.map_png(map_html(inputs, public=public, picture=True))


def _briefing_bytes(
    inputs: ExportInputs,
    *,
    fmt: str,
    chart: str,
    public: bool,
    renderer: ImageRenderer | None,
) -> bytes:
    del fmt, chart
    page = map_html(inputs, public=public, picture=True)
    content = briefing_input(inputs, map_html=page)
    from geo.briefing import build_briefing

    return build_briefing(content, renderer, public=public)


def _column_labels(inputs: ExportInputs) -> dict[str, str]:
    labels = dict(COLUMN_LABELS)
    indicator = INDICATORS[inputs.situation.indicator]
    labels.setdefault(indicator.key, indicator.label)
    return labels


def _check_kind_format(kind: str, fmt: str | None) -> str:
    if kind not in FORMATS:
        raise GeoInputError(
            t(
                "err_eks_format",
                value=kind,
                apa=t("eks_ekspor"),
                choices=", ".join(KINDS),
            )
        )
    fmt = (fmt or FORMATS[kind][0]).lower().lstrip(".")
    if fmt not in FORMATS[kind]:
        choices = ", ".join(FORMATS[kind])
        raise GeoInputError(t("err_eks_format", value=fmt, apa=kind, choices=choices))
    return fmt


def _needs_renderer(kind: str, fmt: str) -> bool:
    return (kind, fmt) in {("grafik", "png"), ("grafik", "svg"), ("grafik", "pdf")} | {
        ("peta", "png")
    }


def _whole(values: pd.Series) -> pd.Series:
    """Return counts as nullable integers (they are sums of whole counts)."""
    return values.round().astype("Int64")


def _parse_date(text: str) -> pd.Timestamp:
    try:
        return pd.Timestamp(pd.to_datetime(text, format="%Y-%m-%d"))
    except (ValueError, TypeError) as err:
        raise GeoInputError(t("err_tanggal_format", value=text)) from err
