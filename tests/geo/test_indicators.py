from __future__ import annotations

import pandas as pd
import pytest

from geo import indicators
from geo.errors import GeoInputError
from tests.conftest import case_rows

DATES = ["2020-09-23", "2020-09-30", "2020-10-06"]


@pytest.fixture
def small_cases():
    return case_rows(
        [
            ("A", DATES[0], 2, 0),
            ("B", DATES[0], 10, 1),
            ("D", DATES[0], 0, 0),
            ("A", DATES[1], 5, 0),
            ("B", DATES[1], 40, 2),
            ("C", DATES[1], pd.NA, pd.NA),
            ("D", DATES[1], 0, 0),
            ("A", DATES[2], 6, 1),
            ("B", DATES[2], 38, 2),
            ("D", DATES[2], 0, 0),
        ]
    )


def test_missing_kelurahan_is_nan_never_zero(five_kelurahan, small_cases):
    result = indicators.situation(five_kelurahan, small_cases, DATES[1])
    values = result.table.set_index("kode")["value"]
    assert values["B"] == 40
    assert values["D"] == 0
    assert pd.isna(values["C"])
    assert pd.isna(values["E"])
    assert result.table.set_index("kode")["has_data"].to_dict() == {
        "A": True, "B": True, "C": False, "D": True, "E": False,
    }  # fmt: skip
    assert any("2 kelurahan tidak punya data" in note for note in result.notes)


def test_new_cases_since_previous_date_and_totals(five_kelurahan, small_cases):
    result = indicators.situation(five_kelurahan, small_cases, DATES[2], "baru")
    values = result.table.set_index("kode")["value"]
    assert values["A"] == 1
    assert values["B"] == -2
    assert result.previous_date == pd.Timestamp(DATES[1])
    assert result.totals["positif"] == 44
    assert result.previous_totals["positif"] == 45
    assert any("kumulatif turun" in note for note in result.notes)


def test_window_uses_real_dates_and_says_so(five_kelurahan, small_cases):
    dates = indicators.data_dates(small_cases)
    assert indicators.window_start(dates, pd.Timestamp(DATES[2]), 7) is None
    assert indicators.window_start(dates, pd.Timestamp(DATES[1]), 7) == pd.Timestamp(
        DATES[0]
    )
    keys = indicators.available_indicators(dates, pd.Timestamp(DATES[1]), False)
    assert "baru_7" in keys
    assert "insidens" not in keys
    result = indicators.situation(five_kelurahan, small_cases, DATES[1], "baru_7")
    assert result.table.set_index("kode")["value"]["B"] == 30
    assert result.period == (pd.Timestamp(DATES[0]), pd.Timestamp(DATES[1]))


def test_cfr_and_incidence(five_kelurahan, small_cases):
    population = pd.Series({"A": 1000.0, "B": 20000.0, "D": 500.0})
    result = indicators.situation(
        five_kelurahan, small_cases, DATES[2], "insidens", population=population
    )
    values = result.table.set_index("kode")["value"]
    assert values["B"] == pytest.approx(19.0, rel=1e-12)  # 38 / 20000 * 10000
    cfr = indicators.situation(five_kelurahan, small_cases, DATES[2], "cfr")
    cfr_values = cfr.table.set_index("kode")["value"]
    assert cfr_values["A"] == pytest.approx(100 / 6, rel=1e-12)
    assert pd.isna(cfr_values["D"])  # no confirmed case: CFR undefined


def test_unknown_date_and_indicator_are_explained(five_kelurahan, small_cases):
    with pytest.raises(GeoInputError, match="Tidak ada data untuk tanggal 2021-01-01"):
        indicators.situation(five_kelurahan, small_cases, "2021-01-01")
    with pytest.raises(GeoInputError, match="Indikator 'insidens' tidak tersedia"):
        indicators.situation(five_kelurahan, small_cases, DATES[2], "insidens")


def test_jakarta_totals_agree_with_table_and_source(jakarta):
    result = indicators.situation(
        jakarta.kelurahan,
        jakarta.cases,
        pd.Timestamp("2021-07-31"),
        "insidens",
        population=jakarta.population,
    )
    assert len(result.table) == 267
    assert result.totals["positif"] == result.table["positif"].sum() == 686684
    assert result.unassigned_totals["positif"] == 79988 + 47981
    assert result.table["value"].notna().all()


def test_region_series_sums_kelurahan_only(jakarta):
    series = indicators.region_series(jakarta.cases)
    assert len(series) == 17
    assert series["positif"].iloc[-1] == 686684
    assert series["positif_tanpa_kelurahan"].iloc[-1] == 127969
    one = indicators.region_series(jakarta.cases, "31.01.01.1001")
    assert one["positif"].iloc[-1] == 355


def test_cfr_from_few_cases_is_flagged(five_kelurahan, small_cases):
    result = indicators.situation(five_kelurahan, small_cases, DATES[2], "cfr")
    # A has 6 cases (1 death): CFR 16,7 % from fewer than 20 cases
    assert any("1 kelurahan punya kurang dari 20 kasus" in n for n in result.notes)


def test_unknown_date_lists_the_dates_there_are(five_kelurahan, small_cases):
    with pytest.raises(GeoInputError, match="23 September 2020, 30 September 2020"):
        indicators.situation(five_kelurahan, small_cases, "2020-09-26")


def test_a_date_reported_for_fewer_kelurahan_is_no_fall(five_kelurahan):
    # 7 Oct is reported for A only: the region total drops from 45 to 7, but
    # nothing fell; the change is over A, the one kelurahan of both dates.
    cases = case_rows(
        [
            ("A", DATES[1], 5, 0),
            ("B", DATES[1], 40, 2),
            ("A", DATES[2], 7, 0),
        ]
    )

    result = indicators.situation(five_kelurahan, cases, DATES[2])

    assert result.totals["positif"] == 7
    assert result.previous_totals["positif"] == 45
    assert result.changes["positif"] == 2
    assert result.coverage_note is not None
    assert "Data 6 Oktober 2020 ada untuk 1 kelurahan" in result.coverage_note
    assert "atas 1 kelurahan yang punya data pada kedua tanggal" in (
        result.coverage_note
    )
    assert result.notes[0] == result.coverage_note


def test_same_coverage_gives_the_plain_change_and_no_note(five_kelurahan, small_cases):
    result = indicators.situation(five_kelurahan, small_cases, DATES[2])

    assert result.changes["positif"] == 44 - 45
    assert result.coverage_note is None


def test_no_rows_without_kelurahan_count_zero_not_unknown(five_kelurahan, small_cases):
    result = indicators.situation(five_kelurahan, small_cases, DATES[2])

    assert result.unassigned.empty
    assert result.unassigned_totals["positif"] == 0
