from __future__ import annotations

import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pulp
import pytest

from geo import allocation
from geo.allocation import (
    SolveReport,
    compare_kpis,
    from_plain,
    solve_problem,
    to_plain,
)
from geo.errors import GeoInputError


def _knapsack() -> pulp.LpProblem:
    problem = pulp.LpProblem("uji", pulp.LpMaximize)
    first = problem.add_variable("a", cat=pulp.LpBinary)
    second = problem.add_variable("b", cat=pulp.LpBinary)
    problem += 3 * first + 2 * second
    problem += first + second <= 1
    return problem


def test_highs_solves_to_optimal():
    report = solve_problem(_knapsack())

    assert report.solver == "HiGHS"
    assert report.is_optimal
    assert report.status_text == "optimal"
    assert report.objective == pytest.approx(3.0, abs=1e-9)  # integer objective


def test_time_limit_answer_is_labelled_not_optimal(monkeypatch):
    # what pulp reports when HiGHS stops at its time limit with an incumbent
    def stopped(self, solver):
        self.status, self.sol_status = pulp.LpStatusOptimal, 2
        return self.status

    monkeypatch.setattr(pulp.LpProblem, "solve", stopped)

    report = solve_problem(_knapsack(), time_limit_s=1)

    assert report.status == "feasible"
    assert report.status_text == "terbaik sejauh ini, belum optimal"
    assert not report.is_optimal


def test_no_answer_in_time_raises(monkeypatch):
    def nothing(self, solver):
        self.status, self.sol_status = pulp.LpStatusNotSolved, 0
        return self.status

    monkeypatch.setattr(pulp.LpProblem, "solve", nothing)

    with pytest.raises(GeoInputError, match="dalam batas waktu 5 detik"):
        solve_problem(_knapsack(), time_limit_s=5)


def test_falls_back_to_cbc_when_highs_fails(monkeypatch):
    real_make_solver = allocation.make_solver

    def broken_highs(name, time_limit_s):
        if name == "highs":
            raise pulp.PulpSolverError("highspy missing")
        return real_make_solver(name, time_limit_s)

    monkeypatch.setattr(allocation, "make_solver", broken_highs)

    report = solve_problem(_knapsack())

    assert report.solver == "CBC"
    assert report.fallback_used
    assert report.objective == pytest.approx(3.0, abs=1e-9)  # integer objective


def test_infeasible_model_explains_itself():
    problem = _knapsack()
    problem += problem.variables()[0] + problem.variables()[1] >= 2

    with pytest.raises(GeoInputError, match="tidak punya jawaban.*kapasitas 1 < 2"):
        solve_problem(problem, explain_infeasible=lambda: "kapasitas 1 < 2.")


@pytest.mark.parametrize("limit", [0, -1, float("nan")], ids=["zero", "neg", "nan"])
def test_rejects_time_limit_that_is_not_positive(limit):
    with pytest.raises(GeoInputError, match="lebih dari 0 detik"):
        solve_problem(_knapsack(), time_limit_s=limit)


@dataclass(frozen=True, eq=False)
class _Sample:
    table: pd.DataFrame
    weights: pd.Series
    report: SolveReport
    labels: tuple[str, ...]
    extra: dict


def test_plain_round_trip_keeps_dtypes_and_types():
    table = pd.DataFrame(
        {
            "kode": pd.Series(["33.71.01.1001", None], dtype="str"),
            "count": np.array([1, 2], dtype=np.int64),
            "share": [0.5, np.nan],
            "is_full": [True, False],
            "tanggal": pd.to_datetime(["2020-10-06", None]),
        }
    )
    sample = _Sample(
        table=table,
        weights=pd.Series([1.0, 2.0], index=["a", "b"], name="bobot"),
        report=SolveReport("HiGHS", "optimal", "optimal", 1.0, 0.1, 60.0, False),
        labels=("satu", "dua"),
        extra={"radius": 2000.0, "missing": float("nan")},
    )

    text = json.dumps(to_plain(sample), allow_nan=False)
    back = from_plain(json.loads(text), [_Sample])

    pd.testing.assert_frame_equal(back.table, table)
    pd.testing.assert_series_equal(back.weights, sample.weights)
    assert back.report == sample.report
    assert back.labels == ("satu", "dua")
    assert back.extra == {"radius": 2000.0, "missing": None}


def test_unknown_scenario_type_is_refused():
    with pytest.raises(GeoInputError, match="'Lain' yang tidak dikenal"):
        from_plain({"__type__": "Lain"}, [])


def test_compare_kpis_side_by_side():
    @dataclass(frozen=True)
    class _Result:
        kpi: dict

    table = compare_kpis(
        {
            "Dua lokasi": _Result({"covered_share": 0.5, "worst_travel": 4_000.0}),
            "Tiga lokasi": _Result({"covered_share": 0.75, "worst_travel": None}),
        }
    )

    assert table["label"].tolist() == ["Porsi tercakup (0-1)", "Tempuh terjauh"]
    assert table["difference"][0] == pytest.approx(0.25, abs=1e-12)
    assert np.isnan(table["difference"][1])


def test_compare_needs_two_scenarios():
    with pytest.raises(GeoInputError, match="paling sedikit 2 skenario"):
        compare_kpis({})
