"""Assign patients to hospitals under bed capacity, minimising travel.

Question: "With the projected patients of the next 14 days, which hospitals fill
up, and where does the overflow go?"

A transportation linear program (Hitchcock 1941) with an "unplaced" slack per
kelurahan: placed + unplaced = demand exactly, so a shortage shows as numbers,
never as an infeasible model. Solved by HiGHS through
``scipy.optimize.linprog(method="highs")``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
from scipy import sparse
from scipy.optimize import linprog

from geo.allocation import SCENARIO_VERSION, from_plain, to_plain
from geo.errors import GeoInputError
from geo.projection import BedProjection, kelurahan_beds
from geo.siting import (
    DEFAULT_CIRCUITY,
    TravelCost,
    candidates_in_metres,
    demand_points_from_kelurahan,
    straight_line_cost,
    unit_label,
)
from geo.text import fmt_int, fmt_num, long_date, t

logger = logging.getLogger(__name__)

_INTEGRALITY_TOLERANCE = 1e-6


@dataclass(frozen=True, eq=False)
class ReferralResult:
    """Patients per kelurahan and hospital, re-checked, with shortages explained.

    ``flows``: ``kode``, ``hospital``, ``patients`` (int), ``travel`` (cost
    unit), ``distance_m``. ``hospitals``: ``hospital``, ``capacity``,
    ``placed``, ``free``, ``is_full``. ``kelurahan``: ``kode``, ``demand``,
    ``placed``, ``unplaced``, ``mean_travel``. ``kpi``: ``demand``, ``placed``,
    ``unplaced``, ``capacity``, ``mean_travel``, ``worst_travel``,
    ``hospitals_full``.
    """

    flows: pd.DataFrame
    hospitals: pd.DataFrame
    kelurahan: pd.DataFrame
    kpi: dict[str, Any]
    parameters: dict[str, Any]
    notes: tuple[str, ...] = field(default_factory=tuple)

    def scenario_dict(self) -> dict[str, Any]:
        """Return parameters and results as plain JSON data."""
        return {"kind": "rujukan", "version": SCENARIO_VERSION, **to_plain(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReferralResult:
        """Return the result that :meth:`scenario_dict` wrote."""
        body = {key: value for key, value in data.items() if key not in _ENVELOPE}
        return from_plain(body, [cls])


@dataclass(frozen=True, eq=False)
class ReferralTimeline:
    """Referral day by day: when and where beds run out.

    ``daily``: ``tanggal``, ``demand``, ``placed``, ``unplaced``, ``capacity``,
    ``hospitals_full`` (comma-separated names). ``hospitals``: ``hospital``,
    ``capacity``, ``first_full`` (date or NaT), ``peak_placed``.
    ``first_shortage`` is the first date with unplaced patients (None if none).
    """

    daily: pd.DataFrame
    hospitals: pd.DataFrame
    first_shortage: str | None
    parameters: dict[str, Any]
    notes: tuple[str, ...] = field(default_factory=tuple)

    def scenario_dict(self) -> dict[str, Any]:
        """Return parameters and results as plain JSON data."""
        return {"kind": "rujukan_harian", "version": SCENARIO_VERSION, **to_plain(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ReferralTimeline:
        """Return the result that :meth:`scenario_dict` wrote."""
        body = {key: value for key, value in data.items() if key not in _ENVELOPE}
        return from_plain(body, [cls])


_ENVELOPE = ("kind", "version")


def refer_patients(
    cost: TravelCost,
    patients: np.ndarray,
    capacity: np.ndarray,
    *,
    demand_ids: Sequence[Any] | None = None,
    hospital_ids: Sequence[Any] | None = None,
    max_travel: float | None = None,
) -> ReferralResult:
    """Return patients assigned to hospitals within capacity at least total travel.

    Parameters
    ----------
    cost : TravelCost
        Kelurahan (rows) × hospital (columns) travel.
    patients : np.ndarray
        Whole patients per kelurahan needing a bed.
    capacity : np.ndarray
        Whole beds per hospital available for these patients.
    demand_ids, hospital_ids : sequence, optional
        Labels (``kode`` and hospital names).
    max_travel : float, optional
        Longest acceptable travel in the cost unit; farther pairs are not used.

    Returns
    -------
    ReferralResult
        Flows, hospital and kelurahan tables, KPIs (re-checked), notes naming
        any shortage with its numbers.

    Raises
    ------
    GeoInputError
        If counts are negative or not whole, or sizes disagree.

    Notes
    -----
    Minimise ``Σ c_ij x_ij + M Σ u_i`` subject to ``Σ_j x_ij + u_i = d_i`` and
    ``Σ_i x_ij ≤ C_j``, ``x, u ≥ 0``, with ``M`` larger than any travel so that
    a patient is left unplaced only when no bed can be reached. The constraint
    matrix is totally unimodular, so whole demands and capacities give whole
    flows at a vertex; this is checked after the solve.
    """
    demand_ids, hospital_ids, patients, capacity = _check_referral(
        cost, patients, capacity, demand_ids, hospital_ids, max_travel
    )

    usable = np.isfinite(cost.values)
    if max_travel is not None:
        usable &= cost.values <= max_travel
    flow, unplaced, seconds = _solve_transport(cost.values, usable, patients, capacity)
    flow, unplaced = _recheck_referral(flow, unplaced, patients, capacity, usable)

    return _referral_result(
        cost,
        flow,
        unplaced,
        patients,
        capacity,
        demand_ids,
        hospital_ids,
        max_travel,
        seconds,
    )


def _check_referral(
    cost: TravelCost,
    patients: np.ndarray,
    capacity: np.ndarray,
    demand_ids: Sequence[Any] | None,
    hospital_ids: Sequence[Any] | None,
    max_travel: float | None,
) -> tuple[list[str], list[str], np.ndarray, np.ndarray]:
    n_demand, n_hospital = cost.values.shape
    patients = np.asarray(patients, dtype=float).reshape(-1)
    capacity = np.asarray(capacity, dtype=float).reshape(-1)
    if len(patients) != n_demand:
        raise GeoInputError(
            t("alok_err_panjang", what="pasien", value=len(patients), expected=n_demand)
        )
    if len(capacity) != n_hospital:
        raise GeoInputError(
            t(
                "alok_err_panjang",
                what="kapasitas",
                value=len(capacity),
                expected=n_hospital,
            )
        )
    for values, what in (
        (patients, t("alok_pasien")),
        (capacity, t("alok_tempat_tidur")),
    ):
        bad = ~(values >= 0) | (np.abs(values - np.round(values)) > 0)
        if bad.any():
            raise GeoInputError(
                t("alok_err_bulat", what=what, value=values[np.nonzero(bad)[0][0]])
            )
    if max_travel is not None and not max_travel > 0:
        raise GeoInputError(
            t("alok_err_radius", value=max_travel, unit=unit_label(cost.unit))
        )
    demand_list = [
        str(v) for v in (demand_ids if demand_ids is not None else range(n_demand))
    ]
    hospital_list = [
        str(v)
        for v in (hospital_ids if hospital_ids is not None else range(n_hospital))
    ]
    return demand_list, hospital_list, patients.round(), capacity.round()


def _solve_transport(
    values: np.ndarray, usable: np.ndarray, patients: np.ndarray, capacity: np.ndarray
) -> tuple[np.ndarray, np.ndarray, float]:
    n_demand, n_hospital = values.shape
    rows, columns = np.nonzero(usable)
    n_pairs = len(rows)
    finite = values[usable]
    penalty = 10.0 * (finite.max() if n_pairs else 1.0) + 1.0

    objective = np.concatenate([finite, np.full(n_demand, penalty)])
    pair_index = np.arange(n_pairs)
    equality = sparse.csr_matrix(
        (
            np.ones(n_pairs + n_demand),
            (
                np.concatenate([rows, np.arange(n_demand)]),
                np.concatenate([pair_index, n_pairs + np.arange(n_demand)]),
            ),
        ),
        shape=(n_demand, n_pairs + n_demand),
    )
    upper = sparse.csr_matrix(
        (np.ones(n_pairs), (columns, pair_index)),
        shape=(n_hospital, n_pairs + n_demand),
    )

    started = time.perf_counter()
    answer = linprog(
        objective,
        A_ub=upper,
        b_ub=capacity,
        A_eq=equality,
        b_eq=patients,
        bounds=(0, None),
        method="highs",
    )
    seconds = time.perf_counter() - started
    if answer.status != 0:
        # the unplaced slack makes every instance feasible; anything else is a bug
        raise RuntimeError(f"transportation LP not solved: {answer.message}")

    flow = np.zeros((n_demand, n_hospital))
    flow[rows, columns] = answer.x[:n_pairs]
    return flow, answer.x[n_pairs:], seconds


def _recheck_referral(
    flow: np.ndarray,
    unplaced: np.ndarray,
    patients: np.ndarray,
    capacity: np.ndarray,
    usable: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Round to whole patients, then check conservation, capacity and reach."""
    rounded_flow = np.round(flow)
    rounded_unplaced = np.round(unplaced)
    if (
        np.abs(flow - rounded_flow).max(initial=0.0) > _INTEGRALITY_TOLERANCE
        or np.abs(unplaced - rounded_unplaced).max(initial=0.0) > _INTEGRALITY_TOLERANCE
    ):
        raise RuntimeError("transportation LP returned fractional patients")
    if not np.array_equal(rounded_flow.sum(axis=1) + rounded_unplaced, patients):
        raise RuntimeError("patients not conserved after the referral solve")
    if (rounded_flow.sum(axis=0) > capacity).any():
        raise RuntimeError("a hospital is over capacity after the referral solve")
    if (rounded_flow[~usable] > 0).any():
        raise RuntimeError("patients sent beyond the travel limit")
    return rounded_flow.astype(np.int64), rounded_unplaced.astype(np.int64)


def _referral_result(
    cost: TravelCost,
    flow: np.ndarray,
    unplaced: np.ndarray,
    patients: np.ndarray,
    capacity: np.ndarray,
    demand_ids: list[str],
    hospital_ids: list[str],
    max_travel: float | None,
    seconds: float,
) -> ReferralResult:
    rows, columns = np.nonzero(flow)
    flows = pd.DataFrame(
        {
            "kode": pd.Series([demand_ids[i] for i in rows], dtype="str"),
            "hospital": pd.Series([hospital_ids[j] for j in columns], dtype="str"),
            "patients": flow[rows, columns].astype(np.int64),
            "travel": cost.values[rows, columns],
            "distance_m": cost.distance_m[rows, columns],
        }
    )
    placed_at = flow.sum(axis=0)
    hospitals = pd.DataFrame(
        {
            "hospital": pd.Series(hospital_ids, dtype="str"),
            "capacity": capacity.astype(np.int64),
            "placed": placed_at.astype(np.int64),
            "free": (capacity - placed_at).astype(np.int64),
            "is_full": (placed_at >= capacity) & (capacity > 0),
        }
    )
    placed_from = flow.sum(axis=1)
    travel_sum = (flow * np.where(flow > 0, cost.values, 0.0)).sum(axis=1)
    kelurahan = pd.DataFrame(
        {
            "kode": pd.Series(demand_ids, dtype="str"),
            "demand": patients.astype(np.int64),
            "placed": placed_from.astype(np.int64),
            "unplaced": unplaced,
            "mean_travel": np.where(
                placed_from > 0, travel_sum / np.maximum(placed_from, 1), np.nan
            ),
        }
    )
    kpi = _referral_kpi(flows, hospitals, kelurahan)
    parameters = {
        "unit": cost.unit,
        "circuity": cost.circuity,
        "speed_kmh": cost.speed_kmh,
        "travel_method": cost.method,
        "max_travel": max_travel,
        "seconds": seconds,
    }
    return ReferralResult(
        flows=flows,
        hospitals=hospitals,
        kelurahan=kelurahan,
        kpi=kpi,
        parameters=parameters,
        notes=_referral_notes(kpi, hospitals, kelurahan, max_travel, cost.unit),
    )


def _referral_kpi(
    flows: pd.DataFrame, hospitals: pd.DataFrame, kelurahan: pd.DataFrame
) -> dict[str, Any]:
    placed = int(flows["patients"].sum())
    return {
        "demand": int(kelurahan["demand"].sum()),
        "placed": placed,
        "unplaced": int(kelurahan["unplaced"].sum()),
        "capacity": int(hospitals["capacity"].sum()),
        "mean_travel": (
            float((flows["patients"] * flows["travel"]).sum() / placed)
            if placed
            else None
        ),
        "worst_travel": float(flows["travel"].max()) if placed else None,
        "hospitals_full": int(hospitals["is_full"].sum()),
    }


def _referral_notes(
    kpi: dict[str, Any],
    hospitals: pd.DataFrame,
    kelurahan: pd.DataFrame,
    max_travel: float | None,
    unit: str,
) -> tuple[str, ...]:
    notes = [
        t(
            "alok_note_rujukan",
            demand=fmt_int(kpi["demand"]),
            placed=fmt_int(kpi["placed"]),
        )
    ]
    if kpi["unplaced"]:
        if kpi["capacity"] < kpi["demand"]:
            notes.append(
                t(
                    "alok_note_kurang_bed",
                    capacity=fmt_int(kpi["capacity"]),
                    demand=fmt_int(kpi["demand"]),
                    unplaced=fmt_int(kpi["unplaced"]),
                )
            )
        else:
            notes.append(
                t(
                    "alok_note_tak_terjangkau",
                    unplaced=fmt_int(kpi["unplaced"]),
                    limit=fmt_num(max_travel, 0) if max_travel else "–",
                    unit=unit_label(unit),
                )
            )
        worst = kelurahan.sort_values("unplaced", ascending=False).head(3)
        worst = worst[worst["unplaced"] > 0]
        notes.append(
            t(
                "alok_note_tak_tertampung_di",
                places=", ".join(
                    f"{row.kode} ({fmt_int(row.unplaced)})"
                    for row in worst.itertuples()
                ),
            )
        )
    full = hospitals.loc[hospitals["is_full"], "hospital"].tolist()
    if full:
        notes.append(t("alok_note_rs_penuh", names=", ".join(full)))
    notes.append(t("alok_note_bed_kosong"))
    return tuple(notes)


def refer_over_days(
    beds: pd.DataFrame,
    cost: TravelCost,
    capacity: np.ndarray,
    *,
    hospital_ids: Sequence[Any] | None = None,
    max_travel: float | None = None,
) -> ReferralTimeline:
    """Return, day by day, placed and unplaced patients and the hospitals full.

    Parameters
    ----------
    beds : pd.DataFrame
        Whole beds needed, index ``kode`` (rows of ``cost``), one column per
        date (see :func:`geo.projection.kelurahan_beds`).
    cost : TravelCost
        Kelurahan × hospital travel, rows in the order of ``beds``.
    capacity : np.ndarray
        Beds per hospital.
    hospital_ids : sequence, optional
        Hospital names.
    max_travel : float, optional
        Longest acceptable travel in the cost unit.

    Returns
    -------
    ReferralTimeline
        Daily table, per-hospital first day full, first shortage date, notes.

    Raises
    ------
    GeoInputError
        As :func:`refer_patients`.
    """
    if beds.shape[1] == 0:
        raise GeoInputError(t("alok_err_hari_kosong"))
    rows = []
    first_full: dict[str, pd.Timestamp] = {}
    peak: dict[str, int] = {}
    for day, column in beds.items():
        result = refer_patients(
            cost,
            column.to_numpy(),
            capacity,
            demand_ids=beds.index.tolist(),
            hospital_ids=hospital_ids,
            max_travel=max_travel,
        )
        full = result.hospitals.loc[result.hospitals["is_full"], "hospital"].tolist()
        for row in result.hospitals.itertuples():
            peak[row.hospital] = max(peak.get(row.hospital, 0), int(row.placed))
            if row.is_full:
                first_full.setdefault(row.hospital, pd.Timestamp(day))
        rows.append(
            {
                "tanggal": pd.Timestamp(day),
                "demand": result.kpi["demand"],
                "placed": result.kpi["placed"],
                "unplaced": result.kpi["unplaced"],
                "capacity": result.kpi["capacity"],
                "hospitals_full": ", ".join(full),
            }
        )
        hospital_names = result.hospitals["hospital"].tolist()

    daily = pd.DataFrame(rows)
    hospitals = pd.DataFrame(
        {
            "hospital": pd.Series(hospital_names, dtype="str"),
            "capacity": np.asarray(capacity, dtype=np.int64),
            "first_full": pd.to_datetime(
                [first_full.get(name) for name in hospital_names]
            ),
            "peak_placed": [peak[name] for name in hospital_names],
        }
    )
    short = daily[daily["unplaced"] > 0]
    first_shortage = str(short["tanggal"].iloc[0].date()) if len(short) else None
    notes = [
        t(
            "alok_note_habis",
            date=long_date(first_shortage),
            unplaced=fmt_int(short["unplaced"].iloc[0]),
        )
        if first_shortage
        else t("alok_note_cukup", days=len(daily))
    ]
    return ReferralTimeline(
        daily=daily,
        hospitals=hospitals,
        first_shortage=first_shortage,
        parameters={"max_travel": max_travel, "unit": cost.unit, "days": len(daily)},
        notes=tuple(notes),
    )


def refer_projection(
    projection: BedProjection,
    kelurahan: gpd.GeoDataFrame,
    hospitals: pd.DataFrame,
    *,
    metric_crs: str,
    circuity: float = DEFAULT_CIRCUITY,
    speed_kmh: float | None = None,
    max_travel: float | None = None,
) -> ReferralTimeline:
    """Return when and where beds run out for a projection of ward patients.

    Parameters
    ----------
    projection : BedProjection
        Output of :func:`geo.projection.project_beds`.
    kelurahan : gpd.GeoDataFrame
        Boundaries with ``kode`` (any CRS); patients start at kelurahan centres.
    hospitals : pd.DataFrame
        ``id``, ``lat``, ``lon``, ``kapasitas`` (ward beds for these patients).
    metric_crs : str
        The region's metric CRS.
    circuity : float
        Road distance per straight-line distance.
    speed_kmh : float, optional
        When given, travel and ``max_travel`` are in minutes.
    max_travel : float, optional
        Longest acceptable travel (metres, or minutes with ``speed_kmh``).

    Returns
    -------
    ReferralTimeline
        As :func:`refer_over_days`.

    Raises
    ------
    GeoInputError
        If a column is missing, a kelurahan of the projection is not in the
        layer, or as :func:`refer_patients`.
    """
    # LIMITATION: only ward beds are referred; ICU demand is projected but not
    # assigned to ICU capacity.
    beds = kelurahan_beds(projection)
    weights = pd.Series(1.0, index=beds.index)
    points, _ = demand_points_from_kelurahan(kelurahan, weights, metric_crs)
    points = points.set_index("id")
    unknown = [kode for kode in beds.index if kode not in points.index]
    if unknown:
        raise GeoInputError(
            t("alok_err_kode_hilang", value=unknown[0], count=len(unknown))
        )
    if "kapasitas" not in hospitals:
        raise GeoInputError(
            t("alok_err_kolom", columns="kapasitas", what=t("alok_kandidat"))
        )

    demand = points.loc[beds.index]
    sites = candidates_in_metres(hospitals, metric_crs)
    cost = straight_line_cost(
        demand[["x", "y"]].to_numpy(),
        sites[["x", "y"]].to_numpy(),
        circuity=circuity,
        speed_kmh=speed_kmh,
    )
    capacity = pd.to_numeric(hospitals["kapasitas"], errors="coerce").to_numpy()
    return refer_over_days(
        beds,
        cost,
        capacity,
        hospital_ids=hospitals["id"].astype(str).tolist(),
        max_travel=max_travel,
    )
