"""Engines that only read the store: a SQLite file opened read-only afresh for each session,
or a guarded PostgreSQL pool; and the file behind a SQLite URL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.pool import NullPool

from store.pgguard import SERVING, guarded_engine


def sqlite_path(database_url: str) -> Path | None:
    """The file behind a SQLite URL, or None for another backend."""
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return None
    if not url.database or url.database == ":memory:":
        raise ValueError("DATABASE_URL must name a SQLite file, not an in-memory database")
    return Path(url.database).expanduser().resolve()


def reader_engine(database_url: str) -> Engine:
    """An engine that only reads; each session opens the store file as it is at that moment."""
    path = sqlite_path(database_url)
    if path is None:
        # Every connection is pinged on checkout (a restarted server costs one failed check, not
        # a failed answer) and every wait is bounded (a partition costs an apology, not a hang).
        return guarded_engine(database_url, SERVING, pool_size=5, max_overflow=10)

    def connect() -> sqlite3.Connection:
        # mode=ro: a missing store is an error, never a new empty file.
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=2)

    # NullPool: a reseed replaces the file, so every session must open the current one.
    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)
    event.listen(engine, "connect", _read_pragmas)
    return engine


def _read_pragmas(connection: sqlite3.Connection, _record: object) -> None:
    connection.execute("PRAGMA query_only = ON")
