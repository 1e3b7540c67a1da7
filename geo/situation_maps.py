"""The Peta Situasi map of a region at a date, shared by page, exports and briefing."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd

from geo import boundaries, mapview
from geo.export import count_label
from geo.indicators import INDICATORS, Situation
from geo.regions import RegionData
from geo.text import fmt_num, t


def situation_map(
    region: RegionData,
    result: Situation,
    *,
    layer: gpd.GeoDataFrame | None = None,
    basemap: bool = True,
    asset_base_url: str | None = mapview.DEFAULT_ASSET_BASE_URL,
    public: bool = False,
) -> folium.Map:
    """Return the choropleth of ``result`` with the region's valid facilities.

    Parameters
    ----------
    region : RegionData
        The region, its kelurahan layer and facility check.
    result : Situation
        The indicator values at a date (:func:`geo.indicators.situation`).
    layer : geopandas.GeoDataFrame, optional
        The kelurahan simplified for display (:func:`geo.display.display_geometry`);
        by default the region's own polygons.
    basemap : bool
        Add the internet basemap as a layer; False is "tanpa peta dasar".
    asset_base_url : str or None
        Where the browser finds Leaflet; None inlines it (self-contained HTML).
    public : bool
        Public release: counts from 1 to 4 read "<5" in tooltips and legend.

    Returns
    -------
    folium.Map
        Only facilities that passed the checks are drawn; resources (from the
        store) are their own layer, examples labelled "contoh"; the view opens
        on the bulk of the region (:func:`geo.boundaries.view_bounds`).
    """
    base = region.kelurahan if layer is None else layer
    layer = base.merge(result.table[["kode", "value"]], on="kode", how="left")
    indicator = INDICATORS[result.indicator]
    labels = layer["value"].map(
        lambda value: (
            t("tidak_ada_data")
            if pd.isna(value)
            else (
                count_label(value, public=public)
                if indicator.is_count
                else fmt_num(value, 1)
            )
        )
    )
    facilities = None if region.facilities is None else region.facilities.valid
    bounds = boundaries.view_bounds(region.kelurahan, region.pack.metric_crs)
    # Open on the bulk of the region; far islands stay drawn, a zoom-out away.
    return mapview.situation_map(
        layer,
        "value",
        indicator_label=indicator.label,
        value_labels=labels,
        facilities=facilities,
        resources=resource_layer(region.resources),
        asset_base_url=asset_base_url,
        basemap=basemap,
        public=public and indicator.is_count,
        bounds=(bounds.south, bounds.west, bounds.north, bounds.east),
    )


def resource_layer(resources: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame | None:
    """Return stored resources in the map's shape: placed points only, named kinds.

    Parameters
    ----------
    resources : geopandas.GeoDataFrame or None
        As :func:`geo.store.resources` returns them (``label``, ``nama``,
        ``jumlah``, ``updated_at``, ``is_example``, point geometry or None).

    Returns
    -------
    geopandas.GeoDataFrame or None
        ``jenis`` (the kind's name in Bahasa Indonesia), ``nama``, ``jumlah``,
        ``diperbarui``, ``is_contoh`` and geometry; None when nothing is placed.
    """
    if resources is None or resources.empty:
        return None
    placed = resources[resources.geometry.notna() & ~resources.geometry.is_empty]
    if placed.empty:
        return None
    return gpd.GeoDataFrame(
        {
            "jenis": placed["label"].to_numpy(),
            "nama": placed["nama"].to_numpy(),
            "jumlah": placed["jumlah"].to_numpy(),
            "diperbarui": placed["updated_at"].to_numpy(),
            "is_contoh": placed["is_example"].to_numpy(),
        },
        geometry=placed.geometry.to_numpy(),
        crs=placed.crs,
    )
