"""Project hospital bed demand for the next days from the case series (CHIME style).

Question: "With the projected patients of the next 14 days, how many beds do we
need, and in which kelurahan do the patients live?"

The model follows CHIME (Penn Medicine, Weissman et al. 2020): a discrete-time
SIR (or SEIR) model whose transmission rate comes from a doubling time, either
set by the planner or fitted to the recent growth of active cases; a share of
the new cases is admitted and stays a fixed number of days.

Symbols (all per day):

- ``N`` population; ``S``, ``E``, ``I``, ``R`` susceptible, exposed, infected
  (active confirmed cases), removed (recovered or died);
- ``T_d`` doubling time in days; ``g = 2 ** (1 / T_d) - 1`` daily growth rate;
- ``γ = 1 / D`` recovery rate, ``D`` days a case stays active;
- ``σ = 1 / L`` rate of becoming infectious, ``L`` incubation days (SEIR);
- ``β`` transmission rate: ``β = g + γ`` (SIR) or ``β = (g + σ)(g + γ) / σ``
  (SEIR), so that early growth is exactly ``1 + g`` a day;
- new cases a day ``β S I / N``; admissions ``h × new cases`` (ward) and
  ``u × new cases`` (ICU); census = admissions of the last ``LOS`` days.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from geo.allocation import SCENARIO_VERSION, from_plain, to_plain
from geo.distribution import distribute_by_need
from geo.errors import GeoInputError
from geo.text import fmt_int, fmt_num, t

logger = logging.getLogger(__name__)

EPIDEMIC_MODELS = ("sir", "seir")
DEFAULT_DAYS = 14
DEFAULT_FIT_WINDOW_DAYS = 14
DEFAULT_INFECTIOUS_DAYS = 14.0
DEFAULT_INCUBATION_DAYS = 5.0
# LIMITATION: default shares and stays are planning assumptions, not estimates
# from local data; bed numbers scale with them, so the page must show them.
DEFAULT_HOSPITALISED_SHARE = 0.10
DEFAULT_ICU_SHARE = 0.02
DEFAULT_LOS_WARD_DAYS = 7
DEFAULT_LOS_ICU_DAYS = 9
_CASE_COLUMNS = (
    "kode",
    "tanggal",
    "positif",
    "dirawat",
    "isolasi",
    "sembuh",
    "meninggal",
)


@dataclass(frozen=True)
class GrowthFit:
    """Daily growth of active cases from a log-linear fit (or set by the planner).

    ``rate_per_day`` is ``g`` (0.1 = +10 % a day); ``doubling_days`` is None when
    cases are not growing; ``r_squared`` and ``points`` are None when set.
    """

    rate_per_day: float
    doubling_days: float | None
    source: str
    r_squared: float | None
    points: int | None
    first_date: str | None
    last_date: str | None


@dataclass(frozen=True, eq=False)
class BedProjection:
    """Daily SIR/SEIR projection with bed census, and where the patients live.

    ``daily`` columns: ``day``, ``tanggal``, ``susceptible`` (NaN without a
    population), ``exposed``, ``infected``, ``removed``, ``new_cases``,
    ``admissions_ward``, ``admissions_icu``, ``census_ward``, ``census_icu``.
    ``kelurahan`` columns: ``kode``, ``recent_cases``, ``share`` (0-1).
    """

    daily: pd.DataFrame
    kelurahan: pd.DataFrame
    growth: GrowthFit
    parameters: dict[str, Any]
    notes: tuple[str, ...] = field(default_factory=tuple)

    def scenario_dict(self) -> dict[str, Any]:
        """Return parameters and results as plain JSON data."""
        return {"kind": "proyeksi", "version": SCENARIO_VERSION, **to_plain(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BedProjection:
        """Return the result that :meth:`scenario_dict` wrote."""
        body = {key: value for key, value in data.items() if key not in _ENVELOPE}
        return from_plain(body, [cls, GrowthFit])


_ENVELOPE = ("kind", "version")


def growth_rate_from_doubling(doubling_days: float) -> float:
    """Return the daily growth rate ``g = 2 ** (1 / T_d) - 1`` for a doubling time.

    Parameters
    ----------
    doubling_days : float
        Days for the number of active cases to double (> 0).

    Returns
    -------
    float
        Growth per day (0.104 for 7 days).

    Raises
    ------
    GeoInputError
        If ``doubling_days`` is not positive.
    """
    if not doubling_days > 0:  # written this way so that NaN is rejected too
        raise GeoInputError(t("alok_err_lipat", value=doubling_days))
    return 2.0 ** (1.0 / doubling_days) - 1.0


def fit_growth(
    cases: pd.DataFrame,
    *,
    as_of: pd.Timestamp | str | None = None,
    window_days: int = DEFAULT_FIT_WINDOW_DAYS,
) -> GrowthFit:
    """Return the daily growth of active cases fitted on the last ``window_days``.

    Parameters
    ----------
    cases : pd.DataFrame
        Tidy case table (``tanggal``, ``dirawat``, ``isolasi``; cumulative
        counts per kelurahan and date); the region total is fitted.
    as_of : date-like, optional
        Last date used (default: the latest date).
    window_days : int
        Length of the fit window in days.

    Returns
    -------
    GrowthFit
        ``g = exp(b) - 1`` where ``b`` is the slope of ``log(active)`` on days.

    Raises
    ------
    GeoInputError
        If fewer than 3 dates with active cases lie in the window.

    Notes
    -----
    Ordinary least squares of the log of active cases on the day number, as
    used to estimate doubling times (e.g. Muniz-Rodriguez et al. 2020).
    """
    totals = _region_totals(cases)
    end = totals.index.max() if as_of is None else pd.Timestamp(as_of)
    window = totals[
        (totals.index > end - pd.Timedelta(days=window_days)) & (totals.index <= end)
    ]
    active = window["active"]
    active = active[active > 0]
    if len(active) < 3:
        raise GeoInputError(
            t("alok_err_fit", count=len(active), days=window_days, end=end.date())
        )

    days = (active.index - active.index[0]).days.to_numpy(dtype=float)
    logs = np.log(active.to_numpy(dtype=float))
    slope, intercept = np.polyfit(days, logs, 1)
    fitted = intercept + slope * days
    spread = np.sum((logs - logs.mean()) ** 2)
    r_squared = 1.0 - np.sum((logs - fitted) ** 2) / spread if spread > 0 else 1.0

    return GrowthFit(
        rate_per_day=float(math.exp(slope) - 1.0),
        doubling_days=float(math.log(2.0) / slope) if slope > 0 else None,
        source="fit",
        r_squared=float(r_squared),
        points=len(active),
        first_date=str(active.index[0].date()),
        last_date=str(active.index[-1].date()),
    )


def epidemic_curve(
    *,
    infected: float,
    removed: float,
    population: float | None,
    growth_per_day: float,
    days: int,
    infectious_days: float = DEFAULT_INFECTIOUS_DAYS,
    model: str = "sir",
    incubation_days: float = DEFAULT_INCUBATION_DAYS,
) -> pd.DataFrame:
    """Return the daily S, E, I, R and new cases of a discrete SIR or SEIR model.

    Parameters
    ----------
    infected : float
        ``I`` on day 0 (active cases).
    removed : float
        ``R`` on day 0 (recovered plus died).
    population : float, optional
        ``N``; None means no depletion of susceptibles (pure early growth).
    growth_per_day : float
        ``g``, the daily growth the model reproduces at the start.
    days : int
        Days to project (day 0 is the starting day).
    infectious_days : float
        ``D``; ``γ = 1 / D``.
    model : str
        ``"sir"`` or ``"seir"``.
    incubation_days : float
        ``L``; ``σ = 1 / L`` (SEIR only).

    Returns
    -------
    pd.DataFrame
        ``day``, ``susceptible``, ``exposed``, ``infected``, ``removed``,
        ``new_cases`` (new active cases that day).

    Raises
    ------
    GeoInputError
        If a parameter is out of range.

    Notes
    -----
    CHIME (Weissman et al. 2020) sets ``β = g + γ`` for SIR; for SEIR the same
    reasoning on the linearised system gives ``β = (g + σ)(g + γ) / σ``, and the
    model starts on the growing mode (``E = (g + γ) I / σ``).
    """
    _check_epidemic(infected, removed, population, growth_per_day, days, model)
    gamma = 1.0 / infectious_days
    sigma = 1.0 / incubation_days
    if model == "sir":
        beta = max(growth_per_day + gamma, 0.0)
        exposed = 0.0
    else:
        beta = max((growth_per_day + sigma) * (growth_per_day + gamma) / sigma, 0.0)
        exposed = max((growth_per_day + gamma) * infected / sigma, 0.0)
    # LIMITATION: without a population the curve never bends (no depletion of
    # susceptibles); beyond a few weeks it overstates demand.
    total = population if population is not None else math.inf
    susceptible = total - infected - removed - exposed if population else math.nan

    rows = [(0, susceptible, exposed, infected, removed, 0.0)]
    for day in range(1, days + 1):
        fraction = susceptible / total if population else 1.0
        infections = min(
            beta * fraction * infected, susceptible if population else math.inf
        )
        if model == "sir":
            onset, exposed_next = infections, 0.0
        else:
            onset = sigma * exposed
            exposed_next = exposed + infections - onset
        recoveries = gamma * infected
        susceptible = susceptible - infections if population else math.nan
        exposed = exposed_next
        infected = infected + onset - recoveries
        removed = removed + recoveries
        rows.append((day, susceptible, exposed, infected, removed, onset))

    return pd.DataFrame(
        rows,
        columns=["day", "susceptible", "exposed", "infected", "removed", "new_cases"],
    )


def _check_epidemic(
    infected: float,
    removed: float,
    population: float | None,
    growth_per_day: float,
    days: int,
    model: str,
) -> None:
    if model not in EPIDEMIC_MODELS:
        raise GeoInputError(
            t("alok_err_model", value=model, choices=", ".join(EPIDEMIC_MODELS))
        )
    if not infected > 0:
        raise GeoInputError(t("alok_err_aktif", value=infected))
    if not removed >= 0:
        raise GeoInputError(t("alok_err_sembuh", value=removed))
    if population is not None and not population > infected + removed:
        raise GeoInputError(
            t(
                "alok_err_penduduk",
                value=fmt_int(population),
                cases=fmt_int(infected + removed),
            )
        )
    if not growth_per_day > -1:
        raise GeoInputError(t("alok_err_laju", value=growth_per_day))
    if isinstance(days, bool) or int(days) != days or not 1 <= days <= 365:
        raise GeoInputError(t("alok_err_hari", value=days))


def project_beds(
    cases: pd.DataFrame,
    *,
    days: int = DEFAULT_DAYS,
    population: float | None = None,
    doubling_days: float | None = None,
    fit_window_days: int = DEFAULT_FIT_WINDOW_DAYS,
    model: str = "sir",
    infectious_days: float = DEFAULT_INFECTIOUS_DAYS,
    incubation_days: float = DEFAULT_INCUBATION_DAYS,
    hospitalised_share: float = DEFAULT_HOSPITALISED_SHARE,
    icu_share: float = DEFAULT_ICU_SHARE,
    los_ward_days: int = DEFAULT_LOS_WARD_DAYS,
    los_icu_days: int = DEFAULT_LOS_ICU_DAYS,
    as_of: pd.Timestamp | str | None = None,
) -> BedProjection:
    """Return bed demand (ward and ICU) for the next ``days`` and its kelurahan.

    Parameters
    ----------
    cases : pd.DataFrame
        Tidy case table (``kode``, ``tanggal``, cumulative ``positif``,
        ``dirawat``, ``isolasi``, ``sembuh``, ``meninggal``).
    days : int
        Days to project after ``as_of``.
    population : float, optional
        Population of the region; None when unknown (no depletion, see notes).
    doubling_days : float, optional
        ``T_d`` set by the planner; when None it is fitted to the last
        ``fit_window_days`` of active cases.
    fit_window_days : int
        Window of the fit, and of the recent cases that give each kelurahan's
        share.
    model : str
        ``"sir"`` or ``"seir"``.
    infectious_days, incubation_days : float
        ``D`` and ``L`` in days.
    hospitalised_share, icu_share : float
        ``h`` and ``u``: shares (0-1) of new cases needing a ward or ICU bed.
    los_ward_days, los_icu_days : int
        Length of stay in days.
    as_of : date-like, optional
        Starting date (default: the latest date in ``cases``).

    Returns
    -------
    BedProjection
        Daily table, kelurahan shares, growth, parameters with symbols, notes.

    Raises
    ------
    GeoInputError
        If a column is missing, a share or stay is out of range, there are no
        active cases, or the growth cannot be fitted.
    """
    _check_beds(cases, hospitalised_share, icu_share, los_ward_days, los_icu_days)
    totals = _region_totals(cases)
    start = totals.index.max() if as_of is None else pd.Timestamp(as_of)
    if start not in totals.index:
        raise GeoInputError(t("alok_err_tanggal", value=start.date()))

    growth = _growth(cases, doubling_days, start, fit_window_days)
    now = totals.loc[start]
    curve = epidemic_curve(
        infected=float(now["active"]),
        removed=float(now["removed"]),
        population=population,
        growth_per_day=growth.rate_per_day,
        days=days,
        infectious_days=infectious_days,
        model=model,
        incubation_days=incubation_days,
    )
    daily = _bed_census(
        curve,
        start,
        float(now["dirawat"]),
        hospitalised_share,
        icu_share,
        los_ward_days,
        los_icu_days,
    )
    kelurahan = _kelurahan_shares(cases, start, fit_window_days)

    parameters = {
        "model": model,
        "days": int(days),
        "as_of": str(start.date()),
        "N_population": population,
        "T_d_doubling_days": growth.doubling_days,
        "g_growth_per_day": growth.rate_per_day,
        "D_infectious_days": float(infectious_days),
        "L_incubation_days": float(incubation_days) if model == "seir" else None,
        "h_hospitalised_share": float(hospitalised_share),
        "u_icu_share": float(icu_share),
        "LOS_ward_days": int(los_ward_days),
        "LOS_icu_days": int(los_icu_days),
        "I0_active": float(now["active"]),
        "R0_removed": float(now["removed"]),
        "ward_now": float(now["dirawat"]),
    }
    notes = _projection_notes(growth, population, daily, kelurahan)
    if now["active"] > 0:
        observed = t(
            "alok_note_porsi_kini",
            ward=fmt_int(now["dirawat"]),
            active=fmt_int(now["active"]),
            pct=fmt_num(100 * now["dirawat"] / now["active"], 0),
            share=fmt_num(100 * hospitalised_share, 0),
        )
        notes = (*notes, observed)
    return BedProjection(
        daily=daily,
        kelurahan=kelurahan,
        growth=growth,
        parameters=parameters,
        notes=notes,
    )


def _check_beds(
    cases: pd.DataFrame,
    hospitalised_share: float,
    icu_share: float,
    los_ward_days: int,
    los_icu_days: int,
) -> None:
    missing = [column for column in _CASE_COLUMNS if column not in cases]
    if missing:
        raise GeoInputError(
            t("alok_err_kolom", columns=", ".join(missing), what=t("alok_kasus"))
        )
    for value in (hospitalised_share, icu_share):
        if not 0 <= value <= 1:
            raise GeoInputError(t("alok_err_porsi", value=value))
    for value in (los_ward_days, los_icu_days):
        if isinstance(value, bool) or int(value) != value or not 1 <= value <= 120:
            raise GeoInputError(t("alok_err_los", value=value))


def _region_totals(cases: pd.DataFrame) -> pd.DataFrame:
    numbers = cases[["dirawat", "isolasi", "sembuh", "meninggal", "positif"]].apply(
        pd.to_numeric, errors="coerce"
    )
    numbers["tanggal"] = pd.to_datetime(cases["tanggal"])
    totals = numbers.groupby("tanggal").sum(min_count=1).sort_index().fillna(0.0)
    totals["active"] = totals["dirawat"] + totals["isolasi"]
    totals["removed"] = totals["sembuh"] + totals["meninggal"]
    return totals


def _growth(
    cases: pd.DataFrame, doubling_days: float | None, start: pd.Timestamp, window: int
) -> GrowthFit:
    if doubling_days is None:
        return fit_growth(cases, as_of=start, window_days=window)
    return GrowthFit(
        rate_per_day=growth_rate_from_doubling(doubling_days),
        doubling_days=float(doubling_days),
        source="set",
        r_squared=None,
        points=None,
        first_date=None,
        last_date=None,
    )


def _bed_census(
    curve: pd.DataFrame,
    start: pd.Timestamp,
    ward_now: float,
    hospitalised_share: float,
    icu_share: float,
    los_ward_days: int,
    los_icu_days: int,
) -> pd.DataFrame:
    daily = curve.copy()
    daily.insert(1, "tanggal", start + pd.to_timedelta(daily["day"], unit="D"))
    # LIMITATION: patients in hospital today leave evenly over one stay and ICU
    # starts empty (the data have no ICU count), so the first days are rough.
    daily["admissions_ward"] = hospitalised_share * daily["new_cases"]
    daily["admissions_icu"] = icu_share * daily["new_cases"]
    # patients already in hospital leave evenly over one length of stay
    staying = np.clip(1.0 - daily["day"] / los_ward_days, 0.0, 1.0) * ward_now
    daily["census_ward"] = (
        daily["admissions_ward"].rolling(los_ward_days, min_periods=1).sum() + staying
    )
    daily["census_icu"] = (
        daily["admissions_icu"].rolling(los_icu_days, min_periods=1).sum()
    )
    return daily


def _kelurahan_shares(
    cases: pd.DataFrame, start: pd.Timestamp, window_days: int
) -> pd.DataFrame:
    known = cases[cases["kode"].notna()].copy()
    known["tanggal"] = pd.to_datetime(known["tanggal"])
    known["positif"] = pd.to_numeric(known["positif"], errors="coerce").astype(float)
    known = known[known["tanggal"] <= start]
    by_kode = known.pivot_table(
        index="tanggal", columns="kode", values="positif", aggfunc="sum"
    ).sort_index()
    begin = start - pd.Timedelta(days=window_days)
    earlier = by_kode[by_kode.index <= begin]
    baseline = earlier.iloc[-1] if len(earlier) else by_kode.iloc[0]
    recent = (by_kode.iloc[-1] - baseline).clip(lower=0).fillna(0.0)
    if recent.sum() == 0:
        recent = by_kode.iloc[-1].fillna(0.0)
    if recent.sum() == 0:
        raise GeoInputError(t("alok_err_tanpa_kasus", end=start.date()))
    table = pd.DataFrame(
        {
            "kode": recent.index.astype(str),
            "recent_cases": recent.to_numpy(dtype=float),
            "share": (recent / recent.sum()).to_numpy(dtype=float),
        }
    )
    return table.reset_index(drop=True)


def _projection_notes(
    growth: GrowthFit,
    population: float | None,
    daily: pd.DataFrame,
    kelurahan: pd.DataFrame,
) -> tuple[str, ...]:
    notes = [t("alok_note_chime")]
    if growth.source == "fit":
        doubling = (
            fmt_num(growth.doubling_days, 1)
            if growth.doubling_days is not None
            else t("alok_tidak_berlipat")
        )
        notes.append(
            t(
                "alok_note_fit",
                first=growth.first_date,
                last=growth.last_date,
                rate=fmt_num(100 * growth.rate_per_day, 1),
                doubling=doubling,
                r2=fmt_num(growth.r_squared, 2),
            )
        )
    if population is None:
        notes.append(t("alok_note_tanpa_penduduk"))
    peak = daily.loc[daily["census_ward"].idxmax()]
    notes.append(
        t(
            "alok_note_puncak",
            beds=fmt_int(peak["census_ward"]),
            date=pd.Timestamp(peak["tanggal"]).date(),
        )
    )
    notes.append(t("alok_note_sebaran", count=len(kelurahan)))
    notes.append(t("alok_note_icu_awal"))
    return tuple(notes)


def kelurahan_beds(projection: BedProjection, *, kind: str = "ward") -> pd.DataFrame:
    """Return whole beds needed per kelurahan (rows ``kode``) and date (columns).

    Each day's census is rounded to whole beds and spread over kelurahan by
    their share of recent cases with largest remainder, so columns sum exactly
    to the rounded census.

    Parameters
    ----------
    projection : BedProjection
        Output of :func:`project_beds`.
    kind : str
        ``"ward"`` or ``"icu"``.

    Returns
    -------
    pd.DataFrame
        Integer beds, index ``kode``, one column per date.

    Raises
    ------
    GeoInputError
        If ``kind`` is not known.
    """
    if kind not in ("ward", "icu"):
        raise GeoInputError(t("alok_err_model", value=kind, choices="ward, icu"))
    shares = projection.kelurahan.set_index("kode")["share"]
    columns = {}
    for row in projection.daily.itertuples(index=False):
        census = int(round(getattr(row, f"census_{kind}")))
        columns[pd.Timestamp(row.tanggal)] = (
            distribute_by_need(shares, census).table["allocated"].to_numpy()
        )
    return pd.DataFrame(columns, index=shares.index.astype(str))
