"""Streamlit caches around geo/, keyed by primitives only."""

from __future__ import annotations

import atexit
import json
import logging
from typing import TYPE_CHECKING

import folium
import geopandas as gpd
import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from geo import (
    bootstrap,
    boundaries,
    cli_hotspots,
    display,
    imports,
    indicators,
    intake,
    regions,
    roads,
    situation_maps,
    store,
    store_charts,
)
from geo.crs import GEOGRAPHIC_CRS
from geo.export_image import ImageRenderer
from geo.regions import RegionData, RegionPack
from geo.text import t

if TYPE_CHECKING:
    from geo import scenario

logger = logging.getLogger(__name__)


@st.cache_resource(show_spinner="Menyiapkan penyimpanan data…")
def engine() -> Engine:
    # One engine per process (opening runs migrations).
    return store.open_store()


@st.cache_resource(show_spinner="Memuat paket wilayah ke penyimpanan…")
def bundled(kode: str) -> int:
    # A bundled pack is imported the first time its region is opened, once per
    # process; a restart only hashes its files.
    imported = len(bootstrap.ensure_bundled(engine(), kode=kode))
    if imported:
        # written by this app, before any result was cached from it
        _store_seen()["version"] = store.data_version(engine())
    return imported


def list_packs() -> list[RegionPack]:
    """Return the regions; every page asks first, so the store is followed here."""
    follow_store()
    return _list_packs()


@st.cache_data(show_spinner=False)
def _list_packs() -> list[RegionPack]:
    return regions.list_regions(engine())


@st.cache_resource
def _store_seen() -> dict[str, tuple[int, int, int]]:
    # one per process: what the cached results were computed from
    return {}


def follow_store() -> None:
    """Drop the cached results when the store was written outside this app.

    A command-line import (``python -m geo import``, a morning job) or a second
    app server on the same database: the next run of any page shows the new
    rows, without a restart. Writes through this app already refresh
    (:func:`refresh_after_write`).
    """
    version = store.data_version(engine())
    seen = _store_seen()
    if seen.get("version", version) != version:
        logger.info("store changed outside this app (%s): caches dropped", version)
        st.cache_data.clear()
    seen["version"] = version


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
    # occupancy rows name stored facilities; refresh_after_write drops this
    # cache, so an edited capacity is checked against on the next look
    facilities = None
    if kind == "okupansi":
        facilities = regions.occupancy_facilities(load_region(region_kode), engine())
    return imports.check_file(
        kind, _data, name, layer, imports.answers_from_json(answers), facilities
    )


def refresh_after_write() -> None:
    """Drop every cached result, so every page shows what was just written.

    All of them derive from the store (regions, situations, maps, hotspots,
    scenario weights, dates), so all go; the store engine, the imported-pack
    markers and the image renderer (``cache_resource``) stay.
    """
    st.cache_data.clear()
    _store_seen()["version"] = store.data_version(engine())


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
@st.cache_data(show_spinner=False, max_entries=32)
def occupancy_and_stock(
    kode: str, tanggal: str
) -> tuple[store_charts.StoreChart, store_charts.StoreChart]:
    # the same tables as ``python -m geo export grafik`` (geo.cli_export)
    return store_charts.store_charts(engine(), load_region(kode), pd.Timestamp(tanggal))


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
    # imported here, as below: the solvers (scipy.optimize, PuLP) are not
    # needed before the Skenario page
    from geo import scenario

    region = load_region(kode)
    return scenario.kelurahan_centres(region.kelurahan, region.pack.metric_crs)


@st.cache_data(show_spinner=False, max_entries=64)
def need_weights(kode: str, tanggal: str, key: str) -> scenario.NeedWeights:
    from geo import scenario

    indicator = scenario.indicator_for_weight(key)
    return scenario.need_weights(situation(kode, tanggal, indicator).table, key)


@st.cache_data(show_spinner=False, max_entries=8)
def data_dates(kode: str) -> list[pd.Timestamp]:
    return indicators.data_dates(load_region(kode).cases)


@st.cache_data(show_spinner=False, max_entries=8)
def road_columns(name: str, sha: str, _data: bytes) -> tuple[list[str], str | None]:
    # Keyed by the file's hash (``_data`` is not hashed), like check_upload.
    return roads.road_columns(_data, name)


@st.cache_data(show_spinner=t("skn_jalan_membaca"), max_entries=8)
def road_network(
    kode: str,
    name: str,
    sha: str,
    _data: bytes,
    crs: str | None,
    speed_column: str | None,
) -> roads.RoadNetwork:
    # Keyed by the region, the file's hash and the choices; the roads must
    # overlap the region and are counted in its metric CRS.
    region = load_region(kode)
    return roads.read_roads(
        _data,
        name,
        crs=crs,
        speed_column=speed_column,
        bounds=tuple(region.kelurahan.to_crs(GEOGRAPHIC_CRS).total_bounds),
        metric_crs=region.pack.metric_crs,
    )


# --- hotspot page ---
@st.cache_data(show_spinner=t("hsp_spinner_region"), max_entries=8)
def hotspot_inputs(kode: str) -> cli_hotspots.RegionInputs:
    return cli_hotspots.region_inputs(load_region(kode))


@st.cache_data(show_spinner=t("hsp_spinner"), max_entries=16)
def hotspot_emerging(
    kode: str,
    end: str,
    level: str,
    permutations: int,
    seed: int,
    neighbours_json: str,
) -> tuple:
    # The emerging classes depend on neither the window nor the tested value:
    # cached apart, so changing those does not recompute them.
    return cli_hotspots.emerging_classes(
        hotspot_inputs(kode),
        pd.Timestamp(end),
        level,
        permutations,
        seed,
        json.loads(neighbours_json),
    )


def _cached_emerging(kode: str):
    def emerging_for(end, level, permutations, seed, neighbours):
        return hotspot_emerging(
            kode,
            pd.Timestamp(end).isoformat(),
            level,
            permutations,
            seed,
            json.dumps(neighbours, sort_keys=True),
        )

    return emerging_for


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
        emerging_for=_cached_emerging(kode),
    )


@st.cache_data(show_spinner=t("hsp_spinner_map"), max_entries=32)
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
    # Keyed like hotspot_report; a copy per session like situation_map: kind
    # "gi", "lisa", "emerging" gives one class map, "values" raw beside smoothed.
    report = hotspot_report(
        kode, tanggal, window_days, indikator, level, weights, k, distance_m,
        permutations, seed, fdr,
    )  # fmt: skip
    # imported here: libpysal and esda are not needed before the Hotspot page
    from geo import hotspot_maps

    layer = display_layer(kode) if level == "kelurahan" else None
    view = view_bounds(kode)
    if kind == "values":
        columns, labels = hotspot_maps.value_columns(report.hotspots, indikator)
        return hotspot_maps.value_maps(
            report.hotspots, columns, labels, layer=layer, view=view
        )
    return [hotspot_maps.class_map(report.hotspots, kind, layer=layer, view=view)]
