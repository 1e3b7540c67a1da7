"""Streamlit caches around geo/, keyed by primitives only."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from geo import (
    boundaries,
    display,
    indicators,
    regions,
    scenario,
    situation_maps,
    store,
)
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


@st.cache_resource(show_spinner="Menyiapkan peta…", max_entries=32)
def situation_map(kode: str, tanggal: str, indicator: str, basemap: bool) -> folium.Map:
    # A folium.Map is a tree of objects that st_folium only renders; it is
    # shared between sessions read-only, so cache_resource avoids re-pickling.
    region = load_region(kode)
    result = situation(kode, tanggal, indicator)
    return situation_maps.situation_map(
        region, result, layer=display_layer(kode), basemap=basemap
    )


@st.cache_resource
def store_engine() -> Engine:
    return store.open_store()


# --- skenario page ---
@st.cache_data(show_spinner=False, max_entries=8)
def kelurahan_centres(kode: str) -> pd.DataFrame:
    region = load_region(kode)
    return scenario.kelurahan_centres(region.kelurahan, region.pack.metric_crs)


@st.cache_data(show_spinner=False, max_entries=64)
def need_weights(kode: str, tanggal: str, key: str) -> scenario.NeedWeights:
    indicator = scenario.indicator_for_weight(key)
    return scenario.need_weights(situation(kode, tanggal, indicator).table, key)


@st.cache_data(show_spinner=False, max_entries=8)
def data_dates(kode: str) -> list[pd.Timestamp]:
    return indicators.data_dates(load_region(kode).cases)
