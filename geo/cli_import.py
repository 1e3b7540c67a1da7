"""Command ``import``: check a data file against a region, store it, print a summary.

``python -m geo import {kasus,fasilitas,sumber-daya,penduduk,okupansi,batas}
FILE --wilayah KODE [--oleh NAME] [--periksa-saja] --json`` parses and validates the
file, then writes it to the store (``CC_DATA_DIR`` / ``CC_DATABASE_URL``) in one
transaction, as the Data page does; the same file twice changes nothing. With
``--periksa-saja`` nothing is written. Exits 0 when the file was read, even with
quarantined rows, and 2 with a message when it could not be read or stored.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from pathlib import Path

import geopandas as gpd

from geo import bootstrap, boundaries, imports, intake, regions, store
from geo.errors import GeoInputError
from geo.text import t

logger = logging.getLogger(__name__)

KINDS: tuple[str, ...] = (
    "kasus",
    "fasilitas",
    "sumber-daya",
    "penduduk",
    "okupansi",
    "batas",
)
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
    try:
        pack = regions.find_pack(kode, data_dir)
    except GeoInputError:
        engine = store.open_store()  # a region imported on the Data page
        return store.kelurahan(engine, regions.find_region(kode, engine).kode)
    return boundaries.read_kelurahan(pack.kelurahan_file, pack.metric_crs)


def load_region_facilities(kode: str, data_dir: Path = DATA_DIR) -> gpd.GeoDataFrame:
    """Return the stored facilities of the region with code ``kode``.

    Occupancy rows name facilities of the store, so the bundled packs are
    loaded into it first, as :func:`write_import` does.

    Raises
    ------
    GeoInputError
        If neither a bundled pack nor the store has this region.
    """
    engine = store.open_store()
    bootstrap.ensure_bundled(engine, data_dir)
    region = regions.load_region(
        regions.find_region(kode, engine, data_dir).kode, engine=engine
    )
    return regions.occupancy_facilities(region, engine)


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
    counting = parser.add_mutually_exclusive_group()
    counting.add_argument("--harian", action="store_true", help=t("intake_cli_harian"))
    counting.add_argument(
        "--kumulatif", action="store_true", help=t("intake_cli_kumulatif")
    )
    parser.add_argument("--tanggal", help=t("intake_cli_tanggal"))
    parser.add_argument(
        "--kolom-kode", default="kode", help=t("intake_cli_kode_column")
    )
    parser.add_argument(
        "--kolom-nama", default="nama", help=t("intake_cli_nama_column")
    )
    parser.add_argument("--crs", help=t("intake_cli_crs"))
    parser.add_argument("--oleh", default=t("cli_oleh_default"), help=t("cli_oleh"))
    parser.add_argument("--sumber", help=t("cli_sumber"))
    parser.add_argument("--per-tanggal", help=t("cli_per_tanggal"))
    parser.add_argument("--nama-wilayah", help=t("cli_nama_wilayah"))
    parser.add_argument(
        "--periksa-saja", action="store_true", help=t("cli_periksa_saja")
    )
    parser.set_defaults(
        func=run, region_loader=load_region_kelurahan, data_dir=DATA_DIR
    )


def run_import(args: argparse.Namespace) -> intake.IntakeResult:
    """Return the checked import for the parsed command-line arguments."""
    if args.kind == "batas":
        return intake.read_boundaries(
            args.file, args.kolom_kode, args.kolom_nama, crs=args.crs
        )
    if args.kind == "okupansi":
        facilities = load_region_facilities(args.wilayah, args.data_dir)
        if facilities.empty:
            raise GeoInputError(t("err_data_no_facilities", name=args.file.name))
        return intake.import_occupancy(
            args.file,
            facilities,
            tanggal=args.tanggal,
            date_order=args.urutan_tanggal,
        )
    kelurahan = args.region_loader(args.wilayah)
    if args.kind == "kasus":
        return intake.import_cases(
            args.file,
            kelurahan,
            tanggal=args.tanggal,
            date_order=args.urutan_tanggal,
            is_daily=_is_daily(args),
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
    if not args.periksa_saja:
        _refuse_unconfirmed_daily(args, result)
    batch = None if args.periksa_saja else write_import(args, result)
    if args.json:
        payload = result.to_json()
        payload["stored"] = None if batch is None else {
            "batch": batch.id,
            "duplicate": batch.is_duplicate,
            "accepted": batch.rows_accepted,
            "quarantined": batch.rows_quarantined,
        }  # fmt: skip
        write_json(payload)
        return 0
    summary = t(
        "intake_cli_summary",
        rows_read=result.rows_read,
        accepted=result.accepted_rows,
        quarantined=len(result.quarantined),
    )
    answered = {"kumulatif"} if _is_daily(args) is not None else set()
    questions = [
        t("intake_cli_question", text=question.text, used=question.detected)
        for question in result.questions
        if question.detected is not None and question.kind not in answered
    ]
    for line in (summary, *result.notes, *questions, *result.messages):
        write_text(line)
    if batch is not None:
        write_text(stored_text(batch))
    return 0


def _is_daily(args: argparse.Namespace) -> bool | None:
    if args.harian:
        return True
    return False if args.kumulatif else None


def _refuse_unconfirmed_daily(
    args: argparse.Namespace, result: intake.IntakeResult
) -> None:
    """Refuse to store counts read as daily unless the user said so.

    Daily counts are summed into cumulative ones on import: a guess there
    changes every figure on the map, so a scheduled job must say ``--harian``
    (or ``--kumulatif``), as the page asks its user to confirm.
    """
    if args.kind != "kasus" or _is_daily(args) is not None:
        return
    for question in result.questions:
        if question.kind == "kumulatif" and question.detected == "harian":
            raise GeoInputError(t("intake_cli_harian_perlu", name=args.file.name))


def write_import(
    args: argparse.Namespace, result: intake.IntakeResult
) -> store.ImportBatch:
    """Write a checked file to the store; return the import batch written.

    The bundled region packs are loaded first when the store lacks them, so a
    scheduled job works on a fresh ``CC_DATA_DIR``.

    Raises
    ------
    GeoInputError
        If the store refuses the file (unknown region, a date missing, ...).
    """
    data = Path(args.file).read_bytes()
    sha = imports.file_sha256(data)
    engine = store.open_store()
    bootstrap.ensure_bundled(engine, args.data_dir)
    known = set(store.regions(engine)["kode"])
    common = {"who": args.oleh, "file_name": Path(args.file).name, "file_sha256": sha}

    if args.kind == "batas" and args.wilayah not in known:
        batch = imports.create_region(
            engine, args.wilayah, args.nama_wilayah or args.wilayah, result, **common
        )
    else:
        batch = imports.write_result(
            engine,
            args.kind,
            args.wilayah,
            result,
            sumber=args.sumber,
            as_of=_as_of(args.per_tanggal),
            **common,
        )
    logger.info("import stored: batch %s, duplicate %s", batch.id, batch.is_duplicate)
    return batch


def stored_text(batch: store.ImportBatch) -> str:
    """Return what the store did with an import, for people."""
    if batch.is_duplicate:
        return t("data_sudah_diimpor", id=batch.id, who=batch.who)
    return t(
        "data_tersimpan",
        id=batch.id,
        accepted=batch.rows_accepted,
        quarantined=batch.rows_quarantined,
    )


def _as_of(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError as err:
        raise GeoInputError(t("err_cli_per_tanggal", value=text)) from err
