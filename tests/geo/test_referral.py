from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest

from geo.errors import GeoInputError
from geo.projection import project_beds
from geo.referral import (
    ReferralResult,
    ReferralTimeline,
    refer_over_days,
    refer_patients,
    refer_projection,
)
from geo.siting import straight_line_cost
from tests.geo.allocation_data import DATA_DIR, magelang_cases

SEED = 1941  # Hitchcock's transportation problem


def _line_cost():
    # kelurahan at 0 m and 10,000 m; hospitals at 1,000 m and 8,000 m
    return straight_line_cost(
        np.array([[0.0, 0.0], [10_000.0, 0.0]]),
        np.array([[1_000.0, 0.0], [8_000.0, 0.0]]),
        circuity=1.0,
    )


def test_nearest_hospital_first_then_overflow():
    result = refer_patients(
        _line_cost(),
        np.array([50, 30]),
        np.array([40, 100]),
        demand_ids=["K1", "K2"],
        hospital_ids=["RS A", "RS B"],
    )

    flows = result.flows.set_index(["kode", "hospital"])["patients"].to_dict()
    # K1 fills RS A (1 km), its 10 extra go to RS B (8 km); K2 goes to RS B
    assert flows == {("K1", "RS A"): 40, ("K1", "RS B"): 10, ("K2", "RS B"): 30}
    assert result.kpi["unplaced"] == 0
    assert result.hospitals["is_full"].tolist() == [True, False]


def test_shortage_is_explained_with_both_numbers():
    result = refer_patients(
        _line_cost(),
        np.array([100, 64]),
        np.array([70, 50]),
        hospital_ids=["RS A", "RS B"],
    )

    assert result.kpi == {
        **result.kpi,
        "demand": 164,
        "placed": 120,
        "unplaced": 44,
        "capacity": 120,
    }
    assert any(
        "Kapasitas 120 tempat tidur < kebutuhan 164: 44 pasien" in note
        for note in result.notes
    )


@pytest.mark.parametrize("trial", range(15))
def test_random_referrals_conserve_patients_within_capacity(trial):
    rng = np.random.default_rng(SEED + trial)
    n_kelurahan, n_hospital = int(rng.integers(1, 40)), int(rng.integers(1, 8))
    cost = straight_line_cost(
        rng.uniform(0, 20_000, (n_kelurahan, 2)),
        rng.uniform(0, 20_000, (n_hospital, 2)),
    )
    patients = rng.integers(0, 30, n_kelurahan)
    capacity = rng.integers(0, 80, n_hospital)

    result = refer_patients(cost, patients, capacity, max_travel=18_000)

    kelurahan = result.kelurahan
    assert (kelurahan["placed"] + kelurahan["unplaced"]).tolist() == patients.tolist()
    assert (result.hospitals["placed"] <= capacity).all()
    assert (result.flows["travel"] <= 18_000).all()
    assert result.kpi["placed"] + result.kpi["unplaced"] == patients.sum()
    assert result.flows["patients"].dtype == np.int64


def test_travel_limit_leaves_far_patients_unplaced():
    result = refer_patients(
        _line_cost(), np.array([5, 5]), np.array([100, 0]), max_travel=5_000
    )

    # K2 is 9 km from the only hospital with beds
    assert result.kelurahan["unplaced"].tolist() == [0, 5]
    assert any("batas tempuh 5.000 m" in note for note in result.notes)


@pytest.mark.parametrize(
    ("patients", "capacity", "match"),
    [
        (np.array([1.5, 2]), np.array([5, 5]), "pasien harus bilangan bulat"),
        (np.array([1, -2]), np.array([5, 5]), "pasien harus bilangan bulat"),
        (np.array([1, 2]), np.array([5, np.nan]), "tempat tidur harus bilangan"),
        (np.array([1, 2, 3]), np.array([5, 5]), "tidak sama dengan jumlah baris"),
    ],
    ids=["fraction", "negative", "nan-capacity", "length"],
)
def test_rejects_bad_counts(patients, capacity, match):
    with pytest.raises(GeoInputError, match=match):
        refer_patients(_line_cost(), patients, capacity)


def test_round_trip_through_json():
    result = refer_patients(_line_cost(), np.array([50, 30]), np.array([40, 100]))

    back = ReferralResult.from_dict(json.loads(json.dumps(result.scenario_dict())))

    pd.testing.assert_frame_equal(back.flows, result.flows)
    pd.testing.assert_frame_equal(back.hospitals, result.hospitals)
    assert back.kpi == result.kpi


def test_timeline_shows_when_and_where_beds_run_out():
    dates = pd.date_range("2020-10-07", periods=3, freq="D")
    beds = pd.DataFrame(
        {dates[0]: [20, 10], dates[1]: [45, 20], dates[2]: [80, 60]},
        index=["K1", "K2"],
    )

    timeline = refer_over_days(
        beds, _line_cost(), np.array([40, 60]), hospital_ids=["RS A", "RS B"]
    )

    assert timeline.daily["unplaced"].tolist() == [0, 0, 40]
    assert timeline.first_shortage == "2020-10-09"
    first_full = timeline.hospitals.set_index("hospital")["first_full"]
    assert first_full["RS A"] == pd.Timestamp("2020-10-08")
    assert first_full["RS B"] == pd.Timestamp("2020-10-09")
    assert "habis mulai 9 Oktober 2020: 40 pasien" in timeline.notes[0]
    back = ReferralTimeline.from_dict(json.loads(json.dumps(timeline.scenario_dict())))
    pd.testing.assert_frame_equal(back.daily, timeline.daily)
    pd.testing.assert_frame_equal(back.hospitals, timeline.hospitals)


def test_refer_projection_on_magelang():
    kelurahan = gpd.read_file(DATA_DIR / "magelang" / "kelurahan.geojson")
    projection = project_beds(magelang_cases(), days=7, doubling_days=5)
    hospitals = pd.DataFrame(
        {
            "id": ["RSUD Tidar", "RSI Kota Magelang"],
            "lat": [-7.485396, -7.452961],
            "lon": [110.218277, 110.22142],
            "kapasitas": [6, 4],
        }
    )

    timeline = refer_projection(
        projection, kelurahan, hospitals, metric_crs="EPSG:32749"
    )

    daily = timeline.daily
    assert len(daily) == 8
    assert (daily["placed"] + daily["unplaced"] == daily["demand"]).all()
    assert (daily["placed"] <= 10).all()
    # 13 patients in hospital on day 0 against 10 beds
    assert timeline.first_shortage == "2020-10-06"
