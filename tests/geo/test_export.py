from __future__ import annotations

import pandas as pd
import pytest

from geo.export import count_label, date_label, is_small_count


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, False), (1, True), (4, True), (4.0, True), (5, False), (None, False)],
    ids=["zero", "one", "four", "four-float", "five", "none"],
)
def test_small_counts_are_one_to_four(value, expected):
    assert is_small_count(value) is expected


def test_count_label_hides_small_counts_only_in_public():
    assert count_label(3) == "3"
    assert count_label(3, public=True) == "<5"
    assert count_label(0, public=True) == "0"
    assert count_label(12345, public=True) == "12.345"
    assert count_label(pd.NA, public=True) == "–"


def test_date_label_uses_indonesian_month_abbreviations():
    assert date_label(pd.Timestamp("2020-10-06")) == "6 Okt 2020"
    assert date_label(pd.Timestamp("2021-08-17")) == "17 Agu 2021"
    assert date_label(pd.NaT) == "–"
