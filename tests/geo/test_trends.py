from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from geo.errors import GeoInputError
from geo.trends import (
    EMERGING_KINDS,
    emerging_classes,
    emerging_hotspots,
    emerging_summary,
    growth_trends,
    period_counts,
)


def tidy_cases(counts: dict[str, list[float]], dates: list[str]) -> pd.DataFrame:
    """Tidy cumulative case table, one row per kode and date, plus an unknown row."""
    rows = [
        {"kode": kode, "keterangan": pd.NA, "tanggal": pd.Timestamp(day),
         "positif": value}
        for kode, series in counts.items()
        for day, value in zip(dates, series, strict=True)
    ]  # fmt: skip
    rows.append(
        {"kode": pd.NA, "keterangan": "BELUM DIKETAHUI",
         "tanggal": pd.Timestamp(dates[-1]), "positif": 99}
    )  # fmt: skip
    return pd.DataFrame(rows)


def test_growth_doubling_time_by_hand():
    cases = tidy_cases(
        {"A": [10, 20, 40], "B": [0, 0, 5], "C": [8, 8, 6]},
        ["2020-10-01", "2020-10-08", "2020-10-15"],
    )

    names = pd.Series({"A": "Ana", "B": "Bela", "C": "Cika"})
    result = growth_trends(cases, "2020-10-15", 14, names=names)

    table = result.table.set_index("kode")
    # 10 -> 40 in 14 days is two doublings: 7 days each
    assert table.loc["A", "doubling_days"] == pytest.approx(7.0, abs=1e-9)
    assert table.loc["A", "growth_per_day"] == pytest.approx(
        math.log(4) / 14, abs=1e-12
    )
    assert table.loc["A", "new_cases"] == pytest.approx(30, abs=0)  # whole counts
    # from zero cases growth is undefined, not zero and not infinite
    assert np.isnan(table.loc["B", "growth_per_day"])
    assert table.loc["B", "new_cases"] == pytest.approx(5, abs=0)  # whole counts
    # a falling cumulative count is a correction: no data, never negative
    assert np.isnan(table.loc["C", "new_cases"])
    assert "BELUM DIKETAHUI" not in table.index
    assert any("tanpa kasus di awal" in note for note in result.notes)
    assert any("menurun" in note and "Cika (C)" in note for note in result.notes)


def test_empty_nullable_count_stays_missing_not_zero():
    cases = tidy_cases({"A": [1, 5], "B": [2, 3]}, ["2020-10-01", "2020-10-15"])
    cases["positif"] = cases["positif"].astype("Int64")
    cases.loc[(cases["kode"] == "B") & (cases["tanggal"] == "2020-10-15"),
              "positif"] = pd.NA  # fmt: skip

    table = growth_trends(cases, "2020-10-15", 14).table.set_index("kode")

    assert table.loc["A", "new_cases"] == pytest.approx(4, abs=0)  # whole counts
    assert np.isnan(table.loc["B", "new_cases"])
    assert np.isnan(table.loc["B", "end_count"])


def test_window_without_exact_start_date_says_which_dates_were_used():
    cases = tidy_cases({"A": [10, 20, 40]}, ["2020-09-01", "2020-09-20", "2020-10-01"])

    result = growth_trends(cases, "2020-10-01", 14)

    assert result.start == pd.Timestamp("2020-09-01")
    assert result.span_days == 30
    assert "2020-09-01 sampai 2020-10-01 (30 hari)" in result.notes[0]


@pytest.mark.parametrize(
    ("tanggal", "window", "match"),
    [
        ("2020-12-01", 14, "Tidak ada data untuk tanggal 2020-12-01"),
        ("kemarin", 14, "tidak terbaca"),
        ("2020-10-15", 0, "lebih dari 0 hari; diterima 0"),
    ],
    ids=["unknown-date", "bad-date", "zero-window"],
)
def test_growth_rejects_bad_dates_and_windows(tanggal, window, match):
    cases = tidy_cases({"A": [1, 2]}, ["2020-10-01", "2020-10-15"])
    with pytest.raises(GeoInputError, match=match):
        growth_trends(cases, tanggal, window)


def test_period_counts_drop_first_date_and_mark_falls_missing():
    cases = tidy_cases({"A": [1, 4, 3, 9]}, ["2020-01-01", "2020-02-01",
                                             "2020-03-01", "2020-04-01"])  # fmt: skip

    counts = period_counts(cases)

    assert (
        counts.columns.tolist()
        == pd.to_datetime(["2020-02-01", "2020-03-01", "2020-04-01"]).tolist()
    )
    # whole counts: exact; the fall from 4 to 3 is missing, not -1
    assert counts.loc["A"].tolist() == pytest.approx([3, np.nan, 6], nan_ok=True, abs=0)


HOT, COLD, OFF = (3.0, 0.001), (-3.0, 0.001), (0.5, 0.6)


def series(*bins: tuple[float, float]) -> tuple[list[float], list[float]]:
    return [z for z, _ in bins], [p for _, p in bins]


def hot_rising(n_steps: int, sign: float = 1.0) -> tuple[list[float], list[float]]:
    return [sign * (2.5 + step) for step in range(n_steps)], [0.001] * n_steps


EMERGING_CASES = {
    "new_hot": series(*[OFF] * 9, HOT),
    "consecutive_hot": series(*[OFF] * 7, HOT, HOT, HOT),
    "intensifying_hot": hot_rising(10),
    "persistent_hot": series(*[HOT] * 10),
    "diminishing_hot": ([12.0 - step for step in range(10)], [0.001] * 10),
    "sporadic_hot": series(OFF, HOT, OFF, OFF, HOT, OFF, HOT, OFF, OFF, HOT),
    "oscillating_hot": series(COLD, OFF, COLD, OFF, HOT, OFF, OFF, OFF, OFF, HOT),
    "historical_hot": series(*[HOT] * 9, OFF),
    "new_cold": series(*[OFF] * 9, COLD),
    "intensifying_cold": hot_rising(10, sign=-1.0),
    "persistent_cold": series(*[COLD] * 10),
    "historical_cold": series(*[COLD] * 9, OFF),
    "none": series(*[OFF] * 10),
}


def test_emerging_classes_follow_esri_definitions():
    z = np.array([case[0] for case in EMERGING_CASES.values()])
    p = np.array([case[1] for case in EMERGING_CASES.values()])

    codes, taus, trend_p = emerging_classes(z, p, alpha=0.05)

    assert dict(zip(EMERGING_CASES, codes, strict=True)) == {
        name: name for name in EMERGING_CASES
    }
    # a strictly rising series has Kendall's tau 1, a constant one none
    assert taus[2] == pytest.approx(1.0, abs=1e-12)
    assert np.isnan(taus[3])
    assert trend_p[2] < 0.05


def test_emerging_class_ignores_untested_steps():
    z = np.array([[np.nan, np.nan, 0.1, 0.2, 3.0]])
    p = np.array([[np.nan, np.nan, 0.5, 0.4, 0.01]])

    codes, _, _ = emerging_classes(z, p)

    assert codes.tolist() == ["new_hot"]


def test_jakarta_17_months_emerging_end_to_end(jakarta):
    layer = jakarta.kelurahan
    cases = jakarta.cases[jakarta.cases["kode"].notna()]

    result = emerging_hotspots(
        layer, cases, metric_crs="EPSG:32748", permutations=99, seed=3
    )

    assert result.z.shape == (267, 16)
    assert len(result.table) == 267
    kinds = {code.rsplit("_", 1)[0] for code in result.table["emerging_class"]}
    assert kinds <= {"none", "island", *EMERGING_KINDS}
    # the four Kepulauan Seribu islands are never tested, and say so
    islands = result.table["nama"].isin(
        ["Pulau Panggang", "Pulau Untung Jawa", "Pulau Tidung", "Pulau Pari"]
    )
    assert result.table.loc[islands, "emerging_class"].eq("island").all()
    assert (
        result.table.loc[islands, "emerging_label"]
        .eq("tanpa tetangga – tidak diuji")
        .all()
    )
    assert result.z.loc[result.table.loc[islands, "kode"]].isna().all().all()
    assert "16 langkah waktu (2020-04-30 sampai 2021-07-31)" in result.notes[0]
    # the per-date FDR runs over tested units: 267 less the four islands
    resolution = [note for note in result.notes if "dikoreksi FDR" in note]
    assert len(resolution) == 1
    assert "paling banyak 263 kelurahan" in resolution[0]
    assert result.summary.startswith(("Pola hotspot dari waktu ke waktu", "Tidak ada"))


def test_emerging_summary_names_each_pattern():
    table = pd.DataFrame(
        {
            "nama": ["Ana", "Bela", "Cika", "Dewi"],
            "emerging_class": ["new_hot", "new_hot", "intensifying_hot", "new_cold"],
        }
    )

    assert emerging_summary(table) == (
        "Pola hotspot dari waktu ke waktu: hotspot baru (2): Ana, Bela; "
        "hotspot menguat (1): Cika."
    )


def test_kecamatan_emerging_sums_kelurahan_and_keeps_gaps_as_no_data():
    layer = gpd.GeoDataFrame(
        {
            "kode": [f"K{index}" for index in range(10)],
            "nama": [f"Kel {index}" for index in range(10)],
            "kode_kecamatan": [f"C{index // 2}" for index in range(10)],
            "nama_kecamatan": [f"Kec {index // 2}" for index in range(10)],
        },
        geometry=[box(index * 1e3, 0, (index + 1) * 1e3, 1e3) for index in range(10)],
        crs="EPSG:32749",
    )
    counts = {f"K{index}": [index, 2 * index + 1, 4 * index + 3] for index in range(9)}
    # K9 (in C4) has no row on the last date: C4 is no data there, not K8 alone
    cases = tidy_cases(counts, ["2020-10-01", "2020-10-08", "2020-10-15"])
    cases = pd.concat([cases, tidy_cases({"K9": [1, 2]}, ["2020-10-01", "2020-10-08"])])

    result = emerging_hotspots(
        layer, cases, metric_crs="EPSG:32749", level="kecamatan", permutations=99
    )

    assert result.table["kode"].tolist() == ["C0", "C1", "C2", "C3", "C4"]
    assert result.level == "kecamatan"
    assert result.z.loc[["C0", "C1", "C2", "C3"]].notna().all().all()
    assert result.z.shape == (5, 2)
    assert np.isnan(result.z.loc["C4"].iloc[-1])
    assert any("1 kecamatan tanpa data" in note for note in result.notes)


def test_growth_on_the_first_data_date_is_explained(magelang):
    with pytest.raises(GeoInputError, match="tanggal data pertama"):
        growth_trends(magelang.cases, pd.Timestamp("2020-09-23"), 14)
