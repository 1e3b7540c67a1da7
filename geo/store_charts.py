"""Facility occupancy and resource stock from the store, for the export charts.

The Grafik & Ekspor page and ``python -m geo export grafik`` both read these
two tables through :func:`store_charts`, so both draw the same charts:

- :func:`occupancy_at`: bed occupancy of each valid facility at the data date.
  For each facility and bed type (isolation, ICU) the latest occupancy record
  on or before the data date (:func:`geo.store.occupancy`) over the facility's
  capacity of that bed type. A facility with a capacity but no record is not
  drawn (as 0 or otherwise): it is counted in a note.
- :func:`stock_history`: the stock of each resource kind over time, replayed
  from the audit log of resource imports and edits
  (:func:`geo.store.audit_log`). Every import, edit, addition and deletion
  logs the resource's whole row, so replaying them gives, at the end of each
  day, the sum of ``jumlah`` over the kind's resources in the store; a point
  is drawn each day that sum (or the number of resources) changed, up to the
  data date. A change is dated by the resource's ``updated_at`` (the file's
  "diperbarui" date for an import, else the time it was written). When the
  replayed log does not end at the resources stored now (a store written
  before the log kept them), only the current total of each kind is drawn,
  at its latest ``updated_at``, and a note says so.

Example resources stay apart from real ones: their lines are named "Kit tes
(contoh)" and the chart says the data are examples.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
from sqlalchemy import Engine

from geo import store
from geo.export import date_label
from geo.regions import RegionData
from geo.text import TEXT, local_day, t

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class BedType:
    """A bed type with occupancy records: its label, occupied and capacity columns."""

    key: str
    occupied: str  # column of geo.store.occupancy
    capacity: str  # column of the checked facility table (geo.facilities)


BED_TYPES: tuple[BedType, ...] = (
    BedType("isolasi", "terisi_isolasi", "tempat_tidur_isolasi"),
    BedType("icu", "terisi_icu", "icu"),
)
OCCUPANCY_COLUMNS: tuple[str, ...] = (
    "nama",
    "fasilitas",
    "tempat_tidur",
    "tanggal",
    "terisi",
    "kapasitas",
    "contoh",
)
STOCK_COLUMNS: tuple[str, ...] = (
    "tanggal",
    "jenis",
    "sumber_daya",
    "contoh",
    "stok",
    "jumlah_catatan",
)
# (jenis, is_example) -> (stock, resources)
_Totals = dict[tuple[str, bool], tuple[int, int]]


@dataclass(frozen=True)
class StoreChart:
    """The table of a chart read from the store, what it shows, or why it is absent.

    Attributes
    ----------
    table : pd.DataFrame
        Rows to draw (:data:`OCCUPANCY_COLUMNS` or :data:`STOCK_COLUMNS`);
        empty when there is nothing to draw.
    subtitle : str
        What the table shows and at which date(s), for the chart's subtitle.
    source : str
        Where the numbers come from, for the chart's source line.
    notes : tuple[str, ...]
        What was left out of the table and why (sentences).
    absent : str
        Why there is no chart, a clause in Bahasa Indonesia ("" when there is).
    is_example : bool
        Some rows are example data, not real data.
    """

    table: pd.DataFrame
    subtitle: str = ""
    source: str = ""
    notes: tuple[str, ...] = ()
    absent: str = ""
    is_example: bool = False

    @property
    def is_drawn(self) -> bool:
        """True when the table has rows to draw."""
        return not self.table.empty


def store_charts(
    engine: Engine, region: RegionData, data_date: pd.Timestamp
) -> tuple[StoreChart, StoreChart]:
    """Return the occupancy and stock charts' tables of ``region`` at ``data_date``.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store the region was read from.
    region : RegionData
        The region (:func:`geo.regions.load_region` with the store); its
        checked facilities give the capacities and which facilities are valid.
    data_date : pd.Timestamp
        The briefing's data date: nothing after it is drawn.

    Returns
    -------
    tuple[StoreChart, StoreChart]
        Occupancy (:func:`occupancy_at`) and stock (:func:`stock_history`).
    """
    kode = region.pack.kode
    data_date = pd.Timestamp(data_date).normalize()
    checked = None if region.facilities is None else region.facilities.table
    occupancy = occupancy_at(store.occupancy(engine, kode), checked, data_date)
    batches = store.batches(engine, kode, "sumber-daya")
    stock = stock_history(
        store.resources(engine, kode),
        store.audit_log(engine, table_name="resource", limit=None),
        data_date,
        batch_ids={int(value) for value in batches["id"]},
        facility_ids={int(value) for value in store.facilities(engine, kode)["id"]},
        kelurahan=region.kelurahan,
    )
    return occupancy, stock


def occupancy_at(
    occupancy: pd.DataFrame,
    facilities: pd.DataFrame | None,
    data_date: pd.Timestamp,
) -> StoreChart:
    """Return each valid facility's bed occupancy at ``data_date``.

    Parameters
    ----------
    occupancy : pd.DataFrame
        :func:`geo.store.occupancy`: ``facility_id``, ``tanggal`` and the
        occupied counts (``terisi_isolasi``, ``terisi_icu``, ...).
    facilities : pd.DataFrame or None
        The checked facility table (:attr:`geo.facilities.FacilityCheck.table`)
        with the store's ``id``, ``nama``, ``is_valid``, ``is_example`` and the
        capacities ``tempat_tidur_isolasi`` and ``icu``.
    data_date : pd.Timestamp
        Records after this date are not used.

    Returns
    -------
    StoreChart
        One row per valid facility and bed type (:data:`BED_TYPES`) with a
        capacity above 0 and a record on or before ``data_date``: ``nama``
        (facility and bed type, the bar's label), ``fasilitas``,
        ``tempat_tidur``, ``tanggal`` (of the record used), ``terisi``,
        ``kapasitas`` (Int64) and ``contoh``. Notes count the facilities
        with a capacity but no record (not drawn), the records without a
        capacity to divide by, and those of facilities flagged by the check.
    """
    # LIMITATION: the capacity is the facility's current one, not the one it
    # had on the date of the occupancy record.
    source = t("eks_sumber_keterisian")
    empty = pd.DataFrame(columns=list(OCCUPANCY_COLUMNS))
    if occupancy.empty:
        return StoreChart(empty, source=source, absent=t("eks_keterisian_kosong"))
    until = occupancy[occupancy["tanggal"] <= data_date]
    if until.empty:
        reason = t(
            "eks_keterisian_setelah",
            awal=date_label(occupancy["tanggal"].min()),
            tanggal=date_label(data_date),
        )
        return StoreChart(empty, source=source, absent=reason)

    valid = _valid_facilities(facilities)
    rows: list[dict[str, Any]] = []
    lacking: dict[str, int] = {}  # bed type -> facilities with beds, no record
    uncounted: dict[str, int] = {}  # bed type -> records without beds to divide by
    flagged: set[int] = set()  # facilities with a record, left out by the check
    for bed in BED_TYPES:
        recorded = until[until[bed.occupied].notna()].sort_values("tanggal")
        latest = recorded.groupby("facility_id").tail(1).set_index("facility_id")
        flagged |= {int(value) for value in latest.index if value not in valid.index}
        capacity = _capacity(valid, bed.capacity)
        for facility_id, facility in valid.iterrows():
            beds = capacity.loc[facility_id]
            has_record = facility_id in latest.index
            if pd.isna(beds) or beds <= 0:
                uncounted[bed.key] = uncounted.get(bed.key, 0) + int(has_record)
            elif not has_record:
                lacking[bed.key] = lacking.get(bed.key, 0) + 1
            else:
                record = latest.loc[facility_id]
                rows.append(_occupancy_row(facility, bed, record, int(beds)))

    if not rows:
        reason = t("eks_keterisian_tanpa_kapasitas", tanggal=date_label(data_date))
        return StoreChart(empty, source=source, absent=reason)
    table = pd.DataFrame(rows, columns=list(OCCUPANCY_COLUMNS))
    for name in ("terisi", "kapasitas"):
        table[name] = table[name].astype("Int64")
    table = table.sort_values(["fasilitas", "tempat_tidur"]).reset_index(drop=True)

    notes = []
    if any(lacking.values()):
        notes.append(
            t(
                "eks_keterisian_tanpa_catatan",
                tanggal=date_label(data_date),
                rincian=_by_bed_type(lacking),
            )
        )
    if any(uncounted.values()):
        notes.append(
            t("eks_keterisian_catatan_tanpa_kapasitas", rincian=_by_bed_type(uncounted))
        )
    if flagged:
        notes.append(t("eks_keterisian_ditandai", n=len(flagged)))
    is_example = bool(table["contoh"].any())
    return StoreChart(
        table,
        subtitle=_occupancy_subtitle(table["tanggal"], is_example),
        source=source,
        notes=tuple(notes),
        is_example=is_example,
    )


def stock_history(
    resources: pd.DataFrame,
    log: pd.DataFrame,
    data_date: pd.Timestamp,
    *,
    batch_ids: Collection[int],
    facility_ids: Collection[int],
    kelurahan: gpd.GeoDataFrame | None = None,
) -> StoreChart:
    """Return the stock of each resource kind over time, up to ``data_date``.

    Parameters
    ----------
    resources : pd.DataFrame
        The region's resources now (:func:`geo.store.resources`: ``id``,
        ``jenis``, ``jumlah``, ``updated_at``, ``is_example``).
    log : pd.DataFrame
        Audit entries of the ``resource`` table, of every region
        (:func:`geo.store.audit_log`).
    data_date : pd.Timestamp
        Changes dated after it are not drawn (they are counted in a note).
    batch_ids : Collection[int]
        The region's resource import batches: their entries are the region's.
    facility_ids : Collection[int]
        The region's facilities, to place resources added and deleted by hand.
    kelurahan : gpd.GeoDataFrame or None
        The region's kelurahan (EPSG:4326), for the same purpose.

    Returns
    -------
    StoreChart
        ``tanggal``, ``jenis``, ``sumber_daya`` (its name, "(contoh)" added
        for example rows), ``contoh``, ``stok`` (sum of ``jumlah``) and
        ``jumlah_catatan`` (resources summed), one row per kind, example flag
        and day the sum changed.
    """
    # days are the command center's own (CC_TIMEZONE), not UTC's
    events = _region_events(log, resources, batch_ids, facility_ids, kelurahan)
    if events is not None and _reconciles(events, resources):
        return _replayed_stock(events, data_date)
    if not log.empty:
        logger.info("stock history: audit log does not reconcile, current stock only")
    return _current_stock(resources, data_date)


def _valid_facilities(facilities: pd.DataFrame | None) -> pd.DataFrame:
    """Return the facilities that passed the check, indexed by their store id."""
    if facilities is None or facilities.empty or "id" not in facilities.columns:
        return pd.DataFrame(columns=["nama", "is_example"])
    stored = facilities[facilities["id"].notna() & facilities["is_valid"].astype(bool)]
    return stored.set_index(stored["id"].astype(int))


def _capacity(valid: pd.DataFrame, column: str) -> pd.Series:
    if column not in valid.columns:
        return pd.Series(float("nan"), index=valid.index)
    return pd.to_numeric(valid[column], errors="coerce")


def _by_bed_type(counts: Mapping[str, int]) -> str:
    """Return "3 fasilitas (isolasi), 1 fasilitas (ICU)" for the non-zero counts."""
    return ", ".join(
        t("eks_keterisian_rincian", n=count, jenis=t(f"eks_tempat_tidur_{key}"))
        for key, count in counts.items()
        if count
    )


def _occupancy_row(
    facility: pd.Series, bed: BedType, record: pd.Series, capacity: int
) -> dict[str, Any]:
    is_example = bool(facility.get("is_example", False))
    bed_label = t(f"eks_tempat_tidur_{bed.key}")
    label = f"{bed_label}, {t('contoh')}" if is_example else bed_label
    return {
        "nama": f"{facility['nama']} ({label})",
        "fasilitas": str(facility["nama"]),
        "tempat_tidur": bed_label,
        "tanggal": pd.Timestamp(record["tanggal"]),
        "terisi": int(record[bed.occupied]),
        "kapasitas": capacity,
        "contoh": is_example,
    }


def _occupancy_subtitle(dates: pd.Series, is_example: bool) -> str:
    first, last = dates.min(), dates.max()
    if first == last:
        text = t("eks_keterisian_per", tanggal=date_label(first))
    else:
        text = t(
            "eks_keterisian_per_rentang", awal=date_label(first), akhir=date_label(last)
        )
    return f"{text} · {t('eks_fasilitas_contoh')}" if is_example else text


def _region_events(
    log: pd.DataFrame,
    resources: pd.DataFrame,
    batch_ids: Collection[int],
    facility_ids: Collection[int],
    kelurahan: gpd.GeoDataFrame | None,
) -> pd.DataFrame | None:
    """Return the region's stock changes from the log, or None if it lacks values.

    A record's "life" runs from its insert to its delete (SQLite may give a
    deleted id to a new resource). A life is the region's when one of its
    entries comes from the region's import; else, while it lives, when it is
    among the region's resources now; else by its facility or position.
    Columns: ``audit_id``, ``life``, ``record_id``, ``day``, ``exists``,
    ``jenis``, ``jumlah``, ``contoh``; entries that change none of these
    (a position edit) are dropped.
    """
    current = {str(int(value)) for value in resources["id"]}
    updated = dict(
        zip(
            resources["id"].astype(int).astype(str),
            resources["updated_at"],
            strict=True,
        )
    )
    rows: list[dict[str, Any]] = []
    for record_id, entries in log.sort_values("id").groupby("record_id", sort=False):
        for number, life in enumerate(_lives(entries)):
            if not _is_region_life(
                life, str(record_id), current, batch_ids, facility_ids, kelurahan
            ):
                continue
            events = _life_events(life, f"{record_id}#{number}", str(record_id))
            if events is None:
                return None
            if life[-1]["action"] != "delete" and str(record_id) in updated:
                # the store's own date of the value it holds now
                events[-1]["day"] = local_day(updated[str(record_id)])
            _monotonic_days(events)
            rows += _changes_only(events)
    return pd.DataFrame(
        rows,
        columns=[
            "audit_id",
            "life",
            "record_id",
            "day",
            "exists",
            "jenis",
            "jumlah",
            "contoh",
        ],
    )


def _lives(entries: pd.DataFrame) -> list[list[dict[str, Any]]]:
    """Split one record id's entries (in log order) at each insert and delete."""
    lives: list[list[dict[str, Any]]] = []
    life: list[dict[str, Any]] = []
    for entry in entries.to_dict("records"):
        if entry["action"] == "insert" and life:
            lives.append(life)
            life = []
        life.append(entry)
        if entry["action"] == "delete":
            lives.append(life)
            life = []
    if life:
        lives.append(life)
    return lives


def _is_region_life(
    life: list[dict[str, Any]],
    record_id: str,
    current: set[str],
    batch_ids: Collection[int],
    facility_ids: Collection[int],
    kelurahan: gpd.GeoDataFrame | None,
) -> bool:
    batches = {int(entry["batch_id"]) for entry in life if pd.notna(entry["batch_id"])}
    if batches:
        return bool(batches & set(batch_ids))
    if life[-1]["action"] != "delete":
        return record_id in current
    # added and deleted by hand: the store placed it in its region by its
    # facility or its position (geo.store._check_position)
    values = _values(life[-1]) or {}
    facility_id = values.get("facility_id")
    if facility_id is not None:
        return int(facility_id) in set(facility_ids)
    lat, lon = values.get("lat"), values.get("lon")
    if lat is None or lon is None or kelurahan is None or kelurahan.empty:
        return False
    # LIMITATION: a resource added and deleted by hand in one region is
    # counted in another whose kelurahan overlap the first's at its position.
    point = shapely.Point(float(lon), float(lat))
    return bool(kelurahan.intersects(point).any())


def _values(entry: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """Return the row an entry logged: after a change, before a delete."""
    values = entry["before"] if entry["action"] == "delete" else entry["after"]
    return values if isinstance(values, Mapping) else None


def _life_events(
    life: list[dict[str, Any]], life_key: str, record_id: str
) -> list[dict[str, Any]] | None:
    events = []
    for entry in life:
        event: dict[str, Any] = {
            "audit_id": int(entry["id"]),
            "life": life_key,
            "record_id": record_id,
            "day": local_day(entry["at"]),
            "exists": entry["action"] != "delete",
            "jenis": None,
            "jumlah": None,
            "contoh": None,
        }
        if event["exists"]:
            values = _values(entry)
            if values is None or values.get("jenis") is None:
                return None
            if values.get("jumlah") is None:
                return None
            event["jenis"] = str(values["jenis"])
            event["jumlah"] = int(values["jumlah"])
            event["contoh"] = bool(values.get("is_example", False))
            if values.get("updated_at"):
                event["day"] = local_day(values["updated_at"])
        events.append(event)
    return events


def _monotonic_days(events: list[dict[str, Any]]) -> None:
    """Date no change of a life after a later one (a file's older "diperbarui")."""
    earliest = None
    for event in reversed(events):
        if earliest is not None and event["day"] > earliest:
            event["day"] = earliest
        earliest = event["day"]


def _changes_only(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    kept = []
    before = None
    for event in events:
        state = (event["exists"], event["jenis"], event["jumlah"], event["contoh"])
        if state != before:
            kept.append(event)
        before = state
    return kept


def _reconciles(events: pd.DataFrame, resources: pd.DataFrame) -> bool:
    """Return True when replaying ``events`` ends at the resources stored now."""
    now = {
        str(int(row.id)): (str(row.jenis), int(row.jumlah), bool(row.is_example))
        for row in resources.itertuples()
    }
    replayed = {}
    for event in events.sort_values("audit_id").itertuples():
        if event.exists:
            replayed[event.record_id] = (event.jenis, event.jumlah, event.contoh)
        else:
            replayed.pop(event.record_id, None)
    return replayed == now


def _replayed_stock(events: pd.DataFrame, data_date: pd.Timestamp) -> StoreChart:
    source = t("eks_sumber_stok")
    if events.empty:
        return StoreChart(_stock_table([]), source=source, absent=t("eks_stok_kosong"))
    ordered = events.sort_values(["day", "audit_id"])
    shown = ordered[ordered["day"] <= data_date]
    later = ordered[ordered["day"] > data_date]

    rows: list[dict[str, Any]] = []
    state: dict[str, tuple[str, int, bool]] = {}
    previous: _Totals = {}
    for day, changes in shown.groupby("day", sort=True):
        for event in changes.itertuples():
            if event.exists:
                state[event.life] = (event.jenis, event.jumlah, event.contoh)
            else:
                state.pop(event.life, None)
        totals = _totals(state.values())
        rows += [
            _stock_row(pd.Timestamp(day), key, value)
            for key, value in sorted(totals.items())
            if previous.get(key) != value
        ]
        previous = totals

    notes = []
    if not later.empty:
        notes.append(t("eks_stok_setelah", n=len(later), tanggal=date_label(data_date)))
    if rows:
        return _stock_chart(_stock_table(rows), data_date, source, tuple(notes))
    if shown.empty:
        reason = t(
            "eks_stok_setelah_saja",
            awal=date_label(later["day"].min()),
            tanggal=date_label(data_date),
        )
    else:
        reason = t("eks_stok_tidak_ada", tanggal=date_label(data_date))
    return StoreChart(_stock_table([]), source=source, absent=reason)


def _current_stock(resources: pd.DataFrame, data_date: pd.Timestamp) -> StoreChart:
    """Return the current total of each kind at its latest ``updated_at``."""
    source = t("eks_sumber_stok_kini")
    if resources.empty:
        return StoreChart(_stock_table([]), source=source, absent=t("eks_stok_kosong"))
    frame = pd.DataFrame(
        {
            "jenis": resources["jenis"].astype(str),
            "contoh": resources["is_example"].astype(bool),
            "jumlah": resources["jumlah"].astype("Int64"),
            "day": pd.to_datetime(resources["updated_at"]).map(local_day),
        }
    )
    rows = []
    for (kind, is_example), group in frame.groupby(["jenis", "contoh"], sort=True):
        value = (int(group["jumlah"].sum()), len(group))
        rows.append(_stock_row(group["day"].max(), (kind, bool(is_example)), value))
    table = _stock_table(rows)
    shown = table[table["tanggal"] <= data_date]
    notes = [t("eks_stok_riwayat_tidak_lengkap")]
    if len(shown) < len(table):
        notes.append(
            t(
                "eks_stok_jenis_setelah",
                n=len(table) - len(shown),
                tanggal=date_label(data_date),
            )
        )
    if shown.empty:
        reason = t(
            "eks_stok_setelah_saja",
            awal=date_label(table["tanggal"].min()),
            tanggal=date_label(data_date),
        )
        return StoreChart(_stock_table([]), source=source, absent=reason)
    shown = shown.reset_index(drop=True)
    return _stock_chart(shown, data_date, source, tuple(notes))


def _totals(state: Collection[tuple[str, int, bool]]) -> _Totals:
    totals: _Totals = {}
    for kind, amount, is_example in state:
        stock, count = totals.get((kind, is_example), (0, 0))
        totals[(kind, is_example)] = (stock + amount, count + 1)
    return totals


def _stock_row(
    day: pd.Timestamp, key: tuple[str, bool], value: tuple[int, int]
) -> dict[str, Any]:
    kind, is_example = key
    label_key = f"sumber_daya_{kind}"
    label = t(label_key) if label_key in TEXT else kind
    return {
        "tanggal": day,
        "jenis": kind,
        "sumber_daya": f"{label} ({t('contoh')})" if is_example else label,
        "contoh": is_example,
        "stok": value[0],
        "jumlah_catatan": value[1],
    }


def _stock_table(rows: list[dict[str, Any]]) -> pd.DataFrame:
    table = pd.DataFrame(rows, columns=list(STOCK_COLUMNS))
    table["tanggal"] = pd.to_datetime(table["tanggal"])
    table["contoh"] = table["contoh"].astype(bool)
    for name in ("stok", "jumlah_catatan"):
        table[name] = table[name].astype("Int64")
    return table


def _stock_chart(
    table: pd.DataFrame,
    data_date: pd.Timestamp,
    source: str,
    notes: tuple[str, ...],
) -> StoreChart:
    is_example = bool(table["contoh"].any())
    subtitle = t("eks_stok_sampai", tanggal=date_label(data_date))
    if is_example:
        subtitle = f"{subtitle} · {t('eks_stok_contoh')}"
    return StoreChart(
        table,
        subtitle=subtitle,
        source=source,
        notes=notes,
        is_example=is_example,
    )
