"""The state store's schema, brought up to date with Alembic when a process opens it.

Every process that opens the state calls `upgrade`; one at a time holds the migration lock (an
advisory lock on PostgreSQL, a lock file beside the SQLite file), so with several workers starting
together one applies the new revisions and the others find the state already current. A state
made before the history existed is adopted by the first revision (see versions/0001_baseline.py).
"""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine, text

from store.engines import sqlite_path
from store.state.base import StateUnavailable

MIGRATIONS = Path(__file__).resolve().with_name("migrations")
VERSION_TABLE = "attache_state_version"  # the same name env.py gives Alembic
LOCK_KEY = 0x4A77AC4F  # pg_advisory_lock key: another than the reseed lock's
LOCK_WAIT_SECONDS = 120.0  # a worker waits this long for another one's migration


def head() -> str:
    """The newest revision this code knows."""
    revision = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    if revision is None:  # pragma: no cover - the history always has its baseline
        raise StateUnavailable("the state store's migration history is empty")
    return revision


def current(connection: Connection) -> str | None:
    """The revision the state at connection is at; None before the first upgrade."""
    context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
    return context.get_current_revision()


def upgrade(engine: Engine, wait_seconds: float = LOCK_WAIT_SECONDS) -> None:
    """Apply every revision the state at engine lacks (nothing when it is current).

    Raises StateUnavailable when the lock is not had within wait_seconds or the state is at a
    revision this code does not know (it was upgraded by a newer release)."""
    newest = head()
    with engine.connect() as connection:
        if current(connection) == newest:
            return
    with _migration_lock(engine, wait_seconds), engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            # In the migration's own transaction: PostgreSQL's DDL is transactional, so a worker
            # killed halfway leaves the state as it was, and the lock goes with the transaction.
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK_KEY})
        found = current(connection)
        if found == newest:
            return
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except CommandError as error:
            raise StateUnavailable(
                f"the state store is at revision {found}, which this version of Attaché does not "
                f"know (its newest is {newest}): run the release that upgraded it ({error})"
            ) from error


@contextmanager
def _migration_lock(engine: Engine, wait_seconds: float) -> Iterator[None]:
    """Between processes on one machine for SQLite; PostgreSQL locks inside the transaction."""
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is None:
        yield
        return
    with open(path.with_name(path.name + ".migrate.lock"), "w") as handle:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StateUnavailable(
                        f"another process has been migrating the state for {wait_seconds:.0f} s"
                    ) from None
                time.sleep(0.05)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
