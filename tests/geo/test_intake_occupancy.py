"""Bed occupancy imports: a small CSV against a temp store's Magelang facilities.

The bundled Magelang listing has no bed counts, so each test gives "RSUD TIDAR
KOTA MAGELANG" (a facility that passes the checks, so it is charted) capacities
first (20 isolation beds, 5 ICU beds, 2 ventilators)
through the same store call as the facility table editor.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from geo import cli, cli_import, imports, intake, regions, store
from geo.errors import GeoInputError
from geo.store_charts import store_charts
from geo.text import local_today, long_date

pytest_plugins = ("tests.geo.intake_fixtures",)

MAGELANG = "33.71"
TIDAR = "RSUD TIDAR KOTA MAGELANG"
CAPACITY = {"tempat_tidur_isolasi": 20, "tempat_tidur_icu": 5, "ventilator": 2}


def _facility_id(engine, nama: str) -> int:
    stored = store.facilities(engine, MAGELANG)
    return int(stored.loc[stored["nama"] == nama, "id"].iloc[0])


@pytest.fixture
def facilities(magelang_store):
    """The temp store and its Magelang facilities, RSUD Tidar with capacities."""
    engine, _ = magelang_store
    store.update_facility(engine, _facility_id(engine, TIDAR), CAPACITY, "Sari")
    return engine, store.facilities(engine, MAGELANG)


def test_rows_accepted_or_quarantined_with_row_and_reason(facilities, intake_file):
    engine, stored = facilities
    result = intake.import_occupancy(intake_file("occupancy.csv"), stored)

    assert (result.rows_read, result.accepted_rows, len(result.quarantined)) == (
        11,
        3,
        8,
    )
    assert result.rows_read == result.accepted_rows + len(result.quarantined)
    assert result.messages == (
        "baris 5: fasilitas 'RSUD Tidar Kota Magelng' tidak ada di wilayah ini; "
        f"mungkin '{TIDAR}' (id {_facility_id(engine, TIDAR)})? Perbaiki namanya "
        "atau isi kolom facility_id",
        "baris 6: terisi_isolasi 25 melebihi kapasitas 20 (tempat_tidur_isolasi) "
        f"fasilitas {TIDAR}",
        "baris 7: jumlah '-2' negatif",
        "baris 8: sama persis dengan baris 2 (duplikat)",
        f"baris 9: fasilitas {TIDAR} tanggal 2021-03-15 sudah ada di baris 2",
        f"baris 10: tanggal sesudah hari ini ({long_date(local_today())}); periksa "
        "ketikan atau konversi tanggalnya",
        "baris 11: jumlah '2,5' bukan bilangan bulat",
        "baris 12: fasilitas 'Klinik Tidak Ada' tidak ada di wilayah ini",
    )
    accepted = result.accepted
    # "rsud  Tidar kota-magelang" is the same name once case, spaces and "-" go
    assert list(accepted["fasilitas"]) == [TIDAR, TIDAR, "Puskesmas Magelang Selatan"]
    assert list(accepted["tanggal"].dt.strftime("%Y-%m-%d")) == [
        "2021-03-15",
        "2021-03-16",
        "2021-03-15",
    ]
    assert list(accepted["terisi_isolasi"]) == [12, 14, 2]
    assert accepted["terisi_icu"].isna().iloc[2]  # an empty cell stays unknown
    assert dict(result.totals) == {
        "terisi_isolasi": 28,
        "terisi_icu": 7,
        "terisi_ventilator": 3,
    }
    assert result.quarantined_totals["terisi_isolasi"] > 0
    assert result.discarded_columns == ("no_hp",)
    assert "no_hp" not in result.quarantined.columns
    assert "081200000001" not in result.quarantined.to_csv()


def test_facility_id_column_and_unknown_id(facilities):
    engine, stored = facilities
    tidar = _facility_id(engine, TIDAR)
    data = (
        "facility_id,tanggal,terisi_icu\n"
        f"{tidar},2021-03-20,6\n"
        f"{tidar},2021-03-21,5\n"
        "99999,2021-03-20,1\n"
        f"{tidar},,1\n"
    ).encode()

    result = intake.import_occupancy(data, stored, name="okupansi.csv")

    assert list(result.accepted["facility_id"]) == [tidar]
    assert result.messages == (
        "baris 2: terisi_icu 6 melebihi kapasitas 5 (tempat_tidur_icu) fasilitas "
        f"{TIDAR}",
        "baris 4: id fasilitas '99999' tidak ada di wilayah ini",
        "baris 5: tanggal kosong",
    )


def test_a_file_without_facility_or_counts_is_refused(facilities):
    _, stored = facilities
    with pytest.raises(GeoInputError, match="nama atau id fasilitas"):
        intake.import_occupancy(b"tanggal,terisi_icu\n2021-03-01,1\n", stored)
    with pytest.raises(GeoInputError, match="jumlah terisi"):
        intake.import_occupancy(b"fasilitas,tanggal\nGladiool,2021-03-01\n", stored)
    with pytest.raises(GeoInputError, match="Impor fasilitas dulu"):
        imports.check_file("okupansi", b"fasilitas\n", "o.csv", None, None, None)


@pytest.fixture
def stored_cli(monkeypatch, capsys, facilities, magelang_store):
    """Run ``import`` against the temp store holding the Magelang pack."""
    engine, data_dir = magelang_store
    monkeypatch.setenv("CC_DATABASE_URL", str(engine.url))
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("geo.cli_import",))
    monkeypatch.setattr(cli_import, "DATA_DIR", data_dir)

    def run(*argv: str) -> tuple[int, str]:
        code = cli.main(["import", *argv])
        return code, capsys.readouterr().out

    return engine, run


def test_cli_import_writes_occupancy_once_and_the_chart_appears(
    stored_cli, intake_file
):
    engine, run = stored_cli
    path = str(intake_file("occupancy.csv"))
    region = regions.load_region(MAGELANG, engine=engine)
    before, _ = store_charts(engine, region, pd.Timestamp("2021-03-31"))
    batches_before = len(store.batches(engine))

    code, out = run("okupansi", path, "--wilayah", MAGELANG, "--json", "--oleh", "Sari")
    again, text = run("okupansi", path, "--wilayah", MAGELANG, "--oleh", "Sari")

    assert (code, again) == (0, 0)
    payload = json.loads(out)
    assert (payload["accepted"], payload["quarantined"]) == (3, 8)
    assert payload["stored"]["duplicate"] is False
    assert "sudah pernah diimpor" in text
    assert len(store.batches(engine)) == batches_before + 1
    batch = store.batches(engine).iloc[0]
    assert (batch["kind"], batch["rows_read"], batch["rows_quarantined"]) == (
        "okupansi",
        11,
        8,
    )
    stored = store.occupancy(engine, MAGELANG)
    assert list(zip(stored["nama"], stored["terisi_isolasi"], strict=True)) == [
        ("Puskesmas Magelang Selatan", 2),
        (TIDAR, 12),
        (TIDAR, 14),
    ]
    reasons = store.quarantine(engine, int(batch["id"]))
    assert len(reasons) == 8

    assert before.absent == "belum ada data keterisian tempat tidur untuk wilayah ini"
    occupancy, _ = store_charts(engine, region, pd.Timestamp("2021-03-31"))
    assert occupancy.absent == ""
    assert TIDAR in occupancy.table.to_csv()


def test_rows_for_a_flagged_facility_are_stored_and_said(magelang_store):
    engine, _ = magelang_store
    checked = regions.load_region("33.71", engine=engine).facilities.table
    flagged = checked[~checked["is_valid"] & checked["id"].notna()].iloc[0]
    text = f"fasilitas,tanggal,terisi_isolasi\n{flagged['nama']},2020-10-06,3\n"

    result = intake.import_occupancy(text.encode(), checked, name="okupansi.csv")

    assert result.accepted_rows == 1
    note = next(n for n in result.notes if "ditandai bermasalah" in n)
    assert note.startswith("1 baris menyebut fasilitas")
    assert flagged["nama"] in note and flagged["masalah"] in note
