from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from geo import cli

ROOT = Path(__file__).resolve().parents[2]


def test_summary_jakarta_matches_the_source(capsys):
    assert (
        cli.main(["summary", "--wilayah", "31", "--tanggal", "2021-07-31", "--json"])
        == 0
    )
    payload = json.loads(capsys.readouterr().out)
    assert len(payload["kelurahan"]) == 267
    assert payload["total_kelurahan"]["positif"] == 686684
    assert payload["total_tanpa_kelurahan"]["positif"] == 127969
    assert payload["total_semua"]["positif"] == 814653
    assert sum(row["positif"] for row in payload["kelurahan"]) == 686684
    labels = {row["keterangan"] for row in payload["tanpa_kelurahan"]}
    assert labels == {"LUAR DKI JAKARTA", "PROSES UPDATE DATA"}


def test_regions_json_lists_both_packs(capsys):
    assert cli.main(["regions", "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert [entry["kode"] for entry in payload] == ["33.71", "31"]
    assert payload[0]["kelurahan"] == 17
    assert payload[1]["tanggal"][-1] == "2021-07-31"


def test_unknown_region_exits_non_zero_with_a_message():
    done = subprocess.run(
        [sys.executable, "-m", "geo", "summary", "--wilayah", "99"],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 2
    assert "tidak dikenal" in done.stderr
