"""Table edits of facilities and resources, written to the store one change at a time.

The Data page shows a region's facilities and resources in an editable table;
:func:`apply_facility_edits` and :func:`apply_resource_edits` compare the table
before and after and call :func:`geo.store.update_facility`,
:func:`geo.store.add_resource` or :func:`geo.store.delete_resource` for each
changed row, so every change lands in the audit log with its author.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pandas as pd
from sqlalchemy import Engine

from geo import store
from geo.errors import GeoInputError
from geo.text import t

logger = logging.getLogger(__name__)

FACILITY_COLUMNS = (
    "nama",
    "jenis",
    "alamat",
    "lat",
    "lon",
    "tempat_tidur",
    "tempat_tidur_isolasi",
    "tempat_tidur_icu",
    "ventilator",
)
RESOURCE_COLUMNS = ("jenis", "nama", "jumlah", "lat", "lon")


@dataclass(frozen=True)
class EditOutcome:
    """What an edit did: rows changed, added and deleted, and rows refused (why)."""

    changed: int
    added: int
    deleted: int
    problems: tuple[str, ...]


def facility_table(engine: Engine, region_kode: str) -> pd.DataFrame:
    """Return the region's stored facilities as an editable table with ``id``."""
    stored = store.facilities(engine, region_kode)
    return pd.DataFrame(stored[["id", *FACILITY_COLUMNS]]).reset_index(drop=True)


def resource_table(engine: Engine, region_kode: str) -> pd.DataFrame:
    """Return the region's resources as an editable table with ``id``.

    ``jenis`` is the kind's name in Bahasa Indonesia ("Tim lapangan"); ``lat``
    and ``lon`` are where it is drawn (its own position, else its facility's;
    changing them gives it its own); ``contoh`` marks example rows.
    """
    stored = store.resources(engine, region_kode)
    table = pd.DataFrame(
        {
            "id": stored["id"].astype("Int64"),
            "jenis": stored["label"],
            "nama": stored["nama"],
            "jumlah": stored["jumlah"],
            "lat": stored["lat"],
            "lon": stored["lon"],
            "contoh": stored["is_example"],
        }
    )
    return table.reset_index(drop=True)


def apply_facility_edits(
    engine: Engine, before: pd.DataFrame, after: pd.DataFrame, who: str
) -> EditOutcome:
    """Write each facility row that changed between two tables; log each change.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    before, after : pandas.DataFrame
        :func:`facility_table` as shown, and as the user left it (same ``id``
        values; adding or removing facilities is an import, not an edit).
    who : str
        Name of the person editing (audit log).

    Returns
    -------
    EditOutcome
        Rows changed; a row the store refuses (a point outside the region, a
        capacity that is not a whole number) is listed in ``problems`` and left
        as it was, the others are written.

    Raises
    ------
    GeoInputError
        If ``who`` is empty.
    """
    _check_who(who)
    problems: list[str] = []
    changed = 0
    for row_id, values in _changed_rows(before, after, FACILITY_COLUMNS).items():
        label = str(after.loc[after["id"] == row_id, "nama"].iloc[0])
        changed += _attempt(
            label, problems, store.update_facility, engine, row_id, values, who
        )
    return EditOutcome(changed, 0, 0, tuple(problems))


def apply_resource_edits(
    engine: Engine,
    region_kode: str,
    before: pd.DataFrame,
    after: pd.DataFrame,
    who: str,
) -> EditOutcome:
    """Write resource rows changed, added and deleted between two tables.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    region_kode : str
        The region the resources belong to.
    before, after : pandas.DataFrame
        :func:`resource_table` as shown, and as the user left it: a row with an
        empty ``id`` is new, an ``id`` missing from ``after`` is deleted.
    who : str
        Name of the person editing (audit log).

    Returns
    -------
    EditOutcome
        Counts of rows changed, added and deleted; rows the store refuses are
        listed in ``problems`` (a new resource needs jenis, nama, jumlah and a
        position inside the region).

    Raises
    ------
    GeoInputError
        If ``who`` is empty.
    """
    _check_who(who)
    problems: list[str] = []
    kept = set(after["id"].dropna().astype(int))
    deleted = 0
    for row_id in sorted(set(before["id"].dropna().astype(int)) - kept):
        label = _resource_label(before, row_id)
        deleted += _attempt(label, problems, store.delete_resource, engine, row_id, who)

    changed = 0
    for row_id, values in _changed_rows(before, after, RESOURCE_COLUMNS).items():
        label = _resource_label(after, row_id)
        changed += _attempt(
            label, problems, store.update_resource, engine, row_id, values, who
        )

    added = 0
    for values in _new_rows(after):
        label = str(values.get("nama") or "?")
        added += _attempt(
            label, problems, store.add_resource, engine, region_kode, values, who
        )
    return EditOutcome(changed, added, deleted, tuple(problems))


def _check_who(who: str) -> None:
    if not str(who or "").strip():
        raise GeoInputError(t("err_edit_who"))


def _resource_label(table: pd.DataFrame, row_id: int) -> str:
    names = table.loc[table["id"] == row_id, "nama"]
    return str(names.iloc[0]) if len(names) else str(row_id)


def _attempt(
    label: str, problems: list[str], write: Callable[..., Any], *args: Any
) -> int:
    """Run one store write; on a user-fixable refusal keep the reason, return 0."""
    try:
        write(*args)
    except GeoInputError as err:
        problems.append(t("edit_problem", label=label, reason=str(err)))
        return 0
    return 1


def _changed_rows(
    before: pd.DataFrame, after: pd.DataFrame, columns: tuple[str, ...]
) -> dict[int, dict[str, Any]]:
    """Return, per existing id, the columns whose value differs after the edit."""
    old = before.dropna(subset=["id"]).set_index(before["id"].dropna().astype(int))
    new = after.dropna(subset=["id"])
    new = new.set_index(new["id"].astype(int))
    changes: dict[int, dict[str, Any]] = {}
    for row_id in new.index.intersection(old.index):
        values = {
            column: _plain(new.at[row_id, column])
            for column in columns
            if column in new.columns
            and not _same(old.at[row_id, column], new.at[row_id, column])
        }
        if values:
            changes[int(row_id)] = values
    return changes


def _new_rows(after: pd.DataFrame) -> list[dict[str, Any]]:
    fresh = after[after["id"].isna()]
    rows = []
    for record in fresh.to_dict("records"):
        values = {column: _plain(record.get(column)) for column in RESOURCE_COLUMNS}
        if all(value is None for value in values.values()):
            continue  # an empty row the editor leaves behind
        rows.append(values)
    return rows


def _same(old: Any, new: Any) -> bool:
    if _is_missing(old) and _is_missing(new):
        return True
    if _is_missing(old) or _is_missing(new):
        return False
    if isinstance(old, float) or isinstance(new, float):
        try:
            return float(old) == float(new)
        except (TypeError, ValueError):
            return False
    return str(old).strip() == str(new).strip()


def _plain(value: Any) -> Any:
    if _is_missing(value):
        return None
    if hasattr(value, "item"):  # numpy scalars to Python for the store
        return value.item()
    return value


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return value.strip() == ""
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False
