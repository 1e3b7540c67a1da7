from __future__ import annotations

import geopandas as gpd
import pytest
import shapely

from geo import boundaries
from geo.crs import UTM_48S
from geo.errors import GeoInputError


def test_area_is_measured_in_metres_field_report_f04(tmp_path):
    ring = [(106.82, -6.20), (106.83, -6.20), (106.83, -6.19), (106.82, -6.19)]
    layer = gpd.GeoDataFrame(
        {
            "kode": ["31.71.01.1001"],
            "nama": ["Uji"],
            "kode_kecamatan": ["31.71.01"],
            "nama_kecamatan": ["Uji"],
        },  # fmt: skip
        geometry=[shapely.Polygon(ring)],
        crs="EPSG:4326",
    )
    path = tmp_path / "uji.geojson"
    layer.to_file(path)
    read = boundaries.read_kelurahan(path, UTM_48S)
    # WGS84 geodesic 1.2239 km2, UTM 48S 1.2242 km2 (F04): accept 1 %
    assert read["area_km2"].iloc[0] == pytest.approx(1.224, rel=0.01)
    assert 24000 / read["area_km2"].iloc[0] == pytest.approx(19_600, rel=0.01)


def test_invalid_geometry_is_repaired(tmp_path, caplog):
    bowtie = shapely.Polygon([(110.20, -7.45), (110.21, -7.46), (110.21, -7.45),
                              (110.20, -7.46)])  # fmt: skip
    layer = gpd.GeoDataFrame(
        {
            "kode": ["1"],
            "nama": ["Pita"],
            "kode_kecamatan": ["k"],
            "nama_kecamatan": ["K"],
        },  # fmt: skip
        geometry=[bowtie],
        crs="EPSG:4326",
    )
    path = tmp_path / "pita.geojson"
    layer.to_file(path)
    read = boundaries.read_kelurahan(path, "EPSG:32749")
    assert read.geometry.is_valid.all()
    assert read["area_km2"].iloc[0] > 0
    assert "invalid geometry repaired" in caplog.text


def test_missing_column_and_crs_are_explained(tmp_path):
    layer = gpd.GeoDataFrame(
        {"kode": ["1"]}, geometry=[shapely.box(0, 0, 1, 1)], crs="EPSG:4326"
    )
    path = tmp_path / "kurang.geojson"
    layer.to_file(path)
    with pytest.raises(GeoInputError, match="tidak punya kolom nama"):
        boundaries.read_kelurahan(path, UTM_48S)


def test_kecamatan_dissolved_from_kelurahan(magelang):
    kecamatan = boundaries.dissolve_kecamatan(magelang.kelurahan)
    assert len(kecamatan) == 3
    assert kecamatan["area_km2"].sum() == pytest.approx(18.55, rel=0.01)
