from __future__ import annotations

import argparse
import datetime as dt
import io

import pandas as pd
import pytest

from geo import cli, cli_export, cli_hotspots, store
from geo.cli_hotspots import hotspot_report
from geo.export_region import ExportInputs, inputs_from_region
from geo.scenario import kpi_text, scenario_kpi
from tests.geo.export_support import (
    adopt_siting,
    magelang_siting,
    pdf_text,
    three_kelurahan_region,
)


@pytest.fixture
def inputs() -> ExportInputs:
    return inputs_from_region(three_kelurahan_region(notes=()), None)


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m geo")
    cli_export.add_parser(root.add_subparsers(dest="command", required=True))
    return root


def test_parser_reads_the_documented_command_line(tmp_path):
    args = parser().parse_args(
        [
            "export",
            "laporan",
            "--wilayah",
            "33.71",
            "--tanggal",
            "2020-10-06",
            "--format",
            "pdf",
            "--keluar",
            str(tmp_path / "laporan.pdf"),
            "--publik",
        ]
    )

    assert args.func is cli_export.run
    assert (args.jenis, args.wilayah, args.tanggal, args.fmt) == (
        "laporan",
        "33.71",
        "2020-10-06",
        "pdf",
    )
    assert args.publik is True


def test_run_writes_the_file_from_command_line_arguments(monkeypatch, inputs, tmp_path):
    monkeypatch.setattr(
        cli_export, "load_export_inputs", lambda kode, tanggal, **_: inputs
    )
    out = tmp_path / "harian" / "kelurahan.csv"
    args = parser().parse_args(
        [
            "export",
            "tabel",
            "--wilayah",
            "99.01",
            "--format",
            "csv",
            "--keluar",
            str(out),
        ]
    )

    assert args.func(args) == 0
    assert out.read_bytes()[:3] == b"\xef\xbb\xbf"


def test_export_laporan_has_the_hotspot_and_adopted_scenario_sections(
    monkeypatch, magelang_store, magelang, tmp_path
):
    engine, _ = magelang_store
    posts = magelang_siting(magelang)
    scenario_id = adopt_siting(engine, posts, nama="Posko terjadwal", who="Sekda")
    monkeypatch.setenv("CC_DATABASE_URL", engine.url.render_as_string(False))
    out = tmp_path / "harian" / "laporan.pdf"
    args = parser().parse_args(
        [
            "export",
            "laporan",
            "--wilayah",
            "33.71",
            "--tanggal",
            "2020-10-06",
            "--format",
            "pdf",
            "--keluar",
            str(out),
            "--batas-waktu",
            "20",
        ]
    )

    assert args.func(args) == 0

    text = pdf_text(out.read_bytes())
    report = hotspot_report(cli_hotspots.region_inputs(magelang), tanggal="2020-10-06")
    assert "Ringkasan hotspot" in text
    assert " ".join(report.summary.split()) in text
    assert "999 permutasi (seed 20201006)" in text
    assert (
        f'Skenario "Posko terjadwal" (#{scenario_id}, Lokasi) diadopsi oleh Sekda'
        in text
    )
    covered = scenario_kpi("lokasi", {"lokasi": posts}).kpi["covered_pct"]
    assert f"Kebutuhan tercakup (%) {kpi_text('covered_pct', covered, 'm')}" in text


@pytest.fixture
def export_chart(monkeypatch, capsys, magelang_store, tmp_path):
    """Run ``export grafik`` for Magelang on 6 Oct 2020 against a temp store."""
    engine, _ = magelang_store
    monkeypatch.setenv("CC_DATABASE_URL", str(engine.url))
    monkeypatch.setattr(cli, "COMMAND_MODULES", ("geo.cli_export",))

    def run(chart: str, fmt: str = "csv") -> tuple[int, bytes, str]:
        out = tmp_path / f"{chart}.{fmt}"
        code = cli.main(
            [
                "export",
                "grafik",
                "--wilayah",
                "33.71",
                "--tanggal",
                "2020-10-06",
                "--grafik",
                chart,
                "--format",
                fmt,
                "--keluar",
                str(out),
            ]
        )
        content = out.read_bytes() if out.exists() else b""
        return code, content, capsys.readouterr().err

    return engine, run


def test_stock_chart_of_the_bundled_example_resources(export_chart):
    _, run = export_chart

    code, content, _ = run("stok")
    html_code, html, _ = run("stok", "html")

    assert (code, html_code) == (0, 0)
    table = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    kits = table[table["jenis"] == "kit_tes"].iloc[0]
    assert (kits["sumber_daya"], kits["stok"]) == ("Kit tes (contoh)", 900 + 930 + 750)
    assert "Stok sumber daya menurut jenis (data contoh)" in html.decode("utf-8")


def test_occupancy_chart_once_a_facility_has_a_record(export_chart):
    engine, run = export_chart
    stored = store.facilities(engine, "33.71").set_index("nama")["id"]
    for nama in ("Budi Rahayu", "Gladiool"):
        store.update_facility(
            engine, int(stored[nama]), {"tempat_tidur_isolasi": 40}, "Sari"
        )

    before_code, _, said = run("keterisian")
    store.record_occupancy(
        engine,
        int(stored["Budi Rahayu"]),
        dt.date(2020, 10, 5),
        {"terisi_isolasi": 30},
        "Sari",
    )
    code, content, _ = run("keterisian")

    assert before_code == 2
    assert said.strip() == (
        "Grafik keterisian fasilitas tidak tersedia: belum ada data keterisian "
        "tempat tidur untuk wilayah ini."
    )
    assert code == 0
    table = pd.read_csv(io.BytesIO(content), encoding="utf-8-sig")
    # Gladiool has beds but no record: not a row of 0
    assert table[["fasilitas", "terisi", "kapasitas"]].values.tolist() == [
        ["Budi Rahayu", 30, 40]
    ]
