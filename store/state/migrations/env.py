"""Alembic's environment for the state store.

The bot runs it through store.state.migrate, which hands over an open connection (already holding
the migration lock). A developer writing a revision runs the alembic command instead:

    alembic -c store/state/migrations/alembic.ini revision --autogenerate -m "what changes"

and then the state of DATABASE_URL (from the environment or .env) is compared with the models.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine
from sqlalchemy.pool import NullPool

from store.state.schema import StateBase

VERSION_TABLE = "attache_state_version"  # not alembic_version: a shared database may have one

config = context.config


def run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=StateBase.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters by copying tables
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def from_command_line() -> None:
    from store.settings import StoreSettings
    from store.state import state_url

    engine = create_engine(state_url(StoreSettings.from_env().database_url), poolclass=NullPool)
    with engine.connect() as connection:
        run(connection)
    engine.dispose()


given = config.attributes.get("connection")
if given is not None:
    run(given)
else:
    from_command_line()
