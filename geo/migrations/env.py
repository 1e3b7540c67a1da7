"""Alembic environment of the store, run from code by :func:`geo.store.migrate`.

There is no ``alembic.ini``: :func:`geo.store.migrate` builds the configuration
and passes an open connection in ``config.attributes["connection"]``. Offline
mode (``sql=True``) writes the SQL for ``config.attributes["dialect_name"]``
(PostgreSQL by default), which is how the tests check portability.
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


def _run_offline() -> None:
    context.configure(
        dialect_name=context.config.attributes.get("dialect_name", "postgresql"),
        target_metadata=Base.metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    _run_offline()
else:
    _run_online()
