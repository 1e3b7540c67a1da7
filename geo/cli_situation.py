"""Commands ``regions`` and ``summary``: what the Peta Situasi page shows, scripted."""

from __future__ import annotations

import argparse
import math
from typing import Any

import pandas as pd

from geo import bootstrap, indicators, regions, store
from geo.cli import write_json, write_text
from geo.errors import GeoInputError
from geo.text import fmt_int, t

COUNTS = ("positif", "aktif", "dirawat", "isolasi", "sembuh", "meninggal", "baru")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``regions`` and ``summary``."""
    listing = subparsers.add_parser("regions", help="daftar paket wilayah")
    listing.add_argument("--json", action="store_true", help="keluaran JSON")
    listing.set_defaults(func=run_regions)

    summary = subparsers.add_parser(
        "summary", help="total per kelurahan dan wilayah pada satu tanggal"
    )
    summary.add_argument("--wilayah", required=True, help="kode wilayah, mis. 33.71")
    summary.add_argument("--tanggal", help="TTTT-BB-HH; bawaan: tanggal terakhir")
    summary.add_argument("--json", action="store_true", help="keluaran JSON")
    summary.set_defaults(func=run_summary)


def regions_payload() -> list[dict[str, Any]]:
    """Return one entry per region pack with its data dates."""
    payload = []
    engine = store.open_store()
    for pack in regions.list_regions(engine):
        region = bootstrap.stored_region(pack.kode, engine)
        dates = indicators.data_dates(region.cases)
        payload.append(
            {
                "kode": pack.kode,
                "nama": pack.nama,
                "default": pack.is_default,
                "metric_crs": pack.metric_crs,
                "kelurahan": len(region.kelurahan),
                "tanggal": [date.date().isoformat() for date in dates],
                "penduduk": region.population is not None,
                "fasilitas": 0
                if region.facilities is None
                else int(region.facilities.table["is_valid"].sum()),
            }
        )
    return payload


def summary_payload(kode: str, tanggal: str | None) -> dict[str, Any]:
    """Return the totals per kelurahan, over kelurahan and without kelurahan."""
    region = bootstrap.stored_region(kode)
    dates = indicators.data_dates(region.cases)
    if not dates:
        raise GeoInputError(f"Wilayah {region.pack.nama} belum punya data kasus.")
    date = _parse_date(tanggal) if tanggal else dates[-1]
    result = indicators.situation(
        region.kelurahan, region.cases, date, population=region.population
    )

    rows = result.table.sort_values("kode")
    unassigned = result.unassigned
    return {
        "wilayah": region.pack.kode,
        "nama": region.pack.nama,
        "tanggal": result.tanggal.date().isoformat(),
        "tanggal_sebelumnya": None
        if result.previous_date is None
        else result.previous_date.date().isoformat(),
        "kelurahan": [
            _row(row, ["kode", "nama", "nama_kecamatan"]) for _, row in rows.iterrows()
        ],
        "total_kelurahan": _clean(result.totals),
        "tanpa_kelurahan": [
            _row(row, ["keterangan"]) for _, row in unassigned.iterrows()
        ],
        "total_tanpa_kelurahan": _clean(result.unassigned_totals),
        "total_semua": {
            key: _number(
                result.totals.get(key, 0) + result.unassigned_totals.get(key, 0)
            )
            for key in ("positif", "aktif", "sembuh", "meninggal")
        },
        "catatan": list(region.notes) + list(result.notes),
    }


def run_regions(args: argparse.Namespace) -> int:
    """Print the region packs."""
    payload = regions_payload()
    if args.json:
        write_json(payload)
        return 0
    for entry in payload:
        dates = entry["tanggal"]
        span = f"{dates[0]} s.d. {dates[-1]}" if dates else "tanpa data kasus"
        write_text(
            f"{entry['kode']:<8} {entry['nama']:<20} {entry['kelurahan']:>5} "
            f"kelurahan, {len(dates)} tanggal ({span})"
        )
    return 0


def run_summary(args: argparse.Namespace) -> int:
    """Print the summary of a region at a date."""
    payload = summary_payload(args.wilayah, args.tanggal)
    if args.json:
        write_json(payload)
        return 0
    total = payload["total_kelurahan"]
    write_text(f"{payload['nama']} pada {payload['tanggal']}")
    for row in sorted(payload["kelurahan"], key=lambda row: -(row["positif"] or 0)):
        write_text(
            f"  {row['kode']:<14} {row['nama']:<28} konfirmasi "
            f"{fmt_int(row['positif']):>8}  aktif {fmt_int(row['aktif']):>6}  "
            f"meninggal {fmt_int(row['meninggal']):>6}"
        )
    write_text(f"  {t('ind_positif')} (kelurahan): {fmt_int(total['positif'])}")
    unassigned = payload["total_tanpa_kelurahan"].get("positif", 0)
    write_text(f"  {t('tanpa_kelurahan')}: {fmt_int(unassigned)}")
    for note in payload["catatan"]:
        write_text(f"  - {note}")
    return 0


def _parse_date(text: str) -> pd.Timestamp:
    try:
        # ISO only: 10/05/2020 would be read month-first without a word
        return pd.Timestamp(pd.to_datetime(text, format="%Y-%m-%d"))
    except ValueError as err:
        raise GeoInputError(t("err_tanggal_format", value=text)) from err


def _row(row: pd.Series, labels: list[str]) -> dict[str, Any]:
    entry: dict[str, Any] = {label: str(row[label]) for label in labels}
    entry.update({column: _number(row[column]) for column in COUNTS})
    return entry


def _clean(values: dict[str, float]) -> dict[str, int | float | None]:
    return {key: _number(value) for key, value in values.items()}


def _number(value: object) -> int | float | None:
    if value is None or value is pd.NA:
        return None
    number = float(value)
    if math.isnan(number):
        return None
    return int(number) if number.is_integer() else number
