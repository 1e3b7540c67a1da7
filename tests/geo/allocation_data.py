"""Real inputs shared by the allocation tests, read inside the tests."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

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
