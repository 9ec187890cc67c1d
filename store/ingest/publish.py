"""Publish a freshly built store atomically: a file rename for SQLite, a schema switch for PostgreSQL."""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from store import generations
from store.db import sqlite_path
from store.errors import ReseedFailed, ReseedInProgress

T = TypeVar("T")


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
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        connection = engine.connect()
    except Exception as error:
        engine.dispose()
        raise ReseedFailed(f"cannot reach the database: {str(error).splitlines()[0]}") from error
    try:
        key = {"k": generations.LOCK_KEY}
        if not connection.execute(text("SELECT pg_try_advisory_lock(:k)"), key).scalar():
            raise ReseedInProgress("another reseed of this store is running")
        connection.commit()
        try:
            yield
        finally:
            connection.execute(text("SELECT pg_advisory_unlock(:k)"), key)
            connection.commit()
    finally:
        connection.close()
        engine.dispose()


def _publish_sqlite(target: Path, build: Callable[[Connection], T]) -> T:
    for stale in target.parent.glob(target.name + ".building-*"):
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
        engine.dispose()
        building.unlink(missing_ok=True)
        raise
    except Exception as error:
        engine.dispose()
        building.unlink(missing_ok=True)
        raise ReseedFailed(f"could not write the store: {error}") from error
    return result


def _publish_postgresql(database_url: str, build: Callable[[Connection], T]) -> T:
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        schema = generations.new_schema()
        with engine.begin() as connection:
            generations.ensure_pointer(connection)
            connection.execute(text(f"CREATE SCHEMA {schema}"))
            generations.use(connection, schema)
            result = build(connection)
            generations.switch(connection, schema)
        with engine.begin() as connection:
            # Fresh tables have no statistics; the planner needs them from the first answer on.
            connection.execute(
                text(
                    f"ANALYZE {schema}.commitments, {schema}.commitment_topics, "
                    f"{schema}.figures, {schema}.figure_topics, {schema}.visits, "
                    f"{schema}.sentences, {schema}.people, {schema}.person_aliases"
                )
            )
            generations.drop_old(connection)
        return result
    except ReseedFailed:
        raise
    except Exception as error:
        raise ReseedFailed(f"could not write the store: {str(error).splitlines()[0]}") from error
    finally:
        engine.dispose()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
