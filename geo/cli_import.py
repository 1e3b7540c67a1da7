"""Command ``import``: read a data file, check it against a region, print a summary.

``python -m geo import {kasus,fasilitas,sumber-daya,penduduk,batas} FILE
--wilayah KODE --json`` parses and validates the file (nothing is stored yet)
and exits 0 when the file was read, even with quarantined rows, and 2 with a
message when it could not be read.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

import geopandas as gpd

from geo import boundaries, intake, regions
from geo.text import t

logger = logging.getLogger(__name__)

KINDS: tuple[str, ...] = ("kasus", "fasilitas", "sumber-daya", "penduduk", "batas")
DATA_DIR = regions.DATA_DIR


def load_region_kelurahan(kode: str, data_dir: Path = DATA_DIR) -> gpd.GeoDataFrame:
    """Return the kelurahan of the region with code ``kode`` ("33.71").

    Parameters
    ----------
    kode : str
        Kemendagri code of the kab/kota.
    data_dir : Path
        Folder of the region packs (``<slug>/region.json``).

    Returns
    -------
    gpd.GeoDataFrame
        The region's kelurahan layer as bundled.

    Raises
    ------
    GeoInputError
        If no region pack has this code.
    """
    pack = regions.find_pack(kode, data_dir)
    return boundaries.read_kelurahan(pack.kelurahan_file, pack.metric_crs)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the ``import`` command on the command line's subparsers."""
    parser = subparsers.add_parser(
        "import", help=t("intake_cli_help"), description=t("intake_cli_help")
    )
    parser.add_argument(
        "kind", choices=KINDS, help=t("intake_cli_kind", choices=", ".join(KINDS))
    )
    parser.add_argument("file", type=Path, help=t("intake_cli_file"))
    parser.add_argument("--wilayah", required=True, help=t("intake_cli_wilayah"))
    parser.add_argument("--json", action="store_true", help=t("intake_cli_json"))
    parser.add_argument(
        "--urutan-tanggal", choices=("hb", "bh"), help=t("intake_cli_date_order")
    )
    parser.add_argument("--harian", action="store_true", help=t("intake_cli_harian"))
    parser.add_argument("--tanggal", help=t("intake_cli_tanggal"))
    parser.add_argument(
        "--kolom-kode", default="kode", help=t("intake_cli_kode_column")
    )
    parser.add_argument(
        "--kolom-nama", default="nama", help=t("intake_cli_nama_column")
    )
    parser.add_argument("--crs", help=t("intake_cli_crs"))
    parser.set_defaults(func=run, region_loader=load_region_kelurahan)


def run_import(args: argparse.Namespace) -> intake.IntakeResult:
    """Return the checked import for the parsed command-line arguments."""
    if args.kind == "batas":
        return intake.read_boundaries(
            args.file, args.kolom_kode, args.kolom_nama, crs=args.crs
        )
    kelurahan = args.region_loader(args.wilayah)
    if args.kind == "kasus":
        return intake.import_cases(
            args.file,
            kelurahan,
            tanggal=args.tanggal,
            date_order=args.urutan_tanggal,
            is_daily=True if args.harian else None,
        )
    return intake.IMPORTERS[args.kind](args.file, kelurahan)


def run(args: argparse.Namespace) -> int:
    """Run ``import`` and write its summary; return 0 (the file was read).

    Raises
    ------
    GeoInputError
        If the file or region could not be read (the caller prints it and
        exits non-zero).
    """
    from geo.cli import write_json, write_text  # the command line sits on top

    result = run_import(args)
    if args.json:
        write_json(result.to_json())
        return 0
    summary = t(
        "intake_cli_summary",
        rows_read=result.rows_read,
        accepted=result.accepted_rows,
        quarantined=len(result.quarantined),
    )
    for line in (summary, *result.notes, *result.messages):
        write_text(line)
    return 0
