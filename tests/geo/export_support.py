"""Fixtures and hand-made inputs shared by the chart, export and briefing tests.

Test modules wrap :func:`warm_renderer` in a fixture. The warm browser is kept
in the pytest config stash, so every test module gets the same one: one
Chromium start per test session.
"""

from __future__ import annotations

import struct
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo.crs import GEOGRAPHIC_CRS, UTM_49S
from geo.export_image import ImageRenderer
from geo.regions import RegionData, RegionPack, SourceFiles

SHARED_DATA = Path("/work/shared/data")
REPO_DATA = Path(__file__).resolve().parents[2] / "data"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_RENDERER = pytest.StashKey[ImageRenderer]()


def warm_renderer(config: pytest.Config) -> ImageRenderer:
    """Return the session's one warm Chromium (started once, closed at the end)."""
    if _RENDERER not in config.stash:
        renderer = ImageRenderer(timeout_s=20)
        config.stash[_RENDERER] = renderer
        config.add_cleanup(renderer.close)
    renderer = config.stash[_RENDERER]
    renderer.start()  # no-op when warm; restarts it if a test killed it
    return renderer


def png_size(data: bytes) -> tuple[int, int]:
    """Return (width, height) from a PNG's IHDR chunk."""
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def group_alive(pgid: int) -> bool:
    """Return whether a live (not zombie) process of group ``pgid`` remains."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended while we looked
        state, group = fields[0], int(fields[2])
        if group == pgid and state not in ("Z", "X"):
            return True
    return False


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
            "nama": [f"Kel {code[-1]}" for code in codes],
            "kode_kecamatan": ["99.01.01", "99.01.01", "99.01.02"][: len(codes)],
            "nama_kecamatan": ["Uji Barat", "Uji Barat", "Uji Timur"][: len(codes)],
        },
        geometry=geometry,
        crs=UTM_49S,
    )


def three_kelurahan_cases() -> pd.DataFrame:
    """Cumulative cases of three kelurahan on two dates, worked out by hand.

    On 2020-10-06: K1 positif 1.234 (dirawat 10, isolasi 20), K2 positif 3
    (dirawat 1, isolasi 1), K3 positif 0. On 2020-10-05: 1.230, 1, 0. So new
    cases are 4, 2, 0 and the region total changes by 6.
    """
    dates = pd.to_datetime(["2020-10-05"] * 3 + ["2020-10-06"] * 3)
    return pd.DataFrame(
        {
            "kode": ["99.01.01.1001", "99.01.01.1002", "99.01.02.1003"] * 2,
            "keterangan": pd.array([pd.NA] * 6, dtype="string"),
            "tanggal": dates,
            "positif": pd.array([1230, 1, 0, 1234, 3, 0], dtype="Int64"),
            "dirawat": pd.array([10, 1, 0, 10, 1, 0], dtype="Int64"),
            "isolasi": pd.array([18, 0, 0, 20, 1, 0], dtype="Int64"),
            "sembuh": pd.array([1100, 0, 0, 1102, 1, 0], dtype="Int64"),
            "meninggal": pd.array([102, 0, 0, 102, 0, 0], dtype="Int64"),
        }
    )


def three_kelurahan() -> gpd.GeoDataFrame:
    """Three 1 km squares matching :func:`three_kelurahan_cases`."""
    return squares(["99.01.01.1001", "99.01.01.1002", "99.01.02.1003"])


def magelang_scrape_cases() -> pd.DataFrame:
    """The real Kota Magelang scrape as a tidy cumulative case table."""
    raw = pd.read_csv(REPO_DATA / "magelang/covid/3371_kota_magelang_covid_scrape.csv")
    return pd.DataFrame(
        {
            "kode": raw["kode_wilayah_match"].astype("string"),
            "tanggal": pd.to_datetime(raw["scrape_date"]),
            "positif": raw["total_positif"].astype("Int64"),
            "dirawat": raw["positif_dirawat"].astype("Int64"),
            "isolasi": raw["positif_isolasi"].astype("Int64"),
            "sembuh": raw["positif_sembuh"].astype("Int64"),
            "meninggal": raw["positif_meninggal"].astype("Int64"),
        }
    )


def jakarta_monthly_series() -> pd.DataFrame:
    """The real DKI Jakarta monthly kelurahan table (cumulative, 17 month ends)."""
    raw = pd.read_csv(
        SHARED_DATA / "jakarta/covid/kelurahan_positif_monthly.csv",
        dtype={"kode": "string"},
    )
    return raw.rename(columns={"snapshot_date": "tanggal"})[
        ["kode", "tanggal", "positif", "dirawat", "sembuh", "meninggal"]
    ]


def three_kelurahan_region(
    notes: tuple[str, ...] = ("Data penduduk tidak tersedia.",),
) -> RegionData:
    """Return "Kota Uji": :func:`three_kelurahan` with its cases, as a region pack."""
    folder = Path("/nonexistent/kota-uji")
    pack = RegionPack(
        kode="99.01",
        nama="Kota Uji",
        provinsi="Provinsi Uji",
        folder=folder,
        metric_crs=UTM_49S,
        is_default=False,
        kelurahan_file=folder / "kelurahan.geojson",
        kasus=SourceFiles("uji", (), "Dinkes Kota Uji"),
        fasilitas=None,
        penduduk=None,
        catatan=(),
    )
    return RegionData(
        pack=pack,
        kelurahan=three_kelurahan().to_crs(GEOGRAPHIC_CRS),
        cases=three_kelurahan_cases(),
        reported_totals=pd.DataFrame(columns=["tanggal", "positif"]),
        facilities=None,
        population=None,
        notes=notes,
    )
