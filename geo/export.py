"""Rules every export shares: the public-release rule and date labels.

The exporters themselves live in :mod:`geo.export_image` (chart and map
images), :mod:`geo.export_table` (XLSX, CSV, GeoJSON, GeoPackage) and
:mod:`geo.briefing` (the "Laporan Situasi" PDF). This module is light (pandas
only) so that charts, tables and the briefing apply one and the same rule.
"""

from __future__ import annotations

import pandas as pd

from geo.text import fmt_int, t

SMALL_COUNT_MAX = 4  # public release: counts 1..4 become "<5"
MONTH_ABBR: tuple[str, ...] = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Mei",
    "Jun",
    "Jul",
    "Agu",
    "Sep",
    "Okt",
    "Nov",
    "Des",
)


def is_small_count(value: float | int | None) -> bool:
    """Return whether ``value`` is a count from 1 to 4 (hidden in public releases)."""
    if value is None or isinstance(value, str) or pd.isna(value):
        return False
    return 1 <= float(value) <= SMALL_COUNT_MAX


def count_label(value: float | int | None, *, public: bool = False) -> str:
    """Return a count for display ("1.234"), "<5" for 1 to 4 in a public release."""
    if value is None or pd.isna(value):
        return "–"
    if public and is_small_count(value):
        return t("eks_kecil")
    return fmt_int(value)


def date_label(value: object) -> str:
    """Return a date as Indonesians write it: "6 Okt 2020" ("–" when missing)."""
    if value is None or pd.isna(value):
        return "–"
    stamp = pd.Timestamp(value)
    return f"{stamp.day} {MONTH_ABBR[stamp.month - 1]} {stamp.year}"
