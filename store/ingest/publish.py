"""Publish a freshly built store atomically: a file rename for SQLite, a schema switch for PostgreSQL."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from store import generations
from store.engines import sqlite_path
from store.errors import ReseedFailed, ReseedInProgress
from store.pgguard import RESEEDING, guarded_engine

T = TypeVar("T")

# The connection holding the PostgreSQL reseed lock, for the publish step of the same reseed:
# the lock is held on the connection that builds, so a reseed that lost it cannot switch.
_lock_connection: ContextVar[tuple[str, Connection] | None] = ContextVar(
    "attache_reseed_lock", default=None
)


def publish(database_url: str, build: Callable[[Connection], T]) -> T:
    """Run build(connection) into a new store and make it current in one step; raise ReseedFailed.

    The caller holds reseed_lock(database_url).
    """
    target = sqlite_path(database_url)
    if target is not None:
        return _publish_sqlite(target, build)
    return _publish_postgresql(database_url, build)


@contextlib.contextmanager
def reseed_lock(database_url: str) -> Iterator[None]:
    """One reseed at a time per store: a second one is refused (ReseedInProgress), not queued."""
    target = sqlite_path(database_url)
    if target is None:
        with _advisory_lock(database_url):
            yield
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(target.name + ".lock"), "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise ReseedInProgress("another reseed of this store is running") from error
        yield


@contextlib.contextmanager
def _advisory_lock(database_url: str) -> Iterator[None]:
    engine = guarded_engine(database_url, RESEEDING, poolclass=NullPool)
    try:
        connection = engine.connect()
    except SQLAlchemyError as error:
        engine.dispose()
        raise ReseedFailed(f"cannot reach the database: {_first_line(error)}") from error
    key = {"k": generations.LOCK_KEY}
    token = None
    try:
        try:
            locked = connection.execute(text("SELECT pg_try_advisory_lock(:k)"), key).scalar()
            connection.commit()
        except SQLAlchemyError as error:
            raise ReseedFailed(f"cannot take the reseed lock: {_first_line(error)}") from error
        if not locked:
            raise ReseedInProgress("another reseed of this store is running")
        token = _lock_connection.set((database_url, connection))
        yield
    finally:
        if token is not None:
            _lock_connection.reset(token)
            # The server frees a closed session's locks a moment after the close, so a reseed
            # started right after this one could be refused: unlock first. On a connection
            # killed meanwhile the unlock fails, and closing it releases the lock anyway.
            with contextlib.suppress(SQLAlchemyError):
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), key)
                connection.commit()
        with contextlib.suppress(SQLAlchemyError):
            connection.close()
        engine.dispose()


def _publish_sqlite(target: Path, build: Callable[[Connection], T]) -> T:
    for stale in target.parent.glob(target.name + ".building-*"):  # with their journals
        stale.unlink(missing_ok=True)
    building = target.with_name(f"{target.name}.building-{os.getpid()}")
    engine = create_engine(f"sqlite:///{building}")
    event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA synchronous = OFF"))
    try:
        with engine.begin() as connection:
            result = build(connection)
        engine.dispose()
        _fsync(building)
        os.replace(building, target)
        _fsync(target.parent)
    except ReseedFailed:
        _discard(engine, building)
        raise
    except Exception as error:
        _discard(engine, building)
        # The first line of the driver's message ("database or disk is full"), never the SQL
        # and parameters SQLAlchemy appends: kilobytes of rows help nobody in a log or in Slack.
        raise ReseedFailed(f"could not write the store: {_first_line(error)}") from error
    return result


def _discard(engine: Engine, building: Path) -> None:
    """Remove a build that will not be published, and the journal a failed write leaves."""
    engine.dispose()
    for leftover in (building, *(building.with_name(building.name + s) for s in _SIDE_FILES)):
        leftover.unlink(missing_ok=True)


_SIDE_FILES = ("-journal", "-wal", "-shm")


def _publish_postgresql(database_url: str, build: Callable[[Connection], T]) -> T:
    held = _lock_connection.get()
    if held is not None and held[0] == database_url:
        return _build_and_switch(held[1], build, holds_lock=True)
    engine = guarded_engine(database_url, RESEEDING, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return _build_and_switch(connection, build, holds_lock=False)
    except SQLAlchemyError as error:
        raise ReseedFailed(f"could not write the store: {_first_line(error)}") from error
    finally:
        engine.dispose()


# The tables answers read by more than their primary key: without statistics a free-text
# answer's facts (commitment_sources, visit_events by sentence) were read by whole-table scans.
_ANALYSED = (
    "commitments",
    "commitment_topics",
    "commitment_sources",
    "figures",
    "figure_topics",
    "visits",
    "visit_events",
    "sentences",
    "sentence_fts",
    "sentence_vectors",
    "documents",
    "people",
    "person_aliases",
    "person_mentions",
    "vocabulary",
)


def _build_and_switch(
    connection: Connection, build: Callable[[Connection], T], holds_lock: bool
) -> T:
    """Build a new generation on connection and switch to it, if this reseed still holds the lock.

    Without reseed_lock, the lock is taken for the build's transaction only.
    """
    schema = generations.new_schema()
    try:
        with connection.begin():
            if not holds_lock and not generations.try_lock_for_transaction(connection):
                raise ReseedInProgress("another reseed of this store is running")
            generations.ensure_pointer(connection)
            connection.execute(text(f"CREATE SCHEMA {schema}"))
            generations.use(connection, schema)
            result = build(connection)
            # Fresh tables have no statistics; the planner needs them from the first answer on,
            # so they are gathered before the switch, in the build's transaction: a reseed killed
            # while gathering them leaves the previous build serving, never one without them.
            connection.execute(text("ANALYZE " + ", ".join(f"{schema}.{t}" for t in _ANALYSED)))
            if holds_lock and not generations.holds_lock(connection):
                raise ReseedFailed("lost the reseed lock; another reseed may have run")
            generations.switch(connection, schema)
        with connection.begin():
            generations.drop_old(connection)
        return result
    except ReseedFailed:
        raise
    except SQLAlchemyError as error:
        if holds_lock and (connection.invalidated or _connection_lost(error)):
            raise ReseedFailed(
                "lost the connection holding the reseed lock; the store was not switched"
            ) from error
        raise ReseedFailed(f"could not write the store: {_first_line(error)}") from error
    except Exception as error:
        raise ReseedFailed(f"could not write the store: {_first_line(error)}") from error


def _connection_lost(error: SQLAlchemyError) -> bool:
    return bool(getattr(error, "connection_invalidated", False))


def _first_line(error: BaseException) -> str:
    original = getattr(error, "orig", None)
    text_ = str(original if original is not None else error).strip()
    return (text_.splitlines() or [type(error).__name__])[0][:200]


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
