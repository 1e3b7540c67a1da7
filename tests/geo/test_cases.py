from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from geo import cases
from geo.errors import GeoInputError

RAW = Path(__file__).resolve().parents[2] / "data" / "jakarta" / "covid" / "raw"


def test_jakarta_has_17_months_of_267_kelurahan(jakarta):
    table = jakarta.cases
    dates = table["tanggal"].drop_duplicates()
    assert len(dates) == 17
    assert dates.min() == pd.Timestamp("2020-03-31")
    assert dates.max() == pd.Timestamp("2021-07-31")
    per_date = table[table["kode"].notna()].groupby("tanggal")["kode"].nunique()
    assert set(per_date) == {267}


def test_jakarta_totals_reconcile_with_the_sheet_total_row_every_month(jakarta):
    ours = jakarta.cases.groupby("tanggal")["positif"].sum()
    stated = jakarta.reported_totals.set_index("tanggal")["positif"]
    assert len(stated) == 17
    assert (ours.reindex(stated.index) == stated).all()


def test_jakarta_rows_without_kelurahan_are_kept_with_their_label(jakarta):
    last = jakarta.cases[jakarta.cases["tanggal"] == pd.Timestamp("2021-07-31")]
    unassigned = last[last["kode"].isna()].set_index("keterangan")["positif"]
    assert unassigned.to_dict() == {
        "LUAR DKI JAKARTA": 79988,
        "PROSES UPDATE DATA": 47981,
    }
    assert int(last.loc[last["kode"].notna(), "positif"].sum()) == 686684
    first = jakarta.cases[jakarta.cases["tanggal"] == pd.Timestamp("2020-03-31")]
    assert set(first["keterangan"].dropna()) == {"BELUM DIKETAHUI", "LUAR DKI JAKARTA"}
    assert int(first.loc[first["kode"].notna(), "positif"].sum()) == 534


def test_jakarta_codes_are_dotted_text(jakarta):
    codes = jakarta.cases["kode"].dropna()
    assert codes.str.fullmatch(r"31\.\d{2}\.\d{2}\.\d{4}").all()
    assert set(codes) == set(jakarta.kelurahan["kode"])


def test_jakarta_file_without_date_in_its_name_is_refused(tmp_path):
    copy = tmp_path / "data_corona.xlsx"
    copy.write_bytes(
        (RAW / "standar_kelurahan_data_corona_2020-03-31.xlsx").read_bytes()
    )
    with pytest.raises(GeoInputError, match="tidak memuat tanggal"):
        cases.read_jakarta_xlsx([copy], pd.Series(["31.01.01.1001"]))


def test_magelang_scrape_matches_every_row_by_name(magelang):
    table = magelang.cases
    assert len(table) == 170
    assert table["kode"].notna().all()
    assert table["tanggal"].nunique() == 10
    totals = table.groupby("tanggal")["positif"].sum()
    assert totals.iloc[0] == 160
    assert totals.iloc[-1] == 198


def test_scrape_name_not_in_boundaries_is_kept_without_kelurahan(tmp_path, magelang):
    source = magelang.pack.kasus.files[0]
    text = source.read_text(encoding="utf-8").replace(",Magersari,", ",Magersarii,", 1)
    changed = tmp_path / "scrape.csv"
    changed.write_text(text, encoding="utf-8")
    read = cases.read_scrape_csv([changed], magelang.kelurahan)
    assert len(read.table) == 170
    assert read.table["kode"].isna().sum() == 1
    assert read.table["keterangan"].dropna().tolist() == ["Magersarii (tidak dikenal)"]
    assert "tidak cocok" in read.notes[0]


def test_format_kode():
    assert cases.format_kode("3371011003") == "33.71.01.1003"
