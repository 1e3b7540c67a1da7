from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

from geo.cli_allocate import add_parser, region_inputs
from geo.errors import GeoInputError
from tests.conftest import road_grid, road_points

ROOT = Path(__file__).resolve().parents[2]

DEMAND_LAT_LON = """id,lat,lon,bobot
K1,-7.470,110.217,100
K2,-7.480,110.220,200
K3,-7.500,110.210,50
"""
CANDIDATES_LAT_LON = """id,lat,lon,kapasitas,tetap
RS A,-7.4856,110.2161,300,1
RS B,-7.4530,110.2214,300,0
"""


def _run(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


@pytest.fixture
def files(tmp_path):
    demand = tmp_path / "permintaan.csv"
    demand.write_text(DEMAND_LAT_LON, encoding="utf-8")
    candidates = tmp_path / "kandidat.csv"
    candidates.write_text(CANDIDATES_LAT_LON, encoding="utf-8")
    return demand, candidates


def test_lokasi_json_lists_sites_assignments_and_status(files, capsys):
    demand, candidates = files

    code = _run(
        [
            "allocate",
            "lokasi",
            "--permintaan",
            str(demand),
            "--kandidat",
            str(candidates),
            "--model",
            "mclp",
            "--p",
            "1",
            "--radius-m",
            "2000",
            "--json",
        ]
    )

    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    assert payload["chosen_sites"] == ["RS A"]
    assert [row["id"] for row in payload["assignment"]] == ["K1", "K2", "K3"]
    assert payload["solver"]["status"] == "optimal"
    assert payload["parameters"]["circuity"] == pytest.approx(1.3, abs=0)
    assert 0 <= payload["kpi"]["covered_share"] <= 1
    assert any("kapasitas tidak dipakai" in note for note in payload["notes"])


def test_lokasi_text_in_minutes(files, capsys):
    demand, candidates = files

    _run(
        [
            "allocate",
            "lokasi",
            "--permintaan",
            str(demand),
            "--kandidat",
            str(candidates),
            "--model",
            "pmedian",
            "--p",
            "2",
            "--menit",
            "5",
            "--kecepatan-kmj",
            "40",
        ]
    )

    out = capsys.readouterr().out
    assert "Lokasi terpilih (2): RS A (tetap), RS B" in out
    assert "Bobot tercakup dalam 5 menit" in out
    assert "menit" in out
    assert "40 km/jam" in out


def test_lokasi_xy_with_crs(tmp_path, capsys):
    demand = tmp_path / "d.csv"
    demand.write_text("id,x,y,bobot\na,0,0,5\nb,3000,0,7\n", encoding="utf-8")
    candidates = tmp_path / "k.csv"
    candidates.write_text("id,x,y\ns1,100,0\ns2,2900,0\n", encoding="utf-8")

    _run(
        [
            "allocate",
            "lokasi",
            "--permintaan",
            str(demand),
            "--kandidat",
            str(candidates),
            "--crs",
            "EPSG:32749",
            "--model",
            "pcenter",
            "--p",
            "1",
            "--faktor-belok",
            "1",
            "--json",
        ]
    )

    payload = json.loads(capsys.readouterr().out)
    # either site leaves the far point 2,900 m away with circuity 1
    assert payload["kpi"]["worst_distance_m"] == pytest.approx(2_900.0, abs=1e-6)


def test_distribusi_sums_to_stock(tmp_path, capsys):
    weights = tmp_path / "bobot.csv"
    weights.write_text(
        "kode,nama,bobot,maksimum\n"
        "33.71.01.1001,Magersari,5,\n"
        "33.71.01.1002,Rejowinangun,3,2\n"
        "33.71.01.1003,Tidar,2,\n",
        encoding="utf-8",
    )

    _run(["allocate", "distribusi", "--bobot", str(weights), "--stok", "7", "--json"])

    payload = json.loads(capsys.readouterr().out)
    allocated = [row["allocated"] for row in payload["table"]]
    assert sum(allocated) == 7
    assert allocated[1] == 2
    assert payload["table"][0]["kode"] == "33.71.01.1001"


def test_rujukan_text_reports_shortage(tmp_path, capsys):
    demand = tmp_path / "pasien.csv"
    demand.write_text(
        "id,lat,lon,pasien\nK1,-7.470,110.217,100\nK2,-7.480,110.220,64\n",
        encoding="utf-8",
    )
    hospitals = tmp_path / "rs.csv"
    hospitals.write_text(
        "id,lat,lon,kapasitas\nRS A,-7.4856,110.2161,70\nRS B,-7.4530,110.2214,50\n",
        encoding="utf-8",
    )

    _run(
        [
            "allocate",
            "rujukan",
            "--permintaan",
            str(demand),
            "--kandidat",
            str(hospitals),
        ]
    )

    out = capsys.readouterr().out
    assert "tidak tertampung 44" in out
    assert "Kapasitas 120 tempat tidur < kebutuhan 164" in out


def test_missing_file_is_a_user_error(tmp_path):
    with pytest.raises(GeoInputError, match="tidak ditemukan"):
        _run(
            [
                "allocate",
                "lokasi",
                "--permintaan",
                str(tmp_path / "tidak-ada.csv"),
                "--kandidat",
                str(tmp_path / "k.csv"),
                "--model",
                "lscp",
                "--radius-m",
                "100",
            ]
        )


def test_swapped_lat_lon_is_named_in_the_file_s_own_terms(files):
    demand, candidates = files
    demand.write_text("id,lat,lon,bobot\nK1,110.217,-7.470,100\n", encoding="utf-8")

    with pytest.raises(GeoInputError) as refused:
        _run(["allocate", "rujukan", "--permintaan", str(demand),
              "--kandidat", str(candidates)])  # fmt: skip

    message = str(refused.value)
    assert "'K1' tidak valid (lat 110.217, lon -7.470)" in message
    assert "kolom lat dan lon tertukar" in message


def test_region_mode_reads_the_magelang_pack():
    demand, candidates, metric_crs, notes = region_inputs("33.71")

    assert metric_crs == "EPSG:32749"
    assert len(demand) == 17
    # Magelang has no population: demand is the active cases at the last date
    assert demand["bobot"].sum() == pytest.approx(31.0, abs=1e-9)
    assert len(candidates) == 15  # the valid facilities of the listing
    assert not candidates["tetap"].any()
    assert "kasus aktif per kelurahan pada 6 Oktober 2020 (total 31" in notes[0]
    assert demand.set_index("id").loc["33.71.02.1008", "nama"] == "Kramat Utara"


def test_region_mode_without_facilities_says_what_to_do():
    with pytest.raises(GeoInputError, match="tidak punya daftar fasilitas"):
        region_inputs("31")


def test_lokasi_for_a_region_pack(capsys):
    code = _run(
        [
            "allocate",
            "lokasi",
            "--wilayah",
            "33.71",
            "--model",
            "mclp",
            "--p",
            "2",
            "--radius-m",
            "2000",
            "--json",
        ]
    )

    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    assert len(payload["chosen_sites"]) == 2
    assert len(payload["assignment"]) == 17
    assert payload["solver"]["status"] == "optimal"
    assert payload["kpi"]["covered_share"] == pytest.approx(1.0, abs=1e-9)
    assert payload["notes"][0].startswith("Bobot permintaan: kasus aktif")


def test_lokasi_text_names_the_weight_and_the_kelurahan(capsys):
    argv = ["allocate", "lokasi", "--wilayah", "33.71", "--model", "mclp",
            "--p", "2", "--radius-m", "2000"]  # fmt: skip
    assert _run(argv) == 0

    out = capsys.readouterr().out
    assert "Bobot tercakup dalam 2.000 m: 31 dari 31 (100,0 %)" in out
    assert "33.71.02.1008 Kramat Utara → " in out
    assert "kelurahan berbobot 0" in out


def test_json_output_is_clean_in_a_fresh_process(files):
    # the HiGHS banner is printed by native code once per process
    demand, with_capacity = files
    candidates = with_capacity.with_name("kandidat_tanpa_kapasitas.csv")
    candidates.write_text(
        "id,lat,lon,tetap\nRS A,-7.4856,110.2161,1\nRS B,-7.4530,110.2214,0\n",
        encoding="utf-8",
    )
    code = (
        "import argparse, sys\n"
        "from geo.cli_allocate import add_parser\n"
        "parser = argparse.ArgumentParser()\n"
        "add_parser(parser.add_subparsers(dest='command', required=True))\n"
        "args = parser.parse_args(sys.argv[1:])\n"
        "sys.exit(args.func(args))\n"
    )
    argv = ["allocate", "lokasi", "--permintaan", str(demand), "--kandidat"]
    argv += [str(candidates), "--model", "pmedian", "--p", "1"]

    done = subprocess.run(
        [sys.executable, "-c", code, *argv, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["chosen_sites"] == ["RS A"]


# --- travel along a road layer (tests/conftest.py road_grid) ---
@pytest.fixture
def road_files(tmp_path):
    roads = tmp_path / "jalan.geojson"
    road_grid().to_file(roads)
    demand = tmp_path / "permintaan_jalan.csv"
    road_points({"D1": (0, 0), "D3": (2750, 50)}).assign(bobot=[10, 5]).to_csv(
        demand, index=False
    )
    candidates = tmp_path / "kandidat_jalan.csv"
    road_points({"C1": (2000, 2000), "C2": (0, 3000)}).to_csv(candidates, index=False)
    return roads, demand, candidates


def _lokasi_along_roads(road_files, *extra: str) -> list[str]:
    roads, demand, candidates = road_files
    return [
        "allocate", "lokasi", "--permintaan", str(demand), "--kandidat",
        str(candidates), "--crs", "EPSG:32749", "--model", "mclp", "--p", "1",
        "--jalan", str(roads), *extra,
    ]  # fmt: skip


def test_lokasi_along_roads_json_says_jaringan(road_files, capsys):
    code = _run(_lokasi_along_roads(road_files, "--radius-m", "3200", "--json"))

    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    assert payload["parameters"]["travel_method"] == "jaringan"
    assert payload["parameters"]["roads"]["file_name"] == "jalan.geojson"
    # C1 is nearer as the crow flies (2828 m) but 4000 m by road; C2 is 3000 m
    assert payload["chosen_sites"] == ["C2"]
    assert payload["kpi"]["covered_weight"] == pytest.approx(10.0, abs=1e-9)
    rows = {row["id"]: row for row in payload["assignment"]}
    assert rows["D1"]["distance_m"] == pytest.approx(3_000.0, abs=0.01)
    assert rows["D3"]["site_id"] is None
    assert any("2 komponen terpisah" in note for note in payload["notes"])


def test_lokasi_along_roads_in_minutes_with_a_speed_column(road_files, capsys):
    _run(
        _lokasi_along_roads(
            road_files,
            "--kolom-kecepatan",
            "kmj",
            "--menit",
            "5",
            "--kecepatan-kmj",
            "30",
        )  # fmt: skip
    )

    out = capsys.readouterr().out
    # D1 to C2: 3 km of road at 60 km/h is 3 minutes
    assert "D1 → C2: 3.000 m, 3,0 menit (tercakup: ya)" in out
    assert "kecepatan tiap ruas jalan" in out


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_a_road_file_without_crs_takes_crs_jalan(road_files, capsys):
    roads, demand, candidates = road_files
    bare = roads.with_name("jalan_tanpa_crs.gpkg")
    layer = road_grid().to_crs("EPSG:32749")
    layer.set_crs(None, allow_override=True).to_file(bare, driver="GPKG")
    argv = _lokasi_along_roads((bare, demand, candidates), "--radius-m", "3200")

    with pytest.raises(GeoInputError, match="tidak menyebut sistem koordinat"):
        _run(argv)
    _run([*argv, "--crs-jalan", "EPSG:32749", "--json"])

    assert json.loads(capsys.readouterr().out)["chosen_sites"] == ["C2"]


@pytest.mark.parametrize(
    "option", ["--kolom-kecepatan", "--crs-jalan"], ids=["speed", "crs"]
)
def test_road_options_without_a_road_file_are_refused(files, option):
    demand, candidates = files
    argv = ["allocate", "lokasi", "--permintaan", str(demand), "--kandidat"]
    argv += [str(candidates), "--model", "pmedian", "--p", "1", option, "x"]

    with pytest.raises(GeoInputError, match=f"{option} hanya dipakai bersama"):
        _run(argv)


def test_a_missing_road_file_is_named(road_files, tmp_path):
    argv = _lokasi_along_roads(road_files, "--radius-m", "3200")
    argv[argv.index("--jalan") + 1] = str(tmp_path / "tidak-ada.geojson")

    with pytest.raises(GeoInputError, match="Berkas jalan .* tidak ditemukan"):
        _run(argv)


def test_lokasi_along_roads_for_a_region_pack(road_files, capsys):
    roads, _, _ = road_files

    _run(["allocate", "lokasi", "--wilayah", "33.71", "--model", "mclp", "--p",
          "2", "--radius-m", "2000", "--jalan", str(roads), "--json"])  # fmt: skip

    payload = json.loads(capsys.readouterr().out)
    assert payload["parameters"]["travel_method"] == "jaringan"
    assert payload["parameters"]["crs"] == "EPSG:32749"
    assert len(payload["assignment"]) == 17
    assert any("dari jalan" in note for note in payload["notes"])
