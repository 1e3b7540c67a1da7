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
