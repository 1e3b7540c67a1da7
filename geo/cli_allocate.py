"""Command ``allocate``: distribution, siting and referral from files.

``python -m geo allocate distribusi --bobot FILE --stok N``;
``python -m geo allocate lokasi --permintaan FILE --kandidat FILE --model mclp
--p 2 --radius-m 2000`` (add ``--jalan FILE`` for travel along roads);
``python -m geo allocate rujukan --permintaan FILE --kandidat FILE``. Add
``--json`` for machine-readable output.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from geo.allocation import DEFAULT_TIME_LIMIT_S, SOLVERS
from geo.bootstrap import stored_region
from geo.cli import number, write_json, write_text
from geo.distribution import DistributionResult, distribute_by_need
from geo.errors import GeoInputError
from geo.indicators import data_dates, situation
from geo.referral import ReferralResult, refer_patients
from geo.roads import RoadNetwork, read_roads
from geo.siting import (
    DEFAULT_CIRCUITY,
    DEFAULT_SPEED_KMH,
    MODELS,
    SitingResult,
    candidates_from_facilities,
    candidates_in_metres,
    demand_points_from_kelurahan,
    project_points,
    site_facilities_from_points,
    straight_line_cost,
    unit_label,
)
from geo.text import fmt_int, fmt_num, long_date, t

logger = logging.getLogger(__name__)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register ``allocate {distribusi,lokasi,rujukan}`` on ``subparsers``."""
    allocate = subparsers.add_parser("allocate", help="skenario alokasi (what-if)")
    kinds = allocate.add_subparsers(
        dest="allocate_kind", required=True, metavar="JENIS"
    )

    spread = kinds.add_parser("distribusi", help="bagi stok ke kelurahan menurut bobot")
    spread.add_argument("--bobot", type=Path, required=True, help=t("alok_cli_bobot"))
    spread.add_argument(
        "--stok", type=number(0, whole=True), required=True, help=t("alok_cli_stok")
    )
    spread.add_argument(
        "--minimum", type=number(0, whole=True), default=0, help=t("alok_cli_min")
    )
    spread.add_argument(
        "--maksimum", type=number(0, whole=True), default=None, help=t("alok_cli_max")
    )
    spread.add_argument("--json", action="store_true", help="keluaran JSON")
    spread.set_defaults(func=run_distribution)

    siting = kinds.add_parser("lokasi", help="pilih lokasi fasilitas (spopt)")
    _add_point_arguments(siting)
    siting.add_argument("--model", choices=MODELS, required=True)
    siting.add_argument(
        "--p", type=number(1, whole=True), default=None, help=t("alok_cli_p")
    )
    reach = siting.add_mutually_exclusive_group()
    reach.add_argument(
        "--radius-m", type=number(0, above=True), default=None, help=t("alok_cli_m")
    )
    reach.add_argument(
        "--menit", type=number(0, above=True), default=None, help=t("alok_cli_menit")
    )
    siting.add_argument(
        "--abaikan-tetap", action="store_true", help=t("alok_cli_tetap")
    )
    siting.add_argument("--jalan", type=Path, default=None, help=t("alok_cli_jalan"))
    siting.add_argument(
        "--kolom-kecepatan", default=None, help=t("alok_cli_kolom_kecepatan")
    )
    siting.add_argument("--crs-jalan", default=None, help=t("alok_cli_crs_jalan"))
    siting.add_argument("--solver", choices=SOLVERS, default="highs")
    siting.add_argument(
        "--batas-waktu",
        type=number(0, above=True),
        default=DEFAULT_TIME_LIMIT_S,
        help="detik",
    )
    siting.set_defaults(func=run_siting)

    referral = kinds.add_parser("rujukan", help="rujuk pasien ke rumah sakit")
    _add_point_arguments(referral)
    limit = referral.add_mutually_exclusive_group()
    limit.add_argument(
        "--maks-m", type=number(0, above=True), default=None, help=t("alok_cli_maks")
    )
    limit.add_argument(
        "--maks-menit",
        type=number(0, above=True),
        default=None,
        help=t("alok_cli_maks"),
    )
    referral.set_defaults(func=run_referral)


def _add_point_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wilayah", default=None, help=t("alok_cli_wilayah"))
    parser.add_argument("--permintaan", type=Path, help=t("alok_cli_permintaan"))
    parser.add_argument("--kandidat", type=Path, help=t("alok_cli_kandidat"))
    parser.add_argument("--crs", default=None, help=t("alok_cli_crs"))
    parser.add_argument(
        "--faktor-belok",
        type=number(1),
        default=DEFAULT_CIRCUITY,
        help=t("alok_cli_faktor"),
    )
    parser.add_argument(
        "--kecepatan-kmj",
        type=number(0, above=True),
        default=DEFAULT_SPEED_KMH,
        help=t("alok_cli_kecepatan"),
    )
    parser.add_argument("--json", action="store_true", help="keluaran JSON")


def read_table(path: Path | None, what: str) -> pd.DataFrame:
    """Return a CSV file as text columns (codes keep their leading zeros).

    Parameters
    ----------
    path : Path or None
        CSV file with a header row.
    what : str
        What the file holds, in Bahasa Indonesia, for messages.

    Returns
    -------
    pd.DataFrame
        Every column as text; numbers are converted where they are used.

    Raises
    ------
    GeoInputError
        If the file is missing, unreadable or empty.
    """
    if path is None:
        raise GeoInputError(t("alok_err_berkas_perlu", what=what))
    try:
        table = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    except FileNotFoundError as err:
        raise GeoInputError(t("alok_err_berkas", path=path, what=what)) from err
    except (pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as err:
        raise GeoInputError(t("alok_err_berkas_baca", path=path, what=what)) from err
    table.columns = [str(column).strip().lower() for column in table.columns]
    if table.empty:
        raise GeoInputError(t("alok_err_berkas_kosong", path=path, what=what))
    return table


def region_inputs(kode: str) -> tuple[pd.DataFrame, pd.DataFrame, str, tuple[str, ...]]:
    """Return demand points, candidate sites and the metric CRS of a region pack.

    Demand sits at kelurahan centres (``siting.demand_points_from_kelurahan``),
    weighted by population when the pack has it, else by active cases at the
    latest data date; ``pasien`` (for ``rujukan``) is the number treated in
    hospital (``dirawat``) at that date. Candidates are the region's valid
    facilities (``siting.candidates_from_facilities``), none kept open by
    default, so that ``--p`` chooses among them; their capacity is unknown.

    Parameters
    ----------
    kode : str
        Region code ("33.71", "31").

    Returns
    -------
    tuple of (pd.DataFrame, pd.DataFrame, str, tuple of str)
        Demand points (``id``, ``nama``, ``x``, ``y``, ``bobot``, ``pasien``),
        candidates (``id``, ``x``, ``y``, ``kapasitas``, ``tetap``) in the
        metric CRS, that CRS, and a note saying what the weight is.

    Raises
    ------
    GeoInputError
        If the region is unknown, has no case data (without population) or no
        facility listing.
    """
    region = stored_region(kode)
    metric_crs = region.pack.metric_crs
    dates = data_dates(region.cases)
    counts = None
    if dates:
        counts = situation(region.kelurahan, region.cases, dates[-1], "aktif").table
        counts = counts.set_index(counts["kode"].astype(str))
    if region.population is not None:
        weights = region.population
        note = t("alok_bobot_penduduk", total=fmt_int(weights.sum()))
    elif counts is not None:
        active = pd.to_numeric(counts["aktif"], errors="coerce")
        weights = active.fillna(0.0)
        note = t(
            "alok_bobot_aktif",
            tanggal=long_date(dates[-1]),
            total=fmt_int(weights.sum()),
            zero=int((weights == 0).sum()),
            missing=int(active.isna().sum()),
        )
    else:
        raise GeoInputError(t("alok_err_wilayah_data", value=kode))
    if region.facilities is None:
        raise GeoInputError(t("alok_err_wilayah_fasilitas", value=kode))

    demand, _ = demand_points_from_kelurahan(region.kelurahan, weights, metric_crs)
    names = region.kelurahan.set_index(region.kelurahan["kode"].astype(str))["nama"]
    demand["nama"] = demand["id"].map(names)
    treated = (
        pd.Series(0.0, index=demand["id"])
        if counts is None
        else pd.to_numeric(counts["dirawat"], errors="coerce")
    )
    demand["pasien"] = demand["id"].map(treated).fillna(0).round().astype(int)
    candidates, _ = candidates_from_facilities(region.facilities.table)
    candidates["tetap"] = False
    return demand, candidates_in_metres(candidates, metric_crs), metric_crs, (note,)


def _points(
    args: argparse.Namespace,
) -> tuple[pd.DataFrame, pd.DataFrame, str | None, tuple[str, ...]]:
    if args.wilayah is not None:
        return region_inputs(args.wilayah)
    demand = read_table(args.permintaan, t("alok_permintaan"))
    candidates = read_table(args.kandidat, t("alok_kandidat"))
    return demand, candidates, args.crs, ()


@contextlib.contextmanager
def quiet_native_stdout() -> Iterator[None]:
    """Send what native solver code prints (the HiGHS banner) to /dev/null."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as sink:
            os.dup2(sink.fileno(), 1)
            yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def compute_distribution(args: argparse.Namespace) -> DistributionResult:
    """Return the distribution the ``distribusi`` arguments ask for."""
    table = read_table(args.bobot, t("alok_berkas_bobot"))
    missing = [column for column in ("kode", "bobot") if column not in table]
    if missing:
        raise GeoInputError(
            t("alok_err_kolom", columns=", ".join(missing), what=t("alok_berkas_bobot"))
        )
    indexed = table.set_index("kode")

    def numbers(column: str) -> pd.Series | None:
        if column not in indexed:
            return None
        return pd.to_numeric(indexed[column], errors="coerce")

    minimum = numbers("minimum")
    maximum = numbers("maksimum")
    return distribute_by_need(
        numbers("bobot"),
        args.stok,
        minimum=minimum.fillna(args.minimum) if minimum is not None else args.minimum,
        maximum=maximum if maximum is not None else args.maksimum,
        held=numbers("dimiliki"),
        names=indexed["nama"] if "nama" in indexed else None,
    )


def compute_siting(args: argparse.Namespace) -> tuple[SitingResult, dict[str, str]]:
    """Return the siting answer the ``lokasi`` arguments ask for.

    Returns
    -------
    tuple
        The answer, and the kelurahan name of each demand id (region mode).
    """
    demand, candidates, crs, weight_notes = _points(args)
    names = (
        dict(zip(demand["id"].astype(str), demand["nama"], strict=True))
        if "nama" in demand
        else {}
    )
    roads = _roads(args, crs)
    with quiet_native_stdout():
        result = site_facilities_from_points(
            demand,
            candidates,
            args.model,
            n_sites=args.p,
            radius_m=args.radius_m,
            radius_min=args.menit,
            crs=crs,
            circuity=args.faktor_belok,
            speed_kmh=args.kecepatan_kmj,
            use_fixed=not args.abaikan_tetap,
            solver=args.solver,
            time_limit_s=args.batas_waktu,
            roads=roads,
        )
    return replace(result, notes=(*weight_notes, *result.notes)), names


def _roads(args: argparse.Namespace, metric_crs: str | None) -> RoadNetwork | None:
    if args.jalan is None:
        for option, value in (
            ("--kolom-kecepatan", args.kolom_kecepatan),
            ("--crs-jalan", args.crs_jalan),
        ):
            if value is not None:
                raise GeoInputError(t("alok_err_tanpa_jalan_opsi", option=option))
        return None
    return read_roads(
        args.jalan,
        crs=args.crs_jalan,
        speed_column=args.kolom_kecepatan,
        metric_crs=metric_crs,
    )


def compute_referral(args: argparse.Namespace) -> ReferralResult:
    """Return the referral the ``rujukan`` arguments ask for."""
    demand, hospitals, crs, _ = _points(args)
    metric_crs, demand_xy, hospital_xy = project_points(demand, hospitals, crs)
    in_minutes = args.maks_menit is not None
    cost = straight_line_cost(
        demand_xy,
        hospital_xy,
        circuity=args.faktor_belok,
        speed_kmh=args.kecepatan_kmj if in_minutes else None,
    )
    for frame, column, what in (
        (demand, "pasien", t("alok_permintaan")),
        (hospitals, "kapasitas", t("alok_kandidat")),
    ):
        if column not in frame:
            raise GeoInputError(t("alok_err_kolom", columns=column, what=what))
    result = refer_patients(
        cost,
        pd.to_numeric(demand["pasien"], errors="coerce").to_numpy(),
        pd.to_numeric(hospitals["kapasitas"], errors="coerce").to_numpy(),
        demand_ids=demand["id"].tolist(),
        hospital_ids=hospitals["id"].tolist(),
        max_travel=args.maks_menit if in_minutes else args.maks_m,
    )
    logger.info("referral computed in %s", metric_crs)
    return result


def run_distribution(args: argparse.Namespace) -> int:
    """Print the distribution; return the exit code."""
    result = compute_distribution(args)
    if args.json:
        write_json(
            {
                "stock": result.stock,
                "allocated_total": result.allocated_total,
                "table": _records(result.table),
                "notes": list(result.notes),
            }
        )
        return 0
    write_text(t("alok_cli_judul_distribusi", stock=fmt_int(result.stock)))
    for row in result.table.itertuples(index=False):
        label = f"{row.nama} ({row.kode})" if row.nama else row.kode
        write_text(f"  {label}: {fmt_int(row.allocated)} — {row.explanation}")
    _write_notes(result.notes)
    return 0


def run_siting(args: argparse.Namespace) -> int:
    """Print the chosen sites, assignments, coverage, solver status, notes."""
    result, names = compute_siting(args)
    if args.json:
        write_json(siting_payload(result))
        return 0
    for line in siting_lines(result, names):
        write_text(line)
    return 0


def run_referral(args: argparse.Namespace) -> int:
    """Print patients per hospital, shortages and notes; return the exit code."""
    result = compute_referral(args)
    if args.json:
        write_json(
            {
                "kpi": result.kpi,
                "flows": _records(result.flows),
                "hospitals": _records(result.hospitals),
                "kelurahan": _records(result.kelurahan),
                "parameters": result.parameters,
                "notes": list(result.notes),
            }
        )
        return 0
    kpi = result.kpi
    write_text(
        t(
            "alok_cli_rujukan",
            demand=fmt_int(kpi["demand"]),
            placed=fmt_int(kpi["placed"]),
            unplaced=fmt_int(kpi["unplaced"]),
        )
    )
    for row in result.hospitals.itertuples(index=False):
        write_text(
            t(
                "alok_cli_rs",
                name=row.hospital,
                placed=fmt_int(row.placed),
                capacity=fmt_int(row.capacity),
            )
        )
    for row in result.flows.itertuples(index=False):
        write_text(f"  {row.kode} → {row.hospital}: {fmt_int(row.patients)}")
    _write_notes(result.notes)
    return 0


def siting_payload(result: SitingResult) -> dict[str, Any]:
    """Return the siting answer as JSON-ready data with the data's field names."""
    return {
        "model": result.model,
        "solver": {
            "name": result.solve.solver,
            "status": result.solve.status,
            "status_text": result.solve.status_text,
            "objective": result.solve.objective,
            "seconds": result.solve.seconds,
        },
        "kpi": result.kpi,
        "parameters": result.parameters,
        "chosen_sites": result.sites.loc[result.sites["is_chosen"], "id"].tolist(),
        "sites": _records(result.sites),
        "assignment": _records(result.assignment),
        "notes": list(result.notes),
    }


def siting_lines(
    result: SitingResult, names: dict[str, str] | None = None
) -> list[str]:
    """Return the siting answer as lines for people (Bahasa Indonesia).

    ``names`` (demand id -> kelurahan name) labels the assignments.
    """
    params, kpi = result.parameters, result.kpi
    unit = unit_label(params["unit"])
    chosen = result.sites[result.sites["is_chosen"]]
    lines = [
        t("alok_cli_model", model=t(f"alok_model_{result.model}")),
        t(
            "alok_cli_solver",
            solver=result.solve.solver,
            status=result.solve.status_text,
            seconds=fmt_num(result.solve.seconds, 2),
        ),
        t(
            "alok_cli_terpilih",
            count=len(chosen),
            names=", ".join(
                f"{row.id} ({t('alok_tetap')})" if row.is_fixed else row.id
                for row in chosen.itertuples(index=False)
            ),
        ),
    ]
    if kpi["covered_share"] is not None:
        lines.append(
            t(
                "alok_cli_tercakup",
                covered=fmt_num(kpi["covered_weight"], 0),
                total=fmt_num(kpi["total_weight"], 0),
                pct=fmt_num(100 * kpi["covered_share"], 1),
                radius=fmt_num(params["radius"], 0),
                unit=unit,
            )
        )
    lines.append(
        t(
            "alok_cli_tempuh",
            mean=fmt_num(kpi["mean_travel"], 1),
            worst=fmt_num(kpi["worst_travel"], 1),
            unit=unit,
        )
    )
    lines.append(t("alok_cli_penugasan"))
    names = names or {}
    for row in result.assignment.itertuples(index=False):
        site = row.site_id if isinstance(row.site_id, str) else "–"
        covered = t("alok_ya") if row.is_covered else t("alok_tidak")
        place = f"{row.id} {names[row.id]}" if row.id in names else row.id
        lines.append(
            f"  {place} → {site}: {fmt_num(row.distance_m, 0)} m"
            + (f", {fmt_num(row.travel, 1)} {unit}" if params["unit"] == "min" else "")
            + f" ({t('alok_tercakup')}: {covered})"
        )
    lines.append(t("alok_cli_catatan"))
    lines.extend(f"  - {note}" for note in result.notes)
    return lines


def _write_notes(notes: tuple[str, ...]) -> None:
    write_text(t("alok_cli_catatan"))
    for note in notes:
        write_text(f"  - {note}")


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    cleaned = frame.astype(object).where(frame.notna(), None)
    return cleaned.to_dict(orient="records")
