from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from geo.errors import GeoInputError
from geo.projection import (
    BedProjection,
    epidemic_curve,
    fit_growth,
    growth_rate_from_doubling,
    kelurahan_beds,
    project_beds,
)
from tests.geo.allocation_data import magelang_cases


def _cases(active_by_day: list[float], kode: str = "33.71.01.1001") -> pd.DataFrame:
    """Tidy case table with one kelurahan whose active cases follow the list."""
    dates = pd.date_range("2020-09-01", periods=len(active_by_day), freq="D")
    active = np.round(active_by_day).astype(int)
    return pd.DataFrame(
        {
            "kode": pd.array([kode] * len(dates), dtype="string"),
            "keterangan": pd.array([pd.NA] * len(dates), dtype="string"),
            "tanggal": dates,
            "positif": pd.array(np.cumsum(active) + 10, dtype="Int64"),
            "dirawat": pd.array(active // 4, dtype="Int64"),
            "isolasi": pd.array(active - active // 4, dtype="Int64"),
            "sembuh": pd.array([5] * len(dates), dtype="Int64"),
            "meninggal": pd.array([1] * len(dates), dtype="Int64"),
        }
    )


def test_growth_rate_from_doubling_by_hand():
    # 2 ** (1/7) - 1 = 0.10409 (CHIME's intrinsic growth rate for 7 days)
    assert growth_rate_from_doubling(7) == pytest.approx(0.104090, abs=1e-6)


@pytest.mark.parametrize("doubling_days", [3.0, 7.0, 12.5])
@pytest.mark.parametrize("model", ["sir", "seir"])
def test_early_growth_doubles_in_the_doubling_time(doubling_days, model):
    curve = epidemic_curve(
        infected=100,
        removed=0,
        population=1e12,
        growth_per_day=growth_rate_from_doubling(doubling_days),
        days=40,
        model=model,
    )

    infected = curve["infected"].to_numpy()
    ratio = infected[1:] / infected[:-1]
    # at most ~1e7 of 1e12 people infected in 40 days, so S / N stays above
    # 1 - 1e-5 and the daily ratio differs from 2 ** (1 / T_d) by < 1e-5
    assert ratio == pytest.approx(np.full(40, 2 ** (1 / doubling_days)), rel=2e-5)


def test_without_population_growth_is_exactly_exponential():
    curve = epidemic_curve(
        infected=50,
        removed=0,
        population=None,
        growth_per_day=growth_rate_from_doubling(5),
        days=10,
    )

    # no depletion: exactly two doublings in ten days, up to float rounding
    assert curve["infected"].iloc[10] == pytest.approx(200.0, rel=1e-12)
    assert curve["susceptible"].isna().all()


def test_finite_population_bends_the_curve():
    curve = epidemic_curve(
        infected=1_000,
        removed=0,
        population=20_000,
        growth_per_day=growth_rate_from_doubling(3),
        days=120,
    )

    assert curve["infected"].idxmax() < 120
    total = curve[["susceptible", "infected", "removed"]].sum(axis=1)
    # S + I + R is conserved; float sums of numbers up to 2e4
    assert total.to_numpy() == pytest.approx(np.full(121, 20_000.0), rel=1e-9)


def test_fit_recovers_the_doubling_time():
    active = [20 * 2 ** (day / 5) for day in range(14)]

    fit = fit_growth(_cases(active), window_days=14)

    # counts are rounded to whole cases, which moves the slope slightly
    assert fit.doubling_days == pytest.approx(5.0, rel=0.01)
    assert fit.r_squared > 0.999
    assert fit.points == 14


def test_fit_needs_three_dates():
    with pytest.raises(GeoInputError, match="Hanya 2 tanggal"):
        fit_growth(_cases([10, 12]))


def test_bed_census_by_hand():
    # constant 40 active cases, no growth: new cases = γ I = 40 / 10 = 4 a day;
    # ward admissions 0.25 × 4 = 1 a day for a 3-day stay → census 3 from day 3
    cases = _cases([40] * 10)

    projection = project_beds(
        cases,
        days=6,
        doubling_days=None,
        infectious_days=10,
        hospitalised_share=0.25,
        icu_share=0.0,
        los_ward_days=3,
    )

    daily = projection.daily
    assert projection.growth.rate_per_day == pytest.approx(0.0, abs=1e-12)
    admissions = daily["admissions_ward"].to_numpy()
    assert admissions[1:] == pytest.approx(np.ones(6), abs=1e-9)
    # day 3 on: three admissions in the window, the 10 patients of day 0 gone
    assert daily["census_ward"].iloc[3:].to_numpy() == pytest.approx(
        np.full(4, 3.0), abs=1e-9
    )
    assert daily["census_ward"].iloc[0] == pytest.approx(10.0, abs=1e-9)


def test_project_magelang_and_round_trip():
    projection = project_beds(magelang_cases(), days=14, doubling_days=10)

    assert len(projection.daily) == 15
    assert projection.parameters["T_d_doubling_days"] == pytest.approx(10.0, abs=0)
    assert projection.kelurahan["share"].sum() == pytest.approx(1.0, abs=1e-12)
    assert any("Tanpa data penduduk" in note for note in projection.notes)

    data = json.loads(json.dumps(projection.scenario_dict()))
    back = BedProjection.from_dict(data)
    pd.testing.assert_frame_equal(back.daily, projection.daily)
    pd.testing.assert_frame_equal(back.kelurahan, projection.kelurahan)
    assert back.growth == projection.growth


def test_kelurahan_beds_sum_to_the_rounded_census():
    projection = project_beds(magelang_cases(), days=14, doubling_days=6)

    beds = kelurahan_beds(projection)

    expected = projection.daily["census_ward"].round().astype(int).to_numpy()
    assert beds.sum(axis=0).to_numpy().tolist() == expected.tolist()
    assert len(beds) == 17


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"hospitalised_share": 1.5}, "antara 0 dan 1"),
        ({"los_ward_days": 0}, "Lama rawat"),
        ({"doubling_days": -3}, "lebih dari 0 hari"),
        ({"days": 0}, "1 sampai 365"),
        ({"model": "abc"}, "tidak dikenal"),
    ],
    ids=["share", "los", "doubling", "days", "model"],
)
def test_rejects_bad_parameters(kwargs, match):
    with pytest.raises(GeoInputError, match=match):
        project_beds(_cases([10, 12, 15, 18]), **kwargs)


def test_missing_column_is_named():
    with pytest.raises(GeoInputError, match="Kolom dirawat"):
        project_beds(_cases([10, 12, 15]).drop(columns="dirawat"))


def test_population_smaller_than_cases_is_refused():
    with pytest.raises(GeoInputError, match="Penduduk 10 tidak lebih besar"):
        project_beds(_cases([10, 12, 15, 18]), population=10, doubling_days=5)


def test_active_cases_shrinking_gives_no_doubling():
    fit = fit_growth(_cases([100, 90, 80, 70, 60]))

    assert fit.rate_per_day < 0
    assert fit.doubling_days is None
    assert math.isfinite(fit.r_squared)
