"""Shared fixtures: the real bundled regions (read once) and tiny hand-made layers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from sqlalchemy import Engine

from geo import bootstrap, regions, store
from geo.crs import UTM_49S

TESTS_DIR = Path(__file__).parent
MAGELANG = "33.71"
JAKARTA = "31"


@pytest.fixture(scope="session", autouse=True)
def app_data_dir(tmp_path_factory) -> Path:
    """Point the app's store at a session temp folder, never the repository's ./var.

    The AppTests open the store from these variables (``ui.cache.engine``).
    """
    folder = tmp_path_factory.mktemp("cc_data")
    saved = {name: os.environ.get(name) for name in ("CC_DATA_DIR", "CC_DATABASE_URL")}
    os.environ["CC_DATA_DIR"] = str(folder)
    os.environ["CC_DATABASE_URL"] = f"sqlite:///{folder / 'cc.sqlite'}"
    yield folder
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="session")
def bundled_store(app_data_dir) -> Engine:
    """The session store with both bundled packs imported (once per session)."""
    engine = store.open_store(os.environ["CC_DATABASE_URL"])
    bootstrap.ensure_bundled(engine)
    return engine


@pytest.fixture
def magelang_store(tmp_path) -> tuple[Engine, Path]:
    """A fresh store holding only the Magelang pack (copied), and its data folder."""
    data_dir = tmp_path / "data"
    shutil.copytree(regions.DATA_DIR / "magelang", data_dir / "magelang")
    engine = store.open_store(f"sqlite:///{tmp_path / 'cc.sqlite'}")
    bootstrap.ensure_bundled(engine, data_dir)
    return engine, data_dir


@pytest.fixture(scope="session")
def magelang() -> regions.RegionData:
    return regions.load_region(MAGELANG)


@pytest.fixture(scope="session")
def jakarta() -> regions.RegionData:
    return regions.load_region(JAKARTA)


def squares(codes: list[str], size_m: float = 1_000.0) -> gpd.GeoDataFrame:
    """Return kelurahan squares side by side in EPSG:32749, one per code."""
    x0, y0 = 420_000.0, 9_170_000.0  # near Kota Magelang
    geometry = [
        shapely.box(x0 + i * size_m, y0, x0 + (i + 1) * size_m, y0 + size_m)
        for i in range(len(codes))
    ]
    return gpd.GeoDataFrame(
        {
            "kode": codes,
            "nama": [f"Kel {code}" for code in codes],
            "kode_kecamatan": ["99.01.01"] * len(codes),
            "nama_kecamatan": ["Uji"] * len(codes),
        },
        geometry=geometry,
        crs=UTM_49S,
    )


# Hand-made roads near Kota Magelang (about lon 110.212-110.239, lat
# -7.489 to -7.462), laid out in metres from this UTM 49S origin.
ROAD_ORIGIN = (413_000.0, 9_172_000.0)


def road_grid() -> gpd.GeoDataFrame:
    """Return an L of roads and a stray road, in EPSG:4326, with speeds in ``kmj``.

    In metres east and north of ``ROAD_ORIGIN``: road A runs north from
    (0, 0) to (0, 3000) as two lines meeting at (0, 2000), at 60 km/h; road B
    runs east from (0, 2000) to (2000, 2000) at 30 km/h; road E, (2500, 0) to
    (3000, 0), has no speed and touches nothing (a second component). From
    (0, 0) to (2000, 2000) is 2828 m straight and 4000 m by road.
    """
    x0, y0 = ROAD_ORIGIN
    lines = [
        [(0, 0), (0, 2000)],
        [(0, 2000), (0, 3000)],
        [(0, 2000), (2000, 2000)],
        [(2500, 0), (3000, 0)],
    ]
    metric = gpd.GeoDataFrame(
        {"nama": ["A selatan", "A utara", "B", "E"], "kmj": [60.0, 60.0, 30.0, None]},
        geometry=[
            shapely.LineString([(x0 + x, y0 + y) for x, y in line]) for line in lines
        ],
        crs=UTM_49S,
    )
    return metric.to_crs("EPSG:4326")


def road_points(offsets: dict[str, tuple[float, float]]) -> pd.DataFrame:
    """Return points ``id``, ``x``, ``y`` in EPSG:32749 at offsets from ROAD_ORIGIN."""
    x0, y0 = ROAD_ORIGIN
    return pd.DataFrame(
        {
            "id": list(offsets),
            "x": [x0 + x for x, _ in offsets.values()],
            "y": [y0 + y for _, y in offsets.values()],
        }
    )


@pytest.fixture
def five_kelurahan() -> gpd.GeoDataFrame:
    return squares(["A", "B", "C", "D", "E"])


def case_rows(rows: list[tuple]) -> pd.DataFrame:
    """Return a tidy case table from (kode, tanggal, positif, meninggal) tuples."""
    frame = pd.DataFrame(rows, columns=["kode", "tanggal", "positif", "meninggal"])
    frame["keterangan"] = pd.NA
    frame["dirawat"] = 0
    frame["isolasi"] = 0
    frame["sembuh"] = 0
    frame["tanggal"] = pd.to_datetime(frame["tanggal"])
    frame["kode"] = frame["kode"].astype("string")
    frame["keterangan"] = frame["keterangan"].astype("string")
    for column in ("positif", "dirawat", "isolasi", "sembuh", "meninggal"):
        frame[column] = frame[column].astype("Int64")
    return frame
