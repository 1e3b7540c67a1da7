"""Choose sites for facilities: MCLP, p-median, LSCP and p-center with spopt.

Questions: "If we open two isolation centres, where, so that most residents are
within 2 km?", "Where should 6 ambulances wait so that most people are reached
within 10 minutes?".

The array core :func:`site_facilities` works on a demand × candidate travel-cost
matrix; :func:`site_facilities_from_points` reads demand and candidate points
(metric x/y or lat/lon), measures travel and delegates. Every answer is checked
again in our own code after the solve, and the figures returned are the
re-checked ones.
"""

from __future__ import annotations

import logging
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pulp
from pyproj import CRS, Transformer
from scipy.spatial import cKDTree

from geo.allocation import (
    DEFAULT_TIME_LIMIT_S,
    SCENARIO_VERSION,
    SolveReport,
    from_plain,
    solve_problem,
    to_plain,
)
from geo.crs import GEOGRAPHIC_CRS, utm_for
from geo.errors import GeoInputError
from geo.text import fmt_int, fmt_num, t

if TYPE_CHECKING:
    import networkx as nx

    from geo.roads import RoadNetwork

logger = logging.getLogger(__name__)

MODELS = ("mclp", "pmedian", "lscp", "pcenter")
MODELS_WITH_RADIUS = ("mclp", "lscp")
MODELS_WITH_P = ("mclp", "pmedian", "pcenter")
# LIMITATION: spopt 0.7 has capacities for p-median and LSCP only; MCLP and
# p-center with capacities are refused, so those answers may overfill a site.
MODELS_WITH_CAPACITY = ("pmedian", "lscp")
# LIMITATION: one circuity factor for the whole region; straight-line travel
# times it ignores rivers, one-way streets and congestion, so reach is approximate.
DEFAULT_CIRCUITY = 1.3
DEFAULT_SPEED_KMH = 30.0
# Straight way from a point to the road (metres): noted beyond the first, and
# beyond the second no road is near any point (a wrong file or CRS).
FAR_FROM_ROAD_M = 1_000.0
NO_ROAD_NEARBY_M = 10_000.0
# MCLP models are built sparse (pairs within the radius only) above this size.
SPARSE_MCLP_CELLS = 200_000
# p-median starts from each point's 12 nearest candidates (doubled when short).
NEAREST_K_START = 12
_TOLERANCE = 1e-6


@dataclass(frozen=True, eq=False)
class TravelCost:
    """Travel between demand points (rows) and candidate sites (columns).

    ``distance_m`` is the travel distance in metres (straight line × circuity,
    or along the network); ``values`` is what the models minimise, in ``unit``:
    ``"m"`` (the distance) or ``"min"`` (``minutes`` when given, from each
    road's own speed; otherwise the distance at ``speed_kmh``). Network costs
    from points also keep the straight way from each point to its road node,
    ``demand_gap_m`` and ``candidate_gap_m``.
    """

    distance_m: np.ndarray
    unit: str
    circuity: float
    speed_kmh: float | None
    method: str
    minutes: np.ndarray | None = None
    demand_gap_m: np.ndarray | None = None
    candidate_gap_m: np.ndarray | None = None

    @property
    def values(self) -> np.ndarray:
        """Return the cost in ``unit`` (metres or minutes)."""
        if self.unit == "min" and self.minutes is not None:
            return self.minutes
        if self.unit == "min":
            return self.distance_m / (self.speed_kmh * 1000.0 / 60.0)
        return self.distance_m


@dataclass(frozen=True, eq=False)
class SitingResult:
    """Chosen sites, each demand point's site and travel, re-checked KPIs, notes.

    ``sites``: ``id``, ``is_chosen``, ``is_fixed``, ``capacity`` (NaN if none),
    ``served_weight``, ``served_points``. ``assignment``: ``id``, ``weight``,
    ``site_id`` (<NA> when unserved), ``travel`` (in ``parameters["unit"]``),
    ``distance_m``, ``is_covered``. ``kpi``: ``total_weight``,
    ``covered_weight``, ``covered_share`` (0-1, None without a radius),
    ``mean_travel``, ``worst_travel`` (in the unit), ``mean_distance_m``,
    ``worst_distance_m``, ``unmet_weight``, ``sites_chosen``.
    """

    model: str
    sites: pd.DataFrame
    assignment: pd.DataFrame
    kpi: dict[str, Any]
    solve: SolveReport
    parameters: dict[str, Any]
    notes: tuple[str, ...] = field(default_factory=tuple)

    def scenario_dict(self) -> dict[str, Any]:
        """Return parameters and results as plain JSON data."""
        return {"kind": "lokasi", "version": SCENARIO_VERSION, **to_plain(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SitingResult:
        """Return the result that :meth:`scenario_dict` wrote."""
        body = {key: value for key, value in data.items() if key not in _ENVELOPE}
        return from_plain(body, [cls, SolveReport])


_ENVELOPE = ("kind", "version")


def unit_label(unit: str) -> str:
    """Return the unit as people read it: "m" or "menit"."""
    return t("alok_satuan_menit") if unit == "min" else "m"


def straight_line_cost(
    demand_xy: np.ndarray,
    candidate_xy: np.ndarray,
    *,
    circuity: float = DEFAULT_CIRCUITY,
    speed_kmh: float | None = None,
) -> TravelCost:
    """Return straight-line metres × circuity (or minutes at a speed) per pair.

    Parameters
    ----------
    demand_xy, candidate_xy : np.ndarray
        Coordinates in a metric CRS (metres), shape (n, 2) and (m, 2).
    circuity : float
        Road distance per straight-line distance (≥ 1).
    speed_kmh : float, optional
        Travel speed; when given the cost unit is minutes.

    Returns
    -------
    TravelCost
        Distances in metres and the cost in metres or minutes.

    Raises
    ------
    GeoInputError
        If the circuity is below 1 or the speed is not positive.
    """
    _check_travel_parameters(circuity, speed_kmh)

    demand_xy = np.asarray(demand_xy, dtype=float)
    candidate_xy = np.asarray(candidate_xy, dtype=float)
    delta = demand_xy[:, None, :] - candidate_xy[None, :, :]
    distance = np.hypot(delta[..., 0], delta[..., 1]) * circuity

    return TravelCost(
        distance_m=distance,
        unit="m" if speed_kmh is None else "min",
        circuity=float(circuity),
        speed_kmh=None if speed_kmh is None else float(speed_kmh),
        method="garis_lurus",
    )


def network_cost(
    graph: nx.Graph,
    demand_nodes: Sequence[Any],
    candidate_nodes: Sequence[Any],
    *,
    length_attr: str = "length_m",
    speed_kmh: float | None = None,
    time_attr: str | None = None,
) -> TravelCost:
    """Return shortest-path metres (or minutes at a speed) along a road graph.

    Parameters
    ----------
    graph : nx.Graph
        Road network; each edge has ``length_attr`` in metres.
    demand_nodes, candidate_nodes : sequence
        Graph node of each demand point and each candidate site.
    length_attr : str
        Edge attribute holding the length in metres.
    speed_kmh : float, optional
        Travel speed; when given the cost unit is minutes.
    time_attr : str, optional
        Edge attribute holding minutes (each road at its own speed); used when
        ``speed_kmh`` is given: paths are then the quickest, and
        ``distance_m`` is their length.

    Returns
    -------
    TravelCost
        Network distances; pairs with no path get infinity (never covered).

    Raises
    ------
    GeoInputError
        If a node is not in the graph or the speed is not positive.
    """
    _check_travel_parameters(1.0, speed_kmh)
    missing = [node for node in [*demand_nodes, *candidate_nodes] if node not in graph]
    if missing:
        raise GeoInputError(t("alok_err_simpul", value=missing[0], count=len(missing)))

    quickest = time_attr is not None and speed_kmh is not None
    distance = np.full((len(demand_nodes), len(candidate_nodes)), math.inf)
    minutes = np.full_like(distance, math.inf) if quickest else None
    for column, source in enumerate(candidate_nodes):
        if quickest:
            minutes[:, column], distance[:, column] = _quickest_paths(
                graph, source, demand_nodes, time_attr, length_attr
            )
        else:
            distance[:, column] = _shortest_paths(
                graph, source, demand_nodes, length_attr
            )

    return TravelCost(
        distance_m=distance,
        unit="m" if speed_kmh is None else "min",
        circuity=1.0,
        speed_kmh=None if speed_kmh is None else float(speed_kmh),
        method="jaringan",
        minutes=minutes,
    )


def _shortest_paths(
    graph: nx.Graph, source: Any, targets: Sequence[Any], length_attr: str
) -> list[float]:
    import networkx as nx  # only road-network costs need it (0.3 s import)

    lengths = nx.single_source_dijkstra_path_length(graph, source, weight=length_attr)
    return [lengths.get(node, math.inf) for node in targets]


def _quickest_paths(
    graph: nx.Graph,
    source: Any,
    targets: Sequence[Any],
    time_attr: str,
    length_attr: str,
) -> tuple[list[float], list[float]]:
    """Minutes of the quickest path to each target, and the metres of that path."""
    import networkx as nx

    parents, minutes = nx.dijkstra_predecessor_and_distance(
        graph, source, weight=time_attr
    )
    metres: dict[Any, float] = {source: 0.0}
    for target in targets:
        if target not in minutes:
            continue
        # walk up the tree of quickest paths to a node already measured
        path = [target]
        while path[-1] not in metres:
            path.append(parents[path[-1]][0])
        for child, parent in zip(path[-2::-1], path[:0:-1], strict=True):
            metres[child] = metres[parent] + graph.edges[parent, child][length_attr]
    return (
        [minutes.get(node, math.inf) for node in targets],
        [metres.get(node, math.inf) for node in targets],
    )


def network_cost_from_points(
    graph: nx.Graph,
    demand_xy: np.ndarray,
    candidate_xy: np.ndarray,
    *,
    length_attr: str = "length_m",
    speed_kmh: float | None = None,
    time_attr: str | None = None,
) -> TravelCost:
    """Return road travel between points, each joined to its nearest graph node.

    Parameters
    ----------
    graph : nx.Graph
        Road network whose nodes carry ``x`` and ``y`` in the points' metric
        CRS and whose edges carry ``length_attr`` in metres.
    demand_xy, candidate_xy : np.ndarray
        Points in metres, shape (n, 2) and (m, 2).
    length_attr : str
        Edge attribute holding the length in metres.
    speed_kmh : float, optional
        Travel speed; when given the cost unit is minutes.
    time_attr : str, optional
        Edge attribute holding minutes, as in :func:`network_cost`; the way
        from a point to its node is at ``speed_kmh``.

    Returns
    -------
    TravelCost
        Straight line to the nearest node at each end plus the shortest path;
        the straight parts are kept as ``demand_gap_m`` and
        ``candidate_gap_m``.

    Raises
    ------
    GeoInputError
        If the graph has no node, a node has no ``x``/``y``, or the speed is
        not positive.
    """
    nodes = list(graph.nodes)
    if not nodes:
        raise GeoInputError(t("alok_err_jaringan_kosong"))
    try:
        node_xy = np.array([[graph.nodes[n]["x"], graph.nodes[n]["y"]] for n in nodes])
    except KeyError as err:
        raise GeoInputError(t("alok_err_simpul_xy", count=len(nodes))) from err
    tree = cKDTree(node_xy)
    demand_gap, demand_at = tree.query(np.asarray(demand_xy, dtype=float))
    candidate_gap, candidate_at = tree.query(np.asarray(candidate_xy, dtype=float))

    along = network_cost(
        graph,
        [nodes[i] for i in demand_at],
        [nodes[j] for j in candidate_at],
        length_attr=length_attr,
        speed_kmh=speed_kmh,
        time_attr=time_attr,
    )
    gap_m = demand_gap[:, None] + candidate_gap[None, :]
    minutes = None
    if along.minutes is not None:
        minutes = along.minutes + gap_m / (along.speed_kmh * 1000.0 / 60.0)
    return TravelCost(
        distance_m=along.distance_m + gap_m,
        unit=along.unit,
        circuity=1.0,
        speed_kmh=along.speed_kmh,
        method="jaringan",
        minutes=minutes,
        demand_gap_m=demand_gap,
        candidate_gap_m=candidate_gap,
    )


def _check_travel_parameters(circuity: float, speed_kmh: float | None) -> None:
    if not circuity >= 1:  # written this way so that NaN is rejected too
        raise GeoInputError(t("alok_err_faktor", value=circuity))
    if speed_kmh is not None and not speed_kmh > 0:
        raise GeoInputError(t("alok_err_kecepatan", value=speed_kmh))


def site_facilities(
    cost: TravelCost,
    weights: np.ndarray,
    model: str,
    *,
    n_sites: int | None = None,
    radius: float | None = None,
    fixed: np.ndarray | None = None,
    capacity: np.ndarray | None = None,
    demand_ids: Sequence[Any] | None = None,
    candidate_ids: Sequence[Any] | None = None,
    solver: str = "highs",
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
) -> SitingResult:
    """Return the chosen sites, assignments and re-checked KPIs for one model.

    Models: ``"mclp"`` maximises the demand weight within ``radius`` of a chosen
    site with ``n_sites`` sites; ``"pmedian"`` minimises total weighted travel with
    ``n_sites`` sites; ``"lscp"`` covers every demand point within ``radius`` with the
    fewest sites; ``"pcenter"`` minimises the worst travel with ``n_sites`` sites.

    Parameters
    ----------
    cost : TravelCost
        Demand × candidate travel (see :func:`straight_line_cost`).
    weights : np.ndarray
        Demand weight per demand point (people, cases), ≥ 0.
    model : str
        One of ``MODELS``.
    n_sites : int, optional
        Number of sites in total, fixed ones included (MCLP, p-median, p-center).
    radius : float, optional
        Reach in the cost unit (metres or minutes); required for MCLP and LSCP,
        optional for the others (then it only reports coverage).
    fixed : np.ndarray of bool, optional
        Candidates that are open already and must stay chosen.
    capacity : np.ndarray, optional
        Capacity per candidate in weight units (p-median and LSCP only).
    demand_ids, candidate_ids : sequence, optional
        Labels for the tables (default 0..n-1).
    solver : str
        ``"highs"`` (CBC as fallback) or ``"cbc"``.
    time_limit_s : float
        Time limit of the solve in seconds.

    Returns
    -------
    SitingResult
        Sites, assignment, KPIs re-checked in our own code, solver report, notes.

    Raises
    ------
    GeoInputError
        If an input is out of range, the problem is infeasible (the message gives
        the numbers), or no answer was found within the time limit.

    Notes
    -----
    Church and ReVelle (1974) for MCLP; Hakimi (1964) and ReVelle and Swain
    (1970) for p-median; Toregas et al. (1971) for LSCP; Hakimi (1965) for
    p-center. Models built by spopt (Feng et al. 2022), except large MCLP which
    is built sparse on the pairs within the radius (the same model).
    """
    problem = _check_siting(
        cost,
        weights,
        model,
        n_sites,
        radius,
        fixed,
        capacity,
        demand_ids,
        candidate_ids,
    )

    if problem.model == "pmedian" and problem.capacity is None:
        built, report = _solve_nearest_pmedian(problem, solver, time_limit_s)
    else:
        built = _build_model(problem)
        report = solve_problem(
            built.problem,
            solver=solver,
            time_limit_s=time_limit_s,
            explain_infeasible=lambda: _explain_infeasible(problem),
        )

    return _result_from_solution(problem, built, report)


@dataclass(frozen=True, eq=False)
class _Problem:
    cost: TravelCost
    weights: np.ndarray
    model: str
    n_sites: int | None
    radius: float | None
    fixed: np.ndarray
    capacity: np.ndarray | None
    demand_ids: list[Any]
    candidate_ids: list[Any]
    in_model: np.ndarray  # demand points the model must serve


@dataclass(frozen=True, eq=False)
class _Built:
    problem: pulp.LpProblem
    site_vars: list[pulp.LpVariable]
    assign_vars: np.ndarray | None
    is_sparse: bool
    nearest_k: int | None = None


def _check_siting(
    cost: TravelCost,
    weights: np.ndarray,
    model: str,
    n_sites: int | None,
    radius: float | None,
    fixed: np.ndarray | None,
    capacity: np.ndarray | None,
    demand_ids: Sequence[Any] | None,
    candidate_ids: Sequence[Any] | None,
) -> _Problem:
    if model not in MODELS:
        raise GeoInputError(t("alok_err_model", value=model, choices=", ".join(MODELS)))
    values = cost.values
    n_demand, n_candidate = values.shape
    weights = np.asarray(weights, dtype=float).reshape(-1)
    if n_demand == 0 or n_candidate == 0:
        raise GeoInputError(
            t("alok_err_kosong", demand=n_demand, candidates=n_candidate)
        )
    if len(weights) != n_demand:
        raise GeoInputError(
            t("alok_err_panjang", what="bobot", value=len(weights), expected=n_demand)
        )
    if not np.all(weights >= 0):  # NaN fails the comparison too
        raise GeoInputError(
            t("alok_err_bobot_titik", count=int((~(weights >= 0)).sum()))
        )
    if np.isnan(values).any() or (values < 0).any():
        raise GeoInputError(t("alok_err_biaya"))
    fixed_mask = _as_mask(fixed, n_candidate)
    _check_p_and_radius(model, n_sites, radius, fixed_mask, n_candidate, cost.unit)
    capacity_arr = _check_capacity(model, capacity, n_candidate)

    # p-center and LSCP serve every point with people; empty points cannot bind
    in_model = np.ones(n_demand, dtype=bool)
    if model in ("lscp", "pcenter") and (weights > 0).any():
        in_model = weights > 0
    problem = _Problem(
        cost=cost,
        weights=weights,
        model=model,
        n_sites=None if n_sites is None else int(n_sites),
        radius=None if radius is None else float(radius),
        fixed=fixed_mask,
        capacity=capacity_arr,
        demand_ids=list(range(n_demand)) if demand_ids is None else list(demand_ids),
        candidate_ids=(
            list(range(n_candidate)) if candidate_ids is None else list(candidate_ids)
        ),
        in_model=in_model,
    )
    _check_feasible_before_solve(problem)
    return problem


def _as_mask(fixed: np.ndarray | None, n_candidate: int) -> np.ndarray:
    if fixed is None:
        return np.zeros(n_candidate, dtype=bool)
    mask = np.asarray(fixed, dtype=bool).reshape(-1)
    if len(mask) != n_candidate:
        raise GeoInputError(
            t("alok_err_panjang", what="tetap", value=len(mask), expected=n_candidate)
        )
    return mask


def _check_p_and_radius(
    model: str,
    n_sites: int | None,
    radius: float | None,
    fixed: np.ndarray,
    n_candidate: int,
    unit: str,
) -> None:
    if model in MODELS_WITH_P:
        if (
            n_sites is None
            or isinstance(n_sites, bool)
            or int(n_sites) != n_sites
            or not 1 <= n_sites <= n_candidate
        ):
            raise GeoInputError(t("alok_err_p", value=n_sites, candidates=n_candidate))
        if fixed.sum() > n_sites:
            raise GeoInputError(
                t("alok_err_p_tetap", value=n_sites, fixed=int(fixed.sum()))
            )
    if radius is not None and not radius > 0:
        raise GeoInputError(t("alok_err_radius", value=radius, unit=unit_label(unit)))
    if model in MODELS_WITH_RADIUS and radius is None:
        raise GeoInputError(t("alok_err_radius_perlu", model=t(f"alok_model_{model}")))


def _check_capacity(
    model: str, capacity: np.ndarray | None, n_candidate: int
) -> np.ndarray | None:
    if capacity is None:
        return None
    if model not in MODELS_WITH_CAPACITY:
        raise GeoInputError(
            t("alok_err_kapasitas_model", model=t(f"alok_model_{model}"))
        )
    capacity = np.asarray(capacity, dtype=float).reshape(-1)
    if len(capacity) != n_candidate:
        raise GeoInputError(
            t(
                "alok_err_panjang",
                what="kapasitas",
                value=len(capacity),
                expected=n_candidate,
            )
        )
    if not np.all(capacity >= 0):
        raise GeoInputError(t("alok_err_kapasitas_negatif"))
    return capacity


def _check_feasible_before_solve(problem: _Problem) -> None:
    has_path = np.isfinite(problem.cost.values).any(axis=1)
    if not has_path.any():
        n_demand, n_candidate = problem.cost.values.shape
        raise GeoInputError(
            t("alok_err_tanpa_jalan_semua", demand=n_demand, candidates=n_candidate)
        )
    stranded = problem.in_model & (problem.weights > 0) & ~has_path
    if problem.model != "mclp" and stranded.any():
        rows = np.nonzero(stranded)[0]
        raise GeoInputError(
            t(
                "alok_err_tanpa_jalan",
                count=len(rows),
                weight=fmt_num(problem.weights[rows].sum(), 0),
                total=fmt_num(problem.weights.sum(), 0),
                names=", ".join(str(problem.demand_ids[i]) for i in rows[:5]),
            )
        )
    if problem.model == "lscp":
        reach = problem.cost.values <= problem.radius
        lonely = problem.in_model & ~reach.any(axis=1)
        if lonely.any():
            names = ", ".join(
                str(problem.demand_ids[i]) for i in np.nonzero(lonely)[0][:5]
            )
            raise GeoInputError(
                t(
                    "alok_err_lscp_jauh",
                    count=int(lonely.sum()),
                    radius=fmt_num(problem.radius, 0),
                    unit=unit_label(problem.cost.unit),
                    names=names,
                )
            )
    if problem.capacity is None:
        return
    need = float(problem.weights[problem.in_model].sum())
    capacity = problem.capacity
    if problem.model == "pmedian":
        extra = problem.n_sites - int(problem.fixed.sum())
        best = np.sort(capacity[~problem.fixed])[::-1][:extra].sum()
        available = float(capacity[problem.fixed].sum() + best)
        where = t("alok_kapasitas_p", p=problem.n_sites)
    else:
        available = float(capacity.sum())
        where = t("alok_kapasitas_semua")
    if available < need - _TOLERANCE:
        raise GeoInputError(
            t(
                "alok_err_kapasitas",
                capacity=fmt_int(available),
                need=fmt_int(need),
                where=where,
            )
        )
    if problem.model == "pmedian" and problem.weights.max() > capacity.max():
        heaviest = int(np.argmax(problem.weights))
        raise GeoInputError(
            t(
                "alok_err_kapasitas_titik",
                name=problem.demand_ids[heaviest],
                need=fmt_int(problem.weights[heaviest]),
                capacity=fmt_int(capacity.max()),
            )
        )


def _explain_infeasible(problem: _Problem) -> str:
    if problem.capacity is not None:
        need = float(problem.weights[problem.in_model].sum())
        return t(
            "alok_infeasible_kapasitas",
            capacity=fmt_int(problem.capacity.sum()),
            need=fmt_int(need),
        )
    return t("alok_infeasible_umum", model=t(f"alok_model_{problem.model}"))


def _model_values(problem: _Problem) -> np.ndarray:
    """Costs for the solver: no path (infinity) becomes a finite, dominated cost."""
    values = problem.cost.values
    finite = np.isfinite(values)
    if finite.all():
        return values
    penalty = 10.0 * float(values[finite].max(initial=1.0)) + 1.0
    return np.where(finite, values, penalty)


def _build_model(problem: _Problem) -> _Built:
    # spopt 0.7 builds variables with a constructor PuLP 3.3 deprecates
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="Constructing LpVariable", category=DeprecationWarning
        )
        return _build_spopt_model(problem)


def _build_spopt_model(problem: _Problem) -> _Built:
    # imported here: spopt loads libpysal and pointpats (about 1.2 s), which the
    # sparse MCLP, the nearest-candidate p-median and referral never need
    from spopt.locate import LSCP, MCLP, PCenter, PMedian

    values = _model_values(problem)
    predefined = problem.fixed.astype(int) if problem.fixed.any() else None
    if problem.model == "mclp":
        if values.size > SPARSE_MCLP_CELLS:
            return _sparse_mclp(problem)
        spopt_model = MCLP.from_cost_matrix(
            values,
            problem.weights,
            service_radius=problem.radius,
            p_facilities=problem.n_sites,
            predefined_facilities_arr=predefined,
        )
        return _Built(spopt_model.problem, spopt_model.fac_vars, None, False)

    kept = values[problem.in_model]
    weights = problem.weights[problem.in_model]
    if problem.model == "pmedian":
        spopt_model = PMedian.from_cost_matrix(
            kept,
            weights,
            p_facilities=problem.n_sites,
            predefined_facilities_arr=predefined,
            facility_capacities=problem.capacity,
        )
    elif problem.model == "pcenter":
        spopt_model = PCenter.from_cost_matrix(
            kept, p_facilities=problem.n_sites, predefined_facilities_arr=predefined
        )
    else:
        spopt_model = LSCP.from_cost_matrix(
            kept,
            service_radius=problem.radius,
            predefined_facilities_arr=predefined,
            demand_quantity_arr=None if problem.capacity is None else weights,
            facility_capacity_arr=problem.capacity,
        )
    assign = getattr(spopt_model, "cli_assgn_vars", None)
    return _Built(spopt_model.problem, spopt_model.fac_vars, assign, False)


def _sparse_mclp(problem: _Problem) -> _Built:
    """MCLP of Church and ReVelle (1974) with only the pairs within the radius."""
    reach = problem.cost.values <= problem.radius
    n_candidate = reach.shape[1]
    model = pulp.LpProblem("mclp-sparse", pulp.LpMaximize)
    site_vars = [
        model.add_variable(f"x_{j}", cat=pulp.LpBinary) for j in range(n_candidate)
    ]
    rows, columns = np.nonzero(reach)
    reachable = np.unique(rows)
    covered = {i: model.add_variable(f"y_{i}", cat=pulp.LpBinary) for i in reachable}
    model += pulp.lpSum(problem.weights[i] * covered[i] for i in reachable)
    splits = np.searchsorted(rows, reachable, side="left")
    ends = np.searchsorted(rows, reachable, side="right")
    for i, start, end in zip(reachable, splits, ends, strict=True):
        model += pulp.lpSum(site_vars[j] for j in columns[start:end]) >= covered[i]
    model += pulp.lpSum(site_vars) == problem.n_sites
    for j in np.nonzero(problem.fixed)[0]:
        site_vars[j].setInitialValue(1)
        site_vars[j].fixValue()
    return _Built(model, site_vars, None, True)


def _solve_nearest_pmedian(
    problem: _Problem, solver: str, time_limit_s: float
) -> tuple[_Built, SolveReport]:
    """Exact p-median on each point's k nearest candidates, doubling k if needed.

    Each point may also take a "beyond" assignment costing its (k+1)-th nearest
    travel, a lower bound on any farther site; so the model is a relaxation of
    the full p-median, and an optimum that uses no "beyond" assignment is
    optimal for the full model (the k-nearest p-median of spopt, after
    Church 2003 and Elloumi 2010).
    """
    n_candidate = problem.cost.values.shape[1]
    # LIMITATION: the time limit applies to each round of k; a p-median that
    # needs several rounds can run longer than the limit in total.
    nearest_k = min(n_candidate, NEAREST_K_START)
    while True:
        built, beyond = _nearest_pmedian_model(problem, nearest_k)
        report = solve_problem(
            built.problem,
            solver=solver,
            time_limit_s=time_limit_s,
            explain_infeasible=lambda: _explain_infeasible(problem),
        )
        used_beyond = any((var.varValue or 0.0) > 0.5 for var in beyond)
        if not used_beyond or nearest_k == n_candidate:
            return built, report
        logger.info("p-median: k = %s too small, doubling", nearest_k)
        nearest_k = min(n_candidate, 2 * nearest_k)


def _nearest_pmedian_model(
    problem: _Problem, nearest_k: int
) -> tuple[_Built, list[pulp.LpVariable]]:
    values = _model_values(problem)
    n_demand, n_candidate = values.shape
    order = np.argsort(values, axis=1, kind="stable")
    model = pulp.LpProblem("pmedian-nearest", pulp.LpMinimize)
    site_vars = [
        model.add_variable(f"y_{j}", cat=pulp.LpBinary) for j in range(n_candidate)
    ]
    objective = []
    beyond = []
    for i in range(n_demand):
        terms = []
        for j in order[i, :nearest_k]:
            assign = model.add_variable(f"z_{i}_{j}", lowBound=0, upBound=1)
            model += assign <= site_vars[j]
            terms.append(assign)
            objective.append(problem.weights[i] * values[i, j] * assign)
        if nearest_k < n_candidate:
            far = model.add_variable(f"u_{i}", lowBound=0, upBound=1)
            terms.append(far)
            beyond.append(far)
            objective.append(problem.weights[i] * values[i, order[i, nearest_k]] * far)
        model += pulp.lpSum(terms) == 1
    model += pulp.lpSum(objective)
    model += pulp.lpSum(site_vars) == problem.n_sites
    for j in np.nonzero(problem.fixed)[0]:
        site_vars[j].setInitialValue(1)
        site_vars[j].fixValue()
    built = _Built(model, site_vars, None, nearest_k < n_candidate, nearest_k)
    return built, beyond


def _result_from_solution(
    problem: _Problem, built: _Built, report: SolveReport
) -> SitingResult:
    chosen = np.array([(var.varValue or 0.0) > 0.5 for var in built.site_vars])
    shares = _assignment_shares(problem, built, chosen)
    checked = _recheck(problem, chosen, shares)

    sites = _sites_table(problem, chosen, shares)
    assignment = _assignment_table(problem, shares, checked)
    kpi = _kpi(problem, assignment, chosen)
    notes = _siting_notes(problem, built, report, checked, kpi)
    parameters = {
        "model": problem.model,
        "n_sites": problem.n_sites,
        "radius": problem.radius,
        "unit": problem.cost.unit,
        "circuity": problem.cost.circuity,
        "speed_kmh": problem.cost.speed_kmh,
        "travel_method": problem.cost.method,
        "fixed_sites": [problem.candidate_ids[j] for j in np.nonzero(problem.fixed)[0]],
        "has_capacity": problem.capacity is not None,
        "time_limit_s": report.time_limit_s,
        "is_sparse": built.is_sparse,
        "nearest_k": built.nearest_k,
    }
    logger.info(
        "siting %s: %s of %s sites, covered %s",
        problem.model,
        int(chosen.sum()),
        len(chosen),
        kpi["covered_weight"],
    )
    return SitingResult(
        model=problem.model,
        sites=sites,
        assignment=assignment,
        kpi=kpi,
        solve=report,
        parameters=parameters,
        notes=notes,
    )


def _assignment_shares(
    problem: _Problem, built: _Built, chosen: np.ndarray
) -> np.ndarray:
    """Share of each demand point served by each site (rows sum to 1 or 0)."""
    values = problem.cost.values
    n_demand, n_candidate = values.shape
    shares = np.zeros((n_demand, n_candidate))
    if problem.capacity is not None and built.assign_vars is not None:
        solved = np.vectorize(lambda var: var.varValue or 0.0, otypes=[float])(
            built.assign_vars
        )
        shares[problem.in_model] = np.clip(solved, 0.0, None)
        return shares
    if not chosen.any():
        return shares
    open_columns = np.nonzero(chosen)[0]
    nearest = open_columns[np.argmin(values[:, open_columns], axis=1)]
    # a point with no path to any open site (network cost) stays unserved
    reachable = np.isfinite(values[np.arange(n_demand), nearest])
    shares[np.nonzero(reachable)[0], nearest[reachable]] = 1.0
    return shares


@dataclass(frozen=True, eq=False)
class _Checked:
    travel: np.ndarray
    distance_m: np.ndarray
    is_covered: np.ndarray
    problems: tuple[str, ...]


def _recheck(problem: _Problem, chosen: np.ndarray, shares: np.ndarray) -> _Checked:
    """Recompute travel and coverage from the chosen sites; list any violation."""
    values = problem.cost.values
    served = shares.sum(axis=1)
    used = shares > 0
    # multiply only where a share is used: 0 × inf (no path) would give NaN
    travel_sum = (np.where(used, values, 0.0) * shares).sum(axis=1)
    distance_sum = (np.where(used, problem.cost.distance_m, 0.0) * shares).sum(axis=1)
    travel = np.where(served > 0, travel_sum, np.nan)
    distance = np.where(served > 0, distance_sum, np.nan)
    worst_share_cost = np.where(shares > _TOLERANCE, values, -np.inf).max(axis=1)
    if problem.radius is None:
        is_covered = served > 0
    else:
        is_covered = (served > 0) & (worst_share_cost <= problem.radius + _TOLERANCE)

    found = []
    if (shares[:, ~chosen] > _TOLERANCE).any():
        found.append(t("alok_cek_tutup"))
    unserved = problem.in_model & (np.abs(served - 1.0) > _TOLERANCE)
    if problem.model != "mclp" and unserved.any():
        found.append(t("alok_cek_tak_terlayani", count=int(unserved.sum())))
    if problem.capacity is not None:
        load = problem.weights @ shares
        over = load > problem.capacity * (1 + _TOLERANCE) + _TOLERANCE
        if over.any():
            found.append(t("alok_cek_kapasitas", count=int(over.sum())))
    if problem.model == "lscp" and (problem.in_model & ~is_covered).any():
        found.append(
            t("alok_cek_lscp", count=int((problem.in_model & ~is_covered).sum()))
        )
    if problem.model in MODELS_WITH_P and chosen.sum() != problem.n_sites:
        found.append(t("alok_cek_p", value=int(chosen.sum()), p=problem.n_sites))
    if problem.fixed.any() and not chosen[problem.fixed].all():
        found.append(t("alok_cek_tetap"))
    for message in found:
        logger.warning("re-check of %s: %s", problem.model, message)
    return _Checked(travel, distance, is_covered, tuple(found))


def _sites_table(
    problem: _Problem, chosen: np.ndarray, shares: np.ndarray
) -> pd.DataFrame:
    capacity = (
        problem.capacity
        if problem.capacity is not None
        else np.full(len(chosen), np.nan)
    )
    return pd.DataFrame(
        {
            "id": pd.Series(problem.candidate_ids, dtype=object).astype(str),
            "is_chosen": chosen,
            "is_fixed": problem.fixed,
            "capacity": capacity.astype(float),
            "served_weight": problem.weights @ shares,
            "served_points": (shares > _TOLERANCE).sum(axis=0).astype(np.int64),
        }
    )


def _assignment_table(
    problem: _Problem, shares: np.ndarray, checked: _Checked
) -> pd.DataFrame:
    served = shares.sum(axis=1) > 0
    main_site = np.argmax(shares, axis=1)
    site_ids = pd.Series(
        [
            str(problem.candidate_ids[j]) if ok else None
            for j, ok in zip(main_site, served, strict=True)
        ],
        dtype="str",
    )
    return pd.DataFrame(
        {
            "id": pd.Series(problem.demand_ids, dtype=object).astype(str),
            "weight": problem.weights,
            "site_id": site_ids,
            "travel": checked.travel,
            "distance_m": checked.distance_m,
            "is_covered": checked.is_covered,
        }
    )


def _kpi(
    problem: _Problem, assignment: pd.DataFrame, chosen: np.ndarray
) -> dict[str, Any]:
    weights = assignment["weight"].to_numpy()
    total = float(weights.sum())
    served = assignment["travel"].notna().to_numpy()
    mean_weights = np.where(served, weights, 0.0)
    if mean_weights.sum() == 0:
        mean_weights = served.astype(float)
    relevant = served & ((weights > 0) | (total == 0))

    def weighted_mean(column: str) -> float | None:
        if mean_weights.sum() == 0:
            return None
        values = assignment[column].fillna(0.0).to_numpy()
        return float(np.sum(values * mean_weights) / mean_weights.sum())

    def worst(column: str) -> float | None:
        return float(assignment.loc[relevant, column].max()) if relevant.any() else None

    covered = float(weights[assignment["is_covered"].to_numpy()].sum())
    has_radius = problem.radius is not None
    return {
        "total_weight": total,
        "covered_weight": covered if has_radius else None,
        "covered_share": (covered / total if total > 0 else None)
        if has_radius
        else None,
        "mean_travel": weighted_mean("travel"),
        "worst_travel": worst("travel"),
        "mean_distance_m": weighted_mean("distance_m"),
        "worst_distance_m": worst("distance_m"),
        "unmet_weight": (total - covered)
        if has_radius
        else float(weights[~served].sum()),
        "sites_chosen": int(chosen.sum()),
    }


def _siting_notes(
    problem: _Problem,
    built: _Built,
    report: SolveReport,
    checked: _Checked,
    kpi: dict[str, Any],
) -> tuple[str, ...]:
    cost = problem.cost
    notes = []
    if cost.method == "garis_lurus":
        notes.append(t("alok_note_garis_lurus", circuity=fmt_num(cost.circuity, 2)))
    else:
        notes.append(t("alok_note_jaringan"))
        notes.extend(_disconnected_notes(problem))
    if cost.speed_kmh is not None and cost.minutes is not None:
        notes.append(t("alok_note_kecepatan_ruas", speed=fmt_num(cost.speed_kmh, 0)))
    elif cost.speed_kmh is not None:
        notes.append(t("alok_note_kecepatan", speed=fmt_num(cost.speed_kmh, 0)))
    notes.append(t("alok_note_solver", solver=report.solver, status=report.status_text))
    if report.fallback_used:
        notes.append(t("alok_note_fallback"))
    if not report.is_optimal:
        notes.append(
            t("alok_note_belum_optimal", seconds=fmt_num(report.time_limit_s, 0))
        )
    if built.is_sparse and built.nearest_k is not None:
        notes.append(t("alok_note_terdekat", k=built.nearest_k))
    elif built.is_sparse:
        notes.append(t("alok_note_sparse"))
    if problem.fixed.any():
        notes.append(t("alok_note_tetap", count=int(problem.fixed.sum())))
    if (~problem.in_model).any():
        notes.append(
            t("alok_note_bobot_nol_titik", count=int((~problem.in_model).sum()))
        )
    if problem.model == "lscp" and problem.capacity is not None:
        # LIMITATION: capacitated LSCP (spopt CLSCP-SO) may split one point over
        # several sites; the table shows the largest share only.
        notes.append(t("alok_note_lscp_bagi"))
    if problem.model == "mclp":
        solver_weight = report.objective
        if abs(solver_weight - kpi["covered_weight"]) > 1e-6 * max(
            1.0, kpi["total_weight"]
        ):
            notes.append(
                t(
                    "alok_cek_beda",
                    solver=fmt_num(solver_weight, 1),
                    checked=fmt_num(kpi["covered_weight"], 1),
                )
            )
    notes.extend(checked.problems)
    return tuple(notes)


def _disconnected_notes(problem: _Problem) -> list[str]:
    """Demand points and candidates that no road joins to the other side."""
    finite = np.isfinite(problem.cost.values)
    notes = []
    alone = np.nonzero(~finite.any(axis=1))[0]
    if len(alone):
        notes.append(
            t(
                "alok_note_jalan_terputus",
                count=len(alone),
                weight=fmt_num(problem.weights[alone].sum(), 0),
                total=fmt_num(problem.weights.sum(), 0),
                names=", ".join(str(problem.demand_ids[i]) for i in alone[:5]),
            )
        )
    unused = np.nonzero(~finite.any(axis=0))[0]
    if len(unused):
        notes.append(
            t(
                "alok_note_kandidat_terputus",
                count=len(unused),
                names=", ".join(str(problem.candidate_ids[j]) for j in unused[:5]),
            )
        )
    return notes


def site_facilities_from_points(
    demand: pd.DataFrame,
    candidates: pd.DataFrame,
    model: str,
    *,
    n_sites: int | None = None,
    radius_m: float | None = None,
    radius_min: float | None = None,
    crs: str | None = None,
    circuity: float = DEFAULT_CIRCUITY,
    speed_kmh: float = DEFAULT_SPEED_KMH,
    use_fixed: bool = True,
    use_capacity: bool = True,
    solver: str = "highs",
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    roads: RoadNetwork | None = None,
) -> SitingResult:
    """Return a siting answer from demand and candidate points read from files.

    Parameters
    ----------
    demand : pd.DataFrame
        ``id``, ``bobot`` and either ``x``, ``y`` (metres in ``crs``) or
        ``lat``, ``lon`` (degrees, projected to the region's UTM zone).
    candidates : pd.DataFrame
        ``id`` and coordinates as for ``demand``; optional ``kapasitas``
        (weight units) and ``tetap`` (1/true for a site that stays open).
    model : str
        One of ``MODELS``.
    n_sites : int, optional
        Number of sites in total, fixed ones included.
    radius_m, radius_min : float, optional
        Reach in metres, or in minutes at ``speed_kmh`` (give one at most).
    crs : str, optional
        Metric CRS of ``x``/``y`` (e.g. "EPSG:32749"); not used with lat/lon.
    circuity : float
        Road distance per straight-line distance (not used with ``roads``).
    speed_kmh : float
        Travel speed used with ``radius_min``; with ``roads`` that have their
        own speeds, the speed of the roads without one and of the way from a
        point to the road.
    use_fixed, use_capacity : bool
        Whether to honour ``tetap`` and ``kapasitas`` when present; capacity is
        used by p-median and LSCP only, and a note says when it is not.
    solver, time_limit_s
        As :func:`site_facilities`.
    roads : RoadNetwork, optional
        Road layer (:func:`geo.roads.read_roads`); travel is then along its
        shortest (in minutes: quickest) paths, each point joined to its
        nearest road node by a straight line.

    Returns
    -------
    SitingResult
        As :func:`site_facilities`; ``parameters["crs"]`` names the metric CRS
        and ``parameters["roads"]`` the road layer (file, SHA-256, counts).

    Raises
    ------
    GeoInputError
        If a column is missing, a coordinate is invalid, an id repeats, both
        radii are given, the roads lie far from every point, or as
        :func:`site_facilities` (no road path between demand and candidates).
    """
    if radius_m is not None and radius_min is not None:
        raise GeoInputError(t("alok_err_dua_radius"))
    metric_crs, demand_xy, candidate_xy = project_points(demand, candidates, crs)
    weights = _numeric_column(demand, "bobot", t("alok_permintaan"))
    fixed = _fixed_column(candidates) if use_fixed else None
    capacity = None
    has_capacity = "kapasitas" in candidates and candidates["kapasitas"].notna().any()
    ignored = []
    if use_capacity and has_capacity:
        if model in MODELS_WITH_CAPACITY:
            capacity = _numeric_column(candidates, "kapasitas", t("alok_kandidat"))
        else:
            ignored.append(
                t("alok_note_kapasitas_diabaikan", model=t(f"alok_model_{model}"))
            )

    in_minutes = radius_min is not None
    if roads is None:
        cost = straight_line_cost(
            demand_xy,
            candidate_xy,
            circuity=circuity,
            speed_kmh=speed_kmh if in_minutes else None,
        )
    else:
        cost = _road_cost(
            roads, metric_crs, demand_xy, candidate_xy, speed_kmh, in_minutes
        )
    result = site_facilities(
        cost,
        weights,
        model,
        n_sites=n_sites,
        radius=radius_min if in_minutes else radius_m,
        fixed=fixed,
        capacity=capacity,
        demand_ids=demand["id"].astype(str).tolist(),
        candidate_ids=candidates["id"].astype(str).tolist(),
        solver=solver,
        time_limit_s=time_limit_s,
    )

    parameters = {
        **result.parameters,
        "crs": metric_crs,
        "speed_kmh_setting": speed_kmh,
    }
    if roads is not None:
        parameters["roads"] = roads.record()
        parameters["circuity_setting"] = circuity
        ignored = [
            *roads.notes,
            *_road_notes(cost, demand, candidates, circuity),
            *(
                [t("alok_note_kecepatan_ruas_diabaikan")]
                if roads.has_speeds and not in_minutes
                else []
            ),
            *ignored,
        ]
    return replace(result, parameters=parameters, notes=(*result.notes, *ignored))


def _road_cost(
    roads: RoadNetwork,
    metric_crs: str,
    demand_xy: np.ndarray,
    candidate_xy: np.ndarray,
    speed_kmh: float,
    in_minutes: bool,
) -> TravelCost:
    # LIMITATION: the way from a point to its road is a straight line at the
    # run's speed; across a river or a wall it is shorter than any real way
    # (the notes give the longest and count those over 1 km).
    graph = roads.graph(
        metric_crs, speed_kmh, join=np.vstack([demand_xy, candidate_xy])
    )
    cost = network_cost_from_points(
        graph,
        demand_xy,
        candidate_xy,
        speed_kmh=speed_kmh if in_minutes else None,
        time_attr="minutes" if roads.has_speeds else None,
    )
    nearest_m = min(cost.demand_gap_m.min(), cost.candidate_gap_m.min())
    if nearest_m > NO_ROAD_NEARBY_M:
        raise GeoInputError(
            t(
                "alok_err_jalan_jauh",
                name=roads.name,
                km=fmt_num(nearest_m / 1000.0, 1),
                limit=fmt_num(NO_ROAD_NEARBY_M / 1000.0, 0),
            )
        )
    return cost


def _road_notes(
    cost: TravelCost,
    demand: pd.DataFrame,
    candidates: pd.DataFrame,
    circuity: float,
) -> list[str]:
    """Circuity left unused, and the straight way from each point to its road."""
    notes = [t("alok_note_jalan_faktor", circuity=fmt_num(circuity, 2))]
    gaps = np.concatenate([cost.demand_gap_m, cost.candidate_gap_m])
    ids = [*demand["id"].astype(str), *candidates["id"].astype(str)]
    farthest = int(np.argmax(gaps))
    notes.append(
        t(
            "alok_note_jalan_celah",
            gap=fmt_int(gaps[farthest]),
            id=ids[farthest],
            demand=fmt_int((cost.demand_gap_m > FAR_FROM_ROAD_M).sum()),
            candidates=fmt_int((cost.candidate_gap_m > FAR_FROM_ROAD_M).sum()),
            limit=fmt_int(FAR_FROM_ROAD_M),
        )
    )
    return notes


def project_points(
    demand: pd.DataFrame, candidates: pd.DataFrame, crs: str | None
) -> tuple[str, np.ndarray, np.ndarray]:
    """Return the metric CRS and the metre coordinates of demand and candidates.

    Parameters
    ----------
    demand, candidates : pd.DataFrame
        ``id`` and either ``x``, ``y`` in ``crs`` or ``lat``, ``lon`` in degrees.
    crs : str, optional
        Projected CRS of ``x``/``y``; lat/lon go to the UTM zone of their median.

    Returns
    -------
    tuple of (str, np.ndarray, np.ndarray)
        CRS and (n, 2) arrays in metres.

    Raises
    ------
    GeoInputError
        If an id repeats, a coordinate is invalid, or x/y come without a
        projected CRS.
    """
    for frame, what in (
        (demand, t("alok_permintaan")),
        (candidates, t("alok_kandidat")),
    ):
        if "id" not in frame:
            raise GeoInputError(t("alok_err_kolom", columns="id", what=what))
        duplicated = frame["id"].astype(str).duplicated()
        if duplicated.any():
            raise GeoInputError(
                t("alok_err_id_ganda", what=what, value=frame["id"][duplicated].iloc[0])
            )
    has_xy = all(column in demand and column in candidates for column in ("x", "y"))
    has_ll = all(column in demand and column in candidates for column in ("lat", "lon"))
    if has_xy and crs is not None:
        metric = CRS.from_user_input(crs)
        if not metric.is_projected:
            raise GeoInputError(t("alok_err_crs", value=crs))
        return (
            metric.to_string(),
            _coordinates(demand, "x", "y", t("alok_permintaan")),
            _coordinates(candidates, "x", "y", t("alok_kandidat")),
        )
    if has_ll:
        lat_lon = [
            _coordinates(frame, "lon", "lat", what, is_degrees=True)
            for frame, what in (
                (demand, t("alok_permintaan")),
                (candidates, t("alok_kandidat")),
            )
        ]
        every = np.vstack(lat_lon)
        metric = utm_for(float(np.median(every[:, 0])), float(np.median(every[:, 1])))
        transformer = Transformer.from_crs(GEOGRAPHIC_CRS, metric, always_xy=True)
        projected = [
            np.column_stack(transformer.transform(xy[:, 0], xy[:, 1])) for xy in lat_lon
        ]
        return metric, projected[0], projected[1]
    if has_xy:
        raise GeoInputError(t("alok_err_crs_perlu"))
    raise GeoInputError(t("alok_err_koordinat_kolom"))


def _coordinates(
    frame: pd.DataFrame,
    x_column: str,
    y_column: str,
    what: str,
    is_degrees: bool = False,
) -> np.ndarray:
    xy = np.column_stack(
        [
            pd.to_numeric(frame[x_column], errors="coerce").to_numpy(dtype=float),
            pd.to_numeric(frame[y_column], errors="coerce").to_numpy(dtype=float),
        ]
    )
    bad = ~np.isfinite(xy).all(axis=1)
    if is_degrees:
        bad |= (np.abs(xy[:, 1]) > 90) | (np.abs(xy[:, 0]) > 180)
    if bad.any():
        row = int(np.nonzero(bad)[0][0])
        # shown in the file's own terms: lat before lon, each named
        raise GeoInputError(
            t(
                "alok_err_koordinat",
                what=what,
                id=frame["id"].iloc[row],
                first=f"{y_column} {frame[y_column].iloc[row]}",
                second=f"{x_column} {frame[x_column].iloc[row]}",
                count=int(bad.sum()),
                hint=t("alok_hint_derajat" if is_degrees else "alok_hint_meter"),
            )
        )
    return xy


def _numeric_column(frame: pd.DataFrame, column: str, what: str) -> np.ndarray:
    if column not in frame:
        raise GeoInputError(t("alok_err_kolom", columns=column, what=what))
    values = pd.to_numeric(frame[column], errors="coerce")
    bad = ~(values >= 0)
    if bad.any():
        row = int(np.nonzero(bad.to_numpy())[0][0])
        raise GeoInputError(
            t(
                "alok_err_angka",
                column=column,
                what=what,
                id=frame["id"].iloc[row],
                value=frame[column].iloc[row],
            )
        )
    return values.to_numpy(dtype=float)


def _fixed_column(candidates: pd.DataFrame) -> np.ndarray | None:
    if "tetap" not in candidates:
        return None
    text = candidates["tetap"].astype(str).str.strip().str.lower()
    truthy = {"1", "1.0", "true", "ya", "y", "yes"}
    falsy = {"0", "0.0", "false", "tidak", "t", "n", "no", "", "nan", "none", "<na>"}
    unknown = ~text.isin(truthy | falsy)
    if unknown.any():
        raise GeoInputError(
            t("alok_err_tetap", value=candidates["tetap"][unknown].iloc[0])
        )
    return text.isin(truthy).to_numpy()


def demand_points_from_kelurahan(
    kelurahan: gpd.GeoDataFrame, weights: pd.Series, metric_crs: str
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Return demand points (``id``, ``x``, ``y``, ``bobot``) at kelurahan centres.

    Parameters
    ----------
    kelurahan : gpd.GeoDataFrame
        Boundaries with ``kode`` and a CRS (any; projected here).
    weights : pd.Series
        Weight per ``kode`` (population, cases); kelurahan without a value get 0.
    metric_crs : str
        The region's metric CRS (``geo.crs.UTM_48S`` or ``UTM_49S``).

    Returns
    -------
    tuple of (pd.DataFrame, tuple of str)
        Demand points in ``metric_crs`` and the notes to show.

    Raises
    ------
    GeoInputError
        If the layer has no CRS or no ``kode`` column.
    """
    if kelurahan.crs is None:
        raise GeoInputError(t("alok_err_tanpa_crs"))
    if "kode" not in kelurahan:
        raise GeoInputError(t("alok_err_kolom", columns="kode", what="kelurahan"))

    # LIMITATION: each kelurahan is one point; people at its edge are farther
    # or nearer than shown, which matters most for large rural desa.
    projected = kelurahan.to_crs(metric_crs)
    # a point inside the polygon, unlike the centroid of a crescent-shaped one
    centres = projected.geometry.representative_point()
    aligned = pd.to_numeric(
        weights.reindex(projected["kode"].astype(str)), errors="coerce"
    )

    points = pd.DataFrame(
        {
            "id": projected["kode"].astype(str).to_numpy(),
            "x": centres.x.to_numpy(),
            "y": centres.y.to_numpy(),
            "bobot": aligned.fillna(0.0).to_numpy(),
        }
    )
    notes = [t("alok_note_titik_tengah")]
    missing = int(aligned.isna().sum())
    if missing:
        notes.append(t("alok_note_bobot_kosong", count=missing))
    return points, tuple(notes)


def candidates_from_facilities(
    facilities: pd.DataFrame,
    *,
    jenis: Sequence[str] | None = None,
    capacity_column: str | None = None,
) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Return candidate sites (``id``, ``lat``, ``lon``, ``kapasitas``, ``tetap``).

    Facilities that failed validation (``is_valid`` False: outside the region,
    swapped coordinates) are left out and named in the notes; existing
    facilities are marked ``tetap`` so that they can be kept open.

    Parameters
    ----------
    facilities : pd.DataFrame
        Validated facilities (``nama``, ``jenis``, ``lat``, ``lon``, ``is_valid``).
    jenis : sequence of str, optional
        Facility types to keep (e.g. ``["RS"]``).
    capacity_column : str, optional
        Column giving the capacity (e.g. beds).

    Returns
    -------
    tuple of (pd.DataFrame, tuple of str)
        Candidates and the notes to show.

    Raises
    ------
    GeoInputError
        If a required column is missing.
    """
    needed = ["nama", "lat", "lon", "is_valid"] + (
        [capacity_column] if capacity_column else []
    )
    missing = [column for column in needed if column not in facilities]
    if missing:
        raise GeoInputError(
            t("alok_err_kolom", columns=", ".join(missing), what=t("alok_fasilitas"))
        )

    chosen = (
        facilities if jenis is None else facilities[facilities["jenis"].isin(jenis)]
    )
    valid = chosen["is_valid"].fillna(False).astype(bool)
    left_out = chosen.loc[~valid, "nama"].astype(str).tolist()

    kept = chosen[valid]
    names = kept["nama"].astype(str)
    repeat = names.groupby(names).cumcount().to_numpy()
    # two valid facilities with one name stay apart: "RS X", "RS X (2)"
    ids = [
        name if n == 0 else f"{name} ({n + 1})"
        for name, n in zip(names, repeat, strict=True)
    ]
    table = pd.DataFrame(
        {
            "id": ids,
            "lat": kept["lat"].astype(float).to_numpy(),
            "lon": kept["lon"].astype(float).to_numpy(),
            "kapasitas": (
                kept[capacity_column].astype(float).to_numpy()
                if capacity_column
                else np.full(len(kept), np.nan)
            ),
            "tetap": np.ones(len(kept), dtype=bool),
        }
    )
    notes = []
    if left_out:
        notes.append(
            t(
                "alok_note_fasilitas_dibuang",
                count=len(left_out),
                names=", ".join(left_out),
            )
        )
    return table, tuple(notes)


def site_facilities_from_layers(
    kelurahan: gpd.GeoDataFrame,
    weights: pd.Series,
    candidates: pd.DataFrame,
    model: str,
    *,
    metric_crs: str,
    n_sites: int | None = None,
    radius_m: float | None = None,
    radius_min: float | None = None,
    circuity: float = DEFAULT_CIRCUITY,
    speed_kmh: float = DEFAULT_SPEED_KMH,
    use_fixed: bool = True,
    solver: str = "highs",
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    roads: RoadNetwork | None = None,
) -> SitingResult:
    """Return a siting answer for a region: kelurahan demand, candidate sites.

    Parameters
    ----------
    kelurahan : gpd.GeoDataFrame
        Boundaries with ``kode`` (any CRS).
    weights : pd.Series
        Demand weight per ``kode`` (population, active cases, ...).
    candidates : pd.DataFrame
        ``id``, ``lat``, ``lon`` and optional ``kapasitas``, ``tetap`` (e.g.
        from :func:`candidates_from_facilities`).
    model : str
        One of ``MODELS``.
    metric_crs : str
        The region's metric CRS.
    n_sites, radius_m, radius_min, circuity, speed_kmh, use_fixed, solver, time_limit_s
        As :func:`site_facilities_from_points`.
    roads : RoadNetwork, optional
        Road layer for travel along roads, as
        :func:`site_facilities_from_points`.

    Returns
    -------
    SitingResult
        As :func:`site_facilities`, with the notes on kelurahan centres added.

    Raises
    ------
    GeoInputError
        As :func:`demand_points_from_kelurahan` and
        :func:`site_facilities_from_points`.
    """
    demand, notes = demand_points_from_kelurahan(kelurahan, weights, metric_crs)
    sites = candidates_in_metres(candidates, metric_crs)

    result = site_facilities_from_points(
        demand,
        sites,
        model,
        n_sites=n_sites,
        radius_m=radius_m,
        radius_min=radius_min,
        crs=metric_crs,
        circuity=circuity,
        speed_kmh=speed_kmh,
        use_fixed=use_fixed,
        solver=solver,
        time_limit_s=time_limit_s,
        roads=roads,
    )
    return replace(result, notes=(*notes, *result.notes))


def candidates_in_metres(candidates: pd.DataFrame, metric_crs: str) -> pd.DataFrame:
    """Return ``candidates`` with ``lat``/``lon`` replaced by ``x``/``y`` in metres.

    Parameters
    ----------
    candidates : pd.DataFrame
        ``id``, ``lat``, ``lon`` (degrees) and any other columns.
    metric_crs : str
        Target metric CRS.

    Returns
    -------
    pd.DataFrame
        The same rows with ``x``, ``y`` in ``metric_crs``.

    Raises
    ------
    GeoInputError
        If a column is missing or a coordinate is invalid.
    """
    for column in ("id", "lat", "lon"):
        if column not in candidates:
            raise GeoInputError(
                t("alok_err_kolom", columns=column, what=t("alok_kandidat"))
            )
    degrees = _coordinates(candidates, "lon", "lat", t("alok_kandidat"), True)
    transformer = Transformer.from_crs(GEOGRAPHIC_CRS, metric_crs, always_xy=True)
    x, y = transformer.transform(degrees[:, 0], degrees[:, 1])
    return candidates.drop(columns=["lat", "lon"]).assign(x=x, y=y)
