"""Command line for scripted use: ``python -m geo COMMAND ... [--json]``.

Each command lives in a module with ``add_parser(subparsers)`` (which sets
``func`` on its parser) and is listed in ``COMMAND_MODULES``. Output for people
is Bahasa Indonesia; ``--json`` output uses the field names of the data.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import logging
import math
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

import pandas as pd

from geo.errors import GeoInputError
from geo.text import fmt_int, t

logger = logging.getLogger(__name__)

COMMAND_MODULES: tuple[str, ...] = (
    "geo.cli_situation",
    "geo.cli_import",
    "geo.cli_hotspots",
    "geo.cli_export",
    "geo.cli_allocate",
)


# argparse's own words (usage, errors, help headings), in Bahasa Indonesia.
ARGPARSE_WORDS: dict[str, str] = {
    "usage: ": "pemakaian: ",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan %(value)r tidak dikenal (pilih dari %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "nilai %(value)r bukan %(type)s yang sah",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opsi %(option)s ambigu: bisa %(matches)s"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "perintah %(parser_name)r tidak dikenal (pilihan: %(choices)s)"
    ),
    "positional arguments": "argumen posisi",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
}


@contextlib.contextmanager
def argparse_in_indonesian() -> Iterator[None]:
    """Let argparse speak Bahasa Indonesia while the command line is parsed.

    argparse looks its words up through its module-level gettext function ``_``;
    it is swapped only inside this block, so other parsers in the process
    (pytest's, say) are untouched.
    """
    english = argparse._
    argparse._ = lambda message: ARGPARSE_WORDS.get(message, english(message))
    try:
        yield
    finally:
        argparse._ = english


def number(
    minimum: float, *, above: bool = False, whole: bool = False
) -> Callable[[str], float | int]:
    """Return an argparse type: a finite number >= ``minimum`` (> when ``above``).

    ``inf``, ``nan``, negative radii or time limits are refused with a message
    saying what is allowed, instead of reaching a solver.
    """
    if whole:
        rule = t("cli_angka_bulat_min", minimum=fmt_int(minimum))
    elif above:
        rule = t("cli_angka_lebih_dari", minimum=fmt_int(minimum))
    else:
        rule = t("cli_angka_min", minimum=fmt_int(minimum))

    def parse(text: str) -> float | int:
        try:
            value = int(text) if whole else float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                t("cli_err_angka", value=text, rule=rule)
            ) from None
        if not math.isfinite(value) or value < minimum or (above and value == minimum):
            raise argparse.ArgumentTypeError(t("cli_err_angka", value=text, rule=rule))
        return value

    parse.__name__ = "angka"
    return parse


def fmt_minimum(value: float) -> str:
    """Return a bound as written in a rule: 0, 1, 0,5."""
    return (
        str(int(value)) if float(value).is_integer() else str(value).replace(".", ",")
    )


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every registered command."""
    parser = argparse.ArgumentParser(
        prog="python -m geo",
        description="Ruang peta command center: perintah untuk skrip terjadwal.",
    )
    subparsers = parser.add_subparsers(
        dest="command", required=True, metavar="PERINTAH"
    )
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).add_parser(subparsers)
    return parser


def iso_date(text: str | None) -> pd.Timestamp | None:
    """Return a TTTT-BB-HH date given on the command line, or None when absent.

    Only the ISO form is read: 10/05/2020 would otherwise be taken month-first
    without a word.

    Raises
    ------
    GeoInputError
        If the text is not a valid TTTT-BB-HH date.
    """
    if text is None:
        return None
    try:
        return pd.Timestamp(pd.to_datetime(text, format="%Y-%m-%d"))
    except (ValueError, TypeError) as err:
        raise GeoInputError(t("err_tanggal_format", value=text)) from err


def write_json(payload: Any) -> None:
    """Write ``payload`` as UTF-8 JSON on standard output."""
    json.dump(payload, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def write_text(text: str) -> None:
    """Write a line for people on standard output."""
    sys.stdout.write(text.rstrip("\n") + "\n")


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the process exit code."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    with argparse_in_indonesian():
        args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except GeoInputError as err:
        sys.stderr.write(f"{err}\n")
        return 2
    except BrokenPipeError:
        # The reader closed the pipe early (``| head``): not a fault of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as err:
        # a folder given as the output file, a path that cannot be written
        sys.stderr.write(t("err_berkas_os", path=err.filename or "") + "\n")
        return 2
