"""Streamlit caches around geo/, keyed by primitives only."""

from __future__ import annotations

import atexit

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from geo import (
    bootstrap,
    boundaries,
    display,
    imports,
    indicators,
    intake,
    regions,
    scenario,
    situation_maps,
    store,
)
from geo.export_image import ImageRenderer
from geo.regions import RegionData, RegionPack


@st.cache_resource(show_spinner="Menyiapkan penyimpanan data…")
def engine() -> Engine:
    # One engine per process (opening runs migrations).
    return store.open_store()


@st.cache_resource(show_spinner="Memuat paket wilayah ke penyimpanan…")
def bundled(kode: str) -> int:
    # A bundled pack is imported the first time its region is opened, once per
    # process; a restart only hashes its files.
    return len(bootstrap.ensure_bundled(engine(), kode=kode))


@st.cache_data(show_spinner=False)
def list_packs() -> list[RegionPack]:
    return regions.list_regions(engine())


@st.cache_data(show_spinner="Membaca data wilayah…", max_entries=8)
def load_region(kode: str) -> RegionData:
    bundled(kode)
    return regions.load_region(kode, engine=engine())


@st.cache_data(show_spinner=False, max_entries=8)
def kelurahan(kode: str) -> gpd.GeoDataFrame:
    bundled(kode)
    return store.kelurahan(engine(), kode)


@st.cache_data(show_spinner="Memeriksa berkas…", max_entries=8)
def check_upload(
    kind: str, region_kode: str, name: str, sha: str, _data: bytes, answers: str
) -> intake.IntakeResult:
    # Keyed by the file's hash (``_data`` is not hashed) and the answers as JSON.
    layer = None if kind == "batas" else kelurahan(region_kode)
    return imports.check_file(
        kind, _data, name, layer, imports.answers_from_json(answers)
    )


def refresh_after_write() -> None:
    """Drop every cache built on the store, so pages show what was just written."""
    for cached in (
        list_packs,
        load_region,
        kelurahan,
        check_upload,
        situation,
        view_bounds,
        series,
        display_layer,
        situation_map,
    ):
        cached.clear()


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


# --- ekspor page ---
@st.cache_resource(show_spinner=False)
def image_renderer() -> ImageRenderer:
    # One warm Chromium per server process, shared by every session: it starts
    # on the first image asked for (never on a rerun) and every wait is bounded.
    renderer = ImageRenderer()
    atexit.register(renderer.close)
    return renderer


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
