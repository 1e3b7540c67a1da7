"""Fixtures and hand-made inputs shared by the chart, export and briefing tests.

Test modules wrap :func:`warm_renderer` in a fixture. The warm browser is kept
in the pytest config stash, so every test module gets the same one: one
Chromium start per test session.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pypdf
import pytest
import shapely
from sqlalchemy import Engine

from geo import scenario, store
from geo.crs import GEOGRAPHIC_CRS, UTM_49S
from geo.export_image import ImageRenderer
from geo.indicators import situation
from geo.regions import RegionData, RegionPack, SourceFiles
from geo.siting import SitingResult

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


def magelang_siting(region: RegionData, tanggal: str = "2020-10-06") -> SitingResult:
    """Two posts among Kota Magelang's kelurahan centres, weighted by active cases.

    MCLP within 1.500 m, as the Skenario page runs it (:mod:`geo.scenario`).
    """
    table = situation(
        region.kelurahan, region.cases, pd.Timestamp(tanggal), "aktif"
    ).table
    weights = scenario.need_weights(table, "aktif")
    centres = scenario.kelurahan_centres(region.kelurahan, region.pack.metric_crs)
    candidates, _ = scenario.candidate_sites(
        scenario.facility_candidates(None), centres, None, keep_facilities=False
    )
    return scenario.site_for_region(
        region.kelurahan,
        weights,
        candidates,
        "mclp",
        metric_crs=region.pack.metric_crs,
        n_sites=2,
        radius=1_500.0,
        in_minutes=False,
        circuity=1.3,
        speed_kmh=30.0,
        time_limit_s=30.0,
    )


def adopt_siting(
    engine: Engine,
    result: SitingResult,
    *,
    nama: str,
    who: str,
    data_date: dt.date = dt.date(2020, 10, 6),
    kode: str = "33.71",
) -> int:
    """Save ``result`` as a Skenario page "lokasi" scenario, adopt it, return its id."""
    scenario_id = store.save_scenario(
        engine,
        kode,
        nama,
        author="Analis",
        parameters={
            "jenis": "lokasi",
            "wilayah": kode,
            "tanggal": data_date.isoformat(),
            "masukan": {"lok_bobot": "aktif", "lok_model": "mclp"},
        },
        results=scenario.results_record("lokasi", {"lokasi": result}),
        data_date=data_date,
    )
    store.adopt_scenario(engine, scenario_id, who)
    return scenario_id


def pdf_text(pdf: bytes) -> str:
    """Return the text of every page of a PDF, whitespace collapsed to spaces."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


GRID_SIDE = 10
GRID_HOT_ROWS = (2, 3, 4, 5)  # a 4 × 4 block of 4 new cases each, in rows and
GRID_HOT_COLUMNS = (2, 3, 4, 5)  # columns 2-5 of the 10 × 10 grid


def grid_region() -> RegionData:
    """Return "Kota Kisi": 10 × 10 kelurahan of 1 km with a block of new cases.

    On 2020-10-05 every count is 0; on 2020-10-06 the 16 kelurahan of the block
    have 4 confirmed cases each and the others 0 or 1. With the Hotspot page's
    defaults, 12 of the block are significant hotspots (90 %), each with 4 new
    cases: a count a public release hides.
    """
    x0, y0 = 420_000.0, 9_170_000.0
    codes, boxes = [], []
    for row in range(GRID_SIDE):
        for column in range(GRID_SIDE):
            number = row * GRID_SIDE + column
            codes.append(f"99.02.0{1 + row // 5}.{1000 + number}")
            boxes.append(
                shapely.box(
                    x0 + column * 1_000.0,
                    y0 + row * 1_000.0,
                    x0 + (column + 1) * 1_000.0,
                    y0 + (row + 1) * 1_000.0,
                )
            )
    kelurahan = gpd.GeoDataFrame(
        {
            "kode": codes,
            "nama": [f"Kel {code[-2:]}" for code in codes],
            "kode_kecamatan": [code[:8] for code in codes],
            "nama_kecamatan": [f"Kec {code[6:8]}" for code in codes],
        },
        geometry=boxes,
        crs=UTM_49S,
    ).to_crs(GEOGRAPHIC_CRS)
    block = {
        codes[row * GRID_SIDE + column]
        for row in GRID_HOT_ROWS
        for column in GRID_HOT_COLUMNS
    }
    latest = [
        4 if code in block else (number * 7) % 3 // 2
        for number, code in enumerate(codes)
    ]
    zeros = [0] * len(codes)
    cases = pd.DataFrame(
        {
            "kode": pd.array(codes * 2, dtype="string"),
            "keterangan": pd.array([pd.NA] * 2 * len(codes), dtype="string"),
            "tanggal": pd.to_datetime(
                ["2020-10-05"] * len(codes) + ["2020-10-06"] * len(codes)
            ),
            "positif": pd.array(zeros + latest, dtype="Int64"),
            "dirawat": pd.array(zeros * 2, dtype="Int64"),
            "isolasi": pd.array(zeros * 2, dtype="Int64"),
            "sembuh": pd.array(zeros * 2, dtype="Int64"),
            "meninggal": pd.array(zeros * 2, dtype="Int64"),
        }
    )
    folder = Path("/nonexistent/kota-kisi")
    pack = RegionPack(
        kode="99.02",
        nama="Kota Kisi",
        provinsi="Provinsi Uji",
        folder=folder,
        metric_crs=UTM_49S,
        is_default=False,
        kelurahan_file=folder / "kelurahan.geojson",
        kasus=SourceFiles("uji", (), "Dinkes Kota Kisi"),
        fasilitas=None,
        penduduk=None,
        catatan=(),
    )
    return RegionData(
        pack=pack,
        kelurahan=kelurahan,
        cases=cases,
        reported_totals=pd.DataFrame(columns=["tanggal", "positif"]),
        facilities=None,
        population=None,
        notes=(),
    )
