from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from geo.distribution import DistributionResult, days_of_stock, distribute_by_need
from geo.errors import GeoInputError

SEED = 20201006


def _weights(values: list[float]) -> pd.Series:
    return pd.Series(values, index=[f"33.71.01.100{i}" for i in range(len(values))])


def test_largest_remainder_by_hand():
    # quotas 10 × (5, 3, 2) / 10 × 7 / 10 ... worked on paper: 3.5, 2.1, 1.4
    result = distribute_by_need(_weights([5, 3, 2]), 7)

    assert result.table["allocated"].tolist() == [4, 2, 1]
    assert result.table["quota"].tolist() == [
        pytest.approx(3.5, abs=1e-9),  # float arithmetic on small exact ratios
        pytest.approx(2.1, abs=1e-9),
        pytest.approx(1.4, abs=1e-9),
    ]
    assert result.allocated_total == 7


def test_ties_broken_by_weight_then_order():
    result = distribute_by_need(_weights([1, 1, 1]), 10)

    assert result.table["allocated"].tolist() == [4, 3, 3]


@pytest.mark.parametrize("trial", range(40))
def test_random_instances_sum_exactly_and_respect_bounds(trial):
    rng = np.random.default_rng(SEED + trial)
    count = int(rng.integers(1, 60))
    weights = _weights(rng.gamma(0.8, 100.0, count).round(1).tolist())
    weights.iloc[rng.random(count) < 0.1] = 0.0
    if weights.sum() == 0:
        weights.iloc[0] = 1.0
    minimum = pd.Series(rng.integers(0, 3, count), index=weights.index)
    maximum = minimum + pd.Series(rng.integers(0, 400, count), index=weights.index)
    held = pd.Series(rng.integers(0, 20, count), index=weights.index)
    reachable = np.where(weights > 0, maximum, minimum).sum()
    stock = int(rng.integers(minimum.sum(), reachable + 1))

    result = distribute_by_need(
        weights, stock, minimum=minimum, maximum=maximum, held=held
    )

    table = result.table.set_index("kode")
    assert int(table["allocated"].sum()) == stock
    assert (table["allocated"] >= minimum).all()
    assert (table["allocated"] <= maximum).all()
    # rounding never moves a kelurahan by a whole unit or more from its quota
    assert (np.abs(table["allocated"] - table["quota"]) < 1.0).all()


def test_held_stock_is_subtracted():
    # total 100 + 20 held = 120 split 1:1 → 60 each; A holds 20 so gets 40
    weights = _weights([1, 1])
    held = pd.Series({weights.index[0]: 20})

    result = distribute_by_need(weights, 100, held=held)

    assert result.table["allocated"].tolist() == [40, 60]
    assert result.table["total_after"].tolist() == [60, 60]
    assert "dikurangi stok yang sudah dimiliki 20" in result.table["explanation"][0]


def test_maximum_sends_the_rest_to_others():
    weights = _weights([8, 1, 1])

    result = distribute_by_need(weights, 10, maximum=pd.Series({weights.index[0]: 4}))

    assert result.table["allocated"].tolist() == [4, 3, 3]
    assert result.table["bound"].tolist() == ["maksimum", "", ""]
    assert "dibatasi maksimum 4" in result.table["explanation"][0]
    assert any("batas minimum/maksimum" in note for note in result.notes)


def test_every_share_is_explained():
    result = distribute_by_need(_weights([5, 3, 2]), 7, weight_label="Kasus aktif")

    for text in result.table["explanation"]:
        assert text.startswith("Kasus aktif ")
        assert "dibulatkan" in text


def test_minimums_above_stock_give_both_numbers():
    with pytest.raises(
        GeoInputError, match=r"minimum semua kelurahan 1\.700 > stok 1\.500"
    ):
        distribute_by_need(_weights([1] * 17), 1500, minimum=100)


def test_maximums_below_stock_give_both_numbers():
    with pytest.raises(
        GeoInputError, match=r"maksimum yang bisa diterima 1\.200 < stok"
    ):
        distribute_by_need(_weights([1, 1, 1]), 1500, maximum=400)


def test_zero_weight_kelurahan_cannot_absorb_the_rest():
    with pytest.raises(GeoInputError, match="1 kelurahan berbobot 0"):
        distribute_by_need(_weights([1, 0]), 10, maximum=5)


@pytest.mark.parametrize(
    ("values", "match"),
    [
        ([1.0, -2.0], "kosong atau negatif"),
        ([1.0, math.nan], "kosong atau negatif"),
        ([0.0, 0.0], "bernilai 0"),
    ],
    ids=["negative", "nan", "all-zero"],
)
def test_rejects_bad_weights(values, match):
    with pytest.raises(GeoInputError, match=match):
        distribute_by_need(_weights(values), 10)


@pytest.mark.parametrize("stock", [-1, 2.5, float("nan")], ids=["neg", "frac", "nan"])
def test_rejects_bad_stock(stock):
    with pytest.raises(GeoInputError, match="bilangan bulat 0 atau lebih"):
        distribute_by_need(_weights([1, 1]), stock)


def test_repeated_kode_is_refused():
    weights = pd.Series([1.0, 2.0], index=["33.71.01.1001", "33.71.01.1001"])

    with pytest.raises(GeoInputError, match=r"33\.71\.01\.1001 muncul lebih dari"):
        distribute_by_need(weights, 5)


def test_minimum_above_maximum_names_the_kelurahan():
    weights = _weights([1, 1])
    names = pd.Series({weights.index[0]: "Kemirirejo"})

    with pytest.raises(GeoInputError, match=r"Kemirirejo \(33\.71\.01\.1000\) \(5\)"):
        distribute_by_need(weights, 10, minimum=5, maximum=3, names=names)


def test_scenario_round_trip_through_json():
    result = distribute_by_need(
        _weights([5, 3, 2]), 7, maximum=5, names=_weights([1, 1, 1]).astype(str)
    )

    data = json.loads(json.dumps(result.scenario_dict()))
    back = DistributionResult.from_dict(data)

    assert data["kind"] == "distribusi"
    pd.testing.assert_frame_equal(back.table, result.table)
    assert back.notes == result.notes
    assert back.parameters == result.parameters


def test_days_of_stock_flags_short_supply():
    stock = pd.DataFrame(
        {
            "resource": ["Kit tes", "Masker", "Oksigen"],
            "on_hand": [100, 50, 30],
            "use_per_day": [20, 0, 2],
        }
    )

    result = days_of_stock(stock, threshold_days=7, as_of="2020-10-06")

    table = result.table
    assert table["days_left"][0] == pytest.approx(5.0, abs=1e-12)  # 100 / 20
    assert math.isnan(table["days_left"][1])
    assert table["is_short"].tolist() == [True, False, False]
    assert table["runs_out_on"][0] == pd.Timestamp("2020-10-11")
    assert any("Masker" in note for note in result.notes)


def test_days_of_stock_rejects_negative_use():
    stock = pd.DataFrame({"resource": ["Kit"], "on_hand": [10], "use_per_day": [-1]})

    with pytest.raises(GeoInputError, match="'Kit' kosong atau negatif"):
        days_of_stock(stock)
