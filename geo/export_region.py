"""A region at a date turned into every export: charts, tables, map, briefing.

:class:`ExportInputs` holds the region's layers and case table at one date;
:func:`export` writes one export of it (``grafik``, ``tabel``, ``peta``,
``laporan``) in a chosen format. The command line (:mod:`geo.cli_export`) and
the page both go through here, so they produce the same files.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import plotly.graph_objects as go

from geo import charts
from geo.briefing import BriefingInput, KpiRow, build_briefing
from geo.errors import GeoInputError
from geo.export import count_label, date_label
from geo.export_image import ImageRenderer, figure_html, offline_map_html
from geo.export_table import (
    TableInfo,
    layer_to_geojson,
    layer_to_gpkg,
    table_to_csv,
    table_to_xlsx,
)
from geo.text import t

logger = logging.getLogger(__name__)

KINDS: tuple[str, ...] = ("grafik", "tabel", "peta", "laporan")
FORMATS: dict[str, tuple[str, ...]] = {
    "grafik": ("png", "svg", "pdf", "html"),
    "tabel": ("xlsx", "csv"),
    "peta": ("html", "png", "geojson", "gpkg"),
    "laporan": ("pdf",),
}
CHARTS: tuple[str, ...] = ("kurva", "status", "kecamatan", "kelurahan")
COUNT_COLUMNS: tuple[str, ...] = (
    "positif",
    "dirawat",
    "isolasi",
    "sembuh",
    "meninggal",
)
TOP_N = 10
# viridis, 5 classes: ordered light to dark for every reader
MAP_CLASS_COLORS: tuple[str, ...] = (
    "#FDE725",
    "#5EC962",
    "#21918C",
    "#3B528B",
    "#440154",
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
}
DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("Positif (kumulatif)", "Kasus konfirmasi sejak awal pencatatan."),
    ("Kasus baru", "Kenaikan positif kumulatif sejak tanggal data sebelumnya."),
    ("Kasus aktif", "Dirawat + isolasi mandiri pada tanggal data."),
)


@dataclass(frozen=True)
class ExportInputs:
    """A region at a date, as the exports need it.

    Attributes
    ----------
    kode, region : str
        Region code ("33.71") and name ("Kota Magelang").
    data_date : pd.Timestamp
        Date of the data exported.
    previous_date : pd.Timestamp or None
        The data date before it (for changes), None for the first.
    kelurahan : gpd.GeoDataFrame
        Boundaries (``kode``, ``nama``, ``kode_kecamatan``, ``nama_kecamatan``,
        ``geometry``) with a CRS.
    cases : pd.DataFrame
        Tidy CUMULATIVE case table (``kode``, ``tanggal``, ``positif``,
        ``dirawat``, ``isolasi``, ``sembuh``, ``meninggal``).
    source : str
        Source line of the case data.
    notes : tuple[str, ...]
        Caveats of the region's data.
    map_html : str or None
        Situation map page; None draws a simple choropleth of ``positif``.
    """

    kode: str
    region: str
    data_date: pd.Timestamp
    previous_date: pd.Timestamp | None
    kelurahan: gpd.GeoDataFrame
    cases: pd.DataFrame
    source: str
    notes: tuple[str, ...] = ()
    map_html: str | None = None


def inputs_from_region(
    *,
    kode: str,
    name: str,
    kelurahan: gpd.GeoDataFrame,
    cases: pd.DataFrame,
    source: str,
    notes: tuple[str, ...],
    tanggal: str | None,
) -> ExportInputs:
    """Return :class:`ExportInputs` at ``tanggal`` (latest data date if None).

    Raises
    ------
    GeoInputError
        If there are no case data, or ``tanggal`` is unreadable or not a data date.
    """
    dates = sorted(pd.to_datetime(cases["tanggal"]).dropna().unique())
    if not dates:
        raise GeoInputError(t("err_eks_kosong", apa=name))
    data_date = dates[-1] if tanggal is None else _parse_date(tanggal)
    if data_date not in dates:
        raise GeoInputError(
            t(
                "err_tanggal_unknown",
                value=date_label(data_date),
                first=date_label(dates[0]),
                last=date_label(dates[-1]),
            )
        )

    position = dates.index(data_date)
    previous = dates[position - 1] if position > 0 else None
    return ExportInputs(
        kode=kode,
        region=name,
        data_date=pd.Timestamp(data_date),
        previous_date=None if previous is None else pd.Timestamp(previous),
        kelurahan=kelurahan,
        cases=cases,
        source=source,
        notes=tuple(notes),
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
    kind : str
        ``"grafik"``, ``"tabel"``, ``"peta"`` or ``"laporan"``.
    inputs : ExportInputs
        The region at a date.
    fmt : str or None
        File format (see :data:`FORMATS`); None takes the first of the kind.
    out_path : Path
        File to write (its folder is created).
    chart : str
        For ``grafik``: ``kurva``, ``status``, ``kecamatan`` or ``kelurahan``.
    public : bool
        Public release: counts 1 to 4 as "<5".
    renderer : ImageRenderer or None
        Needed for PNG, SVG, PDF images and the briefing's pictures.

    Returns
    -------
    Path

    Raises
    ------
    GeoInputError
        If the kind or format is not supported, or an image cannot be made.
    """
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

    writers: dict[str, Callable[..., bytes]] = {
        "grafik": _chart_bytes,
        "tabel": _table_bytes,
        "peta": _map_bytes,
        "laporan": _briefing_bytes,
    }
    owned = renderer is None  # started lazily, so free when no image is made
    active = ImageRenderer() if renderer is None else renderer
    try:
        content = writers[kind](
            inputs, fmt=fmt, chart=chart, public=public, renderer=active
        )
    finally:
        if owned:
            active.close()
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_bytes(content)
    return out_path


def kelurahan_table(inputs: ExportInputs) -> pd.DataFrame:
    """Return one row per kelurahan at the data date, largest ``positif`` first.

    Columns: ``kode``, ``nama``, ``nama_kecamatan``, ``positif``, ``baru``
    (since the previous data date), ``aktif``, ``dirawat``, ``isolasi``,
    ``sembuh``, ``meninggal`` (Int64). Kelurahan without a row get <NA>.
    """
    current = _counts_at(inputs.cases, inputs.data_date)
    table = inputs.kelurahan[["kode", "nama", "nama_kecamatan"]].merge(
        current, on="kode", how="left"
    )
    if inputs.previous_date is not None:
        before = _counts_at(inputs.cases, inputs.previous_date)
        previous = table[["kode"]].merge(before, on="kode", how="left")["positif"]
        table.insert(4, "baru", (table["positif"] - previous).astype("Int64"))
    else:
        table.insert(4, "baru", pd.array([pd.NA] * len(table), dtype="Int64"))
    table.insert(5, "aktif", (table["dirawat"] + table["isolasi"]).astype("Int64"))
    table = table.sort_values(["positif", "nama"], ascending=[False, True])
    return pd.DataFrame(table.reset_index(drop=True))


def region_series(inputs: ExportInputs) -> pd.DataFrame:
    """Return CUMULATIVE counts per date summed over kelurahan, up to the data date."""
    assigned = inputs.cases[inputs.cases["kode"].notna()]
    assigned = assigned[pd.to_datetime(assigned["tanggal"]) <= inputs.data_date]
    present = [name for name in COUNT_COLUMNS if name in assigned.columns]
    series = assigned.groupby("tanggal")[present].sum(min_count=1)
    return series.reset_index()


def briefing_input(inputs: ExportInputs, *, map_html: str | None) -> BriefingInput:
    """Return the briefing content of ``inputs``: KPIs, top kelurahan, curve, notes."""
    table = kelurahan_table(inputs)
    totals = table[["positif", "aktif", "sembuh", "meninggal"]].sum(min_count=1)
    changes = _total_changes(inputs)
    labels = {
        "positif": t("ind_positif"),
        "aktif": t("ind_aktif"),
        "sembuh": t("ind_sembuh"),
        "meninggal": t("ind_meninggal"),
    }
    kpis = tuple(
        KpiRow(label, _maybe(totals.get(name)), _maybe(changes.get(name)))
        for name, label in labels.items()
    )
    top = table[["nama", "nama_kecamatan", "positif", "baru", "aktif"]].head(TOP_N)
    return BriefingInput(
        region=inputs.region,
        data_date=inputs.data_date,
        previous_date=inputs.previous_date,
        kpis=kpis,
        top_kelurahan=top,
        epidemic_series=region_series(inputs),
        map_html=map_html,
        column_labels=COLUMN_LABELS,
        sources=(inputs.source,),
        notes=inputs.notes,
    )


def _chart_bytes(
    inputs: ExportInputs,
    *,
    fmt: str,
    chart: str,
    public: bool,
    renderer: ImageRenderer,
) -> bytes:
    figure = chart_figure(inputs, chart, public=public)
    if fmt == "html":
        return figure_html(figure)
    return renderer.chart_image(figure, fmt, scale=2)


def chart_figure(inputs: ExportInputs, chart: str, *, public: bool) -> go.Figure:
    """Return the chart ``chart`` (see :data:`CHARTS`) of ``inputs``."""
    as_of = t("eks_data_per", tanggal=date_label(inputs.data_date))
    common = {
        "subtitle": f"{inputs.region} · {as_of}",
        "source": inputs.source,
        "public": public,
    }
    if chart == "kurva":
        return charts.epidemic_curve(
            region_series(inputs), title=t("brf_kurva"), **common
        )
    if chart == "status":
        return charts.cumulative_by_status(
            region_series(inputs), title=t("ind_positif"), **common
        )
    table = kelurahan_table(inputs)
    if chart == "kecamatan":
        by_kecamatan = table.groupby("nama_kecamatan", as_index=False)["positif"].sum()
        return charts.kecamatan_comparison(
            by_kecamatan,
            value_column="positif",
            value_label=t("ind_positif"),
            title=t("eks_judul_kecamatan", indikator=t("ind_positif")),
            **common,
        )
    if chart == "kelurahan":
        return charts.top_kelurahan(
            table,
            value_column="positif",
            value_label=t("ind_positif"),
            title=t("eks_judul_top", n=TOP_N, indikator=t("ind_positif").lower()),
            n=TOP_N,
            **common,
        )
    raise GeoInputError(
        t("err_eks_format", value=chart, apa=t("eks_grafik"), choices=", ".join(CHARTS))
    )


def _table_bytes(
    inputs: ExportInputs,
    *,
    fmt: str,
    chart: str,
    public: bool,
    renderer: ImageRenderer,
) -> bytes:
    del chart, renderer  # one table per region and date
    table = kelurahan_table(inputs)
    if fmt == "csv":
        return table_to_csv(table, public=public)
    info = TableInfo(
        title=f"{t('kelurahan')} {inputs.region}",
        source=inputs.source,
        data_date=date_label(inputs.data_date),
        region=inputs.region,
        filters=((t("tanggal"), date_label(inputs.data_date)),),
        definitions=DEFINITIONS,
        notes=inputs.notes,
    )
    return table_to_xlsx(table, info, public=public, column_labels=COLUMN_LABELS)


def _map_bytes(
    inputs: ExportInputs,
    *,
    fmt: str,
    chart: str,
    public: bool,
    renderer: ImageRenderer,
) -> bytes:
    del chart
    if fmt in ("geojson", "gpkg"):
        layer = inputs.kelurahan.merge(
            kelurahan_table(inputs).drop(columns=["nama", "nama_kecamatan"]),
            on="kode",
            how="left",
        )
        if fmt == "geojson":
            return layer_to_geojson(layer, public=public)
        return layer_to_gpkg(layer, layer_name="kelurahan", public=public)
    html = _map_html(inputs, public=public)
    if fmt == "html":
        return html.encode("utf-8")
    return renderer.map_png(html)


def _briefing_bytes(
    inputs: ExportInputs,
    *,
    fmt: str,
    chart: str,
    public: bool,
    renderer: ImageRenderer,
) -> bytes:
    del fmt, chart
    content = briefing_input(inputs, map_html=_map_html(inputs, public=public))
    return build_briefing(content, renderer, public=public)


def _map_html(inputs: ExportInputs, *, public: bool) -> str:
    if inputs.map_html is not None:
        return offline_map_html(inputs.map_html)
    return offline_map_html(simple_map(inputs, public=public))


def simple_map(inputs: ExportInputs, *, public: bool) -> folium.Map:
    """Return a plain choropleth of ``positif`` (quintiles) with no basemap.

    Used when ``ExportInputs.map_html`` is None; the app's situation map is
    used when it is given.
    """
    # LIMITATION: no facilities and no legend on this stand-in map; the command
    # line draws it until it is wired to the app's situation map.
    layer = inputs.kelurahan.to_crs("EPSG:4326").merge(
        kelurahan_table(inputs)[["kode", "positif"]], on="kode", how="left"
    )
    values = layer["positif"].astype("float")
    classes = _classes(values.to_numpy(dtype=float, na_value=np.nan))
    layer = layer.assign(
        warna=[MAP_CLASS_COLORS[c] if c >= 0 else "#BDBDBD" for c in classes],
        label=[
            t("tidak_ada_data") if pd.isna(v) else count_label(v, public=public)
            for v in values
        ],
    )[["kode", "nama", "warna", "label", "geometry"]]

    west, south, east, north = layer.total_bounds
    fmap = folium.Map(tiles=None, zoom_snap=0.25, zoom_control=True)
    folium.GeoJson(
        layer.__geo_interface__,
        style_function=lambda feature: {
            "fillColor": feature["properties"]["warna"],
            "fillOpacity": 0.8,
            "color": "#444444",
            "weight": 1,
        },
        tooltip=folium.GeoJsonTooltip(
            fields=["nama", "label"], aliases=[t("kelurahan"), t("ind_positif")]
        ),
    ).add_to(fmap)
    fmap.fit_bounds([[south, west], [north, east]])
    return fmap


def _classes(values: np.ndarray) -> np.ndarray:
    """Return quintile classes 0-4 of ``values`` (-1 where missing)."""
    present = values[~np.isnan(values)]
    if present.size == 0:
        return np.full(values.shape, -1)
    edges = np.quantile(present, [0.2, 0.4, 0.6, 0.8])
    classes = np.searchsorted(edges, values, side="left")
    return np.where(np.isnan(values), -1, classes)


def _counts_at(cases: pd.DataFrame, tanggal: pd.Timestamp) -> pd.DataFrame:
    present = [name for name in COUNT_COLUMNS if name in cases.columns]
    rows = cases[(pd.to_datetime(cases["tanggal"]) == tanggal) & cases["kode"].notna()]
    counts = rows.groupby("kode")[present].sum(min_count=1).astype("Int64")
    for name in COUNT_COLUMNS:
        if name not in counts.columns:
            counts[name] = pd.array([pd.NA] * len(counts), dtype="Int64")
    return counts.reset_index()


def _total_changes(inputs: ExportInputs) -> dict[str, float]:
    if inputs.previous_date is None:
        return {}
    now = _counts_at(inputs.cases, inputs.data_date)
    before = _counts_at(inputs.cases, inputs.previous_date)
    result = {}
    for name in ("positif", "sembuh", "meninggal"):
        result[name] = now[name].sum() - before[name].sum()
    active_now = (now["dirawat"] + now["isolasi"]).sum()
    active_before = (before["dirawat"] + before["isolasi"]).sum()
    result["aktif"] = active_now - active_before
    return result


def _maybe(value: object) -> float | None:
    return None if value is None or pd.isna(value) else float(value)


def _parse_date(text: str) -> pd.Timestamp:
    try:
        return pd.Timestamp(pd.to_datetime(text, format="%Y-%m-%d"))
    except (ValueError, TypeError) as err:
        raise GeoInputError(t("err_tanggal_format", value=text)) from err
