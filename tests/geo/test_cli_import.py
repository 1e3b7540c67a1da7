from __future__ import annotations

import json

import geopandas as gpd
import pytest
from shapely.geometry import box

from geo import cli, cli_import, store
from geo.errors import GeoInputError

pytest_plugins = ("tests.geo.intake_fixtures",)


@pytest.fixture
def run_cli(monkeypatch, capsys, kelurahan_uji):
    """Run ``python -m geo import ...`` with the hand-made kelurahan as region."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("geo.cli_import",))
    monkeypatch.setattr(cli_import, "load_region_kelurahan", lambda kode: kelurahan_uji)

    def run(*argv: str) -> tuple[int, str, str]:
        # The hand-made region is not the store's: these tests only check.
        code = cli.main(["import", *argv, "--periksa-saja"])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_json_summary_of_a_file_with_quarantined_rows(run_cli, intake_file):
    code, out, _ = run_cli(
        "kasus", str(intake_file("misspelt_names.csv")), "--wilayah", "33.71", "--json"
    )

    payload = json.loads(out)
    assert code == 0
    assert set(payload) == {
        "rows_read",
        "accepted",
        "quarantined",
        "problems",
        "dates",
        "totals",
        "quarantined_totals",
        "discarded_columns",
        "questions",
        "notes",
        "stored",
    }
    assert (payload["rows_read"], payload["accepted"], payload["quarantined"]) == (
        6,
        3,
        3,
    )
    assert payload["problems"][0]["reason"] == (
        "kelurahan 'Kedungsarii' tidak dikenal; mungkin 'Kedungsari'?"
    )
    assert payload["totals"] == {"positif": 19}


def test_line_list_through_kasus(run_cli, intake_file):
    code, out, _ = run_cli(
        "kasus",
        str(intake_file("line_list_personal.csv")),
        "--wilayah",
        "33.71",
        "--json",
    )

    payload = json.loads(out)
    assert code == 0
    assert payload["discarded_columns"] == [
        "NIK",
        "Nama",
        "Alamat",
        "No HP",
        "Tanggal Lahir",
    ]
    assert "Budi" not in out


def test_date_order_option(run_cli, intake_file):
    code, out, _ = run_cli(
        "kasus",
        str(intake_file("ambiguous_dates.csv")),
        "--wilayah",
        "33.71",
        "--json",
        "--urutan-tanggal",
        "hb",
    )

    assert code == 0
    assert json.loads(out)["dates"] == ["2020-04-03", "2020-04-04", "2020-04-05"]


@pytest.mark.parametrize(
    ("kind", "name", "accepted"),
    [
        ("penduduk", "population.csv", 3),
        ("sumber-daya", "resources.csv", 3),
    ],
    ids=["penduduk", "sumber-daya"],
)
def test_other_kinds(run_cli, intake_file, kind, name, accepted):
    code, out, _ = run_cli(kind, str(intake_file(name)), "--wilayah", "33.71", "--json")

    assert code == 0
    assert json.loads(out)["accepted"] == accepted


def test_text_summary_for_people(run_cli, intake_file):
    code, out, _ = run_cli(
        "kasus", str(intake_file("duplicates.csv")), "--wilayah", "33.71"
    )

    assert code == 0
    assert out.splitlines()[0] == "5 baris dibaca: 3 diterima, 2 dikarantina."
    assert "baris 3: sama persis dengan baris 2 (duplikat)" in out


@pytest.mark.parametrize(
    ("name", "message"),
    [("empty.csv", "kosong"), ("not_a_table.csv", "bukan tabel")],
    ids=["empty", "not-a-table"],
)
def test_unreadable_file_exits_non_zero_with_message(
    run_cli, intake_file, name, message
):
    code, out, err = run_cli(
        "kasus", str(intake_file(name)), "--wilayah", "33.71", "--json"
    )

    assert code != 0
    assert out == ""
    assert message in err


def test_region_loader_reads_the_bundled_pack():
    kelurahan = cli_import.load_region_kelurahan("33.71")

    assert len(kelurahan) == 17
    assert "33.71.02.1005" in set(kelurahan["kode"])


def test_unknown_region_is_refused():
    with pytest.raises(GeoInputError, match="Wilayah '99.99' tidak dikenal"):
        cli_import.load_region_kelurahan("99.99")


def test_boundaries_through_the_command_line(run_cli, tmp_path):
    path = tmp_path / "batas.geojson"
    gpd.GeoDataFrame(
        {"KODE": ["3371011003", "x"], "NAMA": ["A", "B"]},
        geometry=[box(110.2, -7.5, 110.21, -7.49), box(110.21, -7.5, 110.22, -7.49)],
        crs="EPSG:4326",
    ).to_file(path)

    code, out, _ = run_cli(
        "batas",
        str(path),
        "--wilayah",
        "33.71",
        "--kolom-kode",
        "KODE",
        "--kolom-nama",
        "NAMA",
        "--json",
    )

    payload = json.loads(out)
    assert code == 0
    assert (payload["accepted"], payload["quarantined"]) == (1, 1)
    assert payload["problems"][0]["reason"] == "kode 'x' bukan kode Kemendagri"


@pytest.fixture
def stored_cli(monkeypatch, capsys, magelang_store, tmp_path):
    """Run ``import`` against a temp store holding the Magelang pack."""
    engine, data_dir = magelang_store
    monkeypatch.setenv("CC_DATABASE_URL", str(engine.url))
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("geo.cli_import",))
    monkeypatch.setattr(cli_import, "DATA_DIR", data_dir)

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["import", *argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return engine, data_dir, run


def _changed_magelang_cases(data_dir, tmp_path):
    source = data_dir / "magelang" / "covid" / "3371_kota_magelang_covid_scrape.csv"
    text = source.read_text(encoding="utf-8").replace(
        "2020-10-06,kelurahan,Alfie Qashwa,2020-10-6,Jawa Tengah,Kota Magelang,"
        "Magelang Selatan,Jurangombo Utara,,11,0,0,",
        "2020-10-06,kelurahan,Alfie Qashwa,2020-10-6,Jawa Tengah,Kota Magelang,"
        "Magelang Selatan,Jurangombo Utara,,11,0,5,",
    )
    path = tmp_path / "kasus_magelang.csv"
    path.write_text(text, encoding="utf-8")
    return path


def _positif_on(engine, tanggal: str) -> int:
    cases = store.case_counts(engine, "33.71")
    return int(cases.loc[cases["tanggal"] == tanggal, "positif"].sum())


def test_import_writes_to_the_store_once(stored_cli, tmp_path):
    engine, data_dir, run = stored_cli
    path = _changed_magelang_cases(data_dir, tmp_path)
    batches_before = len(store.batches(engine))

    code, out, _ = run(
        "kasus", str(path), "--wilayah", "33.71", "--json", "--oleh", "Sari"
    )
    again, text, _ = run("kasus", str(path), "--wilayah", "33.71", "--oleh", "Sari")

    assert (code, again) == (0, 0)
    assert set(json.loads(out)) == {
        "rows_read",
        "accepted",
        "quarantined",
        "problems",
        "dates",
        "totals",
        "quarantined_totals",
        "discarded_columns",
        "questions",
        "notes",
        "stored",
    }
    assert _positif_on(engine, "2020-10-06") == 203
    assert len(store.batches(engine)) == batches_before + 1
    assert store.batches(engine)["who"].iloc[0] == "Sari"
    assert "sudah pernah diimpor" in text


def test_check_only_writes_nothing(stored_cli, tmp_path):
    engine, data_dir, run = stored_cli
    path = _changed_magelang_cases(data_dir, tmp_path)
    batches_before = len(store.batches(engine))

    code, out, _ = run("kasus", str(path), "--wilayah", "33.71", "--periksa-saja")

    assert code == 0
    assert out.splitlines()[0].startswith("170 baris dibaca")
    assert len(store.batches(engine)) == batches_before
    assert _positif_on(engine, "2020-10-06") == 198


def test_new_region_from_boundaries_on_the_command_line(stored_cli, tmp_path):
    engine, _, run = stored_cli
    path = tmp_path / "batas_baru.geojson"
    gpd.GeoDataFrame(
        {"KODE": ["3308012001", "3308012002"], "NAMA": ["Uji Satu", "Uji Dua"]},
        geometry=[box(110.1, -7.6, 110.11, -7.59), box(110.11, -7.6, 110.12, -7.59)],
        crs="EPSG:4326",
    ).to_file(path)

    code, _, err = run(
        "batas",
        str(path),
        "--wilayah",
        "33.08",
        "--nama-wilayah",
        "Kabupaten Uji",
        "--kolom-kode",
        "KODE",
        "--kolom-nama",
        "NAMA",
    )

    assert code == 0, err
    region = store.regions(engine).set_index("kode").loc["33.08"]
    assert (region["nama"], region["metric_crs"]) == ("Kabupaten Uji", "EPSG:32749")
    assert list(store.kelurahan(engine, "33.08")["kode_kecamatan"]) == ["33.08.01"] * 2


def test_json_says_what_was_stored_and_the_quarantined_totals(stored_cli, intake_file):
    engine, _, run = stored_cli

    code, out, _ = run(
        "kasus", str(intake_file("misspelt_names.csv")), "--wilayah", "33.71", "--json"
    )

    payload = json.loads(out)
    assert code == 0
    assert payload["stored"]["duplicate"] is False
    assert payload["stored"]["quarantined"] == payload["quarantined"] > 0
    assert payload["quarantined_totals"]["positif"] >= 0
    assert payload["notes"], "the file's notes (encoding, delimiter) are in the JSON"
    batch = store.batches(engine).iloc[0]
    assert int(batch["id"]) == payload["stored"]["batch"]


def test_counts_read_as_daily_are_not_stored_without_a_word(stored_cli, intake_file):
    engine, _, run = stored_cli
    path = str(intake_file("daily_counts.csv"))
    batches_before = len(store.batches(engine))

    code, _, err = run("kasus", path, "--wilayah", "33.71")

    assert code == 2
    assert "--harian bila benar" in err
    assert len(store.batches(engine)) == batches_before

    code, out, _ = run("kasus", path, "--periksa-saja", "--wilayah", "33.71")
    assert code == 0
    assert "terbaca sebagai kasus baru harian. Benar? Dipakai: harian." in out

    assert run("kasus", path, "--wilayah", "33.71", "--harian")[0] == 0
    cases = store.case_counts(engine, "33.71").set_index(["kode", "tanggal"])
    # daily 5, 2, 3 summed into cumulative 5, 7, 10
    assert cases.loc[("33.71.01.1007", "2020-09-25"), "positif"] == 10


def test_kumulatif_keeps_the_numbers_as_given(stored_cli, intake_file):
    engine, _, run = stored_cli

    code, out, _ = run(
        "kasus", str(intake_file("daily_counts.csv")), "--wilayah", "33.71",
        "--kumulatif",
    )  # fmt: skip

    assert code == 0
    assert "Dipakai:" not in out  # the flag answered the question
    cases = store.case_counts(engine, "33.71").set_index(["kode", "tanggal"])
    assert cases.loc[("33.71.01.1007", "2020-09-25"), "positif"] == 3
