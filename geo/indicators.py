"""Indicators per kelurahan at a date, region totals, and the case series."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import pandas as pd

from geo.cases import COUNT_COLUMNS
from geo.errors import GeoInputError
from geo.text import dates_text, long_date, t

logger = logging.getLogger(__name__)

PER_POPULATION = 10_000  # insidens is per 10.000 penduduk
WINDOWS_DAYS = {"baru_7": 7, "baru_30": 30}
CFR_MIN_CASES = 20  # below this, one death moves CFR by 5 points or more
MEASURE_COLUMNS = (*COUNT_COLUMNS, "aktif", "baru")


@dataclass(frozen=True)
class Indicator:
    """How an indicator is named and shown."""

    key: str
    label: str
    decimals: int
    is_count: bool


INDICATORS: dict[str, Indicator] = {
    "positif": Indicator("positif", t("ind_positif"), 0, True),
    "aktif": Indicator("aktif", t("ind_aktif"), 0, True),
    "baru": Indicator("baru", t("ind_baru"), 0, True),
    "baru_7": Indicator("baru_7", t("ind_baru_7"), 0, True),
    "baru_30": Indicator("baru_30", t("ind_baru_30"), 0, True),
    "insidens": Indicator("insidens", t("ind_insidens"), 1, False),
    "meninggal": Indicator("meninggal", t("ind_meninggal"), 0, True),
    "cfr": Indicator("cfr", t("ind_cfr"), 1, False),
}
DEFAULT_INDICATOR = "positif"


@dataclass(frozen=True)
class Situation:
    """The situation of a region at one date.

    Attributes
    ----------
    tanggal, previous_date : pandas.Timestamp
        The date shown and the data date before it (None for the first).
    indicator : str
        Key of ``INDICATORS`` held in ``table["value"]``.
    table : pandas.DataFrame
        One row per kelurahan of the boundaries: ``kode, nama, kode_kecamatan,
        nama_kecamatan``, the counts of ``MEASURE_COLUMNS`` (``baru`` since the
        previous date), ``penduduk`` when known, ``value`` (NaN where there is
        no data) and ``has_data``.
    unassigned : pandas.DataFrame
        Rows without a kelurahan at the date (``keterangan`` and the counts).
    totals, previous_totals, unassigned_totals : dict
        Sums over kelurahan at the date and the previous date, and over rows
        without a kelurahan; keys ``MEASURE_COLUMNS``.
    changes : dict
        Change since the previous date, summed over the kelurahan that have
        data at both dates only, so that a date reported for fewer kelurahan
        does not show as a fall (keys as ``totals``; empty on the first date).
    coverage_note : str or None
        Set when the two dates do not have data for the same kelurahan: says
        how many each has and what the totals and changes cover.
    period : tuple of pandas.Timestamp or None
        The real start and end of a windowed indicator.
    notes : tuple of str
        Caveats in Bahasa Indonesia.
    """

    tanggal: pd.Timestamp
    previous_date: pd.Timestamp | None
    indicator: str
    table: pd.DataFrame
    unassigned: pd.DataFrame
    totals: dict[str, float]
    previous_totals: dict[str, float]
    unassigned_totals: dict[str, float]
    period: tuple[pd.Timestamp, pd.Timestamp] | None
    notes: tuple[str, ...]
    changes: dict[str, float]
    coverage_note: str | None = None


def data_dates(cases: pd.DataFrame) -> list[pd.Timestamp]:
    """Return the dates the case table has, oldest first."""
    return sorted(pd.to_datetime(cases["tanggal"]).unique())


def window_start(
    dates: list[pd.Timestamp], tanggal: pd.Timestamp, days: int
) -> pd.Timestamp | None:
    """Return the data date that opens a window of ``days`` ending at ``tanggal``.

    The start is the latest data date at least ``days`` before ``tanggal`` and
    at most ``max(1, days // 10)`` days more, so that a "7 days" window never
    silently spans three weeks; None when the data have no such date.
    """
    slack = max(1, days // 10)
    target = tanggal - pd.Timedelta(days=days)
    earliest = target - pd.Timedelta(days=slack)
    candidates = [date for date in dates if earliest <= date <= target]
    return max(candidates) if candidates else None


def available_indicators(
    dates: list[pd.Timestamp], tanggal: pd.Timestamp, has_population: bool
) -> list[str]:
    """Return the indicator keys that the data can give at ``tanggal``."""
    keys = ["positif", "aktif"]
    if any(date < tanggal for date in dates):
        keys.append("baru")
    keys += [
        key
        for key, days in WINDOWS_DAYS.items()
        if window_start(dates, tanggal, days) is not None
    ]
    if has_population:
        keys.append("insidens")
    return keys + ["meninggal", "cfr"]


def situation(
    kelurahan: pd.DataFrame,
    cases: pd.DataFrame,
    tanggal: pd.Timestamp,
    indicator: str = DEFAULT_INDICATOR,
    population: pd.Series | None = None,
) -> Situation:
    """Return every kelurahan's counts and indicator value at ``tanggal``.

    Parameters
    ----------
    kelurahan : pandas.DataFrame
        The region's kelurahan (``kode, nama, kode_kecamatan, nama_kecamatan``).
    cases : pandas.DataFrame
        The tidy case table (:mod:`geo.cases`), cumulative counts.
    tanggal : pandas.Timestamp
        A date present in ``cases``.
    indicator : str
        One of :func:`available_indicators` at ``tanggal``.
    population : pandas.Series, optional
        Persons per kelurahan ``kode``; needed for ``insidens``.

    Returns
    -------
    Situation
        Kelurahan without a row at the date have NaN values, never zero.

    Raises
    ------
    GeoInputError
        If the date is not in the data or the indicator is not available.
    """
    dates = data_dates(cases)
    tanggal = _check_date(dates, tanggal)
    keys = available_indicators(dates, tanggal, population is not None)
    _check_indicator(indicator, keys, tanggal)

    previous = max((date for date in dates if date < tanggal), default=None)
    table = _kelurahan_counts(kelurahan, cases, tanggal, previous)
    if population is not None:
        table["penduduk"] = table["kode"].map(population).astype("Float64")
    table["value"], period = _values(table, cases, dates, tanggal, indicator)
    table["has_data"] = table["value"].notna()
    table = table.sort_values("value", ascending=False, na_position="last")

    unassigned = _unassigned_counts(cases, tanggal, previous)
    previous_table = _kelurahan_counts(kelurahan, cases, previous, None)
    notes = _notes(table, unassigned, indicator, period, population)
    changes, coverage_note = _changes(table, previous_table, tanggal, previous)
    if coverage_note is not None:
        notes.insert(0, coverage_note)
    return Situation(
        tanggal=tanggal,
        previous_date=previous,
        indicator=indicator,
        table=table.reset_index(drop=True),
        unassigned=unassigned,
        totals=_sums(table),
        previous_totals=_sums(previous_table) if previous is not None else {},
        unassigned_totals=_unassigned_sums(unassigned),
        period=period,
        notes=tuple(notes),
        changes=changes,
        coverage_note=coverage_note,
    )


def _changes(
    table: pd.DataFrame,
    previous_table: pd.DataFrame,
    tanggal: pd.Timestamp,
    previous: pd.Timestamp | None,
) -> tuple[dict[str, float], str | None]:
    """Return the change per measure over kelurahan reported at both dates."""
    if previous is None:
        return {}, None
    now = set(table.loc[table["positif"].notna(), "kode"])
    before = set(previous_table.loc[previous_table["positif"].notna(), "kode"])
    both = now & before
    after = _sums(table[table["kode"].isin(both)])
    earlier = _sums(previous_table[previous_table["kode"].isin(both)])
    changes = {
        name: after[name] - earlier[name]
        for name in after
        if name in earlier and not (pd.isna(after[name]) or pd.isna(earlier[name]))
    }
    if now == before:
        return changes, None
    note = t(
        "kpi_cakupan_beda",
        tanggal=long_date(tanggal),
        n=len(now),
        sebelumnya=long_date(previous),
        n_sebelumnya=len(before),
        n_keduanya=len(both),
    )
    return changes, note


def region_series(
    cases: pd.DataFrame, kode: str | None = None, until: pd.Timestamp | None = None
) -> pd.DataFrame:
    """Return cumulative counts per date, summed over kelurahan or for one.

    Parameters
    ----------
    cases : pandas.DataFrame
        The tidy case table.
    kode : str, optional
        One kelurahan; by default the sum over all kelurahan (rows without a
        kelurahan are not included: they are in ``positif_tanpa_kelurahan``).
    until : pandas.Timestamp, optional
        Last date included; by default every date.

    Returns
    -------
    pandas.DataFrame
        ``tanggal``, the counts, ``aktif``, ``baru`` (since the previous data
        date), ``hari`` (days since that date) and ``positif_tanpa_kelurahan``.
    """
    if until is not None:
        cases = cases[cases["tanggal"] <= pd.Timestamp(until)]
    assigned = cases[cases["kode"].notna()]
    if kode is not None:
        assigned = assigned[assigned["kode"] == kode]
    series = assigned.groupby("tanggal")[list(COUNT_COLUMNS)].sum(min_count=1)
    unassigned = cases[cases["kode"].isna()].groupby("tanggal")["positif"].sum()
    series["aktif"] = series["dirawat"] + series["isolasi"]
    series["baru"] = series["positif"].diff()
    series["hari"] = series.index.to_series().diff().dt.days
    series["positif_tanpa_kelurahan"] = unassigned.reindex(series.index).fillna(0)
    return series.reset_index()


def _check_date(dates: list[pd.Timestamp], tanggal: pd.Timestamp) -> pd.Timestamp:
    tanggal = pd.Timestamp(tanggal).normalize()
    if tanggal not in dates:
        raise GeoInputError(
            t(
                "err_tanggal_tidak_ada",
                value=tanggal.date().isoformat(),
                available=dates_text(dates),
            )
        )
    return tanggal


def _check_indicator(indicator: str, keys: list[str], tanggal: pd.Timestamp) -> None:
    if indicator not in keys:
        raise GeoInputError(
            t(
                "err_indikator_unknown",
                value=indicator,
                wilayah="wilayah ini",
                tanggal=tanggal.date().isoformat(),
                choices=", ".join(keys),
            )
        )


def _at(cases: pd.DataFrame, tanggal: pd.Timestamp | None) -> pd.DataFrame:
    if tanggal is None:
        return cases.iloc[0:0]
    return cases[cases["tanggal"] == tanggal]


def _kelurahan_counts(
    kelurahan: pd.DataFrame,
    cases: pd.DataFrame,
    tanggal: pd.Timestamp | None,
    previous: pd.Timestamp | None,
) -> pd.DataFrame:
    columns = ["kode", "nama", "kode_kecamatan", "nama_kecamatan"]
    base = pd.DataFrame(kelurahan[columns]).reset_index(drop=True)
    now = _at(cases, tanggal).dropna(subset=["kode"]).set_index("kode")
    before = _at(cases, previous).dropna(subset=["kode"]).set_index("kode")
    for column in COUNT_COLUMNS:
        base[column] = base["kode"].map(now[column]).astype("Float64")
    base["aktif"] = base["dirawat"] + base["isolasi"]
    base["baru"] = base["positif"] - base["kode"].map(before["positif"]).astype(
        "Float64"
    )
    return base


def _unassigned_counts(
    cases: pd.DataFrame, tanggal: pd.Timestamp, previous: pd.Timestamp | None
) -> pd.DataFrame:
    now = _at(cases, tanggal)
    now = now[now["kode"].isna()].groupby("keterangan")[list(COUNT_COLUMNS)].sum()
    before = _at(cases, previous)
    before = before[before["kode"].isna()].groupby("keterangan")["positif"].sum()
    now = now.astype("Float64")
    now["aktif"] = now["dirawat"] + now["isolasi"]
    now["baru"] = now["positif"] - before.reindex(now.index).astype("Float64")
    return now.reset_index()


def _values(
    table: pd.DataFrame,
    cases: pd.DataFrame,
    dates: list[pd.Timestamp],
    tanggal: pd.Timestamp,
    indicator: str,
) -> tuple[pd.Series, tuple[pd.Timestamp, pd.Timestamp] | None]:
    if indicator in WINDOWS_DAYS:
        start = window_start(dates, tanggal, WINDOWS_DAYS[indicator])
        before = _at(cases, start).dropna(subset=["kode"]).set_index("kode")
        baseline = table["kode"].map(before["positif"]).astype("Float64")
        return table["positif"] - baseline, (start, tanggal)
    if indicator == "insidens":
        rate = table["positif"] / table["penduduk"] * PER_POPULATION
        return rate.where(table["penduduk"] > 0), None
    if indicator == "cfr":
        cfr = table["meninggal"] / table["positif"] * 100
        return cfr.where(table["positif"] > 0), None
    return table[indicator], None


def _unassigned_sums(unassigned: pd.DataFrame) -> dict[str, float]:
    # no row without a kelurahan at the date: the count is 0, not unknown
    if unassigned.empty:
        return {column: 0.0 for column in MEASURE_COLUMNS}
    return _sums(unassigned)


def _sums(table: pd.DataFrame) -> dict[str, float]:
    return {
        # min_count: a column nobody reported (aktif without dirawat) is
        # unknown, never 0
        column: _float(table[column].sum(skipna=True, min_count=1))
        for column in MEASURE_COLUMNS
        if column in table.columns
    }


def _float(value: object) -> float:
    return float("nan") if pd.isna(value) else float(value)


def _notes(
    table: pd.DataFrame,
    unassigned: pd.DataFrame,
    indicator: str,
    period: tuple[pd.Timestamp, pd.Timestamp] | None,
    population: pd.Series | None,
) -> list[str]:
    notes = []
    missing = int((~table["has_data"]).sum())
    if missing:
        notes.append(
            f"{missing} kelurahan tidak punya data untuk indikator ini pada tanggal "
            "ini dan digambar sebagai 'tidak ada data', bukan nol."
        )
    if period is not None:
        notes.append(
            f"Periode: {period[0].date().isoformat()} sampai "
            f"{period[1].date().isoformat()} ({(period[1] - period[0]).days} hari)."
        )
    decreasing = int((np.asarray(table["baru"].fillna(0)) < 0).sum())
    if decreasing and indicator.startswith("baru"):
        notes.append(
            f"{decreasing} kelurahan menunjukkan angka kumulatif turun dari tanggal "
            "sebelumnya (koreksi data di sumber); kasus barunya tampil negatif."
        )
    if len(unassigned):
        total = unassigned["positif"].sum()
        notes.append(
            f"{int(total):,}".replace(",", ".")
            + " kasus konfirmasi tanpa kelurahan (mis. "
            + ", ".join(unassigned["keterangan"].astype(str).head(3))
            + ") tidak tergambar di peta; jumlahnya ditampilkan terpisah."
        )
    if indicator == "cfr":
        notes.append("CFR tidak dihitung untuk kelurahan tanpa kasus konfirmasi.")
        few = int(table["positif"].between(1, CFR_MIN_CASES - 1).sum())
        if few:
            notes.append(t("cfr_kecil", n=few, minimum=CFR_MIN_CASES))
    if population is None:
        notes.append(
            "Data penduduk per kelurahan tidak tersedia untuk wilayah ini: yang "
            "ditampilkan jumlah kasus, bukan angka per penduduk."
        )
    return notes
