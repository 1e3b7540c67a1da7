from __future__ import annotations

import itertools
import json
from pathlib import Path

import geopandas as gpd
import networkx as nx
import numpy as np
import pandas as pd
import pytest
import shapely

from geo.crs import UTM_49S
from geo.errors import GeoInputError
from geo.roads import read_roads
from geo.siting import (
    SitingResult,
    candidates_from_facilities,
    demand_points_from_kelurahan,
    network_cost,
    network_cost_from_points,
    project_points,
    site_facilities,
    site_facilities_from_layers,
    site_facilities_from_points,
    straight_line_cost,
)
from tests.conftest import road_grid, road_points

SEED = 1974  # Church and ReVelle
DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def _instance(seed: int, n_demand: int = 14, n_candidate: int = 7):
    rng = np.random.default_rng(seed)
    demand = rng.uniform(0, 10_000, (n_demand, 2))
    candidates = rng.uniform(0, 10_000, (n_candidate, 2))
    weights = rng.integers(1, 100, n_demand).astype(float)
    return straight_line_cost(demand, candidates, circuity=1.0), weights


def _subsets(n_candidate: int, size: int, fixed: tuple[int, ...] = ()):
    for subset in itertools.combinations(range(n_candidate), size):
        if set(fixed) <= set(subset):
            yield list(subset)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("n_sites", [1, 2, 3])
def test_mclp_matches_brute_force(seed, n_sites):
    cost, weights = _instance(SEED + seed)
    radius = 3_000.0

    result = site_facilities(cost, weights, "mclp", n_sites=n_sites, radius=radius)

    best = max(
        weights[(cost.values[:, subset] <= radius).any(axis=1)].sum()
        for subset in _subsets(cost.values.shape[1], n_sites)
    )
    # weights are whole numbers; the MIP objective is exact up to float sums
    assert result.kpi["covered_weight"] == pytest.approx(best, abs=1e-6)
    assert result.solve.status == "optimal"


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("n_sites", [1, 2, 3])
def test_pmedian_matches_brute_force(seed, n_sites):
    cost, weights = _instance(SEED + seed)

    result = site_facilities(cost, weights, "pmedian", n_sites=n_sites)

    best = min(
        (weights * cost.values[:, subset].min(axis=1)).sum()
        for subset in _subsets(cost.values.shape[1], n_sites)
    )
    total = (result.assignment["weight"] * result.assignment["travel"]).sum()
    # metres × weights around 1e6-1e7; HiGHS default relative MIP gap is 1e-4
    assert total == pytest.approx(best, rel=1e-4)


@pytest.mark.parametrize("seed", range(4))
def test_nearest_pmedian_doubles_k_and_stays_exact(seed, monkeypatch):
    monkeypatch.setattr("geo.siting.NEAREST_K_START", 1)
    cost, weights = _instance(SEED + seed, n_demand=20, n_candidate=9)

    result = site_facilities(cost, weights, "pmedian", n_sites=3)

    best = min(
        (weights * cost.values[:, subset].min(axis=1)).sum()
        for subset in _subsets(9, 3)
    )
    total = (result.assignment["weight"] * result.assignment["travel"]).sum()
    # metres × weights around 1e6-1e7; HiGHS default relative MIP gap is 1e-4
    assert total == pytest.approx(best, rel=1e-4)
    assert result.parameters["nearest_k"] in (2, 4, 8, 9)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("n_sites", [1, 2, 3])
def test_pcenter_matches_brute_force(seed, n_sites):
    cost, weights = _instance(SEED + seed)

    result = site_facilities(cost, weights, "pcenter", n_sites=n_sites)

    best = min(
        cost.values[:, subset].min(axis=1).max()
        for subset in _subsets(cost.values.shape[1], n_sites)
    )
    # distances in metres; 1 mm is far below any planning decision
    assert result.kpi["worst_travel"] == pytest.approx(best, abs=1e-3)


@pytest.mark.parametrize("seed", range(6))
def test_lscp_uses_fewest_sites_and_covers_all(seed):
    cost, weights = _instance(SEED + seed)
    radius = float(cost.values.min(axis=1).max()) + 1_500.0

    result = site_facilities(cost, weights, "lscp", radius=radius)

    n_candidate = cost.values.shape[1]
    fewest = next(
        size
        for size in range(1, n_candidate + 1)
        if any(
            (cost.values[:, subset] <= radius).any(axis=1).all()
            for subset in _subsets(n_candidate, size)
        )
    )
    assert result.kpi["sites_chosen"] == fewest
    assert result.kpi["covered_share"] == pytest.approx(1.0, abs=1e-12)


@pytest.mark.parametrize("seed", range(4))
def test_fixed_sites_stay_and_brute_force_agrees(seed):
    cost, weights = _instance(SEED + seed)
    fixed = np.zeros(cost.values.shape[1], dtype=bool)
    fixed[[1, 4]] = True

    result = site_facilities(
        cost, weights, "mclp", n_sites=3, radius=3_000.0, fixed=fixed
    )

    chosen = result.sites["is_chosen"].to_numpy()
    assert chosen[1] and chosen[4] and chosen.sum() == 3
    best = max(
        weights[(cost.values[:, subset] <= 3_000.0).any(axis=1)].sum()
        for subset in _subsets(cost.values.shape[1], 3, fixed=(1, 4))
    )
    assert result.kpi["covered_weight"] == pytest.approx(best, abs=1e-6)


def test_coverage_is_bounded_by_the_radius():
    # one site at the origin; points at 999 m and 1,001 m with circuity 1
    demand = np.array([[999.0, 0.0], [0.0, 1_001.0], [300.0, 400.0]])
    cost = straight_line_cost(demand, np.array([[0.0, 0.0]]), circuity=1.0)

    result = site_facilities(
        cost, np.array([5.0, 7.0, 11.0]), "mclp", n_sites=1, radius=1_000
    )

    assert result.assignment["is_covered"].tolist() == [True, False, True]
    assert result.kpi["covered_weight"] == pytest.approx(16.0, abs=1e-9)
    covered = result.assignment[result.assignment["is_covered"]]
    assert (covered["travel"] <= 1_000).all()


def test_circuity_shrinks_the_reach():
    # 800 m straight line × 1.3 = 1,040 m > 1,000 m: no longer covered
    cost = straight_line_cost(np.array([[800.0, 0.0]]), np.array([[0.0, 0.0]]))

    result = site_facilities(cost, np.array([1.0]), "mclp", n_sites=1, radius=1_000)

    assert result.assignment["distance_m"][0] == pytest.approx(1_040.0, abs=1e-9)
    assert not result.assignment["is_covered"][0]
    assert result.parameters["circuity"] == pytest.approx(1.3, abs=0)


def test_minutes_at_a_speed():
    # 3 km at 30 km/h = 6 minutes; a 5-minute reach misses it
    cost = straight_line_cost(
        np.array([[3_000.0, 0.0]]), np.array([[0.0, 0.0]]), circuity=1.0, speed_kmh=30
    )

    result = site_facilities(cost, np.array([1.0]), "mclp", n_sites=1, radius=5)

    assert result.assignment["travel"][0] == pytest.approx(6.0, abs=1e-9)
    assert result.parameters["unit"] == "min"
    assert result.parameters["speed_kmh"] == pytest.approx(30.0, abs=0)


def test_capacitated_pmedian_respects_capacity():
    cost, weights = _instance(SEED, n_demand=12, n_candidate=5)
    capacity = np.full(5, weights.sum() / 2 + 60)

    result = site_facilities(cost, weights, "pmedian", n_sites=3, capacity=capacity)

    served = result.sites["served_weight"].to_numpy()
    assert (served <= capacity + 1e-6).all()  # weight units; solver feasibility tol
    assert served.sum() == pytest.approx(weights.sum(), abs=1e-6)
    assert not any(note.startswith("Periksa ulang") for note in result.notes)


def test_capacity_shortage_explains_with_numbers():
    cost, _ = _instance(SEED, n_demand=4, n_candidate=3)
    weights = np.array([40.0, 41.0, 42.0, 41.0])

    with pytest.raises(GeoInputError, match=r"Kapasitas 120 < kebutuhan 164"):
        site_facilities(
            cost, weights, "pmedian", n_sites=2, capacity=np.array([60, 60, 50])
        )


def test_lscp_unreachable_point_is_named():
    cost = straight_line_cost(
        np.array([[0.0, 0.0], [9_000.0, 0.0]]), np.array([[100.0, 0.0]]), circuity=1.0
    )

    with pytest.raises(GeoInputError, match=r"1 titik permintaan .* \(1\)"):
        site_facilities(cost, np.array([1.0, 1.0]), "lscp", radius=2_000)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"model": "mclp", "n_sites": 2}, "memerlukan jangkauan"),
        ({"model": "mclp", "n_sites": 0, "radius": 10}, "bilangan bulat 1 sampai"),
        ({"model": "pmedian", "n_sites": 9}, "bilangan bulat 1 sampai"),
        ({"model": "mclp", "n_sites": 1, "radius": -5}, "lebih dari 0"),
        ({"model": "ambulans", "n_sites": 1}, "tidak dikenal"),
        (
            {"model": "mclp", "n_sites": 1, "radius": 5, "capacity": np.ones(7)},
            "p-median",
        ),
    ],
    ids=["no-radius", "p-zero", "p-too-big", "neg-radius", "model", "capacity"],
)
def test_rejects_bad_arguments(kwargs, match):
    cost, weights = _instance(SEED)

    with pytest.raises(GeoInputError, match=match):
        site_facilities(cost, weights, **kwargs)


def test_more_fixed_sites_than_p_is_refused():
    cost, weights = _instance(SEED)
    fixed = np.array([True, True, True, False, False, False, False])

    with pytest.raises(
        GeoInputError, match=r"p = 2 lebih kecil dari jumlah lokasi tetap 3"
    ):
        site_facilities(cost, weights, "pmedian", n_sites=2, fixed=fixed)


def test_sparse_mclp_agrees_with_dense(monkeypatch):
    cost, weights = _instance(SEED, n_demand=40, n_candidate=9)
    dense = site_facilities(cost, weights, "mclp", n_sites=3, radius=2_500)

    monkeypatch.setattr("geo.siting.SPARSE_MCLP_CELLS", 0)
    sparse = site_facilities(cost, weights, "mclp", n_sites=3, radius=2_500)

    assert sparse.parameters["is_sparse"] and not dense.parameters["is_sparse"]
    assert sparse.kpi["covered_weight"] == pytest.approx(
        dense.kpi["covered_weight"], abs=1e-6
    )
    assert any("matriks jarang" in note for note in sparse.notes)


def test_cbc_gives_the_same_answer():
    cost, weights = _instance(SEED + 3)

    highs = site_facilities(cost, weights, "mclp", n_sites=2, radius=3_000)
    cbc = site_facilities(cost, weights, "mclp", n_sites=2, radius=3_000, solver="cbc")

    assert cbc.solve.solver == "CBC"
    assert cbc.kpi["covered_weight"] == pytest.approx(
        highs.kpi["covered_weight"], abs=1e-6
    )


def test_network_cost_on_a_small_graph():
    # a - b - c in a line (1 km each) plus a 5 km shortcut a - c
    graph = nx.Graph()
    graph.add_edge("a", "b", length_m=1_000)
    graph.add_edge("b", "c", length_m=1_000)
    graph.add_edge("a", "c", length_m=5_000)
    graph.add_node("island")

    cost = network_cost(graph, ["a", "c", "island"], ["b", "c"], speed_kmh=60)

    assert cost.distance_m[0].tolist() == [1_000, 2_000]
    assert cost.distance_m[1].tolist() == [1_000, 0]
    assert np.isinf(cost.distance_m[2]).all()
    assert cost.values[0, 1] == pytest.approx(2.0, abs=1e-12)  # 2 km at 60 km/h
    result = site_facilities(
        cost, np.array([1.0, 1.0, 0.0]), "mclp", n_sites=1, radius=1.5
    )
    assert result.sites["is_chosen"].tolist() == [True, False]


def test_network_cost_from_points_adds_the_way_to_the_road():
    # road a (0, 0) - b (1000, 0); a house 30 m north of a, a site 40 m from b
    graph = nx.Graph()
    graph.add_node("a", x=0.0, y=0.0)
    graph.add_node("b", x=1_000.0, y=0.0)
    graph.add_edge("a", "b", length_m=1_200.0)

    cost = network_cost_from_points(
        graph, np.array([[0.0, 30.0]]), np.array([[1_000.0, -40.0]])
    )

    assert cost.distance_m[0, 0] == pytest.approx(1_270.0, abs=1e-9)  # 30+1200+40
    assert cost.method == "jaringan"


def test_point_without_a_road_is_named_for_pmedian():
    graph = nx.Graph()
    graph.add_edge("a", "b", length_m=1_000)
    graph.add_node("island")
    cost = network_cost(graph, ["a", "island"], ["b"])

    with pytest.raises(GeoInputError, match=r"1 titik .* \(1\)"):
        site_facilities(cost, np.array([1.0, 1.0]), "pmedian", n_sites=1)

    for model in ("pmedian", "pcenter"):
        empty = site_facilities(cost, np.array([1.0, 0.0]), model, n_sites=1)
        # the empty island is left unserved; the worst travel is a's 1 km
        assert empty.kpi["worst_travel"] == pytest.approx(1_000.0, abs=1e-9)
        assert empty.kpi["unmet_weight"] == pytest.approx(0.0, abs=1e-12)


def test_network_cost_names_a_missing_node():
    graph = nx.path_graph(3)

    with pytest.raises(GeoInputError, match="'9' tidak ada di jaringan"):
        network_cost(graph, [0, 9], [1])


def _lat_lon_points():
    demand = pd.DataFrame(
        {
            "id": ["K1", "K2", "K3"],
            "lat": [-7.470, -7.480, -7.500],
            "lon": [110.217, 110.220, 110.210],
            "bobot": [100, 200, 50],
        }
    )
    candidates = pd.DataFrame(
        {
            "id": ["RS A", "RS B"],
            "lat": [-7.4856, -7.4530],
            "lon": [110.2161, 110.2214],
            "kapasitas": [300, 300],
            "tetap": ["1", "0"],
        }
    )
    return demand, candidates


def test_points_in_lat_lon_go_to_utm_49s():
    demand, candidates = _lat_lon_points()

    crs, demand_xy, _ = project_points(demand, candidates, None)

    assert crs == "EPSG:32749"
    assert 400_000 < demand_xy[0, 0] < 500_000


def test_from_points_keeps_fixed_and_reports_parameters():
    demand, candidates = _lat_lon_points()

    result = site_facilities_from_points(
        demand, candidates, "mclp", n_sites=1, radius_m=2_000, circuity=1.2
    )

    assert result.sites["is_chosen"].tolist() == [True, False]
    assert result.parameters["crs"] == "EPSG:32749"
    assert result.parameters["circuity"] == pytest.approx(1.2, abs=0)
    assert result.parameters["fixed_sites"] == ["RS A"]


def test_swapped_coordinates_are_refused():
    demand, candidates = _lat_lon_points()
    candidates.loc[1, ["lat", "lon"]] = [110.2214, -7.4530]

    with pytest.raises(GeoInputError, match="kandidat lokasi 'RS B' tidak valid"):
        site_facilities_from_points(demand, candidates, "pmedian", n_sites=1)


def test_xy_without_crs_is_refused():
    demand = pd.DataFrame({"id": ["a"], "x": [0.0], "y": [0.0], "bobot": [1]})
    candidates = pd.DataFrame({"id": ["s"], "x": [10.0], "y": [0.0]})

    with pytest.raises(GeoInputError, match="memerlukan CRS"):
        site_facilities_from_points(demand, candidates, "pmedian", n_sites=1)
    with pytest.raises(GeoInputError, match="bukan sistem koordinat meter"):
        site_facilities_from_points(
            demand, candidates, "pmedian", n_sites=1, crs="EPSG:4326"
        )


def test_invalid_facilities_are_left_out_and_named():
    # field report F05: a hospital pinned in Kalimantan is not a candidate
    facilities = pd.DataFrame(
        {
            "nama": ["RS Uji A", "RS Uji C"],
            "jenis": ["RS", "RS"],
            "lat": [-6.1862, -0.0263],
            "lon": [106.8106, 109.3425],
            "is_valid": [True, False],
            "tempat_tidur": [120, 80],
        }
    )

    table, notes = candidates_from_facilities(
        facilities, capacity_column="tempat_tidur"
    )

    assert table["id"].tolist() == ["RS Uji A"]
    assert table["kapasitas"].tolist() == [120.0]
    assert "RS Uji C" in notes[0]


def test_demand_points_from_kelurahan_lie_inside(magelang_kelurahan):
    weights = pd.Series(1.0, index=magelang_kelurahan["kode"].iloc[:-1])

    points, notes = demand_points_from_kelurahan(
        magelang_kelurahan, weights, "EPSG:32749"
    )

    projected = magelang_kelurahan.to_crs("EPSG:32749")
    inside = [
        geometry.contains(shapely.Point(x, y))
        for geometry, x, y in zip(
            projected.geometry, points["x"], points["y"], strict=True
        )
    ]
    assert all(inside)
    assert points["bobot"].iloc[-1] == 0.0
    assert any("1 kelurahan tanpa nilai bobot" in note for note in notes)


def test_magelang_mclp_answers_fast(magelang_kelurahan):
    # the 17 real kelurahan as demand and as candidates, seeded weights
    rng = np.random.default_rng(SEED)
    weights = pd.Series(rng.integers(500, 5_000, 17), index=magelang_kelurahan["kode"])
    points, _ = demand_points_from_kelurahan(magelang_kelurahan, weights, "EPSG:32749")
    candidates = points.drop(columns="bobot")

    result = site_facilities_from_points(
        points, candidates, "mclp", n_sites=2, radius_m=1_500, crs="EPSG:32749"
    )

    assert result.solve.seconds < 2.0
    assert 0 < result.kpi["covered_share"] <= 1


def test_scenario_round_trip_through_json():
    cost, weights = _instance(SEED)
    result = site_facilities(cost, weights, "mclp", n_sites=2, radius=3_000)

    data = json.loads(json.dumps(result.scenario_dict()))
    back = SitingResult.from_dict(data)

    assert data["kind"] == "lokasi"
    pd.testing.assert_frame_equal(back.sites, result.sites)
    pd.testing.assert_frame_equal(back.assignment, result.assignment)
    assert back.kpi == result.kpi
    assert back.solve == result.solve
    assert back.notes == result.notes


@pytest.fixture(scope="module")
def magelang_kelurahan():
    return gpd.read_file(DATA_DIR / "magelang" / "kelurahan.geojson")


def test_from_layers_uses_kelurahan_centres_and_facilities(magelang_kelurahan):
    weights = pd.Series(1_000.0, index=magelang_kelurahan["kode"])
    facilities = pd.DataFrame(
        {
            "nama": ["RSUD Tidar", "RSUD Tidar", "RS Uji Jauh"],
            "jenis": ["RS", "RS", "RS"],
            "lat": [-7.4856, -7.4854, -0.0263],
            "lon": [110.2161, 110.2183, 109.3425],
            "is_valid": [True, True, False],
        }
    )
    candidates, facility_notes = candidates_from_facilities(facilities)

    result = site_facilities_from_layers(
        magelang_kelurahan,
        weights,
        candidates,
        "pmedian",
        metric_crs="EPSG:32749",
        n_sites=2,
    )

    assert candidates["id"].tolist() == ["RSUD Tidar", "RSUD Tidar (2)"]
    assert "RS Uji Jauh" in facility_notes[0]
    assert result.kpi["sites_chosen"] == 2
    assert len(result.assignment) == 17
    assert any("satu titik di dalam wilayahnya" in note for note in result.notes)


# --- travel along a road layer (tests/conftest.py road_grid) ---
# the grid goes to lon/lat and back: metres survive to well under a millimetre
ROUND_TRIP_M = 0.01


@pytest.fixture
def grid_roads(tmp_path):
    path = tmp_path / "jalan.geojson"
    road_grid().to_file(path)
    return {
        "plain": read_roads(path),
        "speeds": read_roads(path, speed_column="kmj"),
    }


def _grid_points(demand: dict, weights: list[float]):
    points = road_points(demand).assign(bobot=weights)
    candidates = road_points({"C1": (2000, 2000), "C2": (0, 3000)})
    return points, candidates


def test_mclp_covers_by_straight_line_what_the_road_does_not(grid_roads):
    # D1 sits where road A starts; D3 sits 50 m off road E, which joins nothing
    demand, candidates = _grid_points({"D1": (0, 0), "D3": (2750, 50)}, [10, 5])
    common = {"n_sites": 1, "radius_m": 3_200, "crs": UTM_49S}

    straight = site_facilities_from_points(
        demand, candidates, "mclp", circuity=1.0, **common
    )
    along = site_facilities_from_points(
        demand, candidates, "mclp", roads=grid_roads["plain"], **common
    )

    # straight: C1 is 2828 m from D1 and 2089 m from D3, so it covers both
    assert straight.sites["is_chosen"].tolist() == [True, False]
    assert straight.kpi["covered_weight"] == pytest.approx(15.0, abs=1e-9)
    # by road C1 is 4000 m from D1 and C2 3000 m; D3 reaches neither
    assert along.sites["is_chosen"].tolist() == [False, True]
    assert along.kpi["covered_weight"] == pytest.approx(10.0, abs=1e-9)
    rows = along.assignment.set_index("id")
    assert rows.loc["D1", "distance_m"] == pytest.approx(3_000.0, abs=ROUND_TRIP_M)
    assert rows.loc["D1", "is_covered"]
    assert not rows.loc["D3", "is_covered"]
    assert pd.isna(rows.loc["D3", "site_id"])
    assert (
        "1 titik permintaan (bobot 5 dari 15) tidak terhubung lewat jalan ke "
        "kandidat mana pun (D3); titik itu tidak pernah dihitung tercakup."
    ) in along.notes
    assert not any(note.startswith("Periksa ulang") for note in along.notes)


def test_the_result_records_the_road_layer_and_the_way_to_it(grid_roads):
    demand, candidates = _grid_points({"D1": (0, 0), "D3": (2750, 50)}, [10, 5])

    result = site_facilities_from_points(
        demand,
        candidates,
        "mclp",
        n_sites=1,
        radius_m=3_200,
        crs=UTM_49S,
        roads=grid_roads["plain"],
    )

    params = result.parameters
    assert params["travel_method"] == "jaringan"
    assert params["circuity"] == pytest.approx(1.0, abs=0)
    assert params["circuity_setting"] == pytest.approx(1.3, abs=0)
    assert params["roads"]["file_name"] == "jalan.geojson"
    assert len(params["roads"]["sha256"]) == 64
    assert (params["roads"]["nodes"], params["roads"]["components"]) == (6, 2)
    assert "Faktor belok 1,30 tidak dipakai" in " ".join(result.notes)
    assert (
        "paling jauh 50 m ('D3'); 0 titik permintaan dan 0 kandidat berjarak "
        "lebih dari 1.000 m dari jalan." in " ".join(result.notes)
    )
    assert json.loads(json.dumps(result.scenario_dict()))["parameters"]["roads"]


def test_minutes_follow_each_roads_speed_and_the_way_to_the_road(grid_roads):
    # D4 is 300 m west of road A, level with its 1000 m mark
    demand, candidates = _grid_points({"D1": (0, 0), "D4": (-300, 1000)}, [10, 1])
    common = {"n_sites": 1, "radius_min": 5.0, "speed_kmh": 30.0, "crs": UTM_49S}

    own = site_facilities_from_points(
        demand, candidates, "mclp", roads=grid_roads["speeds"], **common
    )
    flat = site_facilities_from_points(
        demand, candidates, "mclp", roads=grid_roads["plain"], **common
    )

    own_rows = own.assignment.set_index("id")
    # D1 to C2: 3 km of road A at 60 km/h
    assert own_rows.loc["D1", "site_id"] == "C2"
    assert own_rows.loc["D1", "travel"] == pytest.approx(3.0, abs=1e-4)
    # D4: 300 m to the road at 30 km/h (0,6 min), then 2 km at 60 km/h (2 min)
    assert own_rows.loc["D4", "travel"] == pytest.approx(2.6, abs=1e-4)
    assert own_rows.loc["D4", "distance_m"] == pytest.approx(2_300.0, abs=0.01)
    assert own.kpi["covered_share"] == pytest.approx(1.0, abs=1e-12)
    assert any("kecepatan tiap ruas jalan" in note for note in own.notes)
    # without the speed column every road is at 30 km/h: D1 to C2 is 6 minutes
    flat_rows = flat.assignment.set_index("id")
    assert flat_rows.loc["D1", "travel"] == pytest.approx(6.0, abs=1e-4)
    assert flat.kpi["covered_weight"] == pytest.approx(1.0, abs=1e-9)


def test_road_speeds_are_said_to_be_unused_for_a_reach_in_metres(grid_roads):
    demand, candidates = _grid_points({"D1": (0, 0)}, [10])

    result = site_facilities_from_points(
        demand,
        candidates,
        "mclp",
        n_sites=1,
        radius_m=3_200,
        crs=UTM_49S,
        roads=grid_roads["speeds"],
    )

    assert result.assignment["distance_m"].iloc[0] == pytest.approx(
        3_000.0, abs=ROUND_TRIP_M
    )
    assert any("Kecepatan per ruas tidak dipakai" in n for n in result.notes)


def test_quickest_path_and_its_length_on_a_small_graph():
    # a-b-c: 2 km at 20 km/h (6 min); a-d-c: 3 km at 60 km/h (3 min)
    graph = nx.Graph()
    graph.add_edge("a", "b", length_m=1_000.0, minutes=3.0)
    graph.add_edge("b", "c", length_m=1_000.0, minutes=3.0)
    graph.add_edge("a", "d", length_m=1_500.0, minutes=1.5)
    graph.add_edge("d", "c", length_m=1_500.0, minutes=1.5)
    graph.add_node("island")

    quick = network_cost(
        graph, ["c", "island"], ["a"], speed_kmh=20.0, time_attr="minutes"
    )
    short = network_cost(graph, ["c"], ["a"], speed_kmh=20.0)

    assert quick.values[0, 0] == pytest.approx(3.0, abs=1e-12)
    assert quick.distance_m[0, 0] == pytest.approx(3_000.0, abs=1e-9)
    assert np.isinf(quick.values[1, 0]) and np.isinf(quick.distance_m[1, 0])
    assert short.distance_m[0, 0] == pytest.approx(2_000.0, abs=1e-9)
    assert short.values[0, 0] == pytest.approx(6.0, abs=1e-12)


def test_a_stranded_point_with_need_is_explained_for_pmedian(grid_roads):
    demand, candidates = _grid_points({"D1": (0, 0), "D3": (2750, 50)}, [10, 5])

    with pytest.raises(
        GeoInputError,
        match=r"1 titik permintaan \(bobot 5 dari 15\) tidak terhubung .* \(D3\)",
    ):
        site_facilities_from_points(
            demand,
            candidates,
            "pmedian",
            n_sites=1,
            crs=UTM_49S,
            roads=grid_roads["plain"],
        )


def test_no_road_between_any_pair_is_explained_with_numbers(grid_roads):
    demand, candidates = _grid_points({"D3": (2750, 50)}, [5])

    with pytest.raises(
        GeoInputError,
        match="tak satu pun dari 1 titik permintaan terhubung ke salah satu dari 2",
    ):
        site_facilities_from_points(
            demand,
            candidates,
            "mclp",
            n_sites=1,
            radius_m=5_000,
            crs=UTM_49S,
            roads=grid_roads["plain"],
        )


def test_roads_far_from_every_point_are_refused(grid_roads):
    # points in Jakarta, roads in Magelang
    demand = pd.DataFrame({"id": ["J"], "lat": [-6.2], "lon": [106.82], "bobot": [1]})
    candidates = pd.DataFrame({"id": ["S"], "lat": [-6.19], "lon": [106.83]})

    with pytest.raises(GeoInputError, match=r"jauh dari semua titik: .* km"):
        site_facilities_from_points(
            demand, candidates, "pmedian", n_sites=1, roads=grid_roads["plain"]
        )


def test_from_layers_passes_the_roads_on(magelang_kelurahan, grid_roads):
    weights = pd.Series(1_000.0, index=magelang_kelurahan["kode"])
    candidates = pd.DataFrame(
        {"id": ["Uji"], "lat": [-7.4715], "lon": [110.2200], "tetap": [False]}
    )

    result = site_facilities_from_layers(
        magelang_kelurahan,
        weights,
        candidates,
        "mclp",
        metric_crs=UTM_49S,
        n_sites=1,
        radius_m=2_000,
        roads=grid_roads["plain"],
    )

    assert result.parameters["travel_method"] == "jaringan"
    assert result.parameters["roads"]["file_name"] == "jalan.geojson"
    assert len(result.assignment) == 17
    assert any("berjarak lebih dari 1.000 m dari jalan" in n for n in result.notes)
