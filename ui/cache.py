"""Streamlit caches around geo/, keyed by primitives only."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st

from geo import boundaries, display, indicators, regions, situation_maps
from geo.regions import RegionData, RegionPack


@st.cache_data(show_spinner=False)
def list_packs() -> list[RegionPack]:
    return regions.list_packs()


@st.cache_data(show_spinner="Membaca data wilayah…", max_entries=8)
def load_region(kode: str) -> RegionData:
    return regions.load_region(kode)


@st.cache_data(show_spinner=False, max_entries=64)
def situation(kode: str, tanggal: str, indicator: str) -> indicators.Situation:
    region = load_region(kode)
    return indicators.situation(
        region.kelurahan,
        region.cases,
        pd.Timestamp(tanggal),
        indicator,
        population=region.population,
    )


@st.cache_data(show_spinner=False, max_entries=8)
def view_bounds(kode: str) -> boundaries.ViewBounds:
    region = load_region(kode)
    return boundaries.view_bounds(region.kelurahan, region.pack.metric_crs)


@st.cache_data(show_spinner=False, max_entries=64)
def series(kode: str, kelurahan_kode: str | None, until: str) -> pd.DataFrame:
    return indicators.region_series(
        load_region(kode).cases, kelurahan_kode, pd.Timestamp(until)
    )


@st.cache_data(show_spinner="Menyederhanakan batas untuk tampilan…", max_entries=8)
def display_layer(kode: str) -> gpd.GeoDataFrame:
    region = load_region(kode)
    return display.display_geometry(
        region.kelurahan, metric_crs=region.pack.metric_crs
    ).layer


@st.cache_data(show_spinner="Menyiapkan peta…", max_entries=32)
def situation_map(kode: str, tanggal: str, indicator: str, basemap: bool) -> folium.Map:
    # cache_data hands each session its own copy: st_folium alters the map it
    # draws, so one shared object would leave the next session an empty map.
    region = load_region(kode)
    result = situation(kode, tanggal, indicator)
    return situation_maps.situation_map(
        region, result, layer=display_layer(kode), basemap=basemap
    )
