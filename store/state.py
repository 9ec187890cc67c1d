"""A small writable store beside the read-only one: which Slack events have been handled.

The store file is replaced wholesale by every reseed, so anything the bot writes lives in its own
SQLite file next to it (``attache.db`` -> ``attache.state.db``). Several worker processes share it:
the primary key decides which one answers an event, WAL and a busy timeout let them take turns.
"""

from __future__ import annotations

import math
import sqlite3
import time

from sqlalchemy import Engine, create_engine, delete, event, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.schema import CreateIndex, CreateTable

from store.db import sqlite_path
from store.errors import StoreError

KEEP_SECONDS = 24 * 3600  # Slack retries an event for a few minutes; a day is ample
PRUNE_EVERY_SECONDS = 600
BUSY_TIMEOUT_MS = 5000


class StateUnavailable(StoreError):
    """The state file cannot be written now (missing folder, permissions, disk full, locked)."""


class StateBase(DeclarativeBase):
    pass


class HandledEvent(StateBase):
    __tablename__ = "handled_events"
    event_id: Mapped[str] = mapped_column(primary_key=True)
    handled_at: Mapped[float] = mapped_column(index=True)

    def __repr__(self) -> str:
        return f"HandledEvent({self.event_id!r}, {self.handled_at})"


def state_url(database_url: str) -> str:
    """Where the state lives: a SQLite file beside a SQLite store, else the store's own database."""
    path = sqlite_path(database_url)
    if path is None:
        return database_url
    return f"sqlite:///{path.with_name(f'{path.stem}.state{path.suffix}')}"


class StateStore:
    """Handled event ids, shared by every process that serves the same store."""

    def __init__(
        self,
        engine: Engine,
        keep_seconds: float = KEEP_SECONDS,
        prune_every: float = PRUNE_EVERY_SECONDS,
    ) -> None:
        self.engine = engine
        self.keep_seconds = keep_seconds
        self.prune_every = prune_every
        self._last_prune = -math.inf

    @classmethod
    def open(cls, database_url: str) -> StateStore:
        """The state store for the store at database_url, created on first use."""
        url = state_url(database_url)
        path = sqlite_path(url)
        try:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            engine = _engine(url)
            with engine.begin() as connection:
                # IF NOT EXISTS: two workers starting together both try to create the table.
                table = StateBase.metadata.tables[HandledEvent.__tablename__]
                connection.execute(CreateTable(table, if_not_exists=True))
                for index in table.indexes:
                    connection.execute(CreateIndex(index, if_not_exists=True))
        except (SQLAlchemyError, OSError) as error:
            raise StateUnavailable(f"cannot open the state store {url}: {error}") from error
        return cls(engine)

    def claim_event(self, event_id: str, now: float | None = None) -> bool:
        """Record event_id as handled; True only for the one caller that recorded it first."""
        now = time.time() if now is None else now
        dialect = postgresql if self.engine.dialect.name == "postgresql" else sqlite
        statement = (
            dialect.insert(HandledEvent)
            .values(event_id=event_id, handled_at=now)
            .on_conflict_do_nothing(index_elements=["event_id"])
        )
        try:
            with self.engine.begin() as connection:
                won = connection.execute(statement).rowcount == 1
                if now - self._last_prune >= self.prune_every:
                    cutoff = now - self.keep_seconds
                    stale = delete(HandledEvent).where(HandledEvent.handled_at < cutoff)
                    connection.execute(stale)
                    self._last_prune = now
        except SQLAlchemyError as error:
            raise StateUnavailable(f"cannot record event {event_id[:40]!r}: {error}") from error
        return won

    def count(self) -> int:
        """How many handled events are remembered."""
        with self.engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(HandledEvent)) or 0


def _engine(url: str) -> Engine:
    if sqlite_path(url) is None:
        return create_engine(url, pool_pre_ping=True)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _state_pragmas)
    return engine


def _state_pragmas(connection: sqlite3.Connection, _record: object) -> None:
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")
