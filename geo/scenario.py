"""Inputs and records of the Skenario page: weights, candidate sites, saved results.

The allocation core (:mod:`geo.distribution`, :mod:`geo.siting`,
:mod:`geo.projection`, :mod:`geo.referral`) takes plain frames; this module
turns a region's layers and the planner's tables into those frames, and turns
a saved scenario back into result objects and comparable KPIs. Nothing here
solves anything.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass, field
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from geo.crs import GEOGRAPHIC_CRS
from geo.distribution import DistributionResult, StockDaysResult
from geo.errors import GeoInputError
from geo.indicators import INDICATORS, available_indicators
from geo.projection import BedProjection
from geo.referral import ReferralTimeline
from geo.roads import RoadNetwork
from geo.siting import MODELS_WITH_P, SitingResult, site_facilities_from_layers
from geo.text import TEXT, fmt_int, fmt_num, t

logger = logging.getLogger(__name__)

KINDS = ("distribusi", "lokasi", "rujukan", "stok")
# Table columns that can weigh need, besides the indicators.
COUNT_WEIGHTS = ("positif", "dirawat", "isolasi", "sembuh", "meninggal")
# Indicators that are not a need (a rate of deaths is not a demand).
NOT_WEIGHTS = ("cfr",)
RESULT_CLASSES: dict[str, type] = {
    "distribusi": DistributionResult,
    "lokasi": SitingResult,
    "proyeksi": BedProjection,
    "rujukan_harian": ReferralTimeline,
    "stok": StockDaysResult,
}
SOURCE_FACILITY = "fasilitas"
SOURCE_CENTRE = "pusat_kelurahan"
SOURCE_ADDED = "tambahan"


@dataclass(frozen=True)
class NeedWeights:
    """Need per kelurahan (``values``, indexed by ``kode``), named and explained."""

    key: str
    label: str
    values: pd.Series
    names: pd.Series
    notes: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class ScenarioKpi:
    """KPIs of a saved scenario in the shape :func:`allocation.compare_kpis` reads."""

    kind: str
    kpi: dict[str, Any]


def weight_choices(
    dates: list[pd.Timestamp], tanggal: pd.Timestamp, has_population: bool
) -> list[str]:
    """Return the weight keys the data can give at ``tanggal``, population first.

    Parameters
    ----------
    dates : list of pd.Timestamp
        The data dates of the region.
    tanggal : pd.Timestamp
        The chosen date.
    has_population : bool
        Whether the region has population per kelurahan.

    Returns
    -------
    list of str
        ``"penduduk"`` (when known), the indicators available at the date
        (except rates that are not a need) and the other count columns.
    """
    keys = ["penduduk"] if has_population else []
    keys += [
        key
        for key in available_indicators(dates, tanggal, has_population)
        if key not in NOT_WEIGHTS
    ]
    keys += [key for key in COUNT_WEIGHTS if key not in keys]
    return keys


def weight_label(key: str) -> str:
    """Return a weight key as people read it ("Kasus aktif", "Penduduk")."""
    if key in INDICATORS:
        return INDICATORS[key].label
    return TEXT.get(f"skn_bobot_{key}", key)


def indicator_for_weight(key: str) -> str:
    """Return the indicator whose ``situation`` table holds the weight ``key``."""
    return key if key in INDICATORS else "positif"


def need_weights(table: pd.DataFrame, key: str) -> NeedWeights:
    """Return the need per kelurahan from a situation table, missing counted as 0.

    Parameters
    ----------
    table : pd.DataFrame
        ``geo.indicators.situation(...).table`` computed with
        :func:`indicator_for_weight` of ``key``: ``kode``, ``nama``, the count
        columns, ``value`` and ``penduduk`` when known.
    key : str
        One of :func:`weight_choices`.

    Returns
    -------
    NeedWeights
        Values ≥ 0 indexed by ``kode``; a kelurahan without data gets 0 and is
        counted in the notes.

    Raises
    ------
    GeoInputError
        If the weight is population and the region has none, or the key is not
        known.
    """
    if key == "penduduk" and "penduduk" not in table:
        raise GeoInputError(t("skn_err_tanpa_penduduk"))
    if key in INDICATORS:
        column = "value"
    elif key in table.columns:
        column = key
    else:
        raise GeoInputError(t("skn_err_bobot", value=key))

    indexed = table.set_index(table["kode"].astype(str))
    raw = pd.to_numeric(indexed[column], errors="coerce").astype(float)
    missing = int(raw.isna().sum())
    negative = int((raw < 0).sum())
    values = raw.fillna(0.0).clip(lower=0.0)

    notes = []
    if missing:
        notes.append(t("skn_note_bobot_kosong", count=missing))
    if negative:
        notes.append(t("skn_note_bobot_negatif", count=negative))
    return NeedWeights(
        key=key,
        label=weight_label(key),
        values=values,
        names=indexed["nama"].astype(str),
        notes=tuple(notes),
    )


def facility_candidates(
    facilities: pd.DataFrame | None, jenis: list[str] | None = None
) -> pd.DataFrame:
    """Return the valid facilities as candidate rows (``id``, ``lat``, ``lon``, ...).

    Parameters
    ----------
    facilities : pd.DataFrame or None
        ``region.facilities.valid`` (``nama``, ``jenis``, ``lat``, ``lon``).
    jenis : list of str, optional
        Facility types to keep; all when None.

    Returns
    -------
    pd.DataFrame
        ``id`` (name, made unique), ``jenis``, ``lat``, ``lon``; empty when the
        region has no facility listing.
    """
    columns = ["id", "jenis", "lat", "lon"]
    if facilities is None or facilities.empty:
        return pd.DataFrame(columns=columns)
    kept = facilities if jenis is None else facilities[facilities["jenis"].isin(jenis)]
    names = kept["nama"].astype(str).str.split().str.join(" ")
    repeat = names.groupby(names).cumcount().to_numpy()
    ids = [
        name if count == 0 else f"{name} ({count + 1})"
        for name, count in zip(names, repeat, strict=True)
    ]
    return pd.DataFrame(
        {
            "id": ids,
            "jenis": kept["jenis"].astype(str).to_numpy(),
            "lat": kept["lat"].astype(float).to_numpy(),
            "lon": kept["lon"].astype(float).to_numpy(),
        }
    )


def kelurahan_centres(kelurahan: gpd.GeoDataFrame, metric_crs: str) -> pd.DataFrame:
    """Return a point inside each kelurahan: ``kode``, ``nama``, ``lat``, ``lon``.

    The same point demand sits on in
    :func:`geo.siting.demand_points_from_kelurahan` (a representative point,
    computed in ``metric_crs``).
    """
    if kelurahan.crs is None:
        raise GeoInputError(t("alok_err_tanpa_crs"))
    centres = (
        kelurahan.to_crs(metric_crs)
        .geometry.representative_point()
        .to_crs(GEOGRAPHIC_CRS)
    )
    return pd.DataFrame(
        {
            "kode": kelurahan["kode"].astype(str).to_numpy(),
            "nama": kelurahan["nama"].astype(str).to_numpy(),
            "lat": centres.y.to_numpy(),
            "lon": centres.x.to_numpy(),
        }
    )


def candidate_sites(
    facilities: pd.DataFrame,
    centres: pd.DataFrame | None,
    added: pd.DataFrame | None,
    *,
    keep_facilities: bool,
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Return the candidate sites the planner chose, with capacity and fixed flags.

    Parameters
    ----------
    facilities : pd.DataFrame
        From :func:`facility_candidates`, with an optional ``kapasitas`` column
        (empty when not given).
    centres : pd.DataFrame or None
        From :func:`kelurahan_centres`, or None to leave them out.
    added : pd.DataFrame or None
        Points the planner adds: ``nama``, ``lat``, ``lon``, optional
        ``kapasitas``; rows without a position are skipped.
    keep_facilities : bool
        Keep the existing facilities open (``tetap``).

    Returns
    -------
    tuple of (pd.DataFrame, tuple of str)
        ``id``, ``asal`` (source), ``lat``, ``lon``, ``kapasitas`` (NaN when not
        given), ``tetap``; and the notes.

    Raises
    ------
    GeoInputError
        If no candidate is left, or an added point has an invalid position or
        capacity.
    """
    parts = []
    if len(facilities):
        parts.append(
            pd.DataFrame(
                {
                    "id": facilities["id"].astype(str),
                    "asal": SOURCE_FACILITY,
                    "lat": facilities["lat"].astype(float),
                    "lon": facilities["lon"].astype(float),
                    "kapasitas": _capacity(facilities),
                    "tetap": bool(keep_facilities),
                }
            )
        )
    if centres is not None and len(centres):
        parts.append(
            pd.DataFrame(
                {
                    "id": [t("skn_pusat", nama=nama) for nama in centres["nama"]],
                    "asal": SOURCE_CENTRE,
                    "lat": centres["lat"].astype(float),
                    "lon": centres["lon"].astype(float),
                    "kapasitas": np.nan,
                    "tetap": False,
                }
            )
        )
    notes = []
    if added is not None and len(added):
        points, skipped = _added_points(added)
        parts.append(points)
        if skipped:
            notes.append(t("skn_note_titik_dilewati", count=skipped))
    if not parts or sum(len(part) for part in parts) == 0:
        raise GeoInputError(t("skn_err_tanpa_kandidat"))

    table = pd.concat(parts, ignore_index=True)
    table["id"] = _unique(table["id"])
    return table, tuple(notes)


def _capacity(frame: pd.DataFrame) -> pd.Series:
    if "kapasitas" not in frame:
        return pd.Series(np.nan, index=frame.index)
    values = pd.to_numeric(frame["kapasitas"], errors="coerce").astype(float)
    typed = frame["kapasitas"].notna() & (
        frame["kapasitas"].astype(str).str.strip() != ""
    )
    bad = values[(values < 0) | (typed & values.isna())]
    if len(bad):
        raise GeoInputError(
            t(
                "skn_err_kapasitas",
                value=frame["kapasitas"].loc[bad.index[0]],
                nama=frame["id"].loc[bad.index[0]],
            )
        )
    return values


def _added_points(added: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    lat = pd.to_numeric(added.get("lat"), errors="coerce")
    lon = pd.to_numeric(added.get("lon"), errors="coerce")
    empty = lat.isna() & lon.isna()
    rows = added[~empty]
    lat, lon = lat[~empty], lon[~empty]
    bad = ~(lat.between(-90, 90) & lon.between(-180, 180))
    if bad.any():
        row = rows[bad].iloc[0]
        raise GeoInputError(
            t(
                "skn_err_titik",
                nama=row.get("nama", ""),
                lat=row.get("lat"),
                lon=row.get("lon"),
            )
        )
    names = rows["nama"] if "nama" in rows else pd.Series("", index=rows.index)
    names = names.fillna("").astype(str).str.strip()
    numbered = [
        name or t("skn_titik_nomor", nomor=number)
        for number, name in enumerate(names, start=1)
    ]
    capacity = _capacity(rows.assign(id=numbered))
    points = pd.DataFrame(
        {
            "id": numbered,
            "asal": SOURCE_ADDED,
            "lat": lat.astype(float).to_numpy(),
            "lon": lon.astype(float).to_numpy(),
            "kapasitas": capacity.to_numpy(),
            "tetap": False,
        }
    )
    return points, int(empty.sum())


def _unique(ids: pd.Series) -> list[str]:
    repeat = ids.groupby(ids).cumcount().to_numpy()
    return [
        name if count == 0 else f"{name} ({count + 1})"
        for name, count in zip(ids, repeat, strict=True)
    ]


def hospital_beds(hospitals: pd.DataFrame) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Return the hospitals with a bed count the planner entered, and notes.

    Parameters
    ----------
    hospitals : pd.DataFrame
        ``id``, ``lat``, ``lon``, ``kapasitas`` (beds; empty when not known).

    Returns
    -------
    tuple of (pd.DataFrame, tuple of str)
        The rows with a whole number of beds ≥ 0, and a note naming the
        hospitals left out for lack of a bed count.

    Raises
    ------
    GeoInputError
        If no hospital has a bed count, or a count is negative or not whole.
    """
    beds = pd.to_numeric(hospitals["kapasitas"], errors="coerce")
    known = beds.notna()
    if not known.any():
        raise GeoInputError(t("skn_err_tanpa_bed", count=len(hospitals)))
    wrong = known & ((beds < 0) | (beds % 1 != 0))
    if wrong.any():
        raise GeoInputError(
            t(
                "skn_err_bed",
                nama=hospitals.loc[wrong, "id"].iloc[0],
                value=hospitals.loc[wrong, "kapasitas"].iloc[0],
            )
        )
    kept = hospitals[known].assign(kapasitas=beds[known].astype(int))
    left_out = hospitals.loc[~known, "id"].astype(str).tolist()
    notes = (
        (t("skn_note_rs_tanpa_bed", count=len(left_out), names=", ".join(left_out)),)
        if left_out
        else ()
    )
    return kept.reset_index(drop=True), notes


def stock_from_resources(resources: pd.DataFrame | None) -> pd.DataFrame:
    """Return one row per resource type: ``resource``, ``on_hand``, ``use_per_day``.

    Parameters
    ----------
    resources : pd.DataFrame or None
        ``geo.store.resources`` (``label``, ``jumlah``); None or empty when the
        region has none recorded.

    Returns
    -------
    pd.DataFrame
        On-hand totals by type as text for an editable table; ``use_per_day``
        is empty, for the planner to enter (the store holds no use rates).
        Empty (with the columns) when there are no resources.
    """
    columns = ["resource", "on_hand", "use_per_day"]
    if resources is None or resources.empty:
        return pd.DataFrame(columns=columns).astype("str")
    totals = (
        resources.assign(jumlah=pd.to_numeric(resources["jumlah"], errors="coerce"))
        .groupby("label", sort=True)["jumlah"]
        .sum(min_count=1)
    )
    return pd.DataFrame(
        {
            "resource": totals.index.astype(str),
            "on_hand": [
                "" if pd.isna(value) else f"{value:g}" for value in totals.to_numpy()
            ],
            "use_per_day": "",
        }
    )


def stock_rows(table: pd.DataFrame) -> pd.DataFrame:
    """Return the rows of an edited stock table that name a resource and its rates.

    Raises
    ------
    GeoInputError
        If no row has a resource, its stock and its use per day.
    """
    named = table["resource"].fillna("").astype(str).str.strip() != ""
    rows = table[named].copy()
    for column in ("on_hand", "use_per_day"):
        rows[column] = pd.to_numeric(rows[column], errors="coerce")
    rows = rows.dropna(subset=["on_hand", "use_per_day"])
    if rows.empty:
        raise GeoInputError(t("skn_err_stok_kosong"))
    return rows.reset_index(drop=True)


def results_record(kind: str, parts: dict[str, Any]) -> dict[str, Any]:
    """Return results as plain data to save: ``{"kind": ..., "parts": [...]}``.

    Parameters
    ----------
    kind : str
        One of ``KINDS``.
    parts : dict of str to result
        Result objects with ``scenario_dict()`` (a referral has a projection and
        a timeline).
    """
    return {"kind": kind, "parts": [part.scenario_dict() for part in parts.values()]}


def results_from_record(record: dict[str, Any]) -> dict[str, Any]:
    """Return the result objects of a saved record, keyed by their own kind.

    Raises
    ------
    GeoInputError
        If the record is not one this page wrote.
    """
    try:
        parts = record["parts"]
        return {
            part["kind"]: RESULT_CLASSES[part["kind"]].from_dict(part) for part in parts
        }
    except (KeyError, TypeError) as err:
        raise GeoInputError(t("skn_err_rekaman")) from err


def scenario_kpi(kind: str, parts: dict[str, Any]) -> ScenarioKpi:
    """Return the KPIs of a scenario, comparable across scenarios of one kind.

    Siting gives the covered share in % and the KPIs of
    :class:`geo.siting.SitingResult` (distances apart only when travel is in
    minutes); a distribution gives the stock and the kelurahan served; a
    referral the peak demand, capacity and unplaced patients; days of stock the
    resources short.
    """
    if kind == "lokasi":
        result = parts["lokasi"]
        share = result.kpi.get("covered_share")
        kpi = {"covered_pct": None if share is None else 100.0 * share}
        shown = ["covered_weight", "total_weight", "unmet_weight", "mean_travel"]
        shown += ["worst_travel", "sites_chosen"]
        if result.parameters.get("unit") == "min":
            shown += ["mean_distance_m", "worst_distance_m"]
        kpi.update({key: result.kpi.get(key) for key in shown})
        return ScenarioKpi(kind, kpi)
    if kind == "distribusi":
        table = parts["distribusi"].table
        return ScenarioKpi(
            kind,
            {
                "stock": float(parts["distribusi"].stock),
                "kelurahan_served": float((table["allocated"] > 0).sum()),
                "largest_share": float(table["allocated"].max()),
            },
        )
    if kind == "rujukan":
        daily = parts["rujukan_harian"].daily
        return ScenarioKpi(
            kind,
            {
                "demand_peak": float(daily["demand"].max()),
                "capacity": float(daily["capacity"].max()),
                "unplaced_peak": float(daily["unplaced"].max()),
                "days_short": float((daily["unplaced"] > 0).sum()),
            },
        )
    table = parts["stok"].table
    return ScenarioKpi(
        kind,
        {
            "resources_short": float(table["is_short"].sum()),
            "fewest_days": float(table["days_left"].min())
            if table["days_left"].notna().any()
            else None,
        },
    )


def kpi_text(key: str, value: Any, unit: str) -> str:
    """Return a KPI value as the Skenario page and the briefing show it.

    Parameters
    ----------
    key : str
        KPI key of :func:`scenario_kpi` (``covered_pct``, ``mean_travel``...).
    value : Any
        The value; None or NaN shows "–".
    unit : str
        Travel unit (:func:`geo.siting.unit_label`) for ``mean_travel`` and
        ``worst_travel``.

    Returns
    -------
    str
        A percentage, a travel in its unit, a distance in metres or a number,
        the Indonesian way ("85,3 %", "1.234 m").
    """
    if value is None or pd.isna(value):
        return "–"
    if key.endswith("_pct"):
        return f"{fmt_num(value, 1)} %"
    if key in ("mean_travel", "worst_travel"):
        shown = fmt_int(value) if unit == "m" else fmt_num(value, 1)
        return f"{shown} {unit}"
    if key.endswith("_share"):
        return fmt_num(value, 3)
    if key.endswith("_m"):
        return f"{fmt_int(value)} m"
    number = float(value)
    whole = round(number)
    if abs(number - whole) <= 1e-9 * max(1.0, abs(number)):
        # whole people or units; sums of float weights carry noise ("…432,0")
        return fmt_int(whole)
    return fmt_num(value, 1)


def site_for_region(
    kelurahan: gpd.GeoDataFrame,
    weights: NeedWeights,
    candidates: pd.DataFrame,
    model: str,
    *,
    metric_crs: str,
    n_sites: int | None,
    radius: float,
    in_minutes: bool,
    circuity: float,
    speed_kmh: float,
    time_limit_s: float,
    roads: RoadNetwork | None = None,
) -> SitingResult:
    """Return a siting answer for a region's kelurahan and the planner's candidates.

    Candidates without a capacity, when others have one, get the whole demand
    as capacity (no limit) and a note says so.

    Parameters
    ----------
    kelurahan : gpd.GeoDataFrame
        Boundaries with ``kode`` (any CRS); demand sits at kelurahan centres.
    weights : NeedWeights
        Need per kelurahan (:func:`need_weights`).
    candidates : pd.DataFrame
        From :func:`candidate_sites`.
    model : str
        One of ``geo.siting.MODELS``.
    metric_crs : str
        The region's metric CRS.
    n_sites : int or None
        Sites in total (MCLP, p-median, p-center).
    radius : float
        Reach in metres, or minutes when ``in_minutes``.
    in_minutes : bool
        Whether ``radius`` is in minutes at ``speed_kmh``.
    circuity, speed_kmh, time_limit_s : float
        As :func:`geo.siting.site_facilities_from_points`.
    roads : RoadNetwork, optional
        Road layer (:func:`geo.roads.read_roads`): travel along its roads
        instead of straight line × circuity.

    Returns
    -------
    SitingResult
        As :func:`geo.siting.site_facilities_from_layers`, with the weight and
        capacity notes added.

    Raises
    ------
    GeoInputError
        As :func:`geo.siting.site_facilities_from_layers`.
    """
    sites = candidates.copy()
    notes = list(weights.notes)
    capacity = pd.to_numeric(sites["kapasitas"], errors="coerce")
    if capacity.notna().any() and capacity.isna().any():
        unlimited = float(weights.values.sum())
        sites["kapasitas"] = capacity.fillna(unlimited)
        notes.append(t("skn_note_tanpa_kapasitas", count=int(capacity.isna().sum())))

    result = site_facilities_from_layers(
        kelurahan,
        weights.values,
        sites[["id", "lat", "lon", "kapasitas", "tetap"]],
        model,
        metric_crs=metric_crs,
        n_sites=n_sites if model in MODELS_WITH_P else None,
        radius_m=None if in_minutes else radius,
        radius_min=radius if in_minutes else None,
        circuity=circuity,
        speed_kmh=speed_kmh,
        time_limit_s=time_limit_s,
        roads=roads,
    )
    return dataclasses.replace(result, notes=(*notes, *result.notes))
