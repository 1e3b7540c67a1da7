"""Benchmark the siting core against spopt's default path (dense model, CBC).

Instances (real kelurahan/desa centres, seeded weights and candidates):

- Jakarta: 267 kelurahan × 50 candidates, MCLP and p-median;
- Kabupaten Klaten (Jawa Tengah): 401 desa × 100 candidates, MCLP and p-median;
- all of Jawa Tengah: 8,563 desa × 500 candidates, MCLP.

Travel along roads: a synthetic road grid of 5,100 edges over Jakarta (51 × 51
nodes, each edge one line of the file), read with ``geo.roads.read_roads`` from
GeoJSON bytes, then the 267 × 50 network cost (graph with the points joined,
one Dijkstra per candidate) and the MCLP on it.

For each: wall and CPU seconds (median of 3 runs for ours) and objective of
``geo.siting.site_facilities`` (HiGHS via ``pulp.HiGHS``; p-median on each
point's nearest candidates; MCLP above 200,000 cells built sparse on the pairs
within the radius) against spopt ``from_cost_matrix(...).solve(...)`` with
``pulp.PULP_CBC_CMD`` (spopt's default) and with ``pulp.HiGHS``. CPU time
counts the CBC subprocess too, so it is fair on a loaded machine.

Run: ``.venv/bin/python benchmarks/bench_allocation.py`` (add ``--skip-dense``
to leave out the dense 8,563 × 500 baselines, which take minutes, or
``--network-only`` for the road timing alone).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pulp
from spopt.locate import MCLP, PMedian

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import shapely  # noqa: E402

from geo.crs import GEOGRAPHIC_CRS, UTM_48S, UTM_49S  # noqa: E402
from geo.roads import read_roads  # noqa: E402
from geo.siting import (  # noqa: E402
    network_cost_from_points,
    site_facilities,
    straight_line_cost,
)

SHARED = Path("/work/shared/data")
JAKARTA = SHARED / "jakarta" / "kelurahan.geojson"
JATENG_ZIP = SHARED / "jateng" / "desa_kelurahan.geojson.zip"
JATENG = f"zip://{JATENG_ZIP}!desa_kelurahan.geojson"
SEED = 5
BASELINE_LIMIT_S = 600.0
REPEATS = 3  # ours is run 3 times and the median shown

warnings.filterwarnings("ignore", category=DeprecationWarning)


def centres(layer: gpd.GeoDataFrame, crs: str) -> np.ndarray:
    points = layer.to_crs(crs).geometry.representative_point()
    return np.column_stack([points.x, points.y])


def instance(xy: np.ndarray, n_candidate: int, seed: int):
    rng = np.random.default_rng(seed)
    weights = rng.integers(1_000, 50_000, len(xy)).astype(float)
    chosen = rng.choice(len(xy), n_candidate, replace=False)
    return xy, xy[chosen], weights


def cpu_seconds() -> float:
    """CPU time of this process and of finished children (CBC runs as one)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(function):
    """Return the value, wall seconds and CPU seconds of one call."""
    started, cpu_started = time.perf_counter(), cpu_seconds()
    value = function()
    return value, time.perf_counter() - started, cpu_seconds() - cpu_started


def ours(cost, weights, model, p, radius):
    runs = [
        timed(lambda: site_facilities(cost, weights, model, n_sites=p, radius=radius))
        for _ in range(REPEATS)
    ]
    result = runs[-1][0]
    seconds = float(np.median([run[1] for run in runs]))
    cpu = float(np.median([run[2] for run in runs]))
    if model == "mclp":
        objective = result.kpi["covered_weight"]
    else:
        assignment = result.assignment
        objective = float((assignment["weight"] * assignment["travel"]).sum())
    return seconds, cpu, objective, result


def spopt_baseline(cost, weights, model, p, radius, solver):
    def run():
        if model == "mclp":
            built = MCLP.from_cost_matrix(cost.values, weights, radius, p)
        else:
            built = PMedian.from_cost_matrix(cost.values, weights, p)
        built.problem.solve(solver)
        return built

    built, seconds, cpu = timed(run)
    status = pulp.LpStatus[built.problem.status]
    return seconds, cpu, float(pulp.value(built.problem.objective)), status


def report(name, model, cost, weights, p, radius, dense_baselines=True):
    shape = f"{cost.values.shape[0]} × {cost.values.shape[1]}"
    seconds, cpu, objective, result = ours(cost, weights, model, p, radius)
    line = (
        f"{name:<28} {model:<8} {shape:>11}  ours/HiGHS  {seconds:6.2f} s "
        f"(CPU {cpu:6.2f} s)  obj {objective:,.0f}  [{result.solve.status}"
        f"{', sparse' if result.parameters['is_sparse'] else ''}]"
    )
    print(line, flush=True)
    if not dense_baselines:
        print(f"{'':<28} {'':<8} {'':>11}  spopt dense baselines skipped", flush=True)
        return
    for label, solver in (
        ("spopt/CBC", pulp.PULP_CBC_CMD(msg=False, timeLimit=BASELINE_LIMIT_S)),
        ("spopt/HiGHS", pulp.HiGHS(msg=False, timeLimit=BASELINE_LIMIT_S)),
    ):
        base_seconds, base_cpu, base_objective, status = spopt_baseline(
            cost, weights, model, p, radius, solver
        )
        print(
            f"{'':<28} {'':<8} {'':>11}  {label:<12}{base_seconds:6.2f} s "
            f"(CPU {base_cpu:6.2f} s)  obj {base_objective:,.0f}  [{status}]  "
            f"CPU ratio {base_cpu / cpu:5.1f}× ours",
            flush=True,
        )


def road_grid_bytes(xy: np.ndarray, side: int) -> bytes:
    """GeoJSON of a side × side grid of roads over the points, one line per edge."""
    west, south = xy.min(axis=0)
    east, north = xy.max(axis=0)
    xs, ys = np.linspace(west, east, side), np.linspace(south, north, side)
    lines = [
        shapely.LineString([(xs[i], ys[j]), (xs[i + 1], ys[j])])
        for i in range(side - 1)
        for j in range(side)
    ] + [
        shapely.LineString([(xs[i], ys[j]), (xs[i], ys[j + 1])])
        for i in range(side)
        for j in range(side - 1)
    ]
    rng = np.random.default_rng(SEED)
    layer = gpd.GeoDataFrame(
        {"kmj": rng.choice([20.0, 30.0, 50.0], len(lines))}, geometry=lines, crs=UTM_48S
    )
    return layer.to_crs(GEOGRAPHIC_CRS).to_json().encode()


def report_network(xy: np.ndarray) -> None:
    demand, candidates, weights = instance(xy, 50, SEED)
    data = road_grid_bytes(xy, 51)
    roads, read_s, read_cpu = timed(
        lambda: read_roads(data, "grid.geojson", speed_column="kmj", metric_crs=UTM_48S)
    )
    points = np.vstack([demand, candidates])
    graph, graph_s, _ = timed(lambda: roads.graph(UTM_48S, 30.0, join=points))
    cost, cost_s, cost_cpu = timed(
        lambda: network_cost_from_points(
            graph, demand, candidates, speed_kmh=30.0, time_attr="minutes"
        )
    )
    result, solve_s, _ = timed(
        lambda: site_facilities(cost, weights, "mclp", n_sites=10, radius=10.0)
    )
    print(
        f"{'Jakarta roads (10 min, p 10)':<28} {'mclp':<8} "
        f"{cost.values.shape[0]} × {cost.values.shape[1]}  "
        f"{roads.edges:,} edges, {graph.number_of_nodes():,} nodes joined: "
        f"read {read_s:.2f} s (CPU {read_cpu:.2f} s), graph {graph_s:.2f} s, "
        f"network cost {cost_s:.2f} s (CPU {cost_cpu:.2f} s), solve {solve_s:.2f} s "
        f"[{result.solve.status}], covered {result.kpi['covered_share']:.3f}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-dense", action="store_true")
    parser.add_argument("--network-only", action="store_true")
    args = parser.parse_args()

    jakarta = gpd.read_file(JAKARTA)
    if args.network_only:
        report_network(centres(jakarta, UTM_48S))
        return 0
    jateng = gpd.read_file(JATENG)
    klaten = jateng[jateng["kode_kabkota"] == "33.10"]
    print(
        f"circuity 1.3; weights and candidates seeded {SEED}; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs",
        flush=True,
    )

    demand, candidates, weights = instance(centres(jakarta, UTM_48S), 50, SEED)
    cost = straight_line_cost(demand, candidates)
    report("Jakarta (r 2 km, p 10)", "mclp", cost, weights, 10, 2_000.0)
    report("Jakarta (p 10)", "pmedian", cost, weights, 10, None)
    report_network(centres(jakarta, UTM_48S))

    demand, candidates, weights = instance(centres(klaten, UTM_49S), 100, SEED)
    cost = straight_line_cost(demand, candidates)
    report("Klaten (r 3 km, p 15)", "mclp", cost, weights, 15, 3_000.0)
    report("Klaten (p 15)", "pmedian", cost, weights, 15, None)

    demand, candidates, weights = instance(centres(jateng, UTM_49S), 500, SEED)
    cost = straight_line_cost(demand, candidates)
    report(
        "Jawa Tengah (r 5 km, p 100)",
        "mclp",
        cost,
        weights,
        100,
        5_000.0,
        dense_baselines=not args.skip_dense,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
