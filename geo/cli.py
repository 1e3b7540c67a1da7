"""Command line for scripted use: ``python -m geo COMMAND ... [--json]``.

Each command lives in a module with ``add_parser(subparsers)`` (which sets
``func`` on its parser) and is listed in ``COMMAND_MODULES``. Output for people
is Bahasa Indonesia; ``--json`` output uses the field names of the data.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
from typing import Any

import pandas as pd

from geo.errors import GeoInputError
from geo.text import t

logger = logging.getLogger(__name__)

COMMAND_MODULES: tuple[str, ...] = (
    "geo.cli_situation",
    "geo.cli_import",
    "geo.cli_hotspots",
    "geo.cli_export",
    "geo.cli_allocate",
)


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every registered command."""
    parser = argparse.ArgumentParser(
        prog="python -m geo",
        description="Ruang peta command center: perintah untuk skrip terjadwal.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True)
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
