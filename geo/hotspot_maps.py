"""Maps and tables of hotspot results, shared by the page, exports and the briefing.

Draws a :class:`geo.hotspots.HotspotResult` as class maps (Gi* hot and cold spots
by confidence, LISA clusters, emerging-hotspot patterns) and as value maps (raw
and smoothed rates with one set of class breaks), and lays its table out for
people, sorted by significance, numbers in Indonesian format. Every map goes
through :func:`geo.mapview.polygon_map` or :func:`geo.mapview.situation_map`, so
it loads only the app's own Leaflet.
"""

from __future__ import annotations

from pathlib import Path

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

from geo import mapview
from geo.boundaries import ViewBounds
from geo.errors import GeoInputError
from geo.hotspots import (
    ISLAND,
    NO_DATA,
    NOT_SIGNIFICANT,
    PROMINENT,
    HotspotResult,
    class_label,
)
from geo.text import fmt_int, fmt_num, t
from geo.trends import EMERGING_KINDS, NO_PATTERN, EmergingResult

MAP_KINDS = ("gi", "lisa", "emerging")
PROMINENT_HIGH = "prominent_high"
PROMINENT_LOW = "prominent_low"
RATE_COLUMNS = ("rate_per_10k", "rate_eb_per_10k", "rate_seb_per_10k")


def _fill(colour: str) -> dict[str, object]:
    return {**mapview.CLASS_STYLE, "fillColor": colour}


# Hot reds and cold blues after ArcGIS's hot spot renderer, darker = more
# confident; "menonjol" keeps a pale fill with a dashed outline so it never reads
# as a significant class; islands are outlined only, dotted purple.
NOT_SIGNIFICANT_STYLE = {
    "fillColor": "#f7f7f7",
    "fillOpacity": 0.6,
    "color": "#969696",
    "weight": 0.6,
}
ISLAND_STYLE = {
    "fillColor": "#ffffff",
    "fillOpacity": 0.3,
    "color": "#6a3d9a",
    "weight": 2.5,
    "dashArray": "2 5",
}
PROMINENT_HIGH_STYLE = {
    "fillColor": "#fee8a0",
    "fillOpacity": 0.8,
    "color": "#d95f0e",
    "weight": 2.5,
    "dashArray": "7 4",
}
PROMINENT_LOW_STYLE = {
    "fillColor": "#e0ecf4",
    "fillOpacity": 0.8,
    "color": "#3182bd",
    "weight": 2.5,
    "dashArray": "7 4",
}
COMMON_STYLES = {
    NOT_SIGNIFICANT: NOT_SIGNIFICANT_STYLE,
    NO_PATTERN: NOT_SIGNIFICANT_STYLE,
    ISLAND: ISLAND_STYLE,
    NO_DATA: mapview.NO_DATA_STYLE,
}
GI_STYLES = {
    "hot_99": _fill("#b2182b"),
    "hot_95": _fill("#ef8a62"),
    "hot_90": _fill("#fcbba1"),
    "cold_99": _fill("#2166ac"),
    "cold_95": _fill("#67a9cf"),
    "cold_90": _fill("#c6dbef"),
    PROMINENT_HIGH: PROMINENT_HIGH_STYLE,
    PROMINENT_LOW: PROMINENT_LOW_STYLE,
    **COMMON_STYLES,
}
LISA_STYLES = {
    "HH": _fill("#d7191c"),
    "HL": _fill("#fdae61"),
    "LH": _fill("#abd9e9"),
    "LL": _fill("#2c7bb6"),
    PROMINENT: PROMINENT_HIGH_STYLE,
    **COMMON_STYLES,
}
_EMERGING_HOT = (
    "#fcbba1", "#fb6a4a", "#a50f15", "#cb181d", "#fc9272", "#fee0d2", "#fdd0a2",
    "#d9d9d9",
)  # fmt: skip
_EMERGING_COLD = (
    "#c6dbef", "#6baed6", "#08306b", "#2171b5", "#9ecae1", "#deebf7", "#c7e9c0",
    "#bdbdbd",
)  # fmt: skip
EMERGING_STYLES = {
    **{
        f"{kind}_hot": _fill(colour)
        for kind, colour in zip(EMERGING_KINDS, _EMERGING_HOT, strict=True)
    },
    **{
        f"{kind}_cold": _fill(colour)
        for kind, colour in zip(EMERGING_KINDS, _EMERGING_COLD, strict=True)
    },
    **COMMON_STYLES,
}
_STYLES = {"gi": GI_STYLES, "lisa": LISA_STYLES, "emerging": EMERGING_STYLES}
_TITLE_KEYS = {"gi": "hsp_map_gi", "lisa": "hsp_map_lisa", "emerging": "hsp_map_em"}
# significance order of the table: significant first, "tidak ada data" last
CLASS_RANK = {
    code: rank
    for rank, code in enumerate(
        (
            "hot_99", "hot_95", "hot_90", "cold_99", "cold_95", "cold_90",
            PROMINENT_HIGH, PROMINENT_LOW, NOT_SIGNIFICANT, ISLAND, NO_DATA,
        )
    )
}  # fmt: skip


def map_classes(result: HotspotResult, kind: str) -> pd.Series:
    """Return the class code drawn for each unit on map ``kind``.

    Parameters
    ----------
    result : HotspotResult
        Output of :func:`geo.hotspots.hotspots` (with emerging classes for
        ``kind="emerging"``).
    kind : {"gi", "lisa", "emerging"}
        Gi* hot/cold spots, LISA clusters or emerging-hotspot patterns.

    Returns
    -------
    pandas.Series
        Codes on the table's index. On the Gi* map "menonjol" is split by the
        sign of z into ``prominent_high`` and ``prominent_low``.

    Raises
    ------
    GeoInputError
        If ``kind`` is unknown or the result has no emerging classes.
    """
    table = _check_kind(result, kind)
    if kind == "lisa":
        # LIMITATION: the result keeps no quadrant for a LISA "menonjol" unit, so
        # the LISA map draws all of them in one style; the Gi* map tells high
        # from low.
        return table["lisa_class"].astype(str)
    if kind == "emerging":
        return table["emerging_class"].astype(str)

    codes = table["hotspot_class"].astype(str)
    prominent = codes.eq(PROMINENT)
    high = table["gi_z"].gt(0)
    return codes.mask(prominent & high, PROMINENT_HIGH).mask(
        prominent & ~high, PROMINENT_LOW
    )


def class_map(
    result: HotspotResult,
    kind: str,
    *,
    layer: gpd.GeoDataFrame | None = None,
    view: ViewBounds | None = None,
    asset_base_url: str | None = mapview.DEFAULT_ASSET_BASE_URL,
    asset_dir: Path = mapview.DEFAULT_ASSET_DIR,
    basemap: bool = True,
) -> folium.Map:
    """Return the map of Gi* hot/cold spots, LISA clusters or emerging patterns.

    Parameters
    ----------
    result : HotspotResult
        A hotspot result (any level).
    kind : {"gi", "lisa", "emerging"}
        Which classes to draw.
    layer : geopandas.GeoDataFrame or None
        Polygons to draw, with ``kode`` matching the result's units (e.g. the
        kelurahan simplified by :func:`geo.display.display_geometry`); by
        default the result's own geometry.
    view : ViewBounds or None
        Where the map opens (:func:`geo.boundaries.view_bounds`: the bulk of
        the region, far islands a zoom-out away); by default all units.
    asset_base_url, asset_dir, basemap
        As for :func:`geo.mapview.situation_map`.

    Returns
    -------
    folium.Map
        Every unit is drawn; "tidak ada data" and "tanpa tetangga – tidak
        diuji" have their own styles, and the legend lists exactly the classes
        present.

    Raises
    ------
    GeoInputError
        If ``kind`` is unknown, the result has no emerging classes, or ``layer``
        lacks a unit of the result.
    """
    codes = map_classes(result, kind)
    styles_by_code = _STYLES[kind]

    frame = _map_frame(result, layer)
    frame["kelas"] = [_class_text(code) for code in codes]
    frame["nilai"] = _value_texts(result)
    styles = {
        kode: styles_by_code[code]
        for kode, code in zip(frame["kode"], codes, strict=True)
    }
    present = list(dict.fromkeys(codes))
    order = list(styles_by_code)
    entries = [
        (_class_text(code), styles_by_code[code])
        for code in sorted(present, key=order.index)
    ]

    level = t(f"hs_level_{result.settings.level}")
    tooltip = {"nama": level.capitalize(), "kelas": t(_TITLE_KEYS[kind])}
    if result.settings.level == "kelurahan":
        tooltip = {"nama": t("kelurahan"), "kecamatan": t("kecamatan"), **tooltip}
    tooltip["nilai"] = _capitalised(result.settings.value_label)
    return mapview.polygon_map(
        frame,
        styles,
        tooltip=tooltip,
        layer_name=t(_TITLE_KEYS[kind]),
        legend_title=t(_TITLE_KEYS[kind]),
        legend_entries=entries,
        asset_base_url=asset_base_url,
        asset_dir=asset_dir,
        basemap=basemap,
        bounds=_view_box(view),
    )


def value_columns(
    result: HotspotResult, indikator: str
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the columns and labels to draw side by side for ``indikator``.

    Parameters
    ----------
    result : HotspotResult
        A hotspot result.
    indikator : str
        ``"baru"``, ``"insidens"``, ``"insidens_eb"`` or ``"insidens_seb"``.

    Returns
    -------
    tuple
        The raw incidence and its smoothed form (empirical Bayes for
        ``"insidens_eb"``, spatial empirical Bayes otherwise) when population is
        known; the new cases alone when it is not.
    """
    if "rate_per_10k" not in result.table.columns:
        return ("value",), (_capitalised(result.settings.value_label),)
    smoothed = "rate_eb_per_10k" if indikator == "insidens_eb" else "rate_seb_per_10k"
    return (
        ("rate_per_10k", smoothed),
        (t("hsp_col_rate_per_10k"), t(f"hsp_col_{smoothed}")),
    )


def value_maps(
    result: HotspotResult,
    columns: tuple[str, ...],
    labels: tuple[str, ...],
    *,
    layer: gpd.GeoDataFrame | None = None,
    view: ViewBounds | None = None,
    asset_base_url: str | None = mapview.DEFAULT_ASSET_BASE_URL,
    basemap: bool = True,
) -> list[folium.Map]:
    """Return one choropleth per column, all with the same class breaks.

    Parameters
    ----------
    result : HotspotResult
        A hotspot result; ``columns`` are columns of its table.
    columns : tuple of str
        E.g. ``("rate_per_10k", "rate_seb_per_10k")`` for raw beside smoothed.
    labels : tuple of str
        Indicator name of each map, in Bahasa Indonesia.
    layer, view
        Polygons to draw and where the map opens (see :func:`class_map`).
    asset_base_url, basemap
        As for :func:`geo.mapview.situation_map`.

    Returns
    -------
    list of folium.Map
        Same order as ``columns``; a missing value is "tidak ada data".

    Raises
    ------
    GeoInputError
        If a column is not in the result (rates need population).
    """
    missing = [name for name in columns if name not in result.table.columns]
    if missing:
        raise GeoInputError(t("err_hsp_no_column", missing=", ".join(missing)))

    frame = _map_frame(result, layer)
    # one classification over all maps, so a colour means the same on each
    stacked = pd.concat(
        [result.table[name].reset_index(drop=True) for name in columns],
        ignore_index=True,
    )
    classes = mapview.classify_values(stacked, classes=5, scheme="Quantiles")
    level = t(f"hs_level_{result.settings.level}")
    maps = []
    for position, (name, label) in enumerate(zip(columns, labels, strict=True)):
        part = classes.class_index.iloc[
            position * len(frame) : (position + 1) * len(frame)
        ].to_numpy()
        styles = {
            kode: _value_style(classes, index)
            for kode, index in zip(frame["kode"], part, strict=True)
        }
        decimals = 0 if name == "value" else 1
        frame["nilai"] = [_number_text(value, decimals) for value in result.table[name]]
        entries = [
            (text, mapview.CLASS_STYLE | {"fillColor": colour})
            for text, colour in zip(classes.labels, classes.colours, strict=True)
        ]
        entries.append((t("tidak_ada_data"), mapview.NO_DATA_STYLE))
        fmap = mapview.polygon_map(
            frame,
            styles,
            tooltip={"nama": level.capitalize(), "nilai": label},
            layer_name=label,
            legend_title=label,
            legend_entries=entries,
            asset_base_url=asset_base_url,
            basemap=basemap,
            bounds=_view_box(view),
        )
        maps.append(fmap)
    return maps


def hotspot_table(
    result: HotspotResult, growth: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return the units as people read them, most significant first.

    Parameters
    ----------
    result : HotspotResult
        A hotspot result.
    growth : pandas.DataFrame or None
        ``geo.trends.GrowthResult.table`` (kelurahan level only), adding growth
        per day and doubling time.

    Returns
    -------
    pandas.DataFrame
        Text columns with Indonesian headers and number format; "–" where a
        statistic does not exist, "tidak ada data" where the value is missing.
        Sorted by class (99 % hotspots first, "menonjol" split into high and
        low as on the map), then FDR p-value, then ``|z|``.
    """
    table = result.table.assign(map_class=map_classes(result, "gi"))
    table["hotspot_label"] = [_class_text(code) for code in table["map_class"]]
    if growth is not None and result.settings.level == "kelurahan":
        table = table.merge(
            growth[["kode", "growth_per_day", "doubling_days"]], on="kode", how="left"
        )
    table = _sorted(table)

    # LIMITATION: numbers are text in Indonesian format ("1.234,5"); sorting by
    # clicking a column header in the app orders them as text, not as numbers.
    level = t(f"hs_level_{result.settings.level}")
    shown = {t("kode"): table["kode"], level.capitalize(): table["nama"]}
    if result.settings.level == "kelurahan":
        shown[t("kecamatan")] = table["nama_kecamatan"]
    shown[t("hsp_col_gi_class")] = table["hotspot_label"]
    shown[t("hsp_col_lisa_class")] = table["lisa_label"]
    if "emerging_label" in table.columns:
        shown[t("hsp_col_emerging")] = table["emerging_label"]
    shown[_capitalised(result.settings.value_label)] = [
        _number_text(value, 0) for value in table["value"]
    ]
    for name in RATE_COLUMNS:
        if name in table.columns:
            shown[t(f"hsp_col_{name}")] = [
                _number_text(value, 1) for value in table[name]
            ]
    for name, decimals in (
        ("gi_z", 2),
        ("gi_p", 3),
        ("gi_p_fdr", 3),
        ("lisa_p_fdr", 3),
    ):
        shown[t(f"hsp_col_{name}")] = [
            fmt_num(value, decimals) for value in table[name]
        ]
    shown[t("hsp_col_neighbours")] = table["n_neighbours"].map(fmt_int)
    if "growth_per_day" in table.columns:
        shown[t("hsp_col_growth")] = [
            fmt_num(value * 100, 1) for value in table["growth_per_day"]
        ]
        shown[t("hsp_col_doubling")] = table["doubling_days"].map(fmt_int)
    return pd.DataFrame(shown).reset_index(drop=True)


def emerging_table(emerging: EmergingResult) -> pd.DataFrame:
    """Return the emerging-hotspot classes as people read them, hot patterns first.

    Parameters
    ----------
    emerging : EmergingResult
        Output of :func:`geo.trends.emerging_hotspots`.

    Returns
    -------
    pandas.DataFrame
        Name, pattern, dates as significant hot and cold spot, Mann-Kendall tau
        and p of the Gi* z trend, Indonesian headers and number format.
    """
    order = [f"{kind}_hot" for kind in EMERGING_KINDS]
    order += [f"{kind}_cold" for kind in EMERGING_KINDS]
    order += [NO_PATTERN, ISLAND, NO_DATA]
    table = emerging.table.assign(
        _rank=emerging.table["emerging_class"].map(order.index),
        _tau=-emerging.table["trend_tau"].fillna(-np.inf),
    ).sort_values(["_rank", "_tau"], kind="stable")

    level = t(f"hs_level_{emerging.level}")
    return pd.DataFrame(
        {
            t("kode"): table["kode"],
            level.capitalize(): table["nama"],
            t("hsp_col_emerging"): table["emerging_label"],
            t("hsp_col_n_hot"): table["n_hot"].map(fmt_int),
            t("hsp_col_n_cold"): table["n_cold"].map(fmt_int),
            t("hsp_col_tau"): table["trend_tau"].map(lambda value: fmt_num(value, 2)),
            t("hsp_col_trend_p"): table["trend_p"].map(lambda value: fmt_num(value, 3)),
        }
    ).reset_index(drop=True)


def _check_kind(result: HotspotResult, kind: str) -> pd.DataFrame:
    if kind not in MAP_KINDS:
        raise GeoInputError(
            t("err_hs_option", name="peta", value=kind, choices=", ".join(MAP_KINDS))
        )
    if kind == "emerging" and "emerging_class" not in result.table.columns:
        raise GeoInputError(t("err_hsp_no_emerging"))
    return result.table


def _map_frame(
    result: HotspotResult, layer: gpd.GeoDataFrame | None
) -> gpd.GeoDataFrame:
    """Return the units with name columns and geometry, in the table's order."""
    table = result.table
    if layer is None:
        geometry = result.geometry.to_numpy()
        crs = result.geometry.crs
    else:
        shapes = layer.set_index(layer["kode"].astype(str)).geometry
        missing = sorted(set(table["kode"].astype(str)) - set(shapes.index))
        if missing:
            raise GeoInputError(
                t("err_hsp_layer", n=len(missing), kode=", ".join(missing[:5]))
            )
        geometry = shapes.reindex(table["kode"].astype(str)).to_numpy()
        crs = layer.crs
    return gpd.GeoDataFrame(
        {
            "kode": table["kode"].astype(str).to_numpy(),
            "nama": table["nama"].astype(str).to_numpy(),
            "kecamatan": table["nama_kecamatan"].fillna("–").astype(str).to_numpy(),
        },
        geometry=geometry,
        crs=crs,
    )


def _view_box(view: ViewBounds | None) -> tuple[float, float, float, float] | None:
    """Return ``(south, west, north, east)`` where the map opens; None: all units."""
    if view is None:
        return None
    return (view.south, view.west, view.north, view.east)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _class_text(code: str) -> str:
    if code == PROMINENT_HIGH:
        return t("hsp_menonjol_tinggi")
    if code == PROMINENT_LOW:
        return t("hsp_menonjol_rendah")
    return class_label(code)


def _value_texts(result: HotspotResult) -> list[str]:
    return [_number_text(value, 0) for value in result.table["value"]]


def _number_text(value: float, decimals: int) -> str:
    if value is None or pd.isna(value):
        return t("tidak_ada_data")
    return fmt_int(value) if decimals == 0 else fmt_num(value, decimals)


def _value_style(classes: mapview.ValueClasses, index: object) -> dict[str, object]:
    if index is None or pd.isna(index):
        return mapview.NO_DATA_STYLE
    return {**mapview.CLASS_STYLE, "fillColor": classes.colours[int(index)]}


def _sorted(table: pd.DataFrame) -> pd.DataFrame:
    rank = table["map_class"].map(CLASS_RANK)
    return (
        table.assign(
            _rank=rank,
            _p=table["gi_p_fdr"].fillna(np.inf),
            _z=-table["gi_z"].abs().fillna(-np.inf),
        )
        .sort_values(["_rank", "_p", "_z"], kind="stable")
        .drop(columns=["_rank", "_p", "_z"])
    )
