"""Hand-made kelurahan layers for the intake tests (a pytest plugin module)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pytest
from shapely.geometry import box

INTAKE_DATA = Path(__file__).resolve().parent.parent / "data" / "intake"
REPO_DATA = Path(__file__).resolve().parent.parent.parent / "data"

# (kode, nama, nama_kecamatan, lon_min, lat_min): 0.01 degree squares near Magelang.
UJI_KELURAHAN = [
    ("33.71.01.1003", "Rejowinangun Selatan", "Magelang Selatan", 110.20, -7.50),
    ("33.71.01.1007", "Magersari", "Magelang Selatan", 110.21, -7.50),
    ("33.71.02.1005", "Kedungsari", "Magelang Utara", 110.20, -7.49),
    ("33.71.03.1004", "Sukamaju", "Magelang Tengah", 110.21, -7.49),
    ("33.71.02.1010", "Sukamaju", "Magelang Utara", 110.22, -7.49),
    ("33.71.02.1012", "Pulau Tidung", "Magelang Utara", 110.22, -7.50),
]


def _layer(rows: list[tuple[str, str, str, float, float]]) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "kode": [row[0] for row in rows],
            "nama": [row[1] for row in rows],
            "kode_kecamatan": [row[0][:8] for row in rows],
            "nama_kecamatan": [row[2] for row in rows],
        },
        geometry=[box(row[3], row[4], row[3] + 0.01, row[4] + 0.01) for row in rows],
        crs="EPSG:4326",
    )


@pytest.fixture
def kelurahan_uji() -> gpd.GeoDataFrame:
    """Six kelurahan, two of them both named Sukamaju in different kecamatan."""
    return _layer(UJI_KELURAHAN)


@pytest.fixture
def kelurahan_jakarta_uji() -> gpd.GeoDataFrame:
    """One large square over central Jakarta (F05) and two F06 codes."""
    layer = _layer(
        [
            ("31.71.01.1001", "Gambir", "Gambir", 106.70, -6.35),
            ("31.01.01.0001", "Uji Pulau", "Kepulauan Seribu Utara", 106.55, -5.70),
            ("31.71.01.0002", "Uji Darat", "Gambir", 106.60, -6.10),
        ]
    )
    layer.loc[0, "geometry"] = box(106.70, -6.35, 106.95, -6.10)
    return layer


@pytest.fixture
def intake_file():
    """Return the path of a corpus file by name."""
    return lambda name: INTAKE_DATA / name
