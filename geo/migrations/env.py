"""Alembic environment of the store, run from code by :func:`geo.store.migrate`.

There is no ``alembic.ini``: :func:`geo.store.migrate` builds the configuration
and passes an open connection in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from geo.store_models import Base


def _run_online() -> None:
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things in place; batch mode copies the table.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("the store migrates only online, on an open connection")
_run_online()
