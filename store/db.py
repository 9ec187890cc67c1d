"""Sessions over the store: a read-only view of the current build (the SQLite file, swapped
atomically by reseed, or the PostgreSQL generation pinned per session), and whether it is there."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from store import generations
from store.engines import reader_engine, sqlite_path
from store.errors import StoreUnavailable
from store.integrity import sqlite_intact
from store.models import SCHEMA_VERSION, Meta
from store.pgguard import GLANCE, guarded_engine

if TYPE_CHECKING:
    from store.generation_watch import GenerationWatch

GENERATION = "attache_generation"  # Session.info key: the PostgreSQL generation a session reads


@dataclass(frozen=True)
class Store:
    """The store as the bot reads it."""

    database_url: str
    engine: Engine

    def __deepcopy__(self, _memo: dict[int, object]) -> Store:
        """Shared, not copied: its engine and pool serve the whole process (Bolt copies a
        request's context for its lazy listeners)."""
        return self

    @classmethod
    def open(cls, database_url: str) -> Store:
        return cls(database_url, reader_engine(database_url))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for one unit of work; database trouble surfaces as StoreUnavailable.

        On PostgreSQL the session reads one generation, pinned at its start.
        """
        try:
            with Session(self.engine) as session, session.begin():
                if self.engine.dialect.name != "sqlite":
                    session.info[GENERATION] = _pin_generation(session)
                yield session
        except DBAPIError as error:
            raise StoreUnavailable(_describe(error)) from error

    def known_identity(self) -> tuple[int, int, int, int] | str | None:
        """Which build of the store is current, told without any statement: the SQLite file's
        identity (see file_identity), or the PostgreSQL generation a listening connection
        vouches for (store.generation_watch). None when it cannot be told so: then
        build_identity() may, with one statement."""
        if self.engine.dialect.name == "sqlite":
            return self.file_identity()
        return self._watch.known()

    def build_identity(self) -> tuple[int, int, int, int] | str | None:
        """known_identity(), else the PostgreSQL generation the pointer names now, read with one
        statement outside a transaction (a reseed builds a new generation and never changes an
        old one). None when it cannot be told so quickly: not built, or the statement failed
        (the caller then opens a session, whose engine pings and reconnects)."""
        known = self.known_identity()
        if known is not None or self.engine.dialect.name == "sqlite":
            return known
        try:
            with self._glance.connect() as connection:
                return generations.current_quickly(connection)
        except DBAPIError:
            return None

    @cached_property
    def _watch(self) -> GenerationWatch:
        from store.generation_watch import GenerationWatch  # psycopg: PostgreSQL only

        return GenerationWatch(self.database_url)

    @cached_property
    def _glance(self) -> Engine:
        # Autocommit: no BEGIN and ROLLBACK round trips around the one statement; no ping: a
        # failure costs this glance only.
        return guarded_engine(
            self.database_url, GLANCE, pool_size=2, max_overflow=6, isolation_level="AUTOCOMMIT"
        )

    @cached_property
    def _file(self) -> Path | None:
        return sqlite_path(self.database_url)

    def file_identity(self) -> tuple[int, int, int, int] | None:
        """Which file the store is right now (device, inode, size, change time), or None on
        PostgreSQL or when there is no file. A reseed renames a new file into place and any write
        changes the size or the time, so an unchanged identity means an unchanged store."""
        path = self._file
        if path is None:
            return None
        try:
            found = os.stat(path)
        except OSError:
            return None
        return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns)

    def exists(self) -> bool:
        """Whether a store built by this version of the code is there to read."""
        path = sqlite_path(self.database_url)
        if path is not None and not path.exists():
            return False
        try:
            with self.session() as session:
                schema = session.get(Meta, "schema")
                return schema is not None and schema.value == SCHEMA_VERSION
        except StoreUnavailable:
            return False

    def healthy(self) -> bool:
        """exists(), and for a SQLite store every page readable (checked once per file version)."""
        if not self.exists():
            return False
        path = sqlite_path(self.database_url)
        return path is None or sqlite_intact(path)


def _pin_generation(session: Session) -> str:
    """The generation this session reads (pinned for its whole transaction)."""
    try:
        schema = generations.pin_current(session.connection())
    except DBAPIError as error:
        if not _missing_table(error):
            raise
        schema = None
    if schema is None:
        raise StoreUnavailable("the store has not been built yet (run python -m store reseed)")
    return schema


def _missing_table(error: DBAPIError) -> bool:
    return getattr(error.orig, "sqlstate", None) == "42P01"  # undefined_table: never reseeded


def _describe(error: DBAPIError) -> str:
    text = str(error.orig) if error.orig is not None else str(error)
    return text.splitlines()[0][:200]
