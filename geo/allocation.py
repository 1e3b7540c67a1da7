"""Shared parts of the what-if allocation core: solver runs and scenario records.

The allocation core is split by question:

- :mod:`geo.distribution`: a stock spread over kelurahan by need, days of stock;
- :mod:`geo.siting`: choosing sites (MCLP, p-median, LSCP, p-center);
- :mod:`geo.projection`: bed demand for the next days (SIR/SEIR, CHIME style);
- :mod:`geo.referral`: patients assigned to hospitals under bed capacity.

This module holds what they share: :func:`solve_problem` runs a PuLP model with
HiGHS (``pulp.HiGHS``, through highspy) and falls back to CBC, and never lets a
non-optimal answer pass unlabelled; :func:`to_plain` and :func:`from_plain` turn
result dataclasses into plain JSON and back, so a scenario can be stored and
compared.
"""

from __future__ import annotations

import dataclasses
import logging
import math
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import pulp

from geo.errors import GeoInputError
from geo.text import TEXT, t

logger = logging.getLogger(__name__)

SOLVERS = ("highs", "cbc")
DEFAULT_TIME_LIMIT_S = 60.0
SCENARIO_VERSION = 1
STATUS_OPTIMAL = "optimal"
STATUS_FEASIBLE = "feasible"


@dataclass(frozen=True)
class SolveReport:
    """How a solve went: which solver, its status, objective and time.

    ``status`` is ``"optimal"`` or ``"feasible"`` (stopped at the time limit
    with a feasible answer, shown as "terbaik sejauh ini, belum optimal").
    """

    solver: str
    status: str
    status_text: str
    objective: float
    seconds: float
    time_limit_s: float
    fallback_used: bool

    @property
    def is_optimal(self) -> bool:
        """Return True when the solver proved the answer optimal."""
        return self.status == STATUS_OPTIMAL


def make_solver(name: str, time_limit_s: float) -> pulp.LpSolver:
    """Return a quiet PuLP solver ``"highs"`` (highspy) or ``"cbc"`` (bundled).

    Parameters
    ----------
    name : str
        ``"highs"`` or ``"cbc"``.
    time_limit_s : float
        Time limit in seconds.

    Returns
    -------
    pulp.LpSolver
        The solver object.

    Raises
    ------
    GeoInputError
        If ``name`` is not a known solver.
    """
    if name == "highs":
        return pulp.HiGHS(msg=False, timeLimit=time_limit_s)
    if name == "cbc":
        # the CBC bundled with PuLP 3.3 warns that it moves to an extra in 4.0
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", category=DeprecationWarning)
            return pulp.PULP_CBC_CMD(msg=False, timeLimit=time_limit_s)
    raise GeoInputError(
        t("alok_err_solver", value=name, choices=", ".join(SOLVERS)),
    )


def solve_problem(
    problem: pulp.LpProblem,
    *,
    solver: str = "highs",
    time_limit_s: float = DEFAULT_TIME_LIMIT_S,
    explain_infeasible: Callable[[], str] | None = None,
) -> SolveReport:
    """Solve ``problem`` in place and return how it went; never pass a bad answer.

    HiGHS is tried first; if it is not installed or fails without an answer,
    CBC is tried. An infeasible model raises with the caller's explanation.

    Parameters
    ----------
    problem : pulp.LpProblem
        The model, built by spopt or by our own code.
    solver : str
        ``"highs"`` (falls back to CBC) or ``"cbc"``.
    time_limit_s : float
        Time limit in seconds for each solver tried.
    explain_infeasible : callable, optional
        Returns the Bahasa Indonesia explanation with the numbers when the model
        is infeasible.

    Returns
    -------
    SolveReport
        Status ``"optimal"``, or ``"feasible"`` when stopped at the time limit
        with an answer (labelled "terbaik sejauh ini, belum optimal").

    Raises
    ------
    GeoInputError
        If the model is infeasible, or no answer was found within the time limit.
    """
    _check_time_limit(time_limit_s)
    names = ["highs", "cbc"] if solver == "highs" else [solver]
    fallback_used = False
    for position, name in enumerate(names):
        fallback_used = position > 0
        started = time.perf_counter()
        try:
            problem.solve(make_solver(name, time_limit_s))
        except pulp.PulpSolverError as err:
            logger.warning("solver %s failed: %s", name, err)
            continue
        seconds = time.perf_counter() - started
        status, sol_status = problem.status, problem.sol_status
        logger.info(
            "solved %s with %s: status %s/%s in %.2f s",
            problem.name,
            name,
            status,
            sol_status,
            seconds,
        )
        if status == pulp.LpStatusInfeasible or sol_status in (
            pulp.LpSolutionInfeasible,
            pulp.LpSolutionUnbounded,
        ):
            detail = explain_infeasible() if explain_infeasible else ""
            raise GeoInputError(t("alok_err_infeasible", detail=detail).strip())
        if status == pulp.LpStatusOptimal and sol_status in (
            pulp.LpSolutionOptimal,
            pulp.LpSolutionIntegerFeasible,
        ):
            is_optimal = sol_status == pulp.LpSolutionOptimal
            return SolveReport(
                solver="HiGHS" if name == "highs" else "CBC",
                status=STATUS_OPTIMAL if is_optimal else STATUS_FEASIBLE,
                status_text=t(
                    "alok_status_optimal" if is_optimal else "alok_status_belum"
                ),
                objective=float(pulp.value(problem.objective) or 0.0),
                seconds=seconds,
                time_limit_s=time_limit_s,
                fallback_used=fallback_used,
            )
        logger.warning("solver %s found no answer (status %s)", name, status)
    raise GeoInputError(t("alok_err_no_answer", seconds=fmt_seconds(time_limit_s)))


def compare_kpis(results: dict[str, Any]) -> pd.DataFrame:
    """Return KPIs of several scenarios side by side, with the change from the first.

    Parameters
    ----------
    results : dict of str to result
        Scenario name to a result with a ``kpi`` dict (siting or referral), in
        the order to show; the first is the reference.

    Returns
    -------
    pd.DataFrame
        One row per KPI: ``kpi`` (key), ``label`` (Bahasa Indonesia), one column
        per scenario, and ``difference`` (last minus first; NaN if either is
        missing).

    Raises
    ------
    GeoInputError
        If fewer than two scenarios are given.
    """
    if len(results) < 2:
        raise GeoInputError(t("alok_err_banding", count=len(results)))

    keys: list[str] = []
    for result in results.values():
        keys.extend(key for key in result.kpi if key not in keys)
    table = pd.DataFrame({"kpi": keys})
    table["label"] = [TEXT.get(f"alok_kpi_{key}", key) for key in keys]
    for name, result in results.items():
        table[name] = [_number(result.kpi.get(key)) for key in keys]

    first, last = list(results)[0], list(results)[-1]
    table["difference"] = table[last] - table[first]
    return table


def _number(value: Any) -> float:
    if value is None or isinstance(value, bool | str):
        return math.nan
    return float(value)


def fmt_seconds(value: float) -> str:
    """Return a duration in seconds the Indonesian way ("60", "2,5")."""
    return f"{value:g}".replace(".", ",")


def _check_time_limit(time_limit_s: float) -> None:
    if not time_limit_s > 0:  # written this way so that NaN is rejected too
        raise GeoInputError(t("alok_err_time_limit", value=time_limit_s))


def to_plain(value: Any) -> Any:
    """Return ``value`` as plain JSON data (dicts, lists, str, numbers, None).

    Frames keep their column order and dtypes; dataclasses keep their type name;
    tuples stay tuples when read back by :func:`from_plain`. NaN becomes None.

    Parameters
    ----------
    value : Any
        A result dataclass, frame, series, tuple, dict or scalar.

    Returns
    -------
    Any
        JSON-serialisable data.
    """
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            field.name: to_plain(getattr(value, field.name))
            for field in dataclasses.fields(value)
        }
        return {"__type__": type(value).__name__, **fields}
    if isinstance(value, pd.DataFrame):
        return {"__frame__": _frame_to_plain(value)}
    if isinstance(value, pd.Series):
        frame = value.rename("value").rename_axis("key").reset_index()
        return {"__series__": _frame_to_plain(frame), "name": value.name}
    if isinstance(value, tuple):
        return {"__tuple__": [to_plain(item) for item in value]}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}
    return _scalar_to_plain(value)


def from_plain(data: Any, classes: Iterable[type]) -> Any:
    """Return the objects :func:`to_plain` encoded, using ``classes`` by name.

    Parameters
    ----------
    data : Any
        Output of :func:`to_plain` (possibly after a JSON round trip).
    classes : iterable of type
        Dataclass types that may appear in ``data``.

    Returns
    -------
    Any
        The rebuilt dataclasses, frames, series, tuples and scalars.

    Raises
    ------
    GeoInputError
        If ``data`` names a result type that is not known.
    """
    lookup = {cls.__name__: cls for cls in classes}
    lookup.setdefault(SolveReport.__name__, SolveReport)
    return _decode(data, lookup)


def _decode(data: Any, lookup: dict[str, type]) -> Any:
    if isinstance(data, list):
        return [_decode(item, lookup) for item in data]
    if not isinstance(data, dict):
        return data
    if "__type__" in data:
        name = data["__type__"]
        if name not in lookup:
            raise GeoInputError(t("alok_err_scenario_type", value=name))
        fields = {
            key: _decode(item, lookup)
            for key, item in data.items()
            if key != "__type__"
        }
        return lookup[name](**fields)
    if "__frame__" in data:
        return _frame_from_plain(data["__frame__"])
    if "__series__" in data:
        frame = _frame_from_plain(data["__series__"])
        return frame.set_index("key")["value"].rename(data["name"]).rename_axis(None)
    if "__tuple__" in data:
        return tuple(_decode(item, lookup) for item in data["__tuple__"])
    return {key: _decode(item, lookup) for key, item in data.items()}


def _frame_to_plain(frame: pd.DataFrame) -> dict[str, Any]:
    columns = [str(column) for column in frame.columns]
    dtypes = [str(dtype) for dtype in frame.dtypes]
    data = {
        str(column): [_scalar_to_plain(item) for item in frame[column].tolist()]
        for column in frame.columns
    }
    return {"columns": columns, "dtypes": dtypes, "data": data}


def _frame_from_plain(plain: dict[str, Any]) -> pd.DataFrame:
    frame = pd.DataFrame({column: plain["data"][column] for column in plain["columns"]})
    for column, dtype in zip(plain["columns"], plain["dtypes"], strict=True):
        if dtype.startswith("datetime64"):
            frame[column] = pd.to_datetime(frame[column]).astype(dtype)
        elif dtype == "object":
            frame[column] = frame[column].astype(object)
        else:
            frame[column] = frame[column].astype(dtype)
    return frame


def _scalar_to_plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value
