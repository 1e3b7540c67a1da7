"""The command center's store: open it, import into it, read it, edit it.

An embedded SQLite file by default (``$CC_DATA_DIR/cc.sqlite``, ``./var`` when
unset) or any database named by ``CC_DATABASE_URL``. The schema lives in
:mod:`geo.store_models` and is created by the Alembic migrations in
``geo/migrations``; every query goes through SQLAlchemy so that a shared
PostgreSQL can follow without rewriting.

Every write is one transaction and leaves a row in the audit log. Functions take
an :class:`~sqlalchemy.Engine` (from :func:`open_store`) and exchange frames in
the shapes of the shared data contracts. The module reads top to bottom:

- opening: :func:`open_store`, :func:`migrate`, :func:`downgrade`,
  :func:`schema_revision`, :func:`save_region`, :func:`regions`,
  :func:`data_version`;
- importing: :func:`write_import`, :func:`find_batch`, one private writer per
  import kind;
- reading: :func:`case_counts`, :func:`facilities`, :func:`occupancy`,
  :func:`resources`, :func:`population`, :func:`kelurahan`, :func:`batches`,
  :func:`quarantine`, :func:`quarantined_rows`, :func:`audit_log`;
- editing: :func:`update_facility`, :func:`update_resource`,
  :func:`add_resource`, :func:`delete_resource`, :func:`record_occupancy`;
- scenarios: :func:`save_scenario`, :func:`list_scenarios`, :func:`get_scenario`,
  :func:`adopted_scenario`, :func:`adopt_scenario`;
- private checks, audit helpers and value conversions.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import math
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    Engine,
    Select,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from geo import store_models as tables
from geo.crs import GEOGRAPHIC_CRS
from geo.errors import GeoInputError
from geo.text import t

logger = logging.getLogger(__name__)
MAX_ID = 2**63  # ids are 64-bit integers in SQLite and PostgreSQL

DATA_DIR_ENV = "CC_DATA_DIR"
DATABASE_URL_ENV = "CC_DATABASE_URL"
DEFAULT_DATA_DIR = "var"
DATABASE_FILE = "cc.sqlite"
MIGRATIONS_DIR = Path(__file__).parent / "migrations"

IMPORT_KINDS = ("kasus", "fasilitas", "sumber-daya", "penduduk", "batas", "okupansi")
CASE_COUNT_COLUMNS = ("positif", "dirawat", "isolasi", "sembuh", "meninggal")
CAPACITY_COLUMNS = (
    "tempat_tidur",
    "tempat_tidur_isolasi",
    "tempat_tidur_icu",
    "ventilator",
)
OCCUPANCY_COLUMNS = ("terisi_isolasi", "terisi_icu", "terisi_ventilator")
RESOURCE_KINDS = (
    "ambulans",
    "tim_lapangan",
    "kit_tes",
    "apd",
    "dosis_vaksin",
    "paket_bantuan",
)
EXAMPLE_MARK = "contoh"
NO_KELURAHAN_PREFIX = "tanpa:"
FACILITY_FIELDS = (
    "nama",
    "jenis",
    "alamat",
    "kelurahan_alamat",
    "lat",
    "lon",
    *CAPACITY_COLUMNS,
    "sumber",
    "is_example",
)
RESOURCE_FIELDS = (
    "jenis",
    "nama",
    "jumlah",
    "lat",
    "lon",
    "facility_id",
    "is_example",
)
KELURAHAN_COLUMNS = (
    "kode",
    "nama",
    "kode_kecamatan",
    "nama_kecamatan",
    "kode_kabkota",
    "nama_kabkota",
)


@dataclass(frozen=True)
class ImportBatch:
    """What one import did: the batch record plus what changed in the store.

    ``is_duplicate`` is True when the same file (same SHA-256, kind and region)
    had been imported before: nothing was written and the earlier batch is
    returned. ``inserted``, ``replaced``, ``unchanged`` and ``removed`` count
    records of the target table touched by this import (all 0 for a duplicate).
    """

    id: int
    kind: str
    region_kode: str
    who: str
    created_at: dt.datetime
    file_name: str
    file_sha256: str
    rows_read: int
    rows_accepted: int
    rows_quarantined: int
    totals: Mapping[str, Any]
    details: Mapping[str, Any]
    is_duplicate: bool = False
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoredScenario:
    """An allocation scenario as saved: inputs, results and adoption."""

    id: int
    region_kode: str
    nama: str
    author: str
    created_at: dt.datetime
    data_date: dt.date | None
    parameters: Mapping[str, Any]
    results: Mapping[str, Any]
    is_adopted: bool
    adopted_by: str | None
    adopted_at: dt.datetime | None


@dataclass
class _Changes:
    inserted: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _ImportContext:
    batch_id: int
    region_kode: str
    who: str
    now: dt.datetime
    sumber: str | None
    as_of: dt.date | None
    is_example: bool


def default_database_url() -> str:
    """Return the database URL from ``CC_DATABASE_URL`` or ``CC_DATA_DIR``.

    Returns
    -------
    str
        ``CC_DATABASE_URL`` when set, else ``sqlite:///<CC_DATA_DIR>/cc.sqlite``
        with ``CC_DATA_DIR`` defaulting to ``./var``.
    """
    url = os.environ.get(DATABASE_URL_ENV, "").strip()
    if url:
        return url
    directory = Path(os.environ.get(DATA_DIR_ENV, "").strip() or DEFAULT_DATA_DIR)
    return f"sqlite:///{(directory / DATABASE_FILE).resolve()}"


def open_store(url: str | None = None) -> Engine:
    """Return an engine on the store, creating it and migrating it to the newest schema.

    Parameters
    ----------
    url : str or None
        SQLAlchemy database URL; None reads :func:`default_database_url`. For a
        SQLite file its directory is created when missing.

    Returns
    -------
    sqlalchemy.Engine
        Engine to pass to every other function here. Open it once per process
        (the app keeps it in ``st.cache_resource``): opening runs migrations.

    Notes
    -----
    On SQLite every connection turns on foreign keys and write-ahead logging
    (WAL), so readers are not blocked by an import in progress.
    """
    url = url or default_database_url()
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise GeoInputError(t("err_store_url", value=url)) from err
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)

    shown = parsed.render_as_string(hide_password=True)
    try:
        engine = create_engine(url)
    except (ImportError, NoSuchModuleError) as err:
        # e.g. postgresql+psycopg without psycopg installed
        raise GeoInputError(
            t("err_store_driver", backend=parsed.drivername, reason=str(err))
        ) from err
    if is_sqlite:
        event.listen(engine, "connect", _configure_sqlite_connection)
        event.listen(engine, "begin", _begin_sqlite_transaction)

    try:
        migrate(engine)
    except OperationalError as err:
        raise GeoInputError(
            t("err_store_connect", url=shown, reason=str(err.orig))
        ) from err
    logger.info("store open: %s", engine.url.render_as_string(hide_password=True))
    return engine


def _configure_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    # Connection settings, not schema or queries: the only SQLite-specific SQL.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()
    # The driver's own transaction handling starts a transaction only before
    # data changes; turned off here, SQLAlchemy's BEGIN (below) covers reads and
    # schema changes too, so a migration or an import is all or nothing.
    dbapi_connection.isolation_level = None


def _begin_sqlite_transaction(connection: Any) -> None:
    # LIMITATION: SQLite takes one writer at a time; an import or edit that
    # collides with another write fails with "database is locked" and must be
    # retried (nothing of it is kept).
    connection.exec_driver_sql("BEGIN")


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def migrate(engine: Engine, revision: str = "head") -> None:
    """Upgrade the store's schema to ``revision`` (default: the newest).

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    revision : str
        Alembic revision identifier or ``"head"``.
    """
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    """Downgrade the store's schema to ``revision`` (``"base"`` drops every table).

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    revision : str
        Alembic revision identifier, ``"-1"`` or ``"base"``.
    """
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, revision)


def schema_revision(engine: Engine) -> str | None:
    """Return the store's current schema revision, or None for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def save_region(
    engine: Engine, kode: str, nama: str, metric_crs: str, *, who: str
) -> None:
    """Create or update a region (kab/kota or province) in the store.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    kode : str
        Kemendagri code of the region ("33.71").
    nama : str
        Region name ("Kota Magelang").
    metric_crs : str
        Metric CRS for distances and areas ("EPSG:32749").
    who : str
        Name of the person making the change (audit log).

    Raises
    ------
    GeoInputError
        If ``who`` is empty.
    """
    who = _check_who(who)
    now = _utc_now()
    after = {"kode": kode, "nama": nama, "metric_crs": metric_crs}

    with Session(engine) as session, session.begin():
        region = session.get(tables.Region, kode)
        if region is None:
            session.add(tables.Region(**after))
            _audit(session, who, now, "insert", "region", kode, None, after)
            return
        before = {"kode": kode, "nama": region.nama, "metric_crs": region.metric_crs}
        if before != after:
            region.nama = nama
            region.metric_crs = metric_crs
            _audit(session, who, now, "update", "region", kode, before, after)


def regions(engine: Engine) -> pd.DataFrame:
    """Return the regions in the store: ``kode``, ``nama``, ``metric_crs``."""
    return _read_frame(
        engine,
        select(
            tables.Region.kode, tables.Region.nama, tables.Region.metric_crs
        ).order_by(tables.Region.kode),
        ["kode", "nama", "metric_crs"],
    ).astype("string")


def data_version(engine: Engine) -> tuple[int, int, int]:
    """Return a mark that changes with every write to the store, by any process.

    Every import is a batch, every edit or occupancy record an audit entry and
    every region a row, so the newest batch, the newest audit entry and the
    number of regions change with each of them: an app that sees another mark
    than before knows that its cached results are stale (a command-line import
    while it runs). One small query.
    """
    query = select(
        select(func.max(tables.ImportBatch.id)).scalar_subquery(),
        select(func.max(tables.AuditEntry.id)).scalar_subquery(),
        select(func.count()).select_from(tables.Region).scalar_subquery(),
    )
    with engine.connect() as connection:
        batch, audit, regions_count = connection.execute(query).one()
    return int(batch or 0), int(audit or 0), int(regions_count or 0)


def write_import(
    engine: Engine,
    kind: str,
    region_kode: str,
    accepted: pd.DataFrame,
    quarantined: pd.DataFrame,
    *,
    who: str,
    file_name: str,
    file_sha256: str,
    rows_read: int | None = None,
    rows_accepted: int | None = None,
    totals: Mapping[str, Any] | None = None,
    details: Mapping[str, Any] | None = None,
    sumber: str | None = None,
    as_of: dt.date | None = None,
    is_example: bool = False,
) -> ImportBatch:
    """Write one imported file's accepted and quarantined rows in one transaction.

    The batch record, the data rows, the quarantined rows and the audit entries
    are written together or not at all. Importing the same file again (same
    SHA-256, kind and region) writes nothing and returns the earlier batch with
    ``is_duplicate=True``. Rows for a key already in the store (a kelurahan and
    date, a facility name, ...) replace the earlier values: the latest batch
    wins, and every changed value is kept in the audit log.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    kind : str
        One of :data:`IMPORT_KINDS`. Shape of ``accepted`` per kind:

        - ``"kasus"``: the tidy case table (``kode``, ``keterangan``,
          ``tanggal``, ``positif``, ``dirawat``, ``isolasi``, ``sembuh``,
          ``meninggal``; cumulative counts, missing count columns read as NA).
        - ``"fasilitas"``: ``nama``, ``jenis``, ``lat``, ``lon`` and optionally
          ``alamat``, ``kelurahan_alamat``, ``sumber``, ``tempat_tidur``,
          ``tempat_tidur_isolasi``, ``tempat_tidur_icu``,
          ``ventilator``, ``is_valid`` (must be all True).
        - ``"sumber-daya"``: ``jenis`` (:data:`RESOURCE_KINDS`, labels such as
          "Tim lapangan" accepted), ``nama``, ``jumlah``, and ``lat``/``lon``
          or ``fasilitas`` (name of a stored facility); optionally ``status``
          ("contoh" marks an example row) or ``is_example``.
        - ``"penduduk"``: ``kode``, ``penduduk``; optionally ``as_of`` and
          ``sumber`` columns (else the arguments of the same names).
        - ``"batas"``: a GeoDataFrame of kelurahan (``kode``, ``nama``,
          ``kode_kecamatan``, ``nama_kecamatan``, ``kode_kabkota``,
          ``nama_kabkota``, polygons); replaces the region's kelurahan.
        - ``"okupansi"``: ``fasilitas`` (name) or ``facility_id``, ``tanggal``,
          ``terisi_isolasi``, ``terisi_icu``, ``terisi_ventilator``.
    region_kode : str
        Region the file belongs to; it must be in the store (:func:`save_region`).
    accepted : pandas.DataFrame
        Rows that passed every check.
    quarantined : pandas.DataFrame
        One row per problem: ``row`` (row number in the file), ``reason``
        (Bahasa Indonesia), optionally ``column`` and ``value``, and the
        original row either as an ``original`` column of dicts or as the
        remaining columns. May be empty.
    who : str
        Name the user gave (audit log).
    file_name : str
        Name of the imported file.
    file_sha256 : str
        SHA-256 of the file's bytes, hex.
    rows_read : int or None
        Rows read from the file; default accepted + quarantined rows.
    rows_accepted : int or None
        Rows of the file accepted; default ``len(accepted)``. Differs from
        ``len(accepted)`` when rows are aggregated on import (a line list).
    totals : Mapping or None
        Totals of the count columns to keep with the batch (for example on
        each side); default: sums of the accepted count columns.
    details : Mapping or None
        Anything else worth keeping (discarded columns, dates, decisions).
    sumber : str or None
        Source of the data when the frame has no ``sumber`` column.
    as_of : datetime.date or None
        Date the population figures describe (``"penduduk"``).
    is_example : bool
        Mark every imported facility or resource as example data.

    Returns
    -------
    ImportBatch
        The batch and what changed, with notes in Bahasa Indonesia.

    Raises
    ------
    GeoInputError
        If the region is unknown, ``who`` is empty, the kind unknown, a
        required column missing, a key duplicated within the file, a count
        not a whole number ≥ 0, or a position invalid or outside the region.
    """
    _check_kind(kind)
    who = _check_who(who)
    file_sha256 = _check_sha256(file_sha256)
    problems = _quarantine_records(quarantined)
    rows_read, rows_accepted, n_quarantined = _row_counts(
        len(accepted), problems, rows_read, rows_accepted
    )

    with Session(engine) as session, session.begin():
        region = _require_region(session, region_kode)
        earlier = _earlier_batch(session, kind, region.kode, file_sha256)
        if earlier is not None:
            logger.info("import skipped: batch %s had the same file", earlier.id)
            return _duplicate_result(earlier)

        now = _utc_now()
        batch = tables.ImportBatch(
            kind=kind,
            region_kode=region.kode,
            who=who,
            created_at=now,
            file_name=file_name,
            file_sha256=file_sha256,
            rows_read=rows_read,
            rows_accepted=rows_accepted,
            rows_quarantined=n_quarantined,
            totals=_jsonable(dict(totals) if totals else _totals(kind, accepted)),
            details=_jsonable(dict(details or {})),
        )
        session.add(batch)
        session.flush()  # gives the batch its id for the rows that cite it
        context = _ImportContext(
            batch.id, region.kode, who, now, sumber, as_of, is_example
        )
        # A file whose every row was quarantined still gets its batch.
        changes = (
            _WRITERS[kind](session, context, accepted) if len(accepted) else _Changes()
        )
        _write_quarantine(session, batch.id, problems)
        _audit(
            session,
            who,
            now,
            "import",
            "import_batch",
            batch.id,
            None,
            _batch_summary(batch, changes),
            batch_id=batch.id,
        )
        result = _batch_result(batch, changes)

    logger.info(
        "import %s %s: batch %s, %s accepted, %s quarantined",
        kind,
        region_kode,
        result.id,
        rows_accepted,
        n_quarantined,
    )
    return result


def _check_sha256(file_sha256: str) -> str:
    # The caller hashes the bytes: a wrong value is a programming error.
    if not re.fullmatch(r"[0-9a-fA-F]{64}", file_sha256 or ""):
        raise ValueError(f"file_sha256 must be 64 hex digits; got {file_sha256!r}")
    return file_sha256.lower()


def _row_counts(
    n_accepted_rows: int,
    problems: list[dict[str, Any]],
    rows_read: int | None,
    rows_accepted: int | None,
) -> tuple[int, int, int]:
    """Return rows read, accepted and quarantined, checking that they add up."""
    n_quarantined = len({problem["row_number"] for problem in problems})
    rows_accepted = n_accepted_rows if rows_accepted is None else int(rows_accepted)
    rows_read = rows_accepted + n_quarantined if rows_read is None else int(rows_read)
    if rows_read != rows_accepted + n_quarantined:
        raise ValueError(
            f"rows_read ({rows_read}) must equal accepted ({rows_accepted}) "
            f"+ quarantined rows ({n_quarantined})"
        )
    return rows_read, rows_accepted, n_quarantined


def find_batch(
    engine: Engine, kind: str, region_kode: str, file_sha256: str
) -> ImportBatch | None:
    """Return the batch that imported this file already, or None.

    Lets a caller skip reading a file the store has seen (the bundled region
    packs on every start): hash the bytes, ask here, parse only when None.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    kind : str
        One of :data:`IMPORT_KINDS`.
    region_kode : str
        Region code.
    file_sha256 : str
        SHA-256 of the file's bytes, hex.

    Returns
    -------
    ImportBatch or None
        The earlier batch, with ``is_duplicate=True``, or None.
    """
    with Session(engine) as session:
        earlier = _earlier_batch(session, kind, region_kode, file_sha256.lower())
        return None if earlier is None else _duplicate_result(earlier)


def _earlier_batch(
    session: Session, kind: str, region_kode: str, file_sha256: str
) -> tables.ImportBatch | None:
    return session.scalars(
        select(tables.ImportBatch).where(
            tables.ImportBatch.kind == kind,
            tables.ImportBatch.region_kode == region_kode,
            tables.ImportBatch.file_sha256 == file_sha256,
        )
    ).first()


def _batch_summary(batch: tables.ImportBatch, changes: _Changes) -> dict[str, Any]:
    return {
        "kind": batch.kind,
        "file_name": batch.file_name,
        "file_sha256": batch.file_sha256,
        "rows_read": batch.rows_read,
        "rows_accepted": batch.rows_accepted,
        "rows_quarantined": batch.rows_quarantined,
        "inserted": changes.inserted,
        "replaced": changes.replaced,
        "unchanged": changes.unchanged,
        "removed": changes.removed,
    }


def _batch_result(batch: tables.ImportBatch, changes: _Changes) -> ImportBatch:
    notes = list(changes.notes)
    if changes.replaced:
        notes.insert(0, t("note_store_replaced", count=changes.replaced))
    return ImportBatch(
        id=batch.id,
        kind=batch.kind,
        region_kode=batch.region_kode,
        who=batch.who,
        created_at=batch.created_at,
        file_name=batch.file_name,
        file_sha256=batch.file_sha256,
        rows_read=batch.rows_read,
        rows_accepted=batch.rows_accepted,
        rows_quarantined=batch.rows_quarantined,
        totals=batch.totals,
        details=batch.details,
        inserted=changes.inserted,
        replaced=changes.replaced,
        unchanged=changes.unchanged,
        removed=changes.removed,
        notes=tuple(notes),
    )


def _duplicate_result(batch: tables.ImportBatch) -> ImportBatch:
    note = t(
        "note_store_duplicate",
        file=batch.file_name,
        when=batch.created_at.strftime("%d/%m/%Y %H.%M UTC"),
        who=batch.who,
        batch=batch.id,
    )
    result = _batch_result(batch, _Changes(notes=[note]))
    return dataclasses.replace(result, is_duplicate=True)


def _totals(kind: str, accepted: pd.DataFrame) -> dict[str, Any]:
    columns = {
        "kasus": CASE_COUNT_COLUMNS,
        "fasilitas": CAPACITY_COLUMNS,
        "sumber-daya": ("jumlah",),
        "penduduk": ("penduduk",),
        "okupansi": OCCUPANCY_COLUMNS,
    }.get(kind, ())
    return {
        column: int(pd.to_numeric(accepted[column], errors="coerce").sum())
        for column in columns
        if column in accepted.columns
    }


def _quarantine_records(quarantined: pd.DataFrame) -> list[dict[str, Any]]:
    if quarantined is None or quarantined.empty:
        return []
    _require_columns(quarantined, ("row", "reason"), "karantina")
    meta = {"row", "reason", "column", "value", "original"}
    original_columns = [name for name in quarantined.columns if name not in meta]

    records = []
    for row in quarantined.to_dict("records"):
        if "original" in quarantined.columns and isinstance(row["original"], dict):
            original = row["original"]
        else:
            original = {name: row[name] for name in original_columns}
        records.append(
            {
                "row_number": int(row["row"]),
                "column_name": _text_or_none(row.get("column")),
                "value": _text_or_none(row.get("value")),
                "reason": str(row["reason"]),
                "original": {
                    str(key): _text_or_none(value) for key, value in original.items()
                },
            }
        )
    return records


def _write_quarantine(
    session: Session, batch_id: int, records: list[dict[str, Any]]
) -> None:
    if records:
        session.execute(
            insert(tables.QuarantineRow),
            [{**record, "batch_id": batch_id} for record in records],
        )


def _write_cases(
    session: Session, context: _ImportContext, frame: pd.DataFrame
) -> _Changes:
    _require_columns(frame, ("tanggal",), "kasus")
    new = _case_frame(frame)
    _check_unique_frame(new, ["lokasi", "tanggal"], "kasus", "kelurahan dan tanggal")
    if new.empty:
        return _Changes()

    merged = new.merge(
        _stored_cases(session, context.region_kode, new["tanggal"]),
        on=["lokasi", "tanggal"],
        how="left",
        suffixes=("", "_before"),
    )
    is_new = merged["id"].isna()
    differs = pd.Series(False, index=merged.index)
    for name in CASE_COUNT_COLUMNS:
        # counts are >= 0, so -1 stands for "missing" on both sides
        differs |= merged[name].fillna(-1) != merged[f"{name}_before"].fillna(-1)
    is_replaced = ~is_new & differs

    inserts = _db_records(merged.loc[is_new, list(new.columns)])
    replaced = merged.loc[is_replaced]
    updates = _db_records(replaced[["id", *CASE_COUNT_COLUMNS]].astype({"id": int}))
    audits = _case_audits(context, replaced)

    # Core statements run as one executemany each: far faster than the ORM here.
    table = tables.CaseCount.__table__
    extra = {"region_kode": context.region_kode, "batch_id": context.batch_id}
    if inserts:
        session.execute(insert(table), [row | extra for row in inserts])
    # Unchanged rows keep the batch that set their value; changed rows move.
    if updates:
        session.execute(
            update(table)
            .where(table.c.id == bindparam("row_id"))
            .values({name: bindparam(name) for name in CASE_COUNT_COLUMNS})
            .values(batch_id=context.batch_id),
            [{**row, "row_id": row.pop("id")} for row in updates],
        )
    if audits:
        session.execute(insert(tables.AuditEntry.__table__), audits)
    return _Changes(
        inserted=len(inserts),
        replaced=len(updates),
        unchanged=int((~is_new & ~differs).sum()),
    )


def _case_frame(frame: pd.DataFrame) -> pd.DataFrame:
    kode = _text_series(frame, "kode")
    keterangan = _text_series(frame, "keterangan")
    missing = kode.isna() & keterangan.isna()
    if missing.any():
        raise GeoInputError(t("err_store_lokasi_missing", count=int(missing.sum())))

    new = pd.DataFrame(
        {
            "lokasi": kode.fillna(NO_KELURAHAN_PREFIX + keterangan),
            "kode": kode,
            "keterangan": keterangan.where(kode.isna()),
            "tanggal": _date_series(frame, "tanggal"),
        }
    )
    for name in CASE_COUNT_COLUMNS:
        new[name] = _count_series(frame, name, required=False)
    return new.reset_index(drop=True)


def _stored_cases(
    session: Session, region_kode: str, tanggal: pd.Series
) -> pd.DataFrame:
    model = tables.CaseCount
    columns = ["id", "lokasi", "tanggal", *CASE_COUNT_COLUMNS]
    rows = session.execute(
        select(*_columns(model, columns)).where(
            model.region_kode == region_kode,
            model.tanggal >= tanggal.min().date(),
            model.tanggal <= tanggal.max().date(),
        )
    ).all()
    stored = pd.DataFrame(rows, columns=columns)
    stored["lokasi"] = stored["lokasi"].astype("string")
    stored["tanggal"] = pd.to_datetime(stored["tanggal"]).astype("datetime64[ns]")
    for name in CASE_COUNT_COLUMNS:
        stored[name] = stored[name].astype("Int64")
    return stored


def _case_audits(context: _ImportContext, replaced: pd.DataFrame) -> list[dict]:
    record_ids = replaced["lokasi"] + "@" + replaced["tanggal"].dt.strftime("%Y-%m-%d")
    befores = _db_records(
        replaced[[f"{name}_before" for name in CASE_COUNT_COLUMNS]].set_axis(
            list(CASE_COUNT_COLUMNS), axis=1
        )
    )
    afters = _db_records(replaced[list(CASE_COUNT_COLUMNS)])
    return [
        {
            "who": context.who,
            "at": context.now,
            "action": "replace",
            "table_name": "case_count",
            "record_id": record_id,
            "before": before,
            "after": after,
            "batch_id": context.batch_id,
        }
        for record_id, before, after in zip(
            record_ids.tolist(), befores, afters, strict=True
        )
    ]


def _write_facilities(
    session: Session, context: _ImportContext, frame: pd.DataFrame
) -> _Changes:
    _require_columns(frame, ("nama", "jenis", "lat", "lon"), "fasilitas")
    if "is_valid" in frame.columns and not frame["is_valid"].astype(bool).all():
        invalid = frame.loc[~frame["is_valid"].astype(bool), "nama"]
        raise GeoInputError(
            t("err_store_invalid_rows", count=len(invalid), example=invalid.iloc[0])
        )
    rows = _facility_rows(frame, context)
    _check_unique(rows, ("nama",), "fasilitas", "nama fasilitas")
    boundary = _region_boundary(session, context.region_kode)
    for row in rows:
        _check_position(row["lat"], row["lon"], boundary, context.region_kode)

    stored = {
        facility.nama: facility
        for facility in session.scalars(
            select(tables.Facility).where(
                tables.Facility.region_kode == context.region_kode
            )
        )
    }
    changes = _Changes()
    for row in rows:
        facility = stored.get(row["nama"])
        _upsert(session, context, tables.Facility, facility, row, context.now, changes)
    return changes


def _facility_rows(
    frame: pd.DataFrame, context: _ImportContext
) -> list[dict[str, Any]]:
    columns: dict[str, list[Any]] = {
        "nama": _required_text(frame, "nama"),
        "jenis": _required_text(frame, "jenis"),
        "alamat": _none_for_na(_text_series(frame, "alamat")),
        "kelurahan_alamat": _none_for_na(_text_series(frame, "kelurahan_alamat")),
        "lat": _floats(frame, "lat"),
        "lon": _floats(frame, "lon"),
        "sumber": _none_for_na(
            _text_series(frame, "sumber").fillna(context.sumber or pd.NA)
        ),
        "is_example": _example_flags(frame, context.is_example),
    }
    for name in CAPACITY_COLUMNS:
        columns[name] = _counts(frame, name, required=False)
    return _records(columns, len(frame))


def _write_resources(
    session: Session, context: _ImportContext, frame: pd.DataFrame
) -> _Changes:
    _require_columns(frame, ("jenis", "nama", "jumlah"), "sumber-daya")
    rows = _resource_rows(frame, context)
    _check_unique(rows, ("jenis", "nama"), "sumber-daya", "jenis dan nama")
    changes = _Changes()
    _link_facilities(session, context, rows, changes)
    boundary = _region_boundary(session, context.region_kode)
    for row in rows:
        _check_resource_position(row)
        _check_position(row["lat"], row["lon"], boundary, context.region_kode)

    stored = {
        (resource.jenis, resource.nama): resource
        for resource in session.scalars(
            select(tables.Resource).where(
                tables.Resource.region_kode == context.region_kode
            )
        )
    }
    if not all(row["is_example"] for row in rows):
        _remove_examples(session, context, stored, changes)
    for row in rows:
        updated_at = row.pop("updated_at") or context.now
        resource = stored.get((row["jenis"], row["nama"]))
        _upsert(session, context, tables.Resource, resource, row, updated_at, changes)
    return changes


def _upsert(
    session: Session,
    context: _ImportContext,
    model: type[tables.Facility] | type[tables.Resource],
    record: tables.Facility | tables.Resource | None,
    row: dict[str, Any],
    updated_at: dt.datetime,
    changes: _Changes,
) -> None:
    """Insert ``row`` as a new ``model`` or replace ``record``'s fields, audited.

    A resource's entries also keep its ``updated_at`` (the file's "diperbarui"
    date when given), so the stock history can be dated by when each count
    was made rather than when it was imported (:mod:`geo.store_charts`).
    """
    table_name = model.__tablename__
    dated = model is tables.Resource
    after = {**row, "updated_at": updated_at} if dated else row
    if record is None:
        record = model(
            region_kode=context.region_kode,
            updated_at=updated_at,
            batch_id=context.batch_id,
            **row,
        )
        session.add(record)
        session.flush()
        _audit_add(session, context, "insert", table_name, record.id, None, after)
        changes.inserted += 1
        return

    before = _fields(record, row)
    if before == row:
        changes.unchanged += 1
        return

    if dated:
        before["updated_at"] = record.updated_at
    _assign(record, row, updated_at)
    record.batch_id = context.batch_id
    _audit_add(session, context, "replace", table_name, record.id, before, after)
    changes.replaced += 1


def _resource_rows(
    frame: pd.DataFrame, context: _ImportContext
) -> list[dict[str, Any]]:
    columns: dict[str, list[Any]] = {
        "jenis": [_resource_kind(value) for value in _required_text(frame, "jenis")],
        "nama": _required_text(frame, "nama"),
        "jumlah": _counts(frame, "jumlah", required=True),
        "lat": _floats(frame, "lat"),
        "lon": _floats(frame, "lon"),
        "fasilitas": _none_for_na(_text_series(frame, "fasilitas")),
        "facility_id": _optional_ints(frame, "facility_id"),
        "is_example": _example_flags(frame, context.is_example),
        "updated_at": _optional_timestamps(frame, "diperbarui"),
    }
    return _records(columns, len(frame))


def _link_facilities(
    session: Session,
    context: _ImportContext,
    rows: list[dict[str, Any]],
    changes: _Changes,
) -> None:
    ids_by_name = _facility_ids_by_name(session, context.region_kode)
    for row in rows:
        name = row.pop("fasilitas")
        if row["facility_id"] is not None:
            _require_facility(session, row["facility_id"], context.region_kode)
        elif name is not None and name in ids_by_name:
            row["facility_id"] = ids_by_name[name]
        elif name is not None and row["lat"] is not None:
            changes.notes.append(
                t("note_store_facility_missing", value=name, nama=row["nama"])
            )
        elif name is not None:
            raise _unknown_facility_name(name, context.region_kode)


def _facility_ids_by_name(session: Session, region_kode: str) -> dict[str, int]:
    return dict(
        session.execute(
            select(tables.Facility.nama, tables.Facility.id).where(
                tables.Facility.region_kode == region_kode
            )
        ).all()
    )


def _unknown_facility_name(name: str, region_kode: str) -> GeoInputError:
    return GeoInputError(
        t("err_store_facility_name_unknown", value=name, wilayah=region_kode)
    )


def _remove_examples(
    session: Session,
    context: _ImportContext,
    stored: dict[tuple[str, str], tables.Resource],
    changes: _Changes,
) -> None:
    examples = [key for key, resource in stored.items() if resource.is_example]
    for key in examples:
        resource = stored.pop(key)
        before = _fields(resource, dict.fromkeys(RESOURCE_FIELDS))
        _audit_add(session, context, "delete", "resource", resource.id, before, None)
        session.delete(resource)
    if examples:
        changes.removed += len(examples)
        changes.notes.append(t("note_store_examples_removed", count=len(examples)))


def _write_population(
    session: Session, context: _ImportContext, frame: pd.DataFrame
) -> _Changes:
    _require_columns(frame, ("kode", "penduduk"), "penduduk")
    rows = _population_rows(frame, context)
    _check_unique(rows, ("kode", "as_of"), "penduduk", "kelurahan dan tanggal")

    model = tables.Population
    stored = {
        (row.kode, row.as_of): row
        for row in session.execute(
            select(
                model.id, model.kode, model.as_of, model.persons, model.sumber
            ).where(model.region_kode == context.region_kode)
        ).all()
    }
    changes = _Changes()
    new_rows, updates, audits = [], [], []
    for row in rows:
        earlier = stored.get((row["kode"], row["as_of"]))
        if earlier is None:
            new_rows.append(
                {
                    **row,
                    "region_kode": context.region_kode,
                    "batch_id": context.batch_id,
                }
            )
            continue
        before = {"persons": earlier.persons, "sumber": earlier.sumber}
        after = {"persons": row["persons"], "sumber": row["sumber"]}
        updates.append({"id": earlier.id, **after, "batch_id": context.batch_id})
        if before == after:
            changes.unchanged += 1
            continue
        changes.replaced += 1
        record_id = f"{row['kode']}@{row['as_of'].isoformat()}"
        audits.append(
            _audit_row(context, "replace", "population", record_id, before, after)
        )

    if new_rows:
        session.execute(insert(model), new_rows)
    if updates:
        session.execute(update(model), updates)
    if audits:
        session.execute(insert(tables.AuditEntry), audits)
    changes.inserted = len(new_rows)
    return changes


def _population_rows(
    frame: pd.DataFrame, context: _ImportContext
) -> list[dict[str, Any]]:
    if "as_of" in frame.columns:
        as_of = _dates(frame, "as_of")
    elif context.as_of is not None:
        as_of = [pd.Timestamp(context.as_of).date()] * len(frame)
    else:
        raise GeoInputError(t("err_store_as_of_missing"))
    sumber = _text_series(frame, "sumber").fillna(context.sumber or pd.NA)
    if sumber.isna().any():
        raise GeoInputError(t("err_store_sumber_missing"))

    columns = {
        "kode": _required_text(frame, "kode"),
        "persons": _counts(frame, "penduduk", required=True),
        "sumber": sumber.tolist(),
        "as_of": as_of,
    }
    return _records(columns, len(frame))


def _write_boundaries(
    session: Session, context: _ImportContext, frame: pd.DataFrame
) -> _Changes:
    _require_columns(frame, ("kode", "nama", "geometry"), "batas")
    layer = _boundaries_in_geographic_crs(frame)
    rows = _kelurahan_rows(layer)
    _check_unique(rows, ("kode",), "batas", "kode kelurahan")

    stored = {
        kelurahan.kode: kelurahan
        for kelurahan in session.scalars(
            select(tables.Kelurahan).where(
                tables.Kelurahan.region_kode == context.region_kode
            )
        )
    }
    changes = _Changes()
    for row in rows:
        kelurahan = stored.pop(row["kode"], None)
        attributes = {name: row[name] for name in KELURAHAN_COLUMNS}
        if kelurahan is None:
            session.add(
                tables.Kelurahan(
                    region_kode=context.region_kode, batch_id=context.batch_id, **row
                )
            )
            _audit_add(
                session, context, "insert", "kelurahan", row["kode"], None, attributes
            )
            changes.inserted += 1
            continue
        before = {name: getattr(kelurahan, name) for name in KELURAHAN_COLUMNS}
        is_same_shape = kelurahan.geometry_wkb == row["geometry_wkb"]
        if before == attributes and is_same_shape:
            changes.unchanged += 1
            continue
        for name, value in row.items():
            setattr(kelurahan, name, value)
        kelurahan.batch_id = context.batch_id
        after = {**attributes, "geometry_changed": not is_same_shape}
        _audit_add(session, context, "replace", "kelurahan", row["kode"], before, after)
        changes.replaced += 1

    for kode, kelurahan in stored.items():
        before = {name: getattr(kelurahan, name) for name in KELURAHAN_COLUMNS}
        _audit_add(session, context, "delete", "kelurahan", kode, before, None)
        session.delete(kelurahan)
    if stored:
        changes.removed = len(stored)
        changes.notes.append(t("note_store_kelurahan_removed", count=len(stored)))
    return changes


def _boundaries_in_geographic_crs(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    layer = gpd.GeoDataFrame(frame, geometry="geometry")
    if layer.crs is None:
        raise GeoInputError(t("err_store_crs_missing"))
    empty = layer.geometry.isna() | layer.geometry.is_empty
    if empty.any():
        first = layer[empty].iloc[0]
        raise GeoInputError(
            t("err_store_geometry_empty", nama=first["nama"], kode=first["kode"])
        )
    return layer.to_crs(GEOGRAPHIC_CRS)


def _kelurahan_rows(layer: gpd.GeoDataFrame) -> list[dict[str, Any]]:
    columns: dict[str, list[Any]] = {
        "kode": _required_text(layer, "kode"),
        "nama": _required_text(layer, "nama"),
    }
    for name in KELURAHAN_COLUMNS[2:]:
        columns[name] = _none_for_na(_text_series(layer, name))
    columns["geometry_wkb"] = list(shapely.to_wkb(layer.geometry.values))
    return _records(columns, len(layer))


def _write_occupancy(
    session: Session, context: _ImportContext, frame: pd.DataFrame
) -> _Changes:
    _require_columns(frame, ("tanggal",), "okupansi")
    rows = _occupancy_rows(session, context, frame)
    _check_unique(rows, ("facility_id", "tanggal"), "okupansi", "fasilitas dan tanggal")

    model = tables.FacilityOccupancy
    facility_ids = sorted({row["facility_id"] for row in rows})
    stored = {
        (occupancy.facility_id, occupancy.tanggal): occupancy
        for occupancy in session.scalars(
            select(model).where(model.facility_id.in_(facility_ids))
        )
    }
    changes = _Changes()
    for row in rows:
        occupancy = stored.get((row["facility_id"], row["tanggal"]))
        record_id = f"{row['facility_id']}@{row['tanggal'].isoformat()}"
        after = {name: row[name] for name in OCCUPANCY_COLUMNS}
        if occupancy is None:
            session.add(model(batch_id=context.batch_id, **row))
            changes.inserted += 1
            continue
        before = {name: getattr(occupancy, name) for name in OCCUPANCY_COLUMNS}
        if before == after:
            changes.unchanged += 1
            continue
        for name, value in after.items():
            setattr(occupancy, name, value)
        occupancy.batch_id = context.batch_id
        _audit_add(
            session, context, "replace", "facility_occupancy", record_id, before, after
        )
        changes.replaced += 1
    return changes


def _occupancy_rows(
    session: Session, context: _ImportContext, frame: pd.DataFrame
) -> list[dict[str, Any]]:
    if "facility_id" in frame.columns:
        facility_ids = _optional_ints(frame, "facility_id")
        for facility_id in set(facility_ids):
            _require_facility(session, facility_id, context.region_kode)
    else:
        _require_columns(frame, ("fasilitas",), "okupansi")
        ids_by_name = _facility_ids_by_name(session, context.region_kode)
        facility_ids = []
        for name in _required_text(frame, "fasilitas"):
            if name not in ids_by_name:
                raise _unknown_facility_name(name, context.region_kode)
            facility_ids.append(ids_by_name[name])

    columns: dict[str, list[Any]] = {
        "facility_id": facility_ids,
        "tanggal": _dates(frame, "tanggal"),
    }
    for name in OCCUPANCY_COLUMNS:
        columns[name] = _counts(frame, name, required=False)
    return _records(columns, len(frame))


_WRITERS: dict[str, Callable[[Session, _ImportContext, pd.DataFrame], _Changes]] = {
    "kasus": _write_cases,
    "fasilitas": _write_facilities,
    "sumber-daya": _write_resources,
    "penduduk": _write_population,
    "batas": _write_boundaries,
    "okupansi": _write_occupancy,
}


def case_counts(engine: Engine, region_kode: str) -> pd.DataFrame:
    """Return the region's case counts as the tidy case table of the data contract.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    region_kode : str
        Region code ("33.71").

    Returns
    -------
    pandas.DataFrame
        ``kode`` (string, <NA> for rows without a kelurahan), ``keterangan``
        (string, <NA> for kelurahan rows), ``tanggal`` (datetime64),
        ``positif``, ``dirawat``, ``isolasi``, ``sembuh``, ``meninggal``
        (Int64, cumulative), sorted by date then code. Empty when none.
    """
    model = tables.CaseCount
    columns = ["kode", "keterangan", "tanggal", *CASE_COUNT_COLUMNS]
    frame = _read_frame(
        engine,
        select(*_columns(model, columns))
        .where(model.region_kode == region_kode)
        .order_by(model.tanggal, model.lokasi),
        columns,
    )
    frame["kode"] = frame["kode"].astype("string")
    frame["keterangan"] = frame["keterangan"].astype("string")
    frame["tanggal"] = pd.to_datetime(frame["tanggal"]).astype("datetime64[ns]")
    for name in CASE_COUNT_COLUMNS:
        frame[name] = frame[name].astype("Int64")
    return frame


def facilities(engine: Engine, region_kode: str) -> gpd.GeoDataFrame:
    """Return the region's facilities in the validated-facility contract shape.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    region_kode : str
        Region code.

    Returns
    -------
    geopandas.GeoDataFrame
        ``id``, ``nama``, ``jenis``, ``alamat``, ``kelurahan_alamat`` (the
        kelurahan the address names), ``sumber``, ``lat``, ``lon``,
        ``tempat_tidur``, ``tempat_tidur_isolasi``, ``tempat_tidur_icu``,
        ``ventilator`` (Int64),
        ``is_example``, ``updated_at``, ``is_valid``, ``masalah`` and point
        ``geometry`` in EPSG:4326. Stored facilities passed the checks on
        import; ``is_valid`` is False (with ``masalah``) only for one stored
        without coordinates.
    """
    model = tables.Facility
    columns = [
        "id",
        "nama",
        "jenis",
        "alamat",
        "kelurahan_alamat",
        "sumber",
        "lat",
        "lon",
        *CAPACITY_COLUMNS,
        "is_example",
        "updated_at",
    ]
    frame = _read_frame(
        engine,
        select(*_columns(model, columns))
        .where(model.region_kode == region_kode)
        .order_by(model.nama),
        columns,
    )
    for name in ("nama", "jenis", "alamat", "kelurahan_alamat", "sumber"):
        frame[name] = frame[name].astype("string")
    for name in CAPACITY_COLUMNS:
        frame[name] = frame[name].astype("Int64")
    frame["lat"] = frame["lat"].astype(float)
    frame["lon"] = frame["lon"].astype(float)
    frame["is_example"] = frame["is_example"].astype(bool)
    frame["is_valid"] = frame["lat"].notna() & frame["lon"].notna()
    frame["masalah"] = np.where(frame["is_valid"], "", t("masalah_store_no_position"))
    return _points(frame)


def occupancy(engine: Engine, region_kode: str) -> pd.DataFrame:
    """Return the region's facility occupancy by facility and date.

    Columns: ``facility_id``, ``nama``, ``tanggal`` (datetime64),
    ``terisi_isolasi``, ``terisi_icu``, ``terisi_ventilator`` (Int64).
    """
    model = tables.FacilityOccupancy
    columns = ["facility_id", "nama", "tanggal", *OCCUPANCY_COLUMNS]
    frame = _read_frame(
        engine,
        select(
            model.facility_id,
            tables.Facility.nama,
            model.tanggal,
            *_columns(model, OCCUPANCY_COLUMNS),
        )
        .join(tables.Facility, tables.Facility.id == model.facility_id)
        .where(tables.Facility.region_kode == region_kode)
        .order_by(model.tanggal, tables.Facility.nama),
        columns,
    )
    frame["nama"] = frame["nama"].astype("string")
    frame["tanggal"] = pd.to_datetime(frame["tanggal"]).astype("datetime64[ns]")
    for name in OCCUPANCY_COLUMNS:
        frame[name] = frame[name].astype("Int64")
    return frame


def resources(engine: Engine, region_kode: str) -> gpd.GeoDataFrame:
    """Return the region's resources as points, placed at home facility when unplaced.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    region_kode : str
        Region code.

    Returns
    -------
    geopandas.GeoDataFrame
        ``id``, ``jenis`` (:data:`RESOURCE_KINDS`), ``label`` (its name in
        Bahasa Indonesia), ``nama``, ``jumlah`` (Int64), ``lat``, ``lon``
        (the resource's own position, else its facility's), ``facility_id``
        (Int64), ``nama_fasilitas``, ``updated_at``, ``is_example`` and
        ``keterangan`` ("contoh" for example rows, "" otherwise), with point
        ``geometry`` in EPSG:4326 (None when neither position is known).
    """
    model = tables.Resource
    columns = [
        "id",
        "jenis",
        "nama",
        "jumlah",
        "lat",
        "lon",
        "facility_id",
        "nama_fasilitas",
        "facility_lat",
        "facility_lon",
        "updated_at",
        "is_example",
    ]
    frame = _read_frame(
        engine,
        select(
            *_columns(model, columns[:7]),
            tables.Facility.nama,
            tables.Facility.lat,
            tables.Facility.lon,
            model.updated_at,
            model.is_example,
        )
        .outerjoin(tables.Facility, tables.Facility.id == model.facility_id)
        .where(model.region_kode == region_kode)
        .order_by(model.jenis, model.nama),
        columns,
    )
    has_own = frame["lat"].notna() & frame["lon"].notna()
    frame["lat"] = frame["lat"].where(has_own, frame["facility_lat"]).astype(float)
    frame["lon"] = frame["lon"].where(has_own, frame["facility_lon"]).astype(float)
    frame = frame.drop(columns=["facility_lat", "facility_lon"])
    frame["jenis"] = frame["jenis"].astype("string")
    frame.insert(2, "label", [t(f"sumber_daya_{kind}") for kind in frame["jenis"]])
    frame["nama"] = frame["nama"].astype("string")
    frame["nama_fasilitas"] = frame["nama_fasilitas"].astype("string")
    frame["jumlah"] = frame["jumlah"].astype("Int64")
    frame["facility_id"] = frame["facility_id"].astype("Int64")
    frame["is_example"] = frame["is_example"].astype(bool)
    frame["keterangan"] = np.where(frame["is_example"], t("contoh"), "")
    return _points(frame)


def population(engine: Engine, region_kode: str) -> pd.Series:
    """Return the newest population count of each kelurahan of the region.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    region_kode : str
        Region code.

    Returns
    -------
    pandas.Series
        Persons (Int64) indexed by ``kode``, named ``penduduk``; empty when the
        region has no population data (Kota Magelang): never invented.
    """
    model = tables.Population
    frame = _read_frame(
        engine,
        select(model.kode, model.as_of, model.persons)
        .where(model.region_kode == region_kode)
        .order_by(model.kode, model.as_of),
        ["kode", "as_of", "persons"],
    )
    newest = frame.drop_duplicates("kode", keep="last")
    series = pd.Series(
        newest["persons"].to_numpy(),
        index=pd.Index(newest["kode"], dtype="string", name="kode"),
        name="penduduk",
    )
    return series.astype("Int64")


def kelurahan(engine: Engine, region_kode: str) -> gpd.GeoDataFrame:
    """Return the region's kelurahan in the boundaries contract shape (EPSG:4326).

    ``area_km2`` is measured in the region's metric CRS.
    """
    model = tables.Kelurahan
    with Session(engine) as session:
        region = _require_region(session, region_kode)
        metric_crs = region.metric_crs
        rows = session.execute(
            select(*_columns(model, [*KELURAHAN_COLUMNS, "geometry_wkb"]))
            .where(model.region_kode == region_kode)
            .order_by(model.kode)
        ).all()

    frame = pd.DataFrame(rows, columns=[*KELURAHAN_COLUMNS, "geometry_wkb"])
    geometry = shapely.from_wkb(frame.pop("geometry_wkb").to_numpy())
    layer = gpd.GeoDataFrame(
        frame.astype("string"), geometry=geometry, crs=GEOGRAPHIC_CRS
    )
    layer.insert(6, "area_km2", layer.to_crs(metric_crs).area / 1_000_000)
    return layer


def batches(
    engine: Engine, region_kode: str | None = None, kind: str | None = None
) -> pd.DataFrame:
    """Return import batches, newest first, optionally of one region and kind.

    Columns: ``id``, ``kind``, ``region_kode``, ``who``, ``created_at`` (UTC),
    ``file_name``, ``file_sha256``, ``rows_read``, ``rows_accepted``,
    ``rows_quarantined``, ``totals`` and ``details`` (dicts).
    """
    model = tables.ImportBatch
    columns = [
        "id",
        "kind",
        "region_kode",
        "who",
        "created_at",
        "file_name",
        "file_sha256",
        "rows_read",
        "rows_accepted",
        "rows_quarantined",
        "totals",
        "details",
    ]
    query = select(*_columns(model, columns)).order_by(model.id.desc())
    if region_kode is not None:
        query = query.where(model.region_kode == region_kode)
    if kind is not None:
        query = query.where(model.kind == kind)
    return _read_frame(engine, query, columns)


def quarantine(engine: Engine, batch_id: int) -> pd.DataFrame:
    """Return the problems of a batch: one row per problem, with the original row.

    Columns: ``row`` (row number in the file), ``column``, ``value``, ``reason``
    (Bahasa Indonesia) and ``original`` (dict of the row's values as text).
    """
    model = tables.QuarantineRow
    frame = _read_frame(
        engine,
        select(
            model.row_number,
            model.column_name,
            model.value,
            model.reason,
            model.original,
        )
        .where(model.batch_id == batch_id)
        .order_by(model.row_number, model.id),
        ["row", "column", "value", "reason", "original"],
    )
    frame["row"] = frame["row"].astype("Int64")
    return frame


def quarantined_rows(engine: Engine, batch_id: int) -> pd.DataFrame:
    """Return a batch's quarantined rows as they were read, ready to fix and re-import.

    One row per quarantined file row, the original columns in their order, then
    ``baris`` (row number in the file) and ``alasan`` (the reasons, "; "-joined).
    Columns ``baris`` and ``alasan`` are not data and are discarded on import.
    """
    problems = quarantine(engine, batch_id)
    records = []
    for row_number, group in problems.groupby("row", sort=True):
        records.append(
            {
                **group["original"].iloc[0],
                "baris": int(row_number),
                "alasan": "; ".join(dict.fromkeys(group["reason"])),
            }
        )
    return pd.DataFrame(records)


def audit_log(
    engine: Engine,
    *,
    table_name: str | None = None,
    record_id: str | int | None = None,
    batch_id: int | None = None,
    limit: int | None = 1000,
) -> pd.DataFrame:
    """Return audit entries, newest first.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    table_name : str or None
        Only changes to this table ("case_count", "facility", "resource", ...).
    record_id : str, int or None
        Only changes to this record (its id, or "kode@YYYY-MM-DD" for counts).
    batch_id : int or None
        Only changes made by this import.
    limit : int or None
        Most entries returned; None for all.

    Returns
    -------
    pandas.DataFrame
        ``id``, ``who``, ``at`` (UTC), ``action`` ("insert", "update",
        "replace", "delete", "import", "adopt", "unadopt"), ``table_name``,
        ``record_id``, ``before``, ``after`` (dicts or None), ``batch_id``.
    """
    model = tables.AuditEntry
    columns = [
        "id",
        "who",
        "at",
        "action",
        "table_name",
        "record_id",
        "before",
        "after",
        "batch_id",
    ]
    query = select(*_columns(model, columns)).order_by(model.id.desc()).limit(limit)
    if table_name is not None:
        query = query.where(model.table_name == table_name)
    if record_id is not None:
        query = query.where(model.record_id == str(record_id))
    if batch_id is not None:
        query = query.where(model.batch_id == batch_id)
    frame = _read_frame(engine, query, columns)
    frame["batch_id"] = frame["batch_id"].astype("Int64")
    return frame


def update_facility(
    engine: Engine, facility_id: int, changes: Mapping[str, Any], who: str
) -> dict[str, Any]:
    """Change fields of one facility and log the change; return its new values.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    facility_id : int
        The facility's ``id``.
    changes : Mapping
        New values by field, of :data:`FACILITY_FIELDS`. A position must lie
        inside the region's kelurahan.
    who : str
        Name of the person making the change.

    Returns
    -------
    dict
        The facility's fields after the change.

    Raises
    ------
    GeoInputError
        If the facility does not exist, a field is not editable, a capacity is
        not a whole number ≥ 0, the position is invalid or outside the region,
        or ``who`` is empty.
    """
    who = _check_who(who)
    with Session(engine) as session, session.begin():
        facility = _require_facility(session, facility_id)
        return _apply_edit(session, facility, "facility", changes, FACILITY_FIELDS, who)


def update_resource(
    engine: Engine, resource_id: int, changes: Mapping[str, Any], who: str
) -> dict[str, Any]:
    """Change fields of one resource and log the change; return its new values.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    resource_id : int
        The resource's ``id``.
    changes : Mapping
        New values by field, of :data:`RESOURCE_FIELDS` (``jenis`` in
        :data:`RESOURCE_KINDS`, ``jumlah`` a whole number ≥ 0, a position
        inside the region or a ``facility_id``).
    who : str
        Name of the person making the change.

    Returns
    -------
    dict
        The resource's fields after the change.

    Raises
    ------
    GeoInputError
        If the resource or facility does not exist, a field is not editable, a
        value is invalid, the position lies outside the region, or ``who`` is
        empty.
    """
    who = _check_who(who)
    with Session(engine) as session, session.begin():
        resource = _require_resource(session, resource_id)
        return _apply_edit(session, resource, "resource", changes, RESOURCE_FIELDS, who)


def add_resource(
    engine: Engine, region_kode: str, values: Mapping[str, Any], who: str
) -> int:
    """Add one resource to a region, log it, and return its ``id``.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    region_kode : str
        Region code.
    values : Mapping
        ``jenis``, ``nama``, ``jumlah`` and ``lat``/``lon`` or ``facility_id``;
        optionally ``is_example``.
    who : str
        Name of the person making the change.

    Returns
    -------
    int
        The new resource's ``id``.

    Raises
    ------
    GeoInputError
        As :func:`update_resource`, or if the region is unknown.
    """
    who = _check_who(who)
    _check_fields(values, RESOURCE_FIELDS)
    row = {
        "jenis": _resource_kind(str(values.get("jenis", ""))),
        "nama": _required_value(values.get("nama"), "nama"),
        "jumlah": _count_value(values.get("jumlah"), "jumlah"),
        "lat": _float_or_none(values.get("lat")),
        "lon": _float_or_none(values.get("lon")),
        "facility_id": _int_or_none(values.get("facility_id")),
        "is_example": bool(values.get("is_example", False)),
    }
    now = _utc_now()

    with Session(engine) as session, session.begin():
        region = _require_region(session, region_kode)
        if row["facility_id"] is not None:
            _require_facility(session, row["facility_id"], region.kode)
        _check_resource_position(row)
        boundary = _region_boundary(session, region.kode)
        _check_position(row["lat"], row["lon"], boundary, region.kode)
        resource = tables.Resource(region_kode=region.kode, updated_at=now, **row)
        session.add(resource)
        session.flush()
        _audit(session, who, now, "insert", "resource", resource.id, None, row)
        return resource.id


def delete_resource(engine: Engine, resource_id: int, who: str) -> None:
    """Delete one resource and log its last values.

    Raises
    ------
    GeoInputError
        If the resource does not exist or ``who`` is empty.
    """
    who = _check_who(who)
    with Session(engine) as session, session.begin():
        resource = _require_resource(session, resource_id)
        before = _fields(resource, dict.fromkeys(RESOURCE_FIELDS))
        _audit(
            session, who, _utc_now(), "delete", "resource", resource_id, before, None
        )
        session.delete(resource)


def _apply_edit(
    session: Session,
    record: tables.Facility | tables.Resource,
    table_name: str,
    changes: Mapping[str, Any],
    editable: tuple[str, ...],
    who: str,
) -> dict[str, Any]:
    _check_fields(changes, editable)
    after = _fields(record, dict.fromkeys(editable))
    after.update(_clean_edit(session, changes, table_name, record.region_kode))
    if table_name == "resource":
        _check_resource_position(after)
    boundary = _region_boundary(session, record.region_kode)
    _check_position(after["lat"], after["lon"], boundary, record.region_kode)

    before = _fields(record, after)
    if before != after:
        now = _utc_now()
        _assign(record, after, now)
        _audit(session, who, now, "update", table_name, record.id, before, after)
    return after


def _clean_edit(
    session: Session, changes: Mapping[str, Any], table_name: str, region_kode: str
) -> dict[str, Any]:
    cleaned: dict[str, Any] = {}
    for name, value in changes.items():
        if name in (*CAPACITY_COLUMNS, "jumlah"):
            cleaned[name] = _count_value(value, name)
        elif name in ("lat", "lon"):
            cleaned[name] = _float_or_none(value)
        elif name == "jenis" and table_name == "resource":
            cleaned[name] = _resource_kind(str(value))
        elif name in ("nama", "jenis"):
            cleaned[name] = _required_value(value, name)
        elif name == "facility_id":
            cleaned[name] = _int_or_none(value)
            if cleaned[name] is not None:
                _require_facility(session, cleaned[name], region_kode)
        elif name == "is_example":
            cleaned[name] = bool(value)
        else:
            cleaned[name] = _text_or_none(value)
    return cleaned


def record_occupancy(
    engine: Engine,
    facility_id: int,
    tanggal: dt.date,
    occupied: Mapping[str, int | None],
    who: str,
) -> None:
    """Set a facility's occupied beds and ventilators on a date, and log it.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    facility_id : int
        The facility's ``id``.
    tanggal : datetime.date
        Date of the figures.
    occupied : Mapping
        Any of :data:`OCCUPANCY_COLUMNS` with whole numbers ≥ 0 or None.
    who : str
        Name of the person making the change.

    Raises
    ------
    GeoInputError
        If the facility does not exist, a field is unknown, a number invalid,
        or ``who`` is empty.
    """
    who = _check_who(who)
    _check_fields(occupied, OCCUPANCY_COLUMNS)
    values = {name: _count_value(occupied.get(name), name) for name in occupied}
    tanggal = pd.Timestamp(tanggal).date()
    model = tables.FacilityOccupancy

    with Session(engine) as session, session.begin():
        _require_facility(session, facility_id)
        record = session.scalars(
            select(model).where(
                model.facility_id == facility_id, model.tanggal == tanggal
            )
        ).first()
        record_id = f"{facility_id}@{tanggal.isoformat()}"
        now = _utc_now()
        if record is None:
            session.add(model(facility_id=facility_id, tanggal=tanggal, **values))
            _audit(
                session,
                who,
                now,
                "insert",
                "facility_occupancy",
                record_id,
                None,
                values,
            )
            return
        before = {name: getattr(record, name) for name in values}
        if before != values:
            for name, value in values.items():
                setattr(record, name, value)
            _audit(
                session,
                who,
                now,
                "update",
                "facility_occupancy",
                record_id,
                before,
                values,
            )


def save_scenario(
    engine: Engine,
    region_kode: str,
    nama: str,
    *,
    author: str,
    parameters: Mapping[str, Any],
    results: Mapping[str, Any],
    data_date: dt.date | None = None,
) -> int:
    """Save an allocation scenario (not adopted) and return its ``id``.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    region_kode : str
        Region code.
    nama : str
        Name the author gives the scenario.
    author : str
        Name of the person saving it.
    parameters : Mapping
        Inputs of the allocation (JSON-like; numpy and pandas scalars, dates
        and frames are converted).
    results : Mapping
        Results of the allocation (JSON-like, as ``parameters``).
    data_date : datetime.date or None
        Date of the case data the scenario was computed on.

    Returns
    -------
    int
        The scenario's ``id``.

    Raises
    ------
    GeoInputError
        If the region is unknown or ``author`` is empty.
    """
    author = _check_who(author)
    now = _utc_now()
    with Session(engine) as session, session.begin():
        region = _require_region(session, region_kode)
        scenario = tables.Scenario(
            region_kode=region.kode,
            nama=nama,
            author=author,
            created_at=now,
            data_date=None if data_date is None else pd.Timestamp(data_date).date(),
            parameters=_jsonable(dict(parameters)),
            results=_jsonable(dict(results)),
            is_adopted=False,
        )
        session.add(scenario)
        session.flush()
        summary = {"nama": nama, "region_kode": region.kode}
        _audit(session, author, now, "insert", "scenario", scenario.id, None, summary)
        return scenario.id


def list_scenarios(engine: Engine, region_kode: str) -> pd.DataFrame:
    """Return the region's scenarios, newest first, without parameters and results.

    Columns: ``id``, ``nama``, ``author``, ``created_at``, ``data_date``,
    ``is_adopted``, ``adopted_by``, ``adopted_at``.
    """
    model = tables.Scenario
    columns = [
        "id",
        "nama",
        "author",
        "created_at",
        "data_date",
        "is_adopted",
        "adopted_by",
        "adopted_at",
    ]
    frame = _read_frame(
        engine,
        select(*_columns(model, columns))
        .where(model.region_kode == region_kode)
        .order_by(model.id.desc()),
        columns,
    )
    frame["is_adopted"] = frame["is_adopted"].astype(bool)
    return frame


def get_scenario(engine: Engine, scenario_id: int) -> StoredScenario:
    """Return one saved scenario with its parameters and results.

    Raises
    ------
    GeoInputError
        If no scenario has this ``id``.
    """
    with Session(engine) as session:
        return _stored_scenario(_require_scenario(session, scenario_id))


def adopted_scenario(engine: Engine, region_kode: str) -> StoredScenario | None:
    """Return the region's adopted scenario, or None when none is adopted."""
    model = tables.Scenario
    with Session(engine) as session:
        scenario = session.scalars(
            select(model).where(
                model.region_kode == region_kode, model.is_adopted.is_(True)
            )
        ).first()
        return None if scenario is None else _stored_scenario(scenario)


def adopt_scenario(engine: Engine, scenario_id: int, who: str) -> StoredScenario:
    """Adopt a scenario, un-adopting the region's earlier one; log both changes.

    Parameters
    ----------
    engine : sqlalchemy.Engine
        The store.
    scenario_id : int
        The scenario's ``id``.
    who : str
        Name of the person adopting it.

    Returns
    -------
    StoredScenario
        The adopted scenario.

    Raises
    ------
    GeoInputError
        If no scenario has this ``id`` or ``who`` is empty.
    """
    who = _check_who(who)
    model = tables.Scenario
    now = _utc_now()
    with Session(engine) as session, session.begin():
        scenario = _require_scenario(session, scenario_id)
        earlier_ids = session.scalars(
            select(model.id).where(
                model.region_kode == scenario.region_kode,
                model.is_adopted.is_(True),
                model.id != scenario_id,
            )
        ).all()
        # Un-adopt first, in its own statement: the unique index allows one.
        if earlier_ids:
            session.execute(
                update(model)
                .where(model.id.in_(earlier_ids))
                .values(is_adopted=False)
                .execution_options(synchronize_session="fetch")
            )
        for earlier_id in earlier_ids:
            _audit(
                session,
                who,
                now,
                "unadopt",
                "scenario",
                earlier_id,
                {"is_adopted": True},
                {"is_adopted": False},
            )
        before = _adoption(scenario)
        scenario.is_adopted = True
        scenario.adopted_by = who
        scenario.adopted_at = now
        session.flush()
        _audit(
            session,
            who,
            now,
            "adopt",
            "scenario",
            scenario_id,
            before,
            _adoption(scenario),
        )
        return _stored_scenario(scenario)


def _adoption(scenario: tables.Scenario) -> dict[str, Any]:
    return {
        "is_adopted": scenario.is_adopted,
        "adopted_by": scenario.adopted_by,
        "adopted_at": scenario.adopted_at,
    }


def _stored_scenario(scenario: tables.Scenario) -> StoredScenario:
    return StoredScenario(
        id=scenario.id,
        region_kode=scenario.region_kode,
        nama=scenario.nama,
        author=scenario.author,
        created_at=scenario.created_at,
        data_date=scenario.data_date,
        parameters=scenario.parameters,
        results=scenario.results,
        is_adopted=scenario.is_adopted,
        adopted_by=scenario.adopted_by,
        adopted_at=scenario.adopted_at,
    )


def _require_scenario(session: Session, scenario_id: int) -> tables.Scenario:
    # an id beyond a 64-bit integer (a mistyped link) overflows the database
    is_possible = 0 < scenario_id < MAX_ID
    scenario = session.get(tables.Scenario, scenario_id) if is_possible else None
    if scenario is None:
        raise GeoInputError(t("err_store_scenario_unknown", value=scenario_id))
    return scenario


def _check_kind(kind: str) -> None:
    if kind not in IMPORT_KINDS:
        raise GeoInputError(
            t("err_store_kind_unknown", value=kind, choices=", ".join(IMPORT_KINDS))
        )


def _check_who(who: str | None) -> str:
    name = (who or "").strip()
    if not name:
        raise GeoInputError(t("err_store_who_empty"))
    return name


def _require_region(session: Session, region_kode: str) -> tables.Region:
    region = session.get(tables.Region, region_kode)
    if region is None:
        raise GeoInputError(t("err_store_region_unknown", value=region_kode))
    return region


def _require_resource(session: Session, resource_id: int) -> tables.Resource:
    resource = session.get(tables.Resource, resource_id)
    if resource is None:
        raise GeoInputError(t("err_store_resource_unknown", value=resource_id))
    return resource


def _require_facility(
    session: Session, facility_id: int, region_kode: str | None = None
) -> tables.Facility:
    facility = session.get(tables.Facility, facility_id)
    is_elsewhere = (
        region_kode is not None
        and getattr(facility, "region_kode", None) != region_kode
    )
    if facility is None or is_elsewhere:
        raise GeoInputError(t("err_store_facility_unknown", value=facility_id))
    return facility


def _require_columns(frame: pd.DataFrame, columns: Iterable[str], kind: str) -> None:
    missing = [name for name in columns if name not in frame.columns]
    if missing:
        raise GeoInputError(
            t(
                "err_store_columns_missing",
                kind=kind,
                columns=", ".join(missing),
                present=", ".join(map(str, frame.columns)) or "(tidak ada)",
            )
        )


def _check_fields(values: Mapping[str, Any], editable: tuple[str, ...]) -> None:
    for name in values:
        if name not in editable:
            raise GeoInputError(
                t("err_store_field_unknown", value=name, choices=", ".join(editable))
            )


def _check_unique(
    rows: list[dict[str, Any]], key: tuple[str, ...], kind: str, what: str
) -> None:
    seen: set[tuple[Any, ...]] = set()
    duplicates = []
    for row in rows:
        value = tuple(row[name] for name in key)
        if value in seen:
            duplicates.append(value)
        seen.add(value)
    if duplicates:
        example = " / ".join(str(part) for part in duplicates[0])
        raise GeoInputError(
            t(
                "err_store_duplicate_key",
                kind=kind,
                count=len(duplicates),
                what=what,
                example=example,
            )
        )


def _check_resource_position(row: Mapping[str, Any]) -> None:
    if (row["lat"] is None) != (row["lon"] is None):
        raise GeoInputError(
            t("err_store_position_half", lat=row["lat"], lon=row["lon"])
        )
    if row.get("facility_id") is None and (row["lat"] is None or row["lon"] is None):
        raise GeoInputError(t("err_store_position_missing", nama=row["nama"]))


def _region_boundary(session: Session, region_kode: str) -> shapely.STRtree | None:
    # A tree of the kelurahan, not their union: a province's union takes seconds.
    wkbs = session.scalars(
        select(tables.Kelurahan.geometry_wkb).where(
            tables.Kelurahan.region_kode == region_kode
        )
    ).all()
    if not wkbs:
        return None
    return shapely.STRtree(shapely.from_wkb(np.asarray(wkbs, dtype=object)))


def _check_position(
    lat: float | None,
    lon: float | None,
    boundary: shapely.STRtree | None,
    region_kode: str,
) -> None:
    if lat is None and lon is None:
        return
    if lat is None or lon is None:
        raise GeoInputError(t("err_store_position_half", lat=lat, lon=lon))
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise GeoInputError(t("err_store_position_range", lat=lat, lon=lon))
    # LIMITATION: a region without stored kelurahan boundaries has no outline to
    # test against; positions there are checked for range only.
    point = shapely.Point(lon, lat)
    if boundary is not None and not len(boundary.query(point, "intersects")):
        raise GeoInputError(
            t("err_store_position_outside", lat=lat, lon=lon, wilayah=region_kode)
        )


def _audit(
    session: Session,
    who: str,
    now: dt.datetime,
    action: str,
    table_name: str,
    record_id: str | int | None,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
    *,
    batch_id: int | None = None,
) -> None:
    session.add(
        tables.AuditEntry(
            who=who,
            at=now,
            action=action,
            table_name=table_name,
            record_id=None if record_id is None else str(record_id),
            before=None if before is None else _jsonable(dict(before)),
            after=None if after is None else _jsonable(dict(after)),
            batch_id=batch_id,
        )
    )


def _audit_add(
    session: Session,
    context: _ImportContext,
    action: str,
    table_name: str,
    record_id: str | int,
    before: Mapping[str, Any] | None,
    after: Mapping[str, Any] | None,
) -> None:
    _audit(
        session,
        context.who,
        context.now,
        action,
        table_name,
        record_id,
        before,
        after,
        batch_id=context.batch_id,
    )


def _audit_row(
    context: _ImportContext,
    action: str,
    table_name: str,
    record_id: str,
    before: Mapping[str, Any],
    after: Mapping[str, Any],
) -> dict[str, Any]:
    return {
        "who": context.who,
        "at": context.now,
        "action": action,
        "table_name": table_name,
        "record_id": record_id,
        "before": _jsonable(dict(before)),
        "after": _jsonable(dict(after)),
        "batch_id": context.batch_id,
    }


def _utc_now() -> dt.datetime:
    # Naive UTC: the one timestamp form SQLite and PostgreSQL both keep as given.
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _columns(model: type[tables.Base], names: Iterable[str]) -> list[Any]:
    return [getattr(model, name) for name in names]


def _read_frame(engine: Engine, statement: Select, columns: list[str]) -> pd.DataFrame:
    with engine.connect() as connection:
        rows = connection.execute(statement).all()
    return pd.DataFrame(rows, columns=columns)


def _fields(record: Any, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(record, name) for name in names}


def _assign(record: Any, values: Mapping[str, Any], now: dt.datetime) -> None:
    for name, value in values.items():
        setattr(record, name, value)
    record.updated_at = now


def _records(columns: dict[str, list[Any]], length: int) -> list[dict[str, Any]]:
    names = list(columns)
    rows = [
        dict(zip(names, values, strict=True))
        for values in zip(*(columns[name] for name in names), strict=True)
    ]
    if len(rows) != length:
        raise ValueError(f"expected {length} rows, built {len(rows)}")
    return rows


def _db_records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Return rows of ``frame`` as dicts of plain Python values (None for NA)."""
    columns: dict[str, list[Any]] = {}
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_datetime64_any_dtype(column):
            values = [None if pd.isna(value) else value.date() for value in column]
        else:
            values = [None if value is pd.NA else value for value in column.tolist()]
            values = [None if _is_nan(value) else value for value in values]
        columns[str(name)] = values
    return _records(columns, len(frame))


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and math.isnan(value)


def _check_unique_frame(
    frame: pd.DataFrame, key: list[str], kind: str, what: str
) -> None:
    duplicated = frame.duplicated(key)
    if duplicated.any():
        first = frame.loc[duplicated, key].iloc[0]
        example = " / ".join(
            value.date().isoformat() if isinstance(value, pd.Timestamp) else str(value)
            for value in first
        )
        raise GeoInputError(
            t(
                "err_store_duplicate_key",
                kind=kind,
                count=int(duplicated.sum()),
                what=what,
                example=example,
            )
        )


def _date_series(frame: pd.DataFrame, column: str) -> pd.Series:
    values = pd.to_datetime(frame[column], errors="coerce")
    if values.isna().any():
        position = int(np.flatnonzero(values.isna().to_numpy())[0])
        raise GeoInputError(
            t(
                "err_store_date_invalid",
                column=column,
                value=frame[column].iloc[position],
                row=position + 1,
            )
        )
    return values.dt.normalize().astype("datetime64[ns]")


def _text_series(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame.columns:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    text = frame[column].astype("string").str.strip()
    return text.mask(text == "")


def _none_for_na(series: pd.Series) -> list[Any]:
    return [None if pd.isna(value) else value for value in series.tolist()]


def _required_text(frame: pd.DataFrame, column: str) -> list[str]:
    text = _text_series(frame, column)
    if text.isna().any():
        row = int(np.flatnonzero(text.isna().to_numpy())[0]) + 1
        raise GeoInputError(t("err_store_text_missing", column=column, row=row))
    return text.tolist()


def _dates(frame: pd.DataFrame, column: str) -> list[dt.date]:
    return [value.date() for value in _date_series(frame, column)]


def _counts(frame: pd.DataFrame, column: str, *, required: bool) -> list[int | None]:
    series = _count_series(frame, column, required=required)
    return [None if value is pd.NA else value for value in series.tolist()]


def _count_series(frame: pd.DataFrame, column: str, *, required: bool) -> pd.Series:
    if column not in frame.columns:
        if required:
            _require_columns(frame, (column,), column)
        return pd.Series(pd.NA, index=frame.index, dtype="Int64")
    raw = frame[column]
    numbers = pd.to_numeric(raw, errors="coerce").astype(float)
    is_bad = (raw.notna() & numbers.isna()) | (numbers < 0) | (numbers % 1 > 0)
    if required:
        is_bad |= numbers.isna()
    if is_bad.any():
        position = int(np.flatnonzero(is_bad.to_numpy())[0])
        raise GeoInputError(
            t(
                "err_store_count_invalid",
                column=column,
                value=raw.iloc[position],
                row=position + 1,
            )
        )
    return numbers.astype("Int64")


def _floats(frame: pd.DataFrame, column: str) -> list[float | None]:
    if column not in frame.columns:
        return [None] * len(frame)
    numbers = pd.to_numeric(frame[column], errors="coerce").astype(float)
    return [None if math.isnan(value) else float(value) for value in numbers]


def _optional_ints(frame: pd.DataFrame, column: str) -> list[int | None]:
    if column not in frame.columns:
        return [None] * len(frame)
    return [_int_or_none(value) for value in frame[column].tolist()]


def _optional_timestamps(frame: pd.DataFrame, column: str) -> list[dt.datetime | None]:
    if column not in frame.columns:
        return [None] * len(frame)
    values = pd.to_datetime(frame[column], errors="coerce")
    return [None if pd.isna(value) else value.to_pydatetime() for value in values]


def _example_flags(frame: pd.DataFrame, default: bool) -> list[bool]:
    flags = pd.Series(default, index=frame.index)
    if "is_example" in frame.columns:
        flags |= frame["is_example"].fillna(False).astype(bool)
    if "status" in frame.columns:
        status = frame["status"].astype("string").str.strip().str.lower()
        flags |= (status == EXAMPLE_MARK).fillna(False)
    return [bool(flag) for flag in flags]


def _resource_kind(value: str) -> str:
    kind = re.sub(r"[\s\-]+", "_", value.strip().lower())
    if kind not in RESOURCE_KINDS:
        labels = ", ".join(t(f"sumber_daya_{name}") for name in RESOURCE_KINDS)
        raise GeoInputError(t("err_store_jenis_unknown", value=value, choices=labels))
    return kind


def _count_value(value: Any, column: str) -> int | None:
    return _counts(pd.DataFrame({column: [value]}), column, required=False)[0]


def _required_value(value: Any, column: str) -> str:
    return _required_text(pd.DataFrame({column: [value]}), column)[0]


def _float_or_none(value: Any) -> float | None:
    if value is None or pd.isna(value):
        return None
    return float(value)


def _int_or_none(value: Any) -> int | None:
    if value is None or pd.isna(value):
        return None
    return int(value)


def _text_or_none(value: Any) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(value)


def _points(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    has_position = frame["lat"].notna() & frame["lon"].notna()
    geometry = gpd.points_from_xy(frame["lon"], frame["lat"])
    geometry = [
        point if is_placed else None
        for point, is_placed in zip(geometry, has_position, strict=True)
    ]
    return gpd.GeoDataFrame(frame, geometry=geometry, crs=GEOGRAPHIC_CRS)


def _jsonable(value: Any) -> Any:
    """Return ``value`` as plain JSON types (dict, list, str, int, float, None)."""
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, pd.DataFrame):
        return _jsonable(value.to_dict("records"))
    if isinstance(value, pd.Series):
        return _jsonable(value.to_dict())
    if isinstance(value, list | tuple | set | np.ndarray):
        return [_jsonable(item) for item in value]
    if isinstance(value, dt.datetime | dt.date | pd.Timestamp):
        return value.isoformat()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if pd.isna(value):
        return None
    return json.loads(json.dumps(value, default=str))
