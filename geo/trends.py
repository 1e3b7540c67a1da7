"""Growth, doubling time and emerging-hotspot classes per kelurahan over time.

Reads the tidy cumulative case table (``geo.cases`` contract) and the kelurahan
layer; reuses the Gi* core of :mod:`geo.hotspots` once per date.
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

import geopandas as gpd
import libpysal
import numpy as np
import pandas as pd
from scipy.stats import kendalltau

from geo.errors import GeoInputError
from geo.hotspots import (
    DEFAULT_K,
    DEFAULT_PERMUTATIONS,
    DEFAULT_SEED,
    DEFAULT_TOLERANCE_M,
    ISLAND,
    LEVEL_COLUMNS,
    LEVELS,
    NO_DATA,
    adjust_fdr,
    build_weights,
    check_layer,
    check_metric_crs,
    class_label,
    dissolve_units,
    gi_star,
    level_columns,
    smallest_p,
    unit_names,
)
from geo.text import fmt_int, fmt_num, long_date, t

logger = logging.getLogger(__name__)

DEFAULT_ALPHA = 0.05
# ESRI's share of time steps that makes a hot spot "persistent" or "historical"
PERSISTENT_SHARE = 0.9
FEW_STEPS = 10
EMERGING_KINDS = (
    "new",
    "consecutive",
    "intensifying",
    "persistent",
    "diminishing",
    "sporadic",
    "oscillating",
    "historical",
)
NO_PATTERN = "none"
MAX_LISTED = 5


@dataclass(frozen=True)
class GrowthResult:
    """Per-kelurahan growth over a window of the cumulative series.

    ``table`` columns: ``kode``, ``start_count``, ``end_count``, ``new_cases``
    (NaN when the cumulative count fell: a data correction), ``growth_per_day``
    (exponential rate, 1/day) and ``doubling_days`` (NaN when not growing or
    when the window starts at zero cases).
    """

    table: pd.DataFrame
    start: pd.Timestamp
    end: pd.Timestamp
    span_days: int
    window_days: int
    notes: tuple[str, ...]


@dataclass(frozen=True)
class EmergingResult:
    """Emerging-hotspot class per kelurahan, the Gi* series behind it and notes.

    ``table`` columns: ``kode``, ``nama``, ``emerging_class`` (e.g.
    ``new_hot``, ``persistent_cold``, ``none``), ``emerging_label``,
    ``n_hot``, ``n_cold``, ``trend_tau``, ``trend_p``. ``z`` and ``p`` are
    kode × date frames of Gi* z-scores and the p-values used (FDR-adjusted per
    date by default). ``summary`` names the kelurahan of each hot-spot pattern.
    """

    table: pd.DataFrame
    summary: str
    z: pd.DataFrame
    p: pd.DataFrame
    level: str
    permutations: int
    seed: int
    alpha: float
    fdr: bool
    notes: tuple[str, ...]


def cumulative_table(cases: pd.DataFrame, column: str = "positif") -> pd.DataFrame:
    """Return cumulative counts as a kode × tanggal frame (rows without kode dropped).

    Parameters
    ----------
    cases : pandas.DataFrame
        Tidy case table (``kode``, ``tanggal`` and ``column``).
    column : str
        Cumulative count column.

    Returns
    -------
    pandas.DataFrame
        Floats, NaN where a kelurahan has no row for a date; dates sorted.

    Raises
    ------
    GeoInputError
        If a required column is missing.
    """
    missing = [name for name in ("kode", "tanggal", column) if name not in cases]
    if missing:
        raise GeoInputError(
            t(
                "err_hs_columns",
                level="kasus",
                missing=", ".join(missing),
                present=", ".join(map(str, cases.columns)),
            )
        )
    rows = cases[cases["kode"].notna()]
    values = pd.to_numeric(rows[column], errors="coerce").astype(float)
    # min_count=1: an empty cell stays missing instead of summing to 0
    wide = (
        values.groupby([rows["kode"].astype(str), pd.to_datetime(rows["tanggal"])])
        .sum(min_count=1)
        .unstack("tanggal")
    )
    wide.index.name = "kode"
    return wide.sort_index(axis=1).astype(float)


def growth_trends(
    cases: pd.DataFrame,
    tanggal: pd.Timestamp | str,
    window_days: int,
    column: str = "positif",
    names: pd.Series | None = None,
) -> GrowthResult:
    """Return new cases, growth rate and doubling time per kelurahan over a window.

    Parameters
    ----------
    cases : pandas.DataFrame
        Tidy cumulative case table (``geo.cases`` contract).
    tanggal : pandas.Timestamp or str
        Last day of the window; must be a date of the data.
    window_days : int
        Window length in days. The start is the latest data date at or before
        ``tanggal - window_days`` (or the first date, with a note).
    column : str
        Cumulative count column.
    names : pandas.Series or None
        ``nama`` indexed by ``kode``, to name kelurahan in the notes.

    Returns
    -------
    GrowthResult

    Raises
    ------
    GeoInputError
        If the window is not positive, the date is not in the data, or the
        data have a single date.

    Notes
    -----
    Growth rate r = ln(C_end / C_start) / days (continuous compounding) and
    doubling time ln 2 / r, computed on the cumulative count.
    """
    if not window_days > 0:  # NaN rejected too
        raise GeoInputError(t("err_hs_window", value=window_days))
    wide = cumulative_table(cases, column)
    end = _data_date(wide, tanggal)
    start, notes = _window_start(wide, end, window_days)

    table = _growth_table(wide[start], wide[end], (end - start).days)
    notes.extend(_growth_notes(table, names))
    return GrowthResult(
        table, start, end, (end - start).days, int(window_days), tuple(notes)
    )


def period_counts(cases: pd.DataFrame, column: str = "positif") -> pd.DataFrame:
    """Return new cases per period (kode × date) from the cumulative table.

    Parameters
    ----------
    cases : pandas.DataFrame
        Tidy cumulative case table.
    column : str
        Cumulative count column.

    Returns
    -------
    pandas.DataFrame
        The difference between consecutive dates, labelled by the later date;
        the first date is dropped (nothing to subtract from) and a fall of the
        cumulative count (a data correction) is NaN, never zero.
    """
    return _increments(cumulative_table(cases, column))


def emerging_classes(
    z: np.ndarray, p: np.ndarray, alpha: float = DEFAULT_ALPHA
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return ESRI emerging-hotspot class codes per unit from Gi* series.

    Parameters
    ----------
    z : numpy.ndarray
        Gi* z-scores, units × time steps (oldest first); NaN where not tested.
    p : numpy.ndarray
        The p-values that decide significance, same shape.
    alpha : float
        Significance level of a bin and of the Mann-Kendall trend.

    Returns
    -------
    tuple of numpy.ndarray
        Class codes (``"<kind>_hot"``, ``"<kind>_cold"`` or ``"none"``),
        Kendall's tau of z on time, and its p-value.
        :func:`emerging_hotspots` then marks units never tested ``island`` or
        ``no_data``.

    Notes
    -----
    Definitions of ESRI, "How Emerging Hot Spot Analysis works" (ArcGIS Pro
    documentation), for hot spots (cold spots mirror them), with n the number of
    time steps and "hot" a bin significant at ``alpha`` with z > 0:

    - new: hot in the final step and never before;
    - consecutive: one uninterrupted run of at least two hot bins ending in the
      final step, never hot before the run, less than 90 % of bins hot;
    - intensifying / diminishing: hot in at least 90 % of bins including the
      final one, and z rises / falls with a significant Mann-Kendall trend;
    - persistent: hot in at least 90 % of bins, no significant trend;
    - sporadic: hot in the final step, on and off before, less than 90 % hot,
      never cold;
    - oscillating: hot in the final step, cold in some earlier step, less than
      90 % hot;
    - historical: not hot in the final step, hot in at least 90 % of bins.

    The Mann-Kendall test is Kendall's tau between time and z
    (``scipy.stats.kendalltau``), as in Mann (1945) and Kendall (1975).
    """
    n_units = z.shape[0]
    codes = np.full(n_units, NO_PATTERN, dtype=object)
    taus = np.full(n_units, np.nan)
    trend_p = np.full(n_units, np.nan)

    for i in range(n_units):
        taus[i], trend_p[i] = _mann_kendall(z[i])
        significant = ~np.isnan(p[i]) & (p[i] <= alpha) & ~np.isnan(z[i])
        hot = significant & (z[i] > 0)
        cold = significant & (z[i] < 0)
        trend = 0 if not trend_p[i] <= alpha else int(np.sign(taus[i]))
        kind = _emerging_kind(hot, cold, trend)
        if kind is None:
            kind = _emerging_kind(cold, hot, -trend)
            codes[i] = NO_PATTERN if kind is None else f"{kind}_cold"
        else:
            codes[i] = f"{kind}_hot"
    return codes, taus, trend_p


def emerging_hotspots(
    kelurahan: gpd.GeoDataFrame,
    cases: pd.DataFrame,
    *,
    metric_crs: str,
    column: str = "positif",
    level: str = "kelurahan",
    weights: str = "queen",
    k: int = DEFAULT_K,
    distance_m: float | None = None,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    permutations: int = DEFAULT_PERMUTATIONS,
    seed: int = DEFAULT_SEED,
    alpha: float = DEFAULT_ALPHA,
    fdr: bool = True,
) -> EmergingResult:
    """Return the emerging-hotspot class of every kelurahan across the data's dates.

    Parameters
    ----------
    kelurahan : geopandas.GeoDataFrame
        Kelurahan layer (``geo.boundaries`` contract) with a CRS.
    cases : pandas.DataFrame
        Tidy cumulative case table; new cases per period are tested.
    metric_crs : str
        Metric CRS in which the weights are built.
    column : str
        Cumulative count column.
    level : {"kelurahan", "kecamatan", "kabkota"}
        A coarser level sums the kelurahan series per kecamatan or kab/kota (a
        date with a kelurahan missing is "no data" for its unit) and dissolves
        the polygons.
    weights, k, distance_m, tolerance_m
        Neighbour rule, see :func:`geo.hotspots.build_weights`.
    permutations : int
        Permutations of Gi* at each date.
    seed : int
        Seed; date number ``j`` uses ``seed + j`` so dates do not share draws.
    alpha : float
        Significance of a bin and of the trend.
    fdr : bool
        Benjamini-Hochberg correction per date.

    Returns
    -------
    EmergingResult

    Raises
    ------
    GeoInputError
        Missing columns or CRS, non-metric CRS, unknown level, or fewer than
        three dates.

    Notes
    -----
    Classes as in :func:`emerging_classes`. Unlike ArcGIS, neighbours are
    spatial only (no time-lagged neighbours in a space-time cube).
    """
    if level not in LEVELS:
        raise GeoInputError(
            t("err_hs_option", name="tingkat", value=level, choices=", ".join(LEVELS))
        )
    check_layer(kelurahan, columns=level_columns(level))
    check_metric_crs(metric_crs)
    units = kelurahan[list(level_columns(level))].reset_index(drop=True)
    units = units.to_crs(metric_crs)
    wide = cumulative_table(cases, column).reindex(units["kode"].astype(str))
    if level != "kelurahan":
        units, wide = _coarse_cumulative(units, wide, level)
    counts = _increments(wide)
    if counts.shape[1] < 2:
        raise GeoInputError(
            t("err_hs_dates", minimum=3, what="pola hotspot", n=counts.shape[1] + 1)
        )

    started = time.perf_counter()
    # LIMITATION: neighbours are spatial only (no time-lagged neighbours as in
    # ESRI's space-time cube), so each date's Gi* is noisier than ESRI's.
    full_weights = build_weights(
        units.geometry, weights, k=k, distance_m=distance_m, tolerance_m=tolerance_m
    )
    z, p = _gi_series(counts, full_weights, permutations, seed, fdr)
    codes, taus, trend_p = emerging_classes(z.to_numpy(), p.to_numpy(), alpha)
    # say why a unit has no pattern when it was never tested at all
    codes[counts.isna().all(axis=1).to_numpy()] = NO_DATA
    codes[np.asarray(full_weights.islands, dtype=int)] = ISLAND
    logger.info(
        "emerging hotspots: %s %s x %s dates, %.2f s",
        len(units), level, counts.shape[1], time.perf_counter() - started,
    )  # fmt: skip

    table = _emerging_table(units, codes, z, p, alpha, taus, trend_p)
    notes = _emerging_notes(units, counts, p, level, permutations, seed, alpha, fdr)
    summary = emerging_summary(table, level)
    return EmergingResult(
        table, summary, z, p, level, permutations, seed, alpha, fdr, tuple(notes)
    )


def emerging_summary(table: pd.DataFrame, level: str = "kelurahan") -> str:
    """Return one sentence naming the kelurahan of each hot-spot pattern.

    Parameters
    ----------
    table : pandas.DataFrame
        ``EmergingResult.table`` (``nama``, ``emerging_class``).
    level : str
        ``"kelurahan"`` or ``"kecamatan"``, for the wording.

    Returns
    -------
    str
        Bahasa Indonesia, e.g. "Pola hotspot dari waktu ke waktu: hotspot baru (2):
        A, B; hotspot menguat (1): C." or a sentence saying there is none.
    """
    parts = []
    for kind in EMERGING_KINDS:
        code = f"{kind}_hot"
        names = table.loc[table["emerging_class"] == code, "nama"].tolist()
        if names:
            label = class_label(code)
            parts.append(f"{label} ({len(names)}): {_short_list(names)}")
    if not parts:
        return t("tr_summary_none", level=t(f"hs_level_{level}"))
    return t("tr_summary", patterns="; ".join(parts))


def _short_list(names: list[str]) -> str:
    if len(names) > MAX_LISTED:
        rest = t("hs_and_more", n=len(names) - MAX_LISTED)
        return ", ".join(names[:MAX_LISTED]) + " " + rest
    return ", ".join(names)


def _increments(wide: pd.DataFrame) -> pd.DataFrame:
    increments = wide.diff(axis=1).iloc[:, 1:]
    return increments.where(increments >= 0)


def _coarse_cumulative(
    units: gpd.GeoDataFrame, wide: pd.DataFrame, level: str
) -> tuple[gpd.GeoDataFrame, pd.DataFrame]:
    group_of = units[LEVEL_COLUMNS[level][0]].astype(str).to_numpy()
    summed = wide.groupby(group_of, sort=False).sum(min_count=1)
    # a unit missing one kelurahan on a date would look lower: no data
    incomplete = wide.isna().groupby(group_of, sort=False).any()
    summed = summed.mask(incomplete)

    layer = dissolve_units(units, level)
    return layer, summed.reindex(layer["kode"])


def _data_date(wide: pd.DataFrame, tanggal: pd.Timestamp | str) -> pd.Timestamp:
    dates = wide.columns
    try:
        end = pd.Timestamp(tanggal)
    except ValueError as err:
        raise GeoInputError(t("err_tanggal_format", value=tanggal)) from err
    if end not in dates:
        raise GeoInputError(
            t(
                "err_tanggal_unknown",
                value=end.date(),
                first=dates.min().date(),
                last=dates.max().date(),
            )
        )
    if len(dates) < 2:
        raise GeoInputError(
            t("err_hs_dates", minimum=2, what="pertumbuhan", n=len(dates))
        )
    return end


def _window_start(
    wide: pd.DataFrame, end: pd.Timestamp, window_days: int
) -> tuple[pd.Timestamp, list[str]]:
    dates = wide.columns
    if not (dates < end).any():
        # the first data date has nothing before it to grow from
        raise GeoInputError(
            t("tr_err_first_date", tanggal=long_date(end), first=long_date(dates[0]))
        )
    earlier = dates[dates <= end - pd.Timedelta(days=window_days)]
    start = earlier.max() if len(earlier) else dates[dates < end].min()
    notes = []
    span = (end - start).days
    if span != window_days:
        notes.append(
            t(
                "tr_note_window",
                start=start.date(),
                end=end.date(),
                days=span,
                window=window_days,
            )
        )
    return start, notes


def _growth_table(
    start_count: pd.Series, end_count: pd.Series, span_days: int
) -> pd.DataFrame:
    new_cases = (end_count - start_count).where(end_count >= start_count)
    with np.errstate(divide="ignore", invalid="ignore"):
        growth = np.log(end_count / start_count) / span_days
    growth = growth.where((start_count > 0) & (end_count >= start_count))
    doubling = (math.log(2) / growth).where(growth > 0)
    return pd.DataFrame(
        {
            "kode": start_count.index.astype(str),
            "start_count": start_count.to_numpy(),
            "end_count": end_count.to_numpy(),
            "new_cases": new_cases.to_numpy(),
            "growth_per_day": growth.to_numpy(),
            "doubling_days": doubling.to_numpy(),
        }
    )


def _growth_notes(table: pd.DataFrame, names: pd.Series | None) -> list[str]:
    notes = []
    starts_at_zero = table["start_count"].eq(0) & table["end_count"].gt(0)
    if starts_at_zero.any():
        notes.append(t("tr_note_start_zero", n=int(starts_at_zero.sum())))
    decreased = table["end_count"] < table["start_count"]
    if decreased.any():
        named = table.assign(
            nama=table["kode"].map(names) if names is not None else table["kode"]
        )
        notes.append(
            t(
                "tr_note_decrease",
                n=int(decreased.sum()),
                names=unit_names(named.fillna({"nama": "?"}), decreased),
            )
        )
    return notes


def _gi_series(
    counts: pd.DataFrame,
    full_weights: libpysal.weights.W,
    permutations: int,
    seed: int,
    fdr: bool,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    z = pd.DataFrame(np.nan, index=counts.index, columns=counts.columns)
    p = z.copy()
    for step, date in enumerate(counts.columns):
        values = counts[date].to_numpy(dtype=float)
        has_value = ~np.isnan(values)
        if has_value.sum() < 4 or np.ptp(values[has_value]) == 0:
            continue
        step_weights = full_weights
        if not has_value.all():
            step_weights = _subset_weights(full_weights, np.flatnonzero(has_value))
        step_z, step_p = gi_star(
            values[has_value],
            step_weights,
            permutations=permutations,
            seed=seed + step,
        )
        z.loc[has_value, date] = step_z
        p.loc[has_value, date] = adjust_fdr(step_p) if fdr else step_p
    return z, p


def _subset_weights(
    weights: libpysal.weights.W, keep: np.ndarray
) -> libpysal.weights.W:
    position = {int(old): new for new, old in enumerate(keep)}
    neighbours = {
        position[int(old)]: [
            position[j] for j in weights.neighbors[old] if j in position
        ]
        for old in keep
    }
    subset = libpysal.weights.W(
        neighbours, id_order=list(range(len(keep))), silence_warnings=True
    )
    subset.transform = "B"
    return subset


def _mann_kendall(series: np.ndarray) -> tuple[float, float]:
    finite = ~np.isnan(series)
    if finite.sum() < 3 or np.ptp(series[finite]) == 0:
        return np.nan, np.nan
    steps = np.arange(len(series))[finite]
    result = kendalltau(steps, series[finite])
    return float(result.statistic), float(result.pvalue)


def _emerging_kind(hot: np.ndarray, other: np.ndarray, trend: int) -> str | None:
    """Return the ESRI kind for the ``hot`` side, or None if it has no pattern."""
    n_steps = len(hot)
    share = hot.sum() / n_steps if n_steps else 0.0
    if not hot.any():
        return None
    if not hot[-1]:
        return "historical" if share >= PERSISTENT_SHARE else None
    if share >= PERSISTENT_SHARE:
        return {1: "intensifying", -1: "diminishing"}.get(trend, "persistent")
    if hot.sum() == 1:
        return "new"
    run_start = n_steps - np.argmin(hot[::-1]) if not hot.all() else 0
    if not hot[:run_start].any():
        return "consecutive"
    if other.any():
        return "oscillating"
    return "sporadic"


def _emerging_table(
    units: gpd.GeoDataFrame,
    codes: np.ndarray,
    z: pd.DataFrame,
    p: pd.DataFrame,
    alpha: float,
    taus: np.ndarray,
    trend_p: np.ndarray,
) -> pd.DataFrame:
    significant = (p <= alpha).to_numpy()
    z_values = z.to_numpy()
    return pd.DataFrame(
        {
            "kode": units["kode"].astype(str).to_numpy(),
            "nama": units["nama"].to_numpy(),
            "emerging_class": codes,
            "emerging_label": [class_label(code) for code in codes],
            "n_hot": (significant & (z_values > 0)).sum(axis=1),
            "n_cold": (significant & (z_values < 0)).sum(axis=1),
            "trend_tau": taus,
            "trend_p": trend_p,
        }
    )


def _emerging_notes(
    units: gpd.GeoDataFrame,
    counts: pd.DataFrame,
    p: pd.DataFrame,
    level: str,
    permutations: int,
    seed: int,
    alpha: float,
    fdr: bool,
) -> list[str]:
    steps = counts.shape[1]
    notes = [
        t(
            "tr_note_steps",
            steps=steps,
            first=counts.columns[0].date(),
            last=counts.columns[-1].date(),
            permutations=permutations,
            seed=seed,
            p_kind=t("tr_p_fdr") if fdr else t("tr_p_raw"),
            alpha=str(alpha).replace(".", ","),
        ),
        t("tr_note_spatial_only"),
    ]
    if steps < FEW_STEPS:
        notes.append(t("tr_note_few_steps", steps=steps))
    p_min = smallest_p(permutations, "two-sided")
    # the FDR correction of a date runs over the units tested on it (islands
    # and units without data on that date are not): the largest such count
    n_tested = int(p.notna().sum(axis=0).max()) if p.shape[1] else 0
    if fdr and p_min * n_tested > alpha:
        notes.append(
            t(
                "tr_note_resolution_fdr",
                permutations=fmt_int(permutations),
                p_min=fmt_num(p_min, 3),
                n=fmt_int(n_tested),
                level=t(f"hs_level_{level}"),
            )
        )
    missing = counts.isna().any(axis=1).to_numpy()
    if missing.any():
        notes.append(
            t(
                "tr_note_missing_steps",
                n=int(missing.sum()),
                level=t(f"hs_level_{level}"),
                names=unit_names(units, missing),
            )
        )
    return notes
