"""Keep two facility listing columns: the address's kelurahan and total beds.

The map's facility check compares the kelurahan an address names with the one
its point falls in, and counts total beds; without these columns a facility
read back from the store would lose both verdicts.

Revision ID: 0002_facility_listing
Revises: 0001_initial
Create Date: 2026-12-03 19:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002_facility_listing"
down_revision: str | None = "0001_initial"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("facility") as batch_op:
        batch_op.add_column(sa.Column("kelurahan_alamat", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("tempat_tidur", sa.Integer(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("facility") as batch_op:
        batch_op.drop_column("tempat_tidur")
        batch_op.drop_column("kelurahan_alamat")
