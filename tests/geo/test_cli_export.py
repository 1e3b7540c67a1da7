from __future__ import annotations

import argparse

import pytest

from geo import cli_export
from geo.export_region import ExportInputs, inputs_from_region
from tests.geo.export_support import three_kelurahan_region


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
    monkeypatch.setattr(cli_export, "load_export_inputs", lambda kode, tanggal: inputs)
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
