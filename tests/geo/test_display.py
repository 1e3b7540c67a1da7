from __future__ import annotations

import logging
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box

from geo.crs import GEOGRAPHIC_CRS, UTM_48S, UTM_49S
from geo.display import display_geometry
from geo.errors import GeoInputError

DATA = Path(__file__).resolve().parents[2] / "data"


def _overlap_and_gap_m2(
    layer: gpd.GeoDataFrame, metric_crs: str
) -> tuple[float, float]:
    """Return summed pairwise overlap area and area of holes in the union (m²)."""
    geoms = np.asarray(layer.to_crs(metric_crs).geometry.values)
    left, right = shapely.STRtree(geoms).query(geoms, predicate="intersects")
    pairs = left < right
    overlap = shapely.area(
        shapely.intersection(geoms[left[pairs]], geoms[right[pairs]])
    ).sum()
    union = shapely.union_all(geoms)
    holes = [
        shapely.area(Polygon(ring))
        for part in shapely.get_parts(union)
        for ring in part.interiors
    ]
    return float(overlap), float(sum(holes))


@pytest.fixture
def wiggly_neighbours() -> gpd.GeoDataFrame:
    """Two 1 km squares in UTM 49S sharing a border with 200 small zigzags."""
    x0, y0 = 420_000.0, 9_170_000.0
    steps = np.linspace(0, 1_000, 201)
    zigzag = [
        (x0 + 1_000 + (3.0 if i % 2 else 0.0), y0 + y) for i, y in enumerate(steps)
    ]
    west = Polygon([(x0, y0), *zigzag, (x0, y0 + 1_000)])
    east = Polygon([(x0 + 2_000, y0), (x0 + 2_000, y0 + 1_000), *zigzag[::-1]])
    return gpd.GeoDataFrame(
        {"kode": ["K1", "K2"], "nama": ["Barat", "Timur"]},
        geometry=[west, east],
        crs=UTM_49S,
    )


def test_shared_zigzag_is_simplified_once_without_gap_or_overlap(wiggly_neighbours):
    result = display_geometry(wiggly_neighbours, metric_crs=UTM_49S, tolerance_m=20)

    overlap, gap = _overlap_and_gap_m2(result.layer, UTM_49S)
    # identical shared vertices are rounded identically: any overlap or gap is
    # float noise of the reprojection, far below 1 m²
    assert overlap == pytest.approx(0.0, abs=1.0)
    assert gap == pytest.approx(0.0, abs=1.0)
    assert result.vertices_after < result.vertices_before / 10
    assert result.layer.crs == GEOGRAPHIC_CRS
    assert result.layer["kode"].tolist() == ["K1", "K2"]
    assert shapely.is_valid(result.layer.geometry.values).all()


def test_coordinates_are_rounded_to_the_grid(wiggly_neighbours):
    result = display_geometry(wiggly_neighbours, metric_crs=UTM_49S)

    coords = shapely.get_coordinates(result.layer.geometry.values)
    # rounded to 5 decimals: scaled values are whole numbers up to float noise
    assert np.abs(coords * 1e5 - np.round(coords * 1e5)).max() == pytest.approx(
        0.0, abs=1e-6
    )


def test_invalid_polygon_is_repaired_and_logged(caplog):
    x0, y0 = 420_000, 9_170_000
    bowtie = Polygon(
        [(x0, y0), (x0 + 100, y0 + 100), (x0 + 100, y0), (x0, y0 + 100), (x0, y0)]
    )
    layer = gpd.GeoDataFrame(
        {"kode": ["33.71.01.1001", "33.71.01.1002"]},
        geometry=[bowtie, box(x0 + 200, y0, x0 + 300, y0 + 100)],
        crs=UTM_49S,
    )

    with caplog.at_level(logging.WARNING, logger="geo.display"):
        result = display_geometry(layer, metric_crs=UTM_49S, tolerance_m=0)

    assert result.repaired_kode == ("33.71.01.1001",)
    assert "33.71.01.1001" in caplog.text
    assert "diperbaiki" in result.notes[0]
    assert shapely.is_valid(result.layer.geometry.values).all()
    assert len(result.layer) == 2


def test_rejects_layer_without_crs(wiggly_neighbours):
    with pytest.raises(GeoInputError, match="tidak punya sistem koordinat"):
        display_geometry(
            wiggly_neighbours.set_crs(None, allow_override=True), metric_crs=UTM_49S
        )


@pytest.mark.parametrize(
    "kwargs",
    [{"tolerance_m": -1.0}, {"tolerance_m": float("nan")}, {"gap_width_m": -5.0}],
    ids=["negative", "nan", "gap"],
)
def test_rejects_bad_tolerance(wiggly_neighbours, kwargs):
    with pytest.raises(GeoInputError, match="isikan angka 0 atau lebih"):
        display_geometry(wiggly_neighbours, metric_crs=UTM_49S, **kwargs)


def test_magelang_keeps_every_kelurahan_and_column():
    kelurahan = gpd.read_file(DATA / "magelang" / "kelurahan.geojson")
    overlap_before, gap_before = _overlap_and_gap_m2(kelurahan, UTM_49S)

    result = display_geometry(kelurahan, metric_crs=UTM_49S)

    overlap_after, gap_after = _overlap_and_gap_m2(result.layer, UTM_49S)
    # upstream: 10,796 m² of overlaps and 14,773 m² of slivers (data/README.md);
    # rounding to 1e-5° may leave up to 100 m² of overlap over the city
    assert overlap_before == pytest.approx(10_796, abs=1)
    assert overlap_after == pytest.approx(0.0, abs=100)
    assert gap_after <= gap_before * 1.01

    assert len(result.layer) == 17
    assert list(result.layer.columns) == list(kelurahan.columns)
    assert result.layer["kode"].tolist() == kelurahan["kode"].tolist()
    assert shapely.is_valid(result.layer.geometry.values).all()
    assert not result.layer.geometry.is_empty.any()


def test_jakarta_simplification_opens_no_gaps_or_overlaps():
    kelurahan = gpd.read_file(DATA / "jakarta" / "kelurahan.geojson")
    overlap_before, gap_before = _overlap_and_gap_m2(kelurahan, UTM_48S)

    result = display_geometry(kelurahan, metric_crs=UTM_48S, tolerance_m=50)

    overlap_after, gap_after = _overlap_and_gap_m2(result.layer, UTM_48S)
    assert len(result.layer) == 267
    assert shapely.is_valid(result.layer.geometry.values).all()
    assert not result.layer.geometry.is_empty.any()
    assert result.vertices_after < result.vertices_before
    # upstream overlaps (about 364,000 m²) are given to one neighbour; what is
    # left comes from rounding to 1e-5° (shared vertices move by < 1 m), so
    # allow 2,000 m² over all 267 kelurahan
    assert overlap_before > 300_000
    assert overlap_after == pytest.approx(0.0, abs=2_000)
    # gaps (upstream slivers) must not grow: 1 % of the upstream gap area
    assert gap_after <= gap_before * 1.01
