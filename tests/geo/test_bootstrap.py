"""Bundled packs through the import path: the store gives the numbers the files give."""

from __future__ import annotations

import pandas as pd
import pytest

from geo import bootstrap, imports, regions, store

MAGELANG = "33.71"
JAKARTA = "31"


def _on(cases: pd.DataFrame, tanggal: str) -> pd.DataFrame:
    return cases[cases["tanggal"] == pd.Timestamp(tanggal)]


def test_magelang_from_the_store_matches_the_files(bundled_store, magelang):
    region = regions.load_region(MAGELANG, engine=bundled_store)

    day = _on(region.cases, "2020-10-06")
    assert int(day["positif"].sum()) == 198
    by_date = region.cases.groupby("tanggal")["positif"].sum()
    assert by_date.equals(magelang.cases.groupby("tanggal")["positif"].sum())
    assert len(region.kelurahan) == 17
    assert region.population is None  # Magelang has no population data
    assert region.kelurahan["area_km2"].sum() == pytest.approx(
        magelang.kelurahan["area_km2"].sum(), rel=1e-9
    )  # same polygons, same metric CRS


def test_jakarta_from_the_store_matches_the_files(bundled_store, jakarta):
    region = regions.load_region(JAKARTA, engine=bundled_store)

    day = _on(region.cases, "2021-07-31")
    assert int(day.loc[day["kode"].notna(), "positif"].sum()) == 686_684
    assert int(day.loc[day["kode"].isna(), "positif"].sum()) == 127_969
    assert len(region.cases) == len(jakarta.cases)
    assert region.population.sum() == pytest.approx(
        jakarta.population.sum(), abs=0.5
    )  # whole persons
    assert region.facilities is None and region.resources is None


def test_facility_verdicts_survive_the_store(bundled_store, magelang):
    region = regions.load_region(MAGELANG, engine=bundled_store)

    check = region.facilities
    assert sorted(check.valid["nama"]) == sorted(magelang.facilities.valid["nama"])
    assert sorted(check.flagged["nama"]) == sorted(magelang.facilities.flagged["nama"])
    flagged = check.table.set_index("nama")["masalah"]
    assert "tanda lintang salah" in flagged["Puskesmas Magelang Tengah"]
    assert "Jurangombo Utara" in flagged["RS Harapan Magelang"]
    assert check.notes == magelang.facilities.notes


def test_example_resources_are_loaded_and_marked(bundled_store):
    region = regions.load_region(MAGELANG, engine=bundled_store)

    assert len(region.resources) == 22
    assert region.resources["is_example"].all()
    assert region.resources["updated_at"].max() == pd.Timestamp("2020-10-06")


def test_second_start_reads_nothing_again(bundled_store):
    before = len(store.batches(bundled_store))

    done = bootstrap.ensure_bundled(bundled_store)

    assert not any(entry.is_new for entry in done)
    assert len(store.batches(bundled_store)) == before
    kinds = [entry.kind for entry in done if entry.region_kode == MAGELANG]
    assert kinds == ["batas", "fasilitas", "sumber-daya", "kasus"]


def test_changed_case_file_shows_new_numbers(magelang_store, tmp_path):
    engine, data_dir = magelang_store
    path = data_dir / "magelang" / "covid" / "3371_kota_magelang_covid_scrape.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    row = (frame["scrape_date"] == "2020-10-06") & (
        frame["kelurahan"] == "Jurangombo Utara"
    )
    assert frame.loc[row, "total_positif"].tolist() == ["0"]
    frame.loc[row, "total_positif"] = "5"
    data = frame.to_csv(index=False).encode()
    kelurahan = store.kelurahan(engine, MAGELANG)

    result = imports.check_file("kasus", data, "kasus_baru.csv", kelurahan)
    batch = imports.write_result(
        engine,
        "kasus",
        MAGELANG,
        result,
        who="Uji",
        file_name="kasus_baru.csv",
        file_sha256=imports.file_sha256(data),
    )

    assert batch.replaced == 1
    region = regions.load_region(MAGELANG, data_dir, engine=engine)
    assert int(_on(region.cases, "2020-10-06")["positif"].sum()) == 203
    log = store.audit_log(engine, table_name="case_count")
    assert log["record_id"].iloc[0] == "33.71.01.1008@2020-10-06"


def test_one_region_at_a_time(tmp_path):
    engine = store.open_store(f"sqlite:///{tmp_path / 'cc.sqlite'}")

    done = bootstrap.ensure_bundled(engine, kode=MAGELANG)

    assert done and all(entry.is_new for entry in done)
    assert set(store.batches(engine)["region_kode"]) == {MAGELANG}
    assert store.case_counts(engine, JAKARTA).empty
