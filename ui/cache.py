"""Streamlit caches around geo/, keyed by primitives only."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st

from geo import (
    boundaries,
    cli_hotspots,
    display,
    hotspot_maps,
    indicators,
    regions,
    situation_maps,
)
from geo.regions import RegionData, RegionPack
from geo.text import t


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


# --- hotspot page ---
@st.cache_data(show_spinner=t("hsp_spinner_region"), max_entries=8)
def hotspot_inputs(kode: str) -> cli_hotspots.RegionInputs:
    return cli_hotspots.load_region_inputs(kode)


# LIMITATION: the emerging classes depend on neither the window nor the tested
# value, but hotspot_report computes them on every call; changing those
# recomputes them (0.5 s of the 2 s a Jakarta report took here at 999
# permutations).
@st.cache_data(show_spinner=t("hsp_spinner"), max_entries=16)
def hotspot_report(
    kode: str,
    tanggal: str,
    window_days: int,
    indikator: str,
    level: str,
    weights: str,
    k: int,
    distance_m: float | None,
    permutations: int,
    seed: int,
    fdr: bool,
) -> cli_hotspots.HotspotReport:
    return cli_hotspots.hotspot_report(
        hotspot_inputs(kode),
        tanggal=tanggal,
        window_days=window_days,
        indikator=indikator,
        level=level,
        weights=weights,
        k=k,
        distance_m=distance_m,
        permutations=permutations,
        seed=seed,
        fdr=fdr,
    )


@st.cache_resource(show_spinner=t("hsp_spinner_map"), max_entries=32)
def hotspot_map(
    kind: str,
    kode: str,
    tanggal: str,
    window_days: int,
    indikator: str,
    level: str,
    weights: str,
    k: int,
    distance_m: float | None,
    permutations: int,
    seed: int,
    fdr: bool,
) -> list[folium.Map]:
    # Keyed like hotspot_report and shared read-only like situation_map: kind
    # "gi", "lisa", "emerging" gives one class map, "values" raw beside smoothed.
    report = hotspot_report(
        kode, tanggal, window_days, indikator, level, weights, k, distance_m,
        permutations, seed, fdr,
    )  # fmt: skip
    layer = display_layer(kode) if level == "kelurahan" else None
    view = view_bounds(kode)
    if kind == "values":
        columns, labels = hotspot_maps.value_columns(report.hotspots, indikator)
        return hotspot_maps.value_maps(
            report.hotspots, columns, labels, layer=layer, view=view
        )
    return [hotspot_maps.class_map(report.hotspots, kind, layer=layer, view=view)]
