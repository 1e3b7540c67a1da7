"""Create every table of the store.

Regions, kelurahan, cases, facilities, resources, imports, quarantine, audit log
and scenarios.

Revision ID: 0001_initial
Revises:
Create Date: 2026-12-03 18:45:25.144429
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001_initial"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table(
        "region",
        sa.Column("kode", sa.String(length=32), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("metric_crs", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("kode", name=op.f("pk_region")),
    )
    op.create_table(
        "import_batch",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("region_kode", sa.String(length=32), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("file_name", sa.String(length=500), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("rows_read", sa.Integer(), nullable=False),
        sa.Column("rows_accepted", sa.Integer(), nullable=False),
        sa.Column("rows_quarantined", sa.Integer(), nullable=False),
        sa.Column("totals", sa.JSON(), nullable=False),
        sa.Column("details", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["region_kode"],
            ["region.kode"],
            name=op.f("fk_import_batch_region_kode_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_import_batch")),
        sa.UniqueConstraint(
            "kind", "region_kode", "file_sha256", name=op.f("uq_import_batch_kind")
        ),
    )
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_import_batch_region_kode"), ["region_kode"], unique=False
        )

    op.create_table(
        "scenario",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_kode", sa.String(length=32), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("author", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("data_date", sa.Date(), nullable=True),
        sa.Column("parameters", sa.JSON(), nullable=False),
        sa.Column("results", sa.JSON(), nullable=False),
        sa.Column("is_adopted", sa.Boolean(), nullable=False),
        sa.Column("adopted_by", sa.String(length=200), nullable=True),
        sa.Column("adopted_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["region_kode"],
            ["region.kode"],
            name=op.f("fk_scenario_region_kode_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scenario")),
    )
    with op.batch_alter_table("scenario", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scenario_region_kode"), ["region_kode"], unique=False
        )
        batch_op.create_index(
            "uq_scenario_adopted_region",
            ["region_kode"],
            unique=True,
            sqlite_where=sa.column("is_adopted", sa.Boolean) == sa.true(),
            postgresql_where=sa.column("is_adopted", sa.Boolean) == sa.true(),
        )

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("who", sa.String(length=200), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("action", sa.String(length=32), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=True),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_audit_log_batch_id_import_batch"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "case_count",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_kode", sa.String(length=32), nullable=False),
        sa.Column("lokasi", sa.String(length=200), nullable=False),
        sa.Column("kode", sa.String(length=32), nullable=True),
        sa.Column("keterangan", sa.String(length=200), nullable=True),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("positif", sa.Integer(), nullable=True),
        sa.Column("dirawat", sa.Integer(), nullable=True),
        sa.Column("isolasi", sa.Integer(), nullable=True),
        sa.Column("sembuh", sa.Integer(), nullable=True),
        sa.Column("meninggal", sa.Integer(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_case_count_batch_id_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["region_kode"],
            ["region.kode"],
            name=op.f("fk_case_count_region_kode_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_count")),
        sa.UniqueConstraint(
            "region_kode", "lokasi", "tanggal", name=op.f("uq_case_count_region_kode")
        ),
    )
    with op.batch_alter_table("case_count", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_case_count_batch_id"), ["batch_id"], unique=False
        )

    op.create_table(
        "facility",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_kode", sa.String(length=32), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("jenis", sa.String(length=200), nullable=False),
        sa.Column("alamat", sa.Text(), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("tempat_tidur_isolasi", sa.Integer(), nullable=True),
        sa.Column("tempat_tidur_icu", sa.Integer(), nullable=True),
        sa.Column("ventilator", sa.Integer(), nullable=True),
        sa.Column("sumber", sa.Text(), nullable=True),
        sa.Column("is_example", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_facility_batch_id_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["region_kode"],
            ["region.kode"],
            name=op.f("fk_facility_region_kode_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facility")),
        sa.UniqueConstraint(
            "region_kode", "nama", name=op.f("uq_facility_region_kode")
        ),
    )
    op.create_table(
        "kelurahan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_kode", sa.String(length=32), nullable=False),
        sa.Column("kode", sa.String(length=32), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("kode_kecamatan", sa.String(length=32), nullable=True),
        sa.Column("nama_kecamatan", sa.String(length=200), nullable=True),
        sa.Column("kode_kabkota", sa.String(length=32), nullable=True),
        sa.Column("nama_kabkota", sa.String(length=200), nullable=True),
        sa.Column("geometry_wkb", sa.LargeBinary(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_kelurahan_batch_id_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["region_kode"],
            ["region.kode"],
            name=op.f("fk_kelurahan_region_kode_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_kelurahan")),
        sa.UniqueConstraint(
            "region_kode", "kode", name=op.f("uq_kelurahan_region_kode")
        ),
    )
    op.create_table(
        "population",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_kode", sa.String(length=32), nullable=False),
        sa.Column("kode", sa.String(length=32), nullable=False),
        sa.Column("persons", sa.BigInteger(), nullable=False),
        sa.Column("sumber", sa.Text(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_population_batch_id_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["region_kode"],
            ["region.kode"],
            name=op.f("fk_population_region_kode_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_population")),
        sa.UniqueConstraint(
            "region_kode", "kode", "as_of", name=op.f("uq_population_region_kode")
        ),
    )
    op.create_table(
        "quarantine_row",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.Column("row_number", sa.Integer(), nullable=False),
        sa.Column("column_name", sa.String(length=200), nullable=True),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("original", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_quarantine_row_batch_id_import_batch"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quarantine_row")),
    )
    with op.batch_alter_table("quarantine_row", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_quarantine_row_batch_id"), ["batch_id"], unique=False
        )

    op.create_table(
        "facility_occupancy",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("facility_id", sa.Integer(), nullable=False),
        sa.Column("tanggal", sa.Date(), nullable=False),
        sa.Column("terisi_isolasi", sa.Integer(), nullable=True),
        sa.Column("terisi_icu", sa.Integer(), nullable=True),
        sa.Column("terisi_ventilator", sa.Integer(), nullable=True),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_facility_occupancy_batch_id_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["facility_id"],
            ["facility.id"],
            name=op.f("fk_facility_occupancy_facility_id_facility"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_facility_occupancy")),
        sa.UniqueConstraint(
            "facility_id", "tanggal", name=op.f("uq_facility_occupancy_facility_id")
        ),
    )
    op.create_table(
        "resource",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("region_kode", sa.String(length=32), nullable=False),
        sa.Column("jenis", sa.String(length=32), nullable=False),
        sa.Column("nama", sa.String(length=200), nullable=False),
        sa.Column("jumlah", sa.Integer(), nullable=False),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("facility_id", sa.Integer(), nullable=True),
        sa.Column("is_example", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["batch_id"],
            ["import_batch.id"],
            name=op.f("fk_resource_batch_id_import_batch"),
        ),
        sa.ForeignKeyConstraint(
            ["facility_id"],
            ["facility.id"],
            name=op.f("fk_resource_facility_id_facility"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["region_kode"],
            ["region.kode"],
            name=op.f("fk_resource_region_kode_region"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resource")),
    )
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resource_region_kode"), ["region_kode"], unique=False
        )


def downgrade() -> None:
    """Undo this revision."""
    with op.batch_alter_table("resource", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resource_region_kode"))

    op.drop_table("resource")
    op.drop_table("facility_occupancy")
    with op.batch_alter_table("quarantine_row", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quarantine_row_batch_id"))

    op.drop_table("quarantine_row")
    op.drop_table("population")
    op.drop_table("kelurahan")
    op.drop_table("facility")
    with op.batch_alter_table("case_count", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_case_count_batch_id"))

    op.drop_table("case_count")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    with op.batch_alter_table("scenario", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_scenario_adopted_region",
            sqlite_where=sa.column("is_adopted", sa.Boolean) == sa.true(),
            postgresql_where=sa.column("is_adopted", sa.Boolean) == sa.true(),
        )
        batch_op.drop_index(batch_op.f("ix_scenario_region_kode"))

    op.drop_table("scenario")
    with op.batch_alter_table("import_batch", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_import_batch_region_kode"))

    op.drop_table("import_batch")
    op.drop_table("region")
