from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from esda.getisord import G_Local
from esda.moran import Moran_Local
from esda.significance import calculate_significance
from esda.smoothing import Empirical_Bayes, Spatial_Empirical_Bayes
from scipy.stats import false_discovery_control
from shapely.geometry import box

from geo.errors import GeoInputError
from geo.hotspots import (
    adjust_fdr,
    build_weights,
    gi_star,
    hotspot_classes,
    hotspots,
    smallest_p,
    with_emerging,
)

UTM_49S = "EPSG:32749"
UTM_48S = "EPSG:32748"
SEED = 7
HOT = {"hot_99", "hot_95", "hot_90"}


def grid_layer(n_rows: int, n_cols: int, size_m: float = 1_000.0) -> gpd.GeoDataFrame:
    """Square cells in UTM 49S, row-major, one kecamatan per row."""
    cells, kode, kecamatan = [], [], []
    for row in range(n_rows):
        for col in range(n_cols):
            x, y = col * size_m, row * size_m
            cells.append(box(x, y, x + size_m, y + size_m))
            kode.append(f"33.71.{row + 1:02d}.{1001 + col}")
            kecamatan.append(f"33.71.{row + 1:02d}")
    return gpd.GeoDataFrame(
        {
            "kode": kode,
            "nama": [f"Sel {code}" for code in kode],
            "kode_kecamatan": kecamatan,
            "nama_kecamatan": [f"Kec {code}" for code in kecamatan],
        },
        geometry=cells,
        crs=UTM_49S,
    )


@pytest.fixture
def f07_layer() -> gpd.GeoDataFrame:
    """FIELD-REPORTS F07: K1-K3 side by side, K4 an island 7 km away (km units)."""
    cells = [box(0, 0, 1e3, 1e3), box(1e3, 0, 2e3, 1e3), box(2e3, 0, 3e3, 1e3)]
    cells.append(box(10e3, 0, 11e3, 1e3))
    return gpd.GeoDataFrame(
        {
            "kode": ["K1", "K2", "K3", "K4"],
            "nama": ["Satu", "Dua", "Tiga", "Pulau Uji"],
            "kode_kecamatan": ["A"] * 4,
            "nama_kecamatan": ["Kec A"] * 4,
        },
        geometry=cells,
        crs=UTM_49S,
    )


@pytest.fixture
def f07_values() -> pd.Series:
    return pd.Series([10, 12, 11, 50], index=["K1", "K2", "K3", "K4"])


def run(layer, values, **options):
    options.setdefault("permutations", 99)
    options.setdefault("seed", SEED)
    return hotspots(
        layer, values, metric_crs=UTM_49S, value_label="kasus baru", **options
    )


def test_planted_cluster_found_there_and_nowhere_else():
    layer = grid_layer(10, 10)
    rng = np.random.default_rng(SEED)
    values = rng.poisson(5, len(layer)).astype(float)
    rows, cols = np.divmod(np.arange(len(layer)), 10)
    cluster = (rows >= 4) & (rows <= 6) & (cols >= 4) & (cols <= 6)
    values[cluster] = rng.poisson(40, cluster.sum())
    ring = (rows >= 3) & (rows <= 7) & (cols >= 3) & (cols <= 7) & ~cluster
    # Gi* sums a cell with its 8 queen neighbours: the centre and edge-middle
    # cells see 9 or 6 planted cells of 9, a corner only 4
    core = cluster & ((rows == 5) | (cols == 5))

    # 9,999 draws: with 999 esda's two-sided p stops at 0.003, and 100 tests
    # under FDR then leave even the centre at 90 % (see the resolution note)
    result = run(layer, pd.Series(values, index=layer["kode"]), permutations=9_999)

    classes = result.table["hotspot_class"]
    assert classes[core].isin(HOT).all()
    assert classes[cluster & ~core].isin(HOT | {"prominent"}).all()
    # a cell touching the cluster shares its high neighbours, so it may be hot too;
    # nothing farther away may be
    assert not classes[~cluster & ~ring].isin(HOT).any()
    assert not classes.str.startswith("cold").any()
    assert result.table.loc[cluster, "lisa_class"].eq("HH").sum() >= 5
    assert "membentuk hotspot signifikan" in result.summary


def test_random_layers_give_no_cluster_after_fdr_at_the_expected_rate():
    layer = grid_layer(20, 20)
    raw_hits, fdr_hits, n_tests = 0, 0, 0
    for seed in range(5):
        values = np.random.default_rng(seed).poisson(8, len(layer))
        result = run(layer, pd.Series(values, index=layer["kode"]), seed=seed)
        raw_hits += int((result.table["gi_p"] <= 0.05).sum())
        fdr_hits += int(result.table["hotspot_class"].str.match("hot|cold").sum())
        n_tests += result.n_tested

    # under the null about 5 % of raw p-values fall at or below 0.05; 2000 tests
    # give a binomial sd of 0.5 %, so 2.5-8 % is a wide but certain band
    assert 0.025 <= raw_hits / n_tests <= 0.08
    # BH at 10 % keeps the chance of any false cluster per layer at about 10 %
    assert fdr_hits <= 2


def test_f07_island_is_named_and_never_tested(f07_layer, f07_values):
    result = run(f07_layer, f07_values)

    table = result.table.set_index("kode")
    assert table.loc["K4", "hotspot_label"] == "tanpa tetangga – tidak diuji"
    assert table.loc["K4", "lisa_label"] == "tanpa tetangga – tidak diuji"
    assert np.isnan(table.loc["K4", "gi_z"])
    assert np.isfinite(table.loc[["K1", "K2", "K3"], ["gi_z", "gi_p"]]).all().all()
    # the island's value is kept as given (a whole number)
    assert table.loc["K4", "value"] == pytest.approx(50, abs=1e-9)
    assert any("tanpa tetangga" in note and "Pulau Uji (K4)" in note
               for note in result.notes)  # fmt: skip
    assert result.n_tested == 3


def test_f07_knn_gives_the_island_a_neighbour_and_says_so(f07_layer, f07_values):
    result = run(f07_layer, f07_values, weights="knn", k=1)

    assert result.table["hotspot_class"].ne("island").all()
    assert "1 tetangga terdekat" in result.notes[0]


def test_missing_values_are_no_data_never_zero():
    layer = grid_layer(1, 6)
    codes = layer["kode"].tolist()
    # F03 shape: the 3rd cell has an empty value, the 6th has no row at all
    values = pd.Series([5, 40, np.nan, 0, 7], index=codes[:5])

    result = run(layer, values)

    table = result.table
    assert table["hotspot_label"].tolist()[2] == "tidak ada data"
    assert table["hotspot_class"].tolist()[5] == "no_data"
    assert table["value"].isna().tolist() == [False, False, True, False, False, True]
    # the 2nd and 4th cells are not neighbours through the missing 3rd one
    assert table["n_neighbours"].tolist()[:5] == pytest.approx(
        [1, 1, np.nan, 1, 1], nan_ok=True, abs=1e-9
    )  # counts are whole numbers
    assert any("tanpa data" in note and "tidak ada data" in note
               for note in result.notes)  # fmt: skip


@pytest.mark.filterwarnings("ignore:The alternative hypothesis:DeprecationWarning")
def test_numbers_equal_esda_for_same_inputs_and_seed():
    layer = grid_layer(6, 6)
    values = np.random.default_rng(SEED).poisson(6, len(layer)).astype(float)
    weights = build_weights(layer.geometry)

    result = run(layer, pd.Series(values, index=layer["kode"]), alternative="directed")

    gi = G_Local(values, weights, transform="B", star=True, permutations=99,
                 seed=SEED, n_jobs=1)  # fmt: skip
    moran = Moran_Local(values, weights, permutations=99, seed=SEED, n_jobs=1)
    table = result.table
    # identical inputs and seed: only float rounding can differ; esda keeps
    # G_Local.p_sim as float32 (about 7 significant digits)
    assert table["gi_z"].to_numpy() == pytest.approx(gi.Zs, abs=1e-12)
    assert table["gi_p"].to_numpy() == pytest.approx(gi.p_sim, abs=1e-6)
    assert table["lisa_i"].to_numpy() == pytest.approx(moran.Is, abs=1e-12)
    assert table["lisa_p"].to_numpy() == pytest.approx(moran.p_sim, abs=1e-6)
    two_sided = run(layer, pd.Series(values, index=layer["kode"]))
    expected = calculate_significance(gi.Gs, gi.rGs, alternative="two-sided")
    assert two_sided.table["gi_p"].to_numpy() == pytest.approx(expected, abs=1e-12)


@pytest.mark.filterwarnings("ignore:The alternative hypothesis:DeprecationWarning")
def test_two_sided_p_equals_esda_when_draws_tie():
    layer = grid_layer(12, 12)
    # mostly zeros: many simulated sums tie with each other and the observed one
    values = (np.random.default_rng(SEED).random(len(layer)) < 0.1).astype(float)
    weights = build_weights(layer.geometry)

    z_scores, p_values = gi_star(values, weights, permutations=199, seed=SEED)

    gi = G_Local(values, weights, transform="B", star=True, permutations=199,
                 seed=SEED, n_jobs=1)  # fmt: skip
    expected = calculate_significance(gi.Gs, gi.rGs, alternative="two-sided")
    # same draws and same arithmetic; esda can exceed 1 on ties, we cap at 1
    assert p_values == pytest.approx(np.minimum(expected, 1.0), abs=1e-12)
    assert z_scores == pytest.approx(gi.Zs, abs=1e-12)


def test_fdr_is_scipy_benjamini_hochberg_and_keeps_nan():
    p_values = np.array([0.001, 0.02, np.nan, 0.04, 0.5])

    adjusted = adjust_fdr(p_values)

    expected = false_discovery_control([0.001, 0.02, 0.04, 0.5], method="bh")
    # same algorithm on the same numbers: only float rounding could differ
    assert adjusted[[0, 1, 3, 4]] == pytest.approx(expected, abs=1e-12)
    assert np.isnan(adjusted[2])


def test_classes_by_confidence_and_prominent_not_significant():
    z = np.array([3.0, 2.5, 1.8, -2.8, 2.1, 0.3, np.nan])
    p_raw = np.array([0.001, 0.01, 0.06, 0.002, 0.03, 0.6, np.nan])
    p_used = np.array([0.005, 0.04, 0.09, 0.02, 0.2, 0.8, np.nan])

    classes = hotspot_classes(z, p_raw, p_used)

    assert classes.tolist() == [
        "hot_99", "hot_95", "hot_90", "cold_95", "prominent", "not_significant",
        "island",
    ]  # fmt: skip


def test_fdr_off_is_said_in_the_notes(f07_layer, f07_values):
    result = run(f07_layer, f07_values, fdr=False)

    assert "TIDAK aktif" in result.notes[0]
    assert "99 permutasi (seed 7)" in result.notes[0]


def test_rates_raw_eb_and_spatial_eb_side_by_side():
    layer = grid_layer(2, 3)
    events = pd.Series([10, 12, 11, 50, 0, 3], index=layer["kode"])
    population = pd.Series([1_000, 2_000, 1_500, 3_000, 800, np.nan], layer["kode"])

    result = run(layer, events, population=population, test_on="rate_eb")

    table = result.table
    # 10 cases in 1.000 persons is 100 per 10.000, exactly
    assert table["rate_per_10k"].iloc[0] == pytest.approx(100.0, abs=1e-9)
    eb = Empirical_Bayes(events.to_numpy()[:5], population.to_numpy()[:5]).r
    assert table["rate_eb_per_10k"].iloc[:5].to_numpy() == pytest.approx(
        eb.ravel() * 10_000, rel=1e-12
    )  # same esda call
    five = build_weights(layer.geometry.iloc[:5])
    five.id_order = list(range(5))
    seb = Spatial_Empirical_Bayes(
        events.to_numpy()[:5], population.to_numpy()[:5], five
    ).r
    assert table["rate_seb_per_10k"].iloc[:5].to_numpy() == pytest.approx(
        seb.ravel() * 10_000, rel=1e-12
    )  # same esda call on the same five cells
    assert np.isnan(table["tested_value"].iloc[5])  # no population, not tested
    assert table["hotspot_class"].iloc[5] == "no_data"
    assert any("tanpa data penduduk" in note for note in result.notes)
    assert any("empirical Bayes" in note for note in result.notes)
    # without a tested_label the summary names the rate, of the counts
    tested = "insidens per 10.000 penduduk (empirical Bayes) dari kasus baru"
    assert result.settings.tested_label == tested
    assert result.settings.value_label == "kasus baru"
    assert f"untuk {tested}" in result.summary


def test_kecamatan_level_sums_counts_and_population():
    layer = grid_layer(5, 2)
    values = pd.Series(np.arange(10, dtype=float), index=layer["kode"])
    population = pd.Series(1_000.0, index=layer["kode"])
    values.iloc[9] = np.nan  # the last kecamatan loses one of its two kelurahan

    result = run(layer, values, population=population, level="kecamatan")

    table = result.table
    assert table["kode"].tolist() == [f"33.71.{row:02d}" for row in range(1, 6)]
    # row r holds kelurahan values 2r and 2r + 1
    # row r holds kelurahan values 2r and 2r + 1: whole sums, exact
    assert table["value"].iloc[:4].tolist() == pytest.approx([1, 5, 9, 13], abs=0)
    assert np.isnan(table["value"].iloc[4])
    assert table["population"].iloc[0] == pytest.approx(2_000, abs=1e-9)  # 2 x 1.000
    assert any("kecamatan dianggap tanpa data" in note for note in result.notes)
    assert result.geometry.crs.to_epsg() == 4326


def test_small_tolerance_links_polygons_with_a_sliver_gap():
    # a 2 m gap between two simplified polygons is not a real border gap
    layer = grid_layer(1, 2)
    layer.loc[1, "geometry"] = box(1_002, 0, 2_000, 1_000)

    strict = build_weights(layer.geometry, tolerance_m=0)
    default = build_weights(layer.geometry)

    assert strict.islands == [0, 1]
    assert default.neighbors == {0: [1], 1: [0]}


def test_with_emerging_adds_class_and_label(f07_layer, f07_values):
    result = run(f07_layer, f07_values)

    merged = with_emerging(result, pd.Series({"K1": "new_hot", "K2": "none"}))

    assert merged.table["emerging_label"].tolist() == [
        "hotspot baru", "tidak ada pola", "tidak ada data", "tidak ada data"
    ]  # fmt: skip


def test_smallest_p_of_esda_two_sided_is_three_draws():
    # esda counts the draws beyond both the observed value and its mirror;
    # 3 / 1000 and 1 / 1000 are exact up to float rounding
    assert smallest_p(999, "two-sided") == pytest.approx(0.003, abs=1e-12)
    assert smallest_p(999, "folded") == pytest.approx(0.001, abs=1e-12)


@pytest.mark.parametrize(
    ("change", "options", "match"),
    [
        (lambda g: g.drop(columns="nama_kecamatan"), {}, "tidak memiliki kolom"),
        (lambda g: g.set_crs(None, allow_override=True), {}, "tidak memiliki sistem"),
        (lambda g: g, {"metric_crs": "EPSG:4326"}, "bukan sistem meter"),
        (lambda g: g, {"permutations": 10}, "99 sampai 99.999; diterima 10"),
        (lambda g: g, {"permutations": 10**8}, "sampai 99.999; diterima 100000000"),
        (lambda g: g, {"seed": -1}, "Seed harus bilangan bulat 0 sampai"),
        (lambda g: g, {"weights": "rook"}, "tetangga 'rook' tidak dikenal"),
        (lambda g: g, {"test_on": "rate"}, "memerlukan data penduduk"),
        (lambda g: g, {"weights": "distance"}, "lebih dari 0 m; diterima None"),
        (lambda g: g, {"weights": "knn", "k": 9}, "1 sampai 3; diterima 9"),
    ],
    ids=[
        "column",
        "crs",
        "geographic",
        "perms",
        "perms-max",
        "seed",
        "rook",
        "rate",
        "band",
        "k",
    ],  # fmt: skip
)
def test_rejects_bad_input_in_bahasa(f07_layer, f07_values, change, options, match):
    options = {"metric_crs": UTM_49S, "value_label": "kasus", **options}
    with pytest.raises(GeoInputError, match=match):
        hotspots(change(f07_layer), f07_values, **options)


def test_rejects_unknown_codes_and_negative_values(f07_layer, f07_values):
    with pytest.raises(GeoInputError, match="1 kode tidak dikenal, misalnya K9"):
        run(f07_layer, pd.concat([f07_values, pd.Series({"K9": 1})]))
    with pytest.raises(GeoInputError, match="1 kode kelurahan yang muncul lebih"):
        run(f07_layer, pd.concat([f07_values, pd.Series({"K1": 1})]))
    with pytest.raises(GeoInputError, match=r"Nilai negatif .*Satu \(K1\)"):
        run(f07_layer, f07_values.replace(10, -1))


def test_jakarta_real_month_end_to_end(jakarta):
    layer, cases, population = jakarta.kelurahan, jakarta.cases, jakarta.population
    cases = cases[cases["kode"].notna()]
    positif = cases.pivot_table(index="kode", columns="tanggal", values="positif")
    new_cases = (
        positif[pd.Timestamp("2021-07-31")] - positif[pd.Timestamp("2021-06-30")]
    )

    result = hotspots(
        layer, new_cases, metric_crs=UTM_48S, value_label="kasus baru Juli 2021",
        population=population, test_on="rate_eb", permutations=99, seed=SEED,
    )  # fmt: skip

    table = result.table.set_index("nama")
    islands = sorted(table.index[table["hotspot_class"] == "island"])
    assert islands == ["Pulau Panggang", "Pulau Pari", "Pulau Tidung",
                       "Pulau Untung Jawa"]  # fmt: skip
    # Pulau Kelapa and Pulau Harapan touch each other, so they are tested
    assert table.loc[["Pulau Kelapa", "Pulau Harapan"], "n_neighbours"].eq(1).all()
    assert result.n_tested == 263
    assert table["rate_seb_per_10k"].notna().sum() == 267
    assert result.summary.startswith(("Tidak ada kelurahan", "1", "2", "3", "4"))
    assert any("Pulau Panggang (31.01.01.1001)" in note for note in result.notes)


def test_jakarta_and_magelang_queen_leaves_no_spurious_island(jakarta, magelang):
    jakarta = jakarta.kelurahan.to_crs(UTM_48S)
    magelang = magelang.kelurahan.to_crs(UTM_49S)

    for tolerance_m in (0, 5):
        jakarta_w = build_weights(jakarta.geometry, tolerance_m=tolerance_m)
        magelang_w = build_weights(magelang.geometry, tolerance_m=tolerance_m)
        # the four are real islands of Kepulauan Seribu
        assert sorted(jakarta.loc[jakarta_w.islands, "nama"]) == [
            "Pulau Panggang", "Pulau Pari", "Pulau Tidung", "Pulau Untung Jawa"
        ]  # fmt: skip
        assert magelang_w.islands == []


def magelang_new_cases(magelang) -> tuple[gpd.GeoDataFrame, pd.Series]:
    positif = magelang.cases.pivot_table(
        index="kode", columns="tanggal", values="positif"
    )
    new_cases = (
        positif[pd.Timestamp("2020-10-06")] - positif[pd.Timestamp("2020-09-23")]
    )
    return magelang.kelurahan, new_cases


def test_magelang_17_kelurahan_with_small_area_notes(magelang):
    layer, new_cases = magelang_new_cases(magelang)

    result = hotspots(
        layer, new_cases, metric_crs=UTM_49S,
        value_label="kasus baru 13 hari terakhir", permutations=999, seed=SEED,
    )  # fmt: skip

    notes = " ".join(result.notes)
    assert result.n_tested == 17
    assert "Hanya 17 kelurahan yang diuji" in notes
    assert "Hanya 38 kasus di seluruh wilayah" in notes
    assert "Data penduduk tidak tersedia" in notes
    assert "999 permutasi (seed 7)" in notes
    significant = result.table["hotspot_class"].str.match("hot|cold")
    if not significant.any():
        assert "dengan hanya 17 kelurahan diuji" in result.summary


def test_jakarta_kabkota_level_names_the_island_and_the_few_units(jakarta):
    layer, cases, population = jakarta.kelurahan, jakarta.cases, jakarta.population
    cases = cases[cases["kode"].notna()]
    positif = cases.pivot_table(index="kode", columns="tanggal", values="positif")
    new_cases = (
        positif[pd.Timestamp("2021-01-30")] - positif[pd.Timestamp("2020-12-31")]
    )

    result = hotspots(
        layer, new_cases, metric_crs=UTM_48S, value_label="kasus baru Januari 2021",
        population=population, level="kabkota", permutations=99, seed=SEED,
    )  # fmt: skip

    table = result.table.set_index("kode")
    assert len(table) == 6
    assert table.loc["31.01", "hotspot_class"] == "island"  # Kepulauan Seribu
    assert table["population"].sum() == pytest.approx(11_011_862, abs=0.5)  # sum
    assert any("Hanya 5 kab/kota yang diuji" in note for note in result.notes)


def test_kabkota_level_needs_kabkota_columns(f07_layer, f07_values):
    with pytest.raises(GeoInputError, match="kode_kabkota, nama_kabkota"):
        run(f07_layer, f07_values, level="kabkota")
