"""Tables of the command center's store (SQLAlchemy 2 typed ORM).

The schema stays portable between SQLite and PostgreSQL: plain column types,
JSON through ``sqlalchemy.JSON``, geometries as WKB bytes (no PostGIS needed),
timestamps as naive UTC. Migrations in ``geo/migrations`` create exactly these
tables; a test compares the two.

Kemendagri codes are text. Case counts key on ``lokasi``: the kelurahan code,
or ``"tanpa:" + keterangan`` for rows without a kelurahan, so one ordinary
unique constraint covers both (NULLs are never equal in a unique constraint).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Named constraints let Alembic drop and alter them on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

KODE_LENGTH = 32
NAME_LENGTH = 200


class Base(DeclarativeBase):
    """Declarative base holding the store's metadata."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Region(Base):
    """A kab/kota or province served by the app (a region pack)."""

    __tablename__ = "region"

    kode: Mapped[str] = mapped_column(String(KODE_LENGTH), primary_key=True)
    nama: Mapped[str] = mapped_column(String(NAME_LENGTH))
    metric_crs: Mapped[str] = mapped_column(String(32))


class ImportBatch(Base):
    """One imported file: who, when, which file, and how its rows ended."""

    __tablename__ = "import_batch"
    __table_args__ = (UniqueConstraint("kind", "region_kode", "file_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    region_kode: Mapped[str] = mapped_column(
        String(KODE_LENGTH), ForeignKey("region.kode"), index=True
    )
    who: Mapped[str] = mapped_column(String(NAME_LENGTH))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    file_name: Mapped[str] = mapped_column(String(500))
    file_sha256: Mapped[str] = mapped_column(String(64))
    rows_read: Mapped[int] = mapped_column(Integer)
    rows_accepted: Mapped[int] = mapped_column(Integer)
    rows_quarantined: Mapped[int] = mapped_column(Integer)
    totals: Mapped[dict[str, Any]] = mapped_column(JSON)
    details: Mapped[dict[str, Any]] = mapped_column(JSON)


class QuarantineRow(Base):
    """One problem of one quarantined row, with the whole original row."""

    __tablename__ = "quarantine_row"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"), index=True
    )
    row_number: Mapped[int] = mapped_column(Integer)
    column_name: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    original: Mapped[dict[str, Any]] = mapped_column(JSON)


class Kelurahan(Base):
    """A kelurahan or desa with its boundary (WKB, EPSG:4326)."""

    __tablename__ = "kelurahan"
    # A kelurahan belongs to every region that holds it (Kota Magelang and
    # Jawa Tengah both hold 33.71.01.1003), so the code is unique per region only.
    __table_args__ = (UniqueConstraint("region_kode", "kode"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region_kode: Mapped[str] = mapped_column(
        String(KODE_LENGTH), ForeignKey("region.kode")
    )
    kode: Mapped[str] = mapped_column(String(KODE_LENGTH))
    nama: Mapped[str] = mapped_column(String(NAME_LENGTH))
    kode_kecamatan: Mapped[str | None] = mapped_column(String(KODE_LENGTH))
    nama_kecamatan: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    kode_kabkota: Mapped[str | None] = mapped_column(String(KODE_LENGTH))
    nama_kabkota: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    geometry_wkb: Mapped[bytes] = mapped_column(LargeBinary)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))


class Population(Base):
    """Persons living in a kelurahan at a date, from a named source."""

    __tablename__ = "population"
    __table_args__ = (UniqueConstraint("region_kode", "kode", "as_of"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region_kode: Mapped[str] = mapped_column(
        String(KODE_LENGTH), ForeignKey("region.kode")
    )
    kode: Mapped[str] = mapped_column(String(KODE_LENGTH))
    persons: Mapped[int] = mapped_column(BigInteger)
    sumber: Mapped[str] = mapped_column(Text)
    as_of: Mapped[dt.date] = mapped_column(Date)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))


class CaseCount(Base):
    """Cumulative case counts of one kelurahan (or unplaced label) on one date."""

    __tablename__ = "case_count"
    __table_args__ = (UniqueConstraint("region_kode", "lokasi", "tanggal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region_kode: Mapped[str] = mapped_column(
        String(KODE_LENGTH), ForeignKey("region.kode")
    )
    lokasi: Mapped[str] = mapped_column(String(NAME_LENGTH))
    kode: Mapped[str | None] = mapped_column(String(KODE_LENGTH))
    keterangan: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    tanggal: Mapped[dt.date] = mapped_column(Date)
    positif: Mapped[int | None] = mapped_column(Integer)
    dirawat: Mapped[int | None] = mapped_column(Integer)
    isolasi: Mapped[int | None] = mapped_column(Integer)
    sembuh: Mapped[int | None] = mapped_column(Integer)
    meninggal: Mapped[int | None] = mapped_column(Integer)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), index=True)


class Facility(Base):
    """A health facility with its position and bed and ventilator capacity."""

    __tablename__ = "facility"
    __table_args__ = (UniqueConstraint("region_kode", "nama"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region_kode: Mapped[str] = mapped_column(
        String(KODE_LENGTH), ForeignKey("region.kode")
    )
    nama: Mapped[str] = mapped_column(String(NAME_LENGTH))
    jenis: Mapped[str] = mapped_column(String(NAME_LENGTH))
    alamat: Mapped[str | None] = mapped_column(Text)
    kelurahan_alamat: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    tempat_tidur: Mapped[int | None] = mapped_column(Integer)
    tempat_tidur_isolasi: Mapped[int | None] = mapped_column(Integer)
    tempat_tidur_icu: Mapped[int | None] = mapped_column(Integer)
    ventilator: Mapped[int | None] = mapped_column(Integer)
    sumber: Mapped[str | None] = mapped_column(Text)
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))


class FacilityOccupancy(Base):
    """Occupied isolation beds, ICU beds and ventilators of a facility on a date."""

    __tablename__ = "facility_occupancy"
    __table_args__ = (UniqueConstraint("facility_id", "tanggal"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    facility_id: Mapped[int] = mapped_column(
        ForeignKey("facility.id", ondelete="CASCADE")
    )
    tanggal: Mapped[dt.date] = mapped_column(Date)
    terisi_isolasi: Mapped[int | None] = mapped_column(Integer)
    terisi_icu: Mapped[int | None] = mapped_column(Integer)
    terisi_ventilator: Mapped[int | None] = mapped_column(Integer)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))


class Resource(Base):
    """A response resource: a vehicle, a team or a stock, placed or at a facility."""

    __tablename__ = "resource"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region_kode: Mapped[str] = mapped_column(
        String(KODE_LENGTH), ForeignKey("region.kode"), index=True
    )
    jenis: Mapped[str] = mapped_column(String(32))
    nama: Mapped[str] = mapped_column(String(NAME_LENGTH))
    jumlah: Mapped[int] = mapped_column(Integer)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    facility_id: Mapped[int | None] = mapped_column(
        ForeignKey("facility.id", ondelete="SET NULL")
    )
    is_example: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))


class AuditEntry(Base):
    """One change to the store: who, when, what, and the values before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    who: Mapped[str] = mapped_column(String(NAME_LENGTH))
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    action: Mapped[str] = mapped_column(String(32))
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))


class Scenario(Base):
    """An allocation scenario: its inputs, its results, and whether it was adopted."""

    __tablename__ = "scenario"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    region_kode: Mapped[str] = mapped_column(
        String(KODE_LENGTH), ForeignKey("region.kode"), index=True
    )
    nama: Mapped[str] = mapped_column(String(NAME_LENGTH))
    author: Mapped[str] = mapped_column(String(NAME_LENGTH))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    data_date: Mapped[dt.date | None] = mapped_column(Date)
    parameters: Mapped[dict[str, Any]] = mapped_column(JSON)
    results: Mapped[dict[str, Any]] = mapped_column(JSON)
    is_adopted: Mapped[bool] = mapped_column(Boolean, default=False)
    adopted_by: Mapped[str | None] = mapped_column(String(NAME_LENGTH))
    adopted_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


# At most one adopted scenario per region, enforced by the database itself.
Index(
    "uq_scenario_adopted_region",
    Scenario.region_kode,
    unique=True,
    sqlite_where=Scenario.is_adopted == true(),
    postgresql_where=Scenario.is_adopted == true(),
)
