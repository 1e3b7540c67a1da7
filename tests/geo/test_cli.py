"""The shared command-line parts: bounded numbers and argparse in Bahasa Indonesia."""

from __future__ import annotations

import argparse

import pytest

from geo import cli


@pytest.mark.parametrize(
    "argv",
    [
        ["allocate", "lokasi", "--model", "mclp", "--p", "2", "--radius-m", "inf"],
        ["allocate", "lokasi", "--model", "mclp", "--radius-m", "-2000"],
        ["allocate", "lokasi", "--model", "mclp", "--batas-waktu", "-3"],
        ["allocate", "lokasi", "--model", "mclp", "--p", "0"],
        ["allocate", "rujukan", "--maks-menit", "nan"],
        ["allocate", "distribusi", "--bobot", "b.csv", "--stok", "2.5"],
        ["hotspots", "--wilayah", "33.71", "--jendela-hari", "0"],
        ["export", "grafik", "--wilayah", "33.71", "--keluar", "x.png",
         "--batas-waktu", "0"],
    ],
    ids=["inf", "negative-radius", "negative-limit", "p-zero", "nan", "fraction",
         "window-zero", "timeout-zero"],
)  # fmt: skip
def test_impossible_numbers_are_refused_before_any_work(argv, capsys):
    with pytest.raises(SystemExit) as stopped:
        cli.main(argv)

    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert "galat: argumen --" in error
    assert "tidak bisa dipakai: isi" in error


def test_number_accepts_what_its_rule_allows():
    assert cli.number(0, above=True)("2000") == 2000.0
    assert cli.number(1)("1") == 1.0
    assert cli.number(0, whole=True)("0") == 0
    with pytest.raises(argparse.ArgumentTypeError, match="lebih dari 0"):
        cli.number(0, above=True)("0")


def test_argparse_speaks_indonesian_only_while_parsing(capsys):
    with pytest.raises(SystemExit):
        cli.main(["allocate", "lokasi"])
    error = capsys.readouterr().err
    assert error.startswith("pemakaian: python -m geo allocate lokasi")
    assert "argumen berikut wajib diisi: --model" in error

    # other parsers in the process keep argparse's own words
    assert argparse._("usage: ") == "usage: "


def test_unknown_command_is_named_in_indonesian(capsys):
    with pytest.raises(SystemExit):
        cli.main(["bogus"])

    assert "pilihan 'bogus' tidak dikenal" in capsys.readouterr().err
