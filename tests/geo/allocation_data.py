"""Real inputs shared by the allocation tests, read inside the tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from geo import scenario
from geo.crs import UTM_49S
from geo.siting import SitingResult
from tests.conftest import squares

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def magelang_cases() -> pd.DataFrame:
    """Return the Kota Magelang scrape as a tidy case table (geo.cases shape)."""
    raw = pd.read_csv(
        DATA_DIR / "magelang" / "covid" / "3371_kota_magelang_covid_scrape.csv",
        dtype={"kode_wilayah_match": str},
    )
    return pd.DataFrame(
        {
            "kode": raw["kode_wilayah_match"].astype("string"),
            "keterangan": pd.array([pd.NA] * len(raw), dtype="string"),
            "tanggal": pd.to_datetime(raw["scrape_date"]),
            "positif": raw["total_positif"].astype("Int64"),
            "dirawat": raw["positif_dirawat"].astype("Int64"),
            "isolasi": raw["positif_isolasi"].astype("Int64"),
            "sembuh": raw["positif_sembuh"].astype("Int64"),
            "meninggal": raw["positif_meninggal"].astype("Int64"),
        }
    )


def one_site_for_two_kelurahan() -> SitingResult:
    """p-median, one site for kelurahan A and B needing 3 and 1 (active cases).

    Candidate X (capacity 1) sits at A's centre, Y (no capacity given) at B's;
    only Y can serve all 4, and within 500 m only B is covered.
    """
    kelurahan = squares(["A", "B"])
    weights = scenario.NeedWeights(
        "aktif", "Kasus aktif", pd.Series({"A": 3.0, "B": 1.0}), pd.Series(dtype=str)
    )
    centres = scenario.kelurahan_centres(kelurahan, UTM_49S)
    candidates = pd.DataFrame(
        {
            "id": ["X", "Y"],
            "asal": "tambahan",
            "lat": centres["lat"],
            "lon": centres["lon"],
            "kapasitas": [1.0, None],
            "tetap": False,
        }
    )
    return scenario.site_for_region(
        kelurahan,
        weights,
        candidates,
        "pmedian",
        metric_crs=UTM_49S,
        n_sites=1,
        radius=500.0,
        in_minutes=False,
        circuity=1.0,
        speed_kmh=30.0,
        time_limit_s=10.0,
    )
