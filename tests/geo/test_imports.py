"""The import flow shared by the Data page, the command line and the bootstrap."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from shapely.geometry import box

from geo import imports, regions, store
from geo.errors import GeoInputError

MAGELANG = "33.71"
INTAKE_DATA = Path(__file__).resolve().parent.parent / "data" / "intake"


def _bytes(name: str) -> bytes:
    return (INTAKE_DATA / name).read_bytes()


def _write(engine, kind, result, data, name="berkas.csv", **kwargs):
    return imports.write_result(
        engine,
        kind,
        MAGELANG,
        result,
        who="Uji",
        file_name=name,
        file_sha256=imports.file_sha256(data),
        **kwargs,
    )


def test_preview_adds_up_and_totals_each_side(magelang_store):
    engine, _ = magelang_store
    kelurahan = store.kelurahan(engine, MAGELANG)
    data = _bytes("counts_bad_numbers.csv")

    result = imports.check_file("kasus", data, "angka.csv", kelurahan)
    summary = imports.preview(result)

    assert summary.rows_read == summary.accepted + summary.quarantined
    assert summary.quarantined > 0
    assert list(summary.totals.columns) == ["kolom", "diterima", "dikarantina"]
    positif = summary.totals.set_index("kolom").loc["positif"]
    assert positif["diterima"] == result.totals["positif"]


def test_answers_change_the_reading(magelang_store):
    engine, _ = magelang_store
    kelurahan = store.kelurahan(engine, MAGELANG)
    data = _bytes("ambiguous_dates.csv")

    asked = imports.check_file("kasus", data, "tanggal.csv", kelurahan)
    day_first = imports.check_file(
        "kasus", data, "tanggal.csv", kelurahan, imports.Answers(date_order="hb")
    )
    month_first = imports.check_file(
        "kasus", data, "tanggal.csv", kelurahan, imports.Answers(date_order="bh")
    )

    assert [question.kind for question in asked.questions] == ["urutan_tanggal"]
    assert day_first.dates[0] == "2020-04-03"
    assert month_first.dates[0] == "2020-03-04"


def test_confirmed_name_is_accepted_after_the_answer(magelang_store):
    engine, _ = magelang_store
    kelurahan = store.kelurahan(engine, MAGELANG)
    data = b"kelurahan,tanggal,positif\nKedungsarii,2020-10-06,3\n"

    asked = imports.check_file("kasus", data, "nama.csv", kelurahan)
    (question,) = [q for q in asked.questions if q.kind == "kelurahan"]
    answers = imports.Answers(confirmed_names={question.value: question.options[0]})
    confirmed = imports.check_file("kasus", data, "nama.csv", kelurahan, answers)

    assert (asked.accepted_rows, confirmed.accepted_rows) == (0, 1)
    assert imports.answers_from_json(imports.answers_to_json(answers)) == answers


def test_line_list_is_written_as_counts_without_personal_data(magelang_store):
    engine, _ = magelang_store
    kelurahan = store.kelurahan(engine, MAGELANG)
    data = _bytes("line_list_personal.csv")

    result = imports.check_file("daftar-kasus", data, "orang.csv", kelurahan)
    batch = _write(engine, "daftar-kasus", result, data, "orang.csv")

    assert "NIK" in result.discarded_columns
    assert batch.kind == "kasus"
    assert batch.rows_read == result.rows_read
    assert batch.details["kolom_dibuang"] == list(result.discarded_columns)
    quarantined = store.quarantined_rows(engine, batch.id)
    assert "NIK" not in quarantined.columns
    assert (
        not quarantined.astype(str).apply(lambda c: c.str.contains("Budi")).any().any()
    )


def test_same_file_twice_is_a_duplicate(magelang_store):
    engine, _ = magelang_store
    kelurahan = store.kelurahan(engine, MAGELANG)
    data = _bytes("misspelt_names.csv")
    result = imports.check_file("kasus", data, "nama.csv", kelurahan)

    first = _write(engine, "kasus", result, data)
    second = _write(engine, "kasus", result, data)

    assert not first.is_duplicate and second.is_duplicate
    assert second.id == first.id
    assert first.rows_quarantined == len(result.quarantined)
    csv = imports.quarantine_csv(engine, first.id).decode()
    assert "Kedungsarii" in csv and "alasan" in csv


def test_population_needs_a_source_and_date(magelang_store):
    engine, _ = magelang_store
    kelurahan = store.kelurahan(engine, MAGELANG)
    data = b"kode,penduduk\n33.71.01.1003,12000\n"
    result = imports.check_file("penduduk", data, "penduduk.csv", kelurahan)

    with pytest.raises(GeoInputError, match="tanggal"):
        _write(engine, "penduduk", result, data, sumber="Dukcapil")
    _write(
        engine,
        "penduduk",
        result,
        data,
        sumber="Dukcapil",
        as_of=pd.Timestamp("2020-12-31").date(),
    )

    assert store.population(engine, MAGELANG).to_dict() == {"33.71.01.1003": 12000}


def test_new_region_from_boundaries_is_selectable(magelang_store, tmp_path):
    engine, data_dir = magelang_store
    path = tmp_path / "batas.geojson"
    gpd.GeoDataFrame(
        {"kd": ["3101011001", "3101011002"], "nm": ["Pulau Satu", "Pulau Dua"]},
        geometry=[box(106.5, -5.7, 106.51, -5.69), box(106.51, -5.7, 106.52, -5.69)],
        crs="EPSG:4326",
    ).to_file(path)
    data = path.read_bytes()

    columns, crs = imports.boundary_columns(data, "batas.geojson")
    answers = imports.Answers(kode_column="kd", nama_column="nm")
    result = imports.check_file("batas", data, "batas.geojson", None, answers)
    imports.create_region(
        engine,
        "31.01",
        "Kepulauan Uji",
        result,
        who="Uji",
        file_name="batas.geojson",
        file_sha256=imports.file_sha256(data),
    )

    assert columns == ["kd", "nm"] and crs == "EPSG:4326"
    packs = regions.list_regions(engine, data_dir)
    assert [pack.kode for pack in packs] == [MAGELANG, "31.01"]
    assert packs[1].metric_crs == "EPSG:32748"  # 106.5 deg E lies in UTM 48S
    region = regions.load_region("31.01", data_dir, engine=engine)
    assert len(region.kelurahan) == 2 and region.cases.empty
    assert region.kelurahan["area_km2"].sum() == pytest.approx(
        2 * 1.22, rel=0.01
    )  # two 0.01-degree squares near 5.7 deg S, about 1.22 km2 each


@pytest.mark.parametrize(
    ("kind", "name", "message"),
    [
        ("kasus", "empty.csv", "kosong"),
        ("cuaca", "empty.csv", "Jenis data 'cuaca' tidak dikenal"),
        ("batas", "batas.csv", "Berkas batas 'batas.csv' tidak dikenali"),
    ],
    ids=["empty", "kind", "boundary-suffix"],
)
def test_unreadable_inputs_are_refused_in_indonesian(
    magelang_store, kind, name, message
):
    engine, _ = magelang_store
    kelurahan = store.kelurahan(engine, MAGELANG)

    with pytest.raises(GeoInputError, match=message):
        imports.check_file(kind, _bytes("empty.csv"), name, kelurahan)


def test_batch_and_audit_tables_have_indonesian_headers(magelang_store):
    engine, _ = magelang_store

    batches = imports.batch_table(engine)
    audit = imports.audit_table(engine)

    assert list(batches.columns)[:3] == ["Nomor", "Waktu", "Jenis"]
    assert len(batches) == 4  # batas, fasilitas, sumber daya, kasus
    assert "Tindakan" in audit.columns and len(audit) > 0
    assert set(audit["Tindakan"]) <= {"impor", "tambah", "ubah", "ganti", "hapus"}
    imported = audit.loc[audit["Tabel"] == "impor", "Sesudah"]
    assert "berkas: kelurahan.geojson" in imported.iloc[-1]
    assert audit["Waktu"].str.endswith(" WIB").all()


def test_an_adoption_reads_in_indonesian_in_the_audit_table(magelang_store):
    engine, _ = magelang_store
    scenario_id = store.save_scenario(
        engine, "33.71", "Uji", author="Ani", parameters={}, results={}
    )
    store.adopt_scenario(engine, scenario_id, who="Kepala Dinas")

    audit = imports.audit_table(engine)

    text = " ".join(audit["Sebelum"]) + " " + " ".join(audit["Sesudah"])
    assert "wilayah: 33.71" in text
    assert "diadopsi: ya" in text and "diadopsi oleh: Kepala Dinas" in text
    assert "True" not in text and "region_kode" not in text


def test_a_short_line_list_adds_to_the_stored_counts(magelang_store):
    # the field case: three people reported on 7 Oct must not wipe the city's
    # 198 cumulative cases of 6 Oct
    engine, _ = magelang_store
    kelurahan = store.kelurahan(engine, MAGELANG)
    data = (
        b"tanggal,kelurahan,status\n"
        b"7 Oktober 2020,Magersari,dirawat\n"
        b"7 Oktober 2020,Magersari,isolasi\n"
        b"7 Oktober 2020,Kedungsari,dirawat\n"
    )
    result = imports.check_file("daftar-kasus", data, "baru.csv", kelurahan)
    _write(engine, "daftar-kasus", result, data, "baru.csv")

    cases = store.case_counts(engine, MAGELANG)
    before = cases[cases["tanggal"] == pd.Timestamp("2020-10-06")].set_index("kode")
    after = cases[cases["tanggal"] == pd.Timestamp("2020-10-07")].set_index("kode")
    assert int(after["positif"].sum()) == 198 + 3
    assert (
        after.at["33.71.01.1007", "positif"]
        == before.at["33.71.01.1007", "positif"] + 2
    )
    untouched = before.index.difference(["33.71.01.1007", "33.71.02.1005"])
    assert (after.loc[untouched, "positif"] == before.loc[untouched, "positif"]).all()
