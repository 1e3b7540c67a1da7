"""Spread a stock over kelurahan by need, and count the days a stock lasts.

Questions: "We have 5.000 test kits: which kelurahan get how many?" and "When
does each resource run out at the current rate?"
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from geo.allocation import SCENARIO_VERSION, from_plain, to_plain
from geo.errors import GeoInputError
from geo.text import fmt_int, fmt_num, t

logger = logging.getLogger(__name__)

DEFAULT_THRESHOLD_DAYS = 7.0


@dataclass(frozen=True, eq=False)
class DistributionResult:
    """Whole units per kelurahan that sum exactly to the stock, with reasons.

    ``table`` columns: ``kode``, ``nama``, ``weight``, ``weight_share`` (0-1),
    ``held``, ``minimum``, ``maximum`` (NaN when none), ``quota`` (the unrounded
    share), ``allocated`` (int), ``total_after`` (held + allocated), ``bound``
    ("minimum", "maksimum" or ""), ``explanation`` (Bahasa Indonesia).
    """

    table: pd.DataFrame
    stock: int
    allocated_total: int
    scale: float
    parameters: dict[str, Any]
    notes: tuple[str, ...] = field(default_factory=tuple)

    def scenario_dict(self) -> dict[str, Any]:
        """Return parameters and results as plain JSON data."""
        return {"kind": "distribusi", "version": SCENARIO_VERSION, **to_plain(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DistributionResult:
        """Return the result that :meth:`scenario_dict` wrote."""
        body = {key: value for key, value in data.items() if key not in _ENVELOPE}
        return from_plain(body, [cls])


@dataclass(frozen=True, eq=False)
class StockDaysResult:
    """Days until each resource runs out at its use rate, flagged under a threshold.

    ``table`` columns: ``resource``, ``on_hand``, ``use_per_day``, ``days_left``
    (NaN when the use rate is 0), ``runs_out_on`` (date or NaT), ``is_short``.
    """

    table: pd.DataFrame
    threshold_days: float
    parameters: dict[str, Any]
    notes: tuple[str, ...] = field(default_factory=tuple)

    def scenario_dict(self) -> dict[str, Any]:
        """Return parameters and results as plain JSON data."""
        return {"kind": "stok", "version": SCENARIO_VERSION, **to_plain(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> StockDaysResult:
        """Return the result that :meth:`scenario_dict` wrote."""
        body = {key: value for key, value in data.items() if key not in _ENVELOPE}
        return from_plain(body, [cls])


_ENVELOPE = ("kind", "version")


def distribute_by_need(
    weights: pd.Series,
    stock: int,
    *,
    minimum: pd.Series | float = 0,
    maximum: pd.Series | float | None = None,
    held: pd.Series | None = None,
    names: pd.Series | None = None,
    weight_label: str = "bobot",
) -> DistributionResult:
    """Return whole units per kelurahan, proportional to need, summing to ``stock``.

    Each kelurahan's target is ``scale × weight``; what it already holds is
    subtracted; the new units are held between ``minimum`` and ``maximum``;
    ``scale`` is chosen so that the targets sum to ``stock``. The fractional
    targets are then rounded by largest remainder, within the bounds.

    Parameters
    ----------
    weights : pd.Series
        Need per kelurahan (population, active cases, ...), indexed by ``kode``;
        non-negative, no missing values.
    stock : int
        Units to hand out now (whole units, at least 0).
    minimum, maximum : pd.Series or float, optional
        Bounds on the new units per kelurahan (a number applies to all).
    held : pd.Series, optional
        Units each kelurahan already holds; subtracted from its share of
        ``stock + sum(held)``.
    names : pd.Series, optional
        ``nama`` per ``kode``, for the table and messages.
    weight_label : str
        What the weight is, in Bahasa Indonesia, for the explanation.

    Returns
    -------
    DistributionResult
        Table with ``allocated`` summing exactly to ``stock`` and an
        ``explanation`` per kelurahan.

    Raises
    ------
    GeoInputError
        If a weight is missing or negative, all weights are 0, the stock is not
        a whole number ≥ 0, a minimum exceeds its maximum, the minimums add up to
        more than the stock, or the maximums to less.

    Notes
    -----
    Largest remainder (Hamilton) apportionment, with bounds handled by
    water-filling: the scale is found exactly on the piecewise-linear sum.
    """
    frame = _check_distribution(weights, stock, minimum, maximum, held, names)

    scale = _find_scale(frame, int(stock))
    quota = _quota(frame, scale)
    allocated, bumped = _largest_remainder(frame, quota, int(stock))

    table = _distribution_table(frame, quota, allocated, bumped, scale, weight_label)
    notes = _distribution_notes(frame, table, int(stock))
    parameters = {
        "stock": int(stock),
        "weight_label": weight_label,
        "has_minimum": bool((frame["minimum"] > 0).any()),
        "has_maximum": bool(np.isfinite(frame["maximum"]).any()),
        "held_total": float(frame["held"].sum()),
    }
    logger.info("distributed %s units over %s kelurahan", stock, len(frame))
    return DistributionResult(
        table=table,
        stock=int(stock),
        allocated_total=int(table["allocated"].sum()),
        scale=float(scale),
        parameters=parameters,
        notes=notes,
    )


def _check_distribution(
    weights: pd.Series,
    stock: int,
    minimum: pd.Series | float,
    maximum: pd.Series | float | None,
    held: pd.Series | None,
    names: pd.Series | None,
) -> pd.DataFrame:
    if isinstance(stock, bool) or not _is_whole(stock) or stock < 0:
        raise GeoInputError(t("alok_err_stok", value=stock))
    if len(weights) == 0:
        raise GeoInputError(t("alok_err_bobot_kosong"))
    frame = pd.DataFrame({"weight": pd.to_numeric(weights, errors="coerce")})
    frame.index = frame.index.astype(str)
    repeated = frame.index[frame.index.duplicated()]
    if len(repeated):
        raise GeoInputError(t("alok_err_kode_ganda", value=repeated[0]))
    frame["nama"] = _aligned(names, frame.index, "").astype(str)
    frame["minimum"] = _aligned(minimum, frame.index, 0).astype(float)
    frame["maximum"] = _aligned(maximum, frame.index, math.inf).astype(float)
    frame["held"] = _aligned(held, frame.index, 0).astype(float)
    frame = frame.fillna({"maximum": math.inf, "minimum": 0.0, "held": 0.0})

    bad = frame[~(frame["weight"] >= 0)]  # NaN fails the comparison too
    if len(bad):
        raise GeoInputError(
            t(
                "alok_err_bobot_negatif",
                label=_label(bad.index[0], bad["nama"].iloc[0]),
                value=weights.loc[bad.index[0]],
                count=len(bad),
            )
        )
    if not frame["weight"].sum() > 0:
        raise GeoInputError(t("alok_err_bobot_nol", count=len(frame)))
    for column in ("minimum", "maximum", "held"):
        values = frame[column]
        wrong = frame[(values < 0) | (np.isfinite(values) & (values % 1 != 0))]
        if len(wrong):
            raise GeoInputError(
                t(
                    "alok_err_batas_bulat",
                    column=t(f"alok_kolom_{column}"),
                    label=_label(wrong.index[0], wrong["nama"].iloc[0]),
                    value=fmt_num(wrong[column].iloc[0], 2),
                )
            )
    crossed = frame[frame["minimum"] > frame["maximum"]]
    if len(crossed):
        row = crossed.iloc[0]
        raise GeoInputError(
            t(
                "alok_err_min_max",
                label=_label(crossed.index[0], row["nama"]),
                minimum=fmt_int(row["minimum"]),
                maximum=fmt_int(row["maximum"]),
            )
        )

    _check_bounds_against_stock(frame, int(stock))
    return frame


def _check_bounds_against_stock(frame: pd.DataFrame, stock: int) -> None:
    total_minimum = frame["minimum"].sum()
    if total_minimum > stock:
        raise GeoInputError(
            t("alok_err_min_total", total=fmt_int(total_minimum), stock=fmt_int(stock))
        )
    # a kelurahan of weight 0 never grows past its minimum, whatever the scale
    reachable = np.where(frame["weight"] > 0, frame["maximum"], frame["minimum"])
    total_maximum = float(np.sum(reachable))
    if total_maximum < stock:
        zero = int((frame["weight"] == 0).sum())
        raise GeoInputError(
            t(
                "alok_err_max_total",
                total=fmt_int(total_maximum),
                stock=fmt_int(stock),
                zero=fmt_int(zero),
            )
        )


def _is_whole(value: Any) -> bool:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return math.isfinite(number) and number == int(number)


def _aligned(value: Any, index: pd.Index, default: Any) -> pd.Series:
    if value is None:
        return pd.Series(default, index=index)
    if isinstance(value, pd.Series):
        aligned = value.copy()
        aligned.index = aligned.index.astype(str)
        return aligned.reindex(index).fillna(default)
    return pd.Series(value, index=index)


def _label(kode: str, nama: str) -> str:
    return f"{nama} ({kode})" if nama else str(kode)


def _quota(frame: pd.DataFrame, scale: float) -> np.ndarray:
    raw = scale * frame["weight"].to_numpy() - frame["held"].to_numpy()
    return np.clip(raw, frame["minimum"].to_numpy(), frame["maximum"].to_numpy())


def _find_scale(frame: pd.DataFrame, stock: int) -> float:
    """Exact scale where the clipped targets sum to ``stock`` (piecewise linear)."""
    weight = frame["weight"].to_numpy()
    positive = weight > 0
    low = (frame["minimum"].to_numpy() + frame["held"].to_numpy())[positive]
    high = (frame["maximum"].to_numpy() + frame["held"].to_numpy())[positive]
    breaks = np.concatenate([low, high[np.isfinite(high)]]) / np.concatenate(
        [weight[positive], weight[positive][np.isfinite(high)]]
    )
    breaks = np.unique(np.concatenate([[0.0], breaks]))

    totals = np.array([_quota(frame, scale).sum() for scale in breaks])
    if totals[0] >= stock:
        return 0.0
    above = np.nonzero(totals >= stock)[0]
    if len(above) == 0:
        # past the last break only kelurahan without a maximum still grow
        slope = weight[positive & ~np.isfinite(frame["maximum"].to_numpy())].sum()
        return float(breaks[-1] + (stock - totals[-1]) / slope)
    upper = above[0]
    start, end = breaks[upper - 1], breaks[upper]
    fraction = (stock - totals[upper - 1]) / (totals[upper] - totals[upper - 1])
    return float(start + fraction * (end - start))


def _largest_remainder(
    frame: pd.DataFrame, quota: np.ndarray, stock: int
) -> tuple[np.ndarray, np.ndarray]:
    # the tolerance absorbs float error so that 2.9999999999 counts as 3
    floors = np.floor(quota + 1e-9)
    floors = np.clip(floors, frame["minimum"].to_numpy(), frame["maximum"].to_numpy())
    remaining = stock - int(floors.sum())
    order = np.lexsort(
        (
            np.arange(len(quota)),
            -frame["weight"].to_numpy(),
            -(quota - floors),
        )
    )
    can_grow = floors[order] < frame["maximum"].to_numpy()[order]
    chosen = order[can_grow][: max(remaining, 0)]
    if remaining < 0 or len(chosen) < remaining:
        raise RuntimeError(f"largest remainder left {remaining} units unplaced")
    bumped = np.zeros(len(quota), dtype=bool)
    bumped[chosen] = True
    return (floors + bumped).astype(np.int64), bumped


def _distribution_table(
    frame: pd.DataFrame,
    quota: np.ndarray,
    allocated: np.ndarray,
    bumped: np.ndarray,
    scale: float,
    weight_label: str,
) -> pd.DataFrame:
    table = pd.DataFrame(
        {
            "kode": frame.index.astype(str),
            "nama": frame["nama"].to_numpy(),
            "weight": frame["weight"].to_numpy(dtype=float),
            "weight_share": (frame["weight"] / frame["weight"].sum()).to_numpy(),
            "held": frame["held"].to_numpy(dtype=float),
            "minimum": frame["minimum"].to_numpy(dtype=float),
            "maximum": frame["maximum"].replace(math.inf, np.nan).to_numpy(),
            "quota": quota,
            "allocated": allocated,
        }
    )
    table["total_after"] = table["held"] + table["allocated"]
    raw = scale * table["weight"] - table["held"]
    table["bound"] = np.select(
        [
            (raw < table["minimum"] - 1e-9) & (table["minimum"] > 0),
            raw > table["maximum"].fillna(math.inf) + 1e-9,
        ],
        ["minimum", "maksimum"],
        default="",
    )
    table["explanation"] = [
        _explain(row, scale, weight_label, is_bumped)
        for row, is_bumped in zip(table.itertuples(index=False), bumped, strict=True)
    ]
    return table


def _explain(row: Any, scale: float, weight_label: str, is_bumped: bool) -> str:
    parts = [
        t(
            "alok_jelas_bagian",
            label=weight_label,
            weight=fmt_num(row.weight, 1),
            share=fmt_num(100 * row.weight_share, 1),
            target=fmt_num(scale * row.weight, 1),
        )
    ]
    if row.held > 0:
        parts.append(t("alok_jelas_dimiliki", held=fmt_int(row.held)))
    if row.bound == "minimum":
        parts.append(t("alok_jelas_min", value=fmt_int(row.minimum)))
    elif row.bound == "maksimum":
        parts.append(t("alok_jelas_max", value=fmt_int(row.maximum)))
    elif row.held > 0 and scale * row.weight < row.held:
        parts.append(t("alok_jelas_cukup"))
    rounding = "alok_jelas_bulat_naik" if is_bumped else "alok_jelas_bulat"
    parts.append(t(rounding, quota=fmt_num(row.quota, 2), value=fmt_int(row.allocated)))
    return "; ".join(parts) + "."


def _distribution_notes(
    frame: pd.DataFrame, table: pd.DataFrame, stock: int
) -> tuple[str, ...]:
    notes = [t("alok_note_hamilton", stock=fmt_int(stock))]
    if (table["bound"] != "").any():
        notes.append(t("alok_note_batas", count=int((table["bound"] != "").sum())))
    if frame["held"].sum() > 0:
        notes.append(t("alok_note_dimiliki", held=fmt_int(frame["held"].sum())))
    zero = int((frame["weight"] == 0).sum())
    if zero:
        notes.append(t("alok_note_bobot_nol", count=zero))
    return tuple(notes)


def days_of_stock(
    stock: pd.DataFrame,
    *,
    threshold_days: float = DEFAULT_THRESHOLD_DAYS,
    as_of: pd.Timestamp | str | None = None,
) -> StockDaysResult:
    """Return days until each resource runs out at its use rate, flagged if short.

    Parameters
    ----------
    stock : pd.DataFrame
        One row per resource: ``resource`` (name), ``on_hand`` (units),
        ``use_per_day`` (units per day, 0 for none).
    threshold_days : float
        Flag resources that last fewer days than this.
    as_of : date-like, optional
        Date of the stock count; gives ``runs_out_on``.

    Returns
    -------
    StockDaysResult
        ``days_left = on_hand / use_per_day`` (NaN when nothing is used),
        ``is_short`` when ``days_left < threshold_days``.

    Raises
    ------
    GeoInputError
        If a column is missing, a number is missing or negative, or the
        threshold is not positive.
    """
    _check_stock_frame(stock, threshold_days)

    table = stock[["resource", "on_hand", "use_per_day"]].copy()
    table["resource"] = table["resource"].astype(str)
    table["on_hand"] = table["on_hand"].astype(float)
    table["use_per_day"] = table["use_per_day"].astype(float)
    use = table["use_per_day"].where(table["use_per_day"] > 0)
    table["days_left"] = table["on_hand"] / use
    start = pd.Timestamp(as_of) if as_of is not None else pd.NaT
    offset = pd.to_timedelta(np.floor(table["days_left"]), unit="D")
    table["runs_out_on"] = (start + offset) if as_of is not None else pd.NaT
    table["runs_out_on"] = pd.to_datetime(table["runs_out_on"])
    table["is_short"] = (table["days_left"] < threshold_days).fillna(False).astype(bool)
    table = table.reset_index(drop=True)

    notes = [t("alok_note_stok", days=fmt_num(threshold_days, 0))]
    unused = table.loc[table["days_left"].isna(), "resource"].tolist()
    if unused:
        notes.append(t("alok_note_stok_tanpa_pakai", names=", ".join(unused)))
    return StockDaysResult(
        table=table,
        threshold_days=float(threshold_days),
        parameters={
            "threshold_days": float(threshold_days),
            "as_of": None if as_of is None else str(pd.Timestamp(as_of).date()),
        },
        notes=tuple(notes),
    )


def _check_stock_frame(stock: pd.DataFrame, threshold_days: float) -> None:
    if not threshold_days > 0:  # written this way so that NaN is rejected too
        raise GeoInputError(t("alok_err_ambang", value=threshold_days))
    missing = [c for c in ("resource", "on_hand", "use_per_day") if c not in stock]
    if missing:
        raise GeoInputError(
            t("alok_err_kolom", columns=", ".join(missing), what=t("alok_stok"))
        )
    for column in ("on_hand", "use_per_day"):
        values = pd.to_numeric(stock[column], errors="coerce")
        bad = stock[~(values >= 0)]
        if len(bad):
            raise GeoInputError(
                t(
                    "alok_err_stok_angka",
                    resource=bad["resource"].iloc[0],
                    column=column,
                    value=bad[column].iloc[0],
                )
            )
