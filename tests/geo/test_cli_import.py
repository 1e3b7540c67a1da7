from __future__ import annotations

import json

import geopandas as gpd
import pytest
from shapely.geometry import box

from geo import cli, cli_import
from geo.errors import GeoInputError

pytest_plugins = ("tests.geo.intake_fixtures",)


@pytest.fixture
def run_cli(monkeypatch, capsys, kelurahan_uji):
    """Run ``python -m geo import ...`` with the hand-made kelurahan as region."""
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("geo.cli_import",))
    monkeypatch.setattr(cli_import, "load_region_kelurahan", lambda kode: kelurahan_uji)

    def run(*argv: str) -> tuple[int, str, str]:
        code = cli.main(["import", *argv])
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
        "discarded_columns",
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
