"""Maps of allocation scenarios: chosen sites, assignments, reach, shares by kelurahan.

Built on :mod:`geo.mapview` (its offline Leaflet assets, symbols and legend
control), so the Skenario page, an HTML export and a briefing draw the same map.
"""

from __future__ import annotations

import html
import logging

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

from geo import mapview
from geo.crs import GEOGRAPHIC_CRS
from geo.distribution import DistributionResult
from geo.errors import GeoInputError
from geo.siting import SitingResult, unit_label
from geo.text import fmt_int, fmt_num, t

logger = logging.getLogger(__name__)

CHOSEN_SYMBOL = ("✓", "#1a9850", "50%")
FIXED_SYMBOL = ("T", "#1b5e20", "3px")
CANDIDATE_COLOUR = "#878787"
COVERED_COLOUR = "#2166ac"
UNCOVERED_COLOUR = "#d73027"
LINE_COLOUR = "#4d4d4d"
REACH_COLOUR = "#1a9850"
OUTLINE_STYLE = {"fillColor": "#f7f7f7", "fillOpacity": 0.35, "color": "#636363"}


def siting_map(
    kelurahan: gpd.GeoDataFrame,
    result: SitingResult,
    candidates: pd.DataFrame,
    centres: pd.DataFrame,
    *,
    basemap: bool = True,
    legend: bool = True,
    asset_base_url: str | None = mapview.DEFAULT_ASSET_BASE_URL,
) -> folium.Map:
    """Return the map of a siting answer: sites, assignments and reach circles.

    Parameters
    ----------
    kelurahan : gpd.GeoDataFrame
        Boundaries with ``kode`` and ``nama`` (any CRS; drawn in EPSG:4326).
    result : SitingResult
        The siting answer; demand ids are kelurahan ``kode``.
    candidates : pd.DataFrame
        ``id``, ``lat``, ``lon`` of every candidate of the run.
    centres : pd.DataFrame
        ``kode``, ``nama``, ``lat``, ``lon``: where each kelurahan's demand sits.
    basemap : bool
        Add the internet basemap as a layer that can be switched off.
    legend : bool
        Draw the legend (off for small maps side by side; the page explains).
    asset_base_url : str or None
        Where the browser finds Leaflet; None inlines it (self-contained HTML).

    Returns
    -------
    folium.Map
        Kelurahan outlines, demand points (blue within reach, red beyond), a
        line from each kelurahan to its site, chosen and unchosen candidates
        and, for a model with a radius and straight-line travel, the reach of
        each chosen site (the radius divided by the circuity factor); reach
        along roads is no circle and is not drawn.

    Raises
    ------
    GeoInputError
        If a site or demand point of the answer has no position.
    """
    sites = _positions(result.sites, candidates, "id", "id")
    demand = _positions(result.assignment, centres, "id", "kode")

    layer = kelurahan.to_crs(GEOGRAPHIC_CRS)
    fmap = _base_map(layer, basemap)
    _add_outlines(fmap, layer)
    reach_m = straight_reach_m(result)
    if reach_m is not None:
        _add_reach(fmap, sites[sites["is_chosen"]], reach_m, result)
    _add_lines(fmap, demand, sites)
    _add_demand(fmap, demand, result)
    _add_sites(fmap, sites, result)
    if legend:
        mapview._Legend(legend_html(result)).add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)

    mapview._use_local_assets(fmap, asset_base_url, mapview.DEFAULT_ASSET_DIR)
    return fmap


def distribution_map(
    kelurahan: gpd.GeoDataFrame,
    result: DistributionResult,
    *,
    basemap: bool = True,
    asset_base_url: str | None = mapview.DEFAULT_ASSET_BASE_URL,
) -> folium.Map:
    """Return the choropleth of the units each kelurahan receives.

    Parameters
    ----------
    kelurahan : gpd.GeoDataFrame
        Boundaries with ``kode``, ``nama``, ``nama_kecamatan``.
    result : DistributionResult
        The distribution.
    basemap, asset_base_url
        As :func:`siting_map`.

    Returns
    -------
    folium.Map
        Kelurahan coloured by ``allocated``; the tooltip gives the units.
    """
    allocated = result.table.set_index("kode")["allocated"]
    layer = kelurahan.assign(
        allocated=kelurahan["kode"].map(allocated).astype("Float64")
    )
    return mapview.situation_map(
        layer,
        "allocated",
        indicator_label=t("skn_peta_dibagi"),
        asset_base_url=asset_base_url,
        basemap=basemap,
        classes=min(5, max(1, int(layer["allocated"].nunique()))),
    )


# LIMITATION: with a road layer the map draws neither the roads nor the reach
# along them; only the blue and red demand points show what is covered.
def straight_reach_m(result: SitingResult) -> float | None:
    """Return the straight-line reach in metres drawn around a site, or None.

    The models count a kelurahan as covered when straight-line metres × the
    circuity factor (÷ speed for minutes) is within the radius, so the circle
    on the map has radius ``radius_m / circuity``.
    """
    params = result.parameters
    radius = params.get("radius")
    if radius is None or params.get("travel_method") != "garis_lurus":
        return None
    metres = radius
    if params.get("unit") == "min":
        metres = radius * params["speed_kmh"] * 1000.0 / 60.0
    return float(metres / params["circuity"])


def _positions(
    table: pd.DataFrame, places: pd.DataFrame, table_id: str, place_id: str
) -> pd.DataFrame:
    lookup = places.assign(**{place_id: places[place_id].astype(str)}).set_index(
        place_id
    )
    joined = table.join(lookup[["lat", "lon"]], on=table_id)
    missing = joined.loc[joined["lat"].isna(), table_id]
    if len(missing):
        raise GeoInputError(
            t("skn_err_posisi", value=missing.iloc[0], count=len(missing))
        )
    if "nama" in lookup and "nama" not in joined:
        joined = joined.join(lookup[["nama"]], on=table_id)
    return joined


def _base_map(layer: gpd.GeoDataFrame, basemap: bool) -> folium.Map:
    min_lon, min_lat, max_lon, max_lat = layer.total_bounds
    fmap = folium.Map(
        location=[(min_lat + max_lat) / 2, (min_lon + max_lon) / 2],
        tiles=None,
        zoom_start=13,
        control_scale=False,
    )
    mapview.MetricScale().add_to(fmap)
    if basemap:
        mapview._add_basemap(fmap)
    fmap.fit_bounds([[min_lat, min_lon], [max_lat, max_lon]])
    return fmap


def _add_outlines(fmap: folium.Map, layer: gpd.GeoDataFrame) -> None:
    # the compact geometry of the situation map: a province stays a few MB
    properties = [
        {"kode": str(kode), "nama": mapview._text(nama)}
        for kode, nama in zip(layer["kode"], layer["nama"], strict=True)
    ]
    style = {**OUTLINE_STYLE, "weight": 0.8}
    mapview._add_polygons(
        fmap,
        layer,
        properties,
        {feature["kode"]: style for feature in properties},
        t("kelurahan"),
        folium.GeoJsonTooltip(fields=["nama"], aliases=[t("kelurahan")], sticky=True),
        mapview.DEFAULT_PRECISION_DEG,
    )


def _add_reach(
    fmap: folium.Map, chosen: pd.DataFrame, reach_m: float, result: SitingResult
) -> None:
    group = folium.FeatureGroup(name=t("skn_peta_jangkauan"))
    label = _radius_text(result)
    for row in chosen.itertuples(index=False):
        folium.Circle(
            location=[row.lat, row.lon],
            radius=reach_m,
            color=REACH_COLOUR,
            weight=1.5,
            fill=True,
            fill_opacity=0.08,
            tooltip=f"{row.id}: {label}",
        ).add_to(group)
    group.add_to(fmap)


def _add_lines(fmap: folium.Map, demand: pd.DataFrame, sites: pd.DataFrame) -> None:
    group = folium.FeatureGroup(name=t("skn_peta_penugasan"))
    site_at = sites.set_index("id")[["lat", "lon"]]
    segments = [
        [
            [row.lat, row.lon],
            [
                float(site_at.at[row.site_id, "lat"]),
                float(site_at.at[row.site_id, "lon"]),
            ],
        ]
        for row in demand.itertuples(index=False)
        if isinstance(row.site_id, str) and row.site_id in site_at.index
    ]
    if segments:
        # one Leaflet polyline of many parts, not a layer per kelurahan
        folium.PolyLine(
            segments,
            color=LINE_COLOUR,
            weight=1.2,
            opacity=0.7,
            dash_array="4 4",
        ).add_to(group)
    group.add_to(fmap)


def _add_demand(fmap: folium.Map, demand: pd.DataFrame, result: SitingResult) -> None:
    group = folium.FeatureGroup(name=t("skn_peta_permintaan"))
    unit = unit_label(result.parameters["unit"])
    has_radius = result.parameters.get("radius") is not None
    largest = float(demand["weight"].max()) if len(demand) else 0.0
    circles = []
    for row in demand.itertuples(index=False):
        size = 3.0 + (9.0 * np.sqrt(row.weight / largest) if largest > 0 else 0.0)
        covered = bool(row.is_covered) or not has_radius
        site = row.site_id if isinstance(row.site_id, str) else "–"
        name = getattr(row, "nama", row.id)
        tip = t(
            "skn_peta_tip_permintaan",
            nama=name,
            bobot=fmt_num(row.weight, 1),
            site=site,
            jarak=fmt_int(row.distance_m),
            tempuh=fmt_num(row.travel, 1),
            unit=unit,
        )
        if has_radius:
            tip += " · " + (
                t("skn_tercakup") if row.is_covered else t("skn_tak_tercakup")
            )
        colour = COVERED_COLOUR if covered else UNCOVERED_COLOUR
        circles.append(mapview.Circle(row.lat, row.lon, size, colour, tip))
    mapview.CircleLayer(circles, weight=1, fill_opacity=0.8).add_to(group)
    group.add_to(fmap)


def _add_sites(fmap: folium.Map, sites: pd.DataFrame, result: SitingResult) -> None:
    unchosen = folium.FeatureGroup(name=t("skn_peta_kandidat"))
    chosen = folium.FeatureGroup(name=t("skn_peta_terpilih"))
    symbols = []
    circles = []
    for row in sites.itertuples(index=False):
        if not row.is_chosen:
            tip = f"{row.id} ({t('skn_tidak_dipilih')})"
            circles.append(mapview.Circle(row.lat, row.lon, 4, CANDIDATE_COLOUR, tip))
            continue
        symbol = FIXED_SYMBOL if row.is_fixed else CHOSEN_SYMBOL
        tip = t(
            "skn_peta_tip_lokasi",
            nama=row.id,
            bobot=fmt_num(row.served_weight, 1),
            titik=fmt_int(row.served_points),
        )
        rows = [
            (t("nama"), str(row.id)),
            (t("skn_dilayani"), fmt_num(row.served_weight, 1)),
            (t("skn_kelurahan_dilayani"), fmt_int(row.served_points)),
        ]
        if not pd.isna(row.capacity):
            rows.append((t("skn_kapasitas"), fmt_int(row.capacity)))
        popup = mapview._popup_rows(rows)
        symbols.append(mapview.Symbol(row.lat, row.lon, symbol, popup, tip))
    mapview.SymbolLayer(symbols).add_to(chosen)
    mapview.CircleLayer(circles, weight=1, fill_opacity=0.6).add_to(unchosen)
    unchosen.add_to(fmap)
    chosen.add_to(fmap)
    logger.info("siting map: %s chosen sites", int(sites["is_chosen"].sum()))


def _radius_text(result: SitingResult) -> str:
    params = result.parameters
    radius = fmt_num(params["radius"], 0 if params["unit"] == "m" else 1)
    if params.get("travel_method") == "jaringan":
        return t(
            "skn_peta_radius_jalan", radius=radius, unit=unit_label(params["unit"])
        )
    return t(
        "skn_peta_radius",
        radius=radius,
        unit=unit_label(params["unit"]),
        faktor=fmt_num(params["circuity"], 2),
    )


def legend_html(result: SitingResult) -> str:
    """Return the legend of :func:`siting_map` as HTML (Bahasa Indonesia)."""
    reach_m = straight_reach_m(result)

    def dot(colour: str) -> str:
        return (
            "<span style='display:inline-block;width:12px;height:12px;"
            f"border-radius:50%;background:{colour};margin-right:6px;"
            "vertical-align:middle'></span>"
        )

    def badge(symbol: tuple[str, str, str]) -> str:
        return mapview._symbol_html(symbol, size_px=16)

    row_start = "<div style='display:flex;align-items:center;gap:6px;margin:2px 0'>"
    rows = [
        f"<div style='font-weight:bold;margin-bottom:4px'>"
        f"{html.escape(t(f'alok_model_{result.model}'))}</div>",
        f"{row_start}{badge(CHOSEN_SYMBOL)}{html.escape(t('skn_peta_terpilih'))}</div>",
    ]
    sites = result.sites
    if (sites["is_chosen"] & sites["is_fixed"]).any():
        rows.append(
            f"{row_start}{badge(FIXED_SYMBOL)}{html.escape(t('skn_peta_tetap'))}</div>"
        )
    if (~sites["is_chosen"]).any():
        rows.append(
            f"<div>{dot(CANDIDATE_COLOUR)}{html.escape(t('skn_peta_kandidat'))}</div>"
        )
    if result.parameters.get("radius") is not None:
        rows.append(f"<div>{dot(COVERED_COLOUR)}{html.escape(t('skn_tercakup'))}</div>")
        rows.append(
            f"<div>{dot(UNCOVERED_COLOUR)}{html.escape(t('skn_tak_tercakup'))}</div>"
        )
        reach = (
            t("skn_peta_jalan", radius=_radius_text(result))
            if reach_m is None
            else t(
                "skn_peta_lingkaran",
                radius=_radius_text(result),
                meter=fmt_int(reach_m),
            )
        )
        rows.append(f"<div style='margin-top:4px'>{html.escape(reach)}</div>")
    else:
        rows.append(
            f"<div>{dot(COVERED_COLOUR)}{html.escape(t('skn_peta_permintaan'))}</div>"
        )
    rows.append(f"<div style='margin-top:4px'>{html.escape(t('skn_peta_garis'))}</div>")
    return (
        "<div style='background:rgba(255,255,255,0.92);padding:6px 8px;"
        "border-radius:4px;box-shadow:0 0 4px rgba(0,0,0,0.3);font:12px/1.4 "
        "sans-serif;max-width:240px'>" + "".join(rows) + "</div>"
    )
