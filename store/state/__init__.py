"""A small writable store beside the read-only one: everything the bot itself writes.

The store file is replaced wholesale by every reseed, so what the bot writes (handled Slack events,
uploaded documents, votes, the query log, reseeds started from Slack, thread contexts) lives in its own SQLite file
next to it (``attache.db`` -> ``attache.state.db``), or, for PostgreSQL, in tables of the same
database. Its schema has a history (Alembic, store/state/migrations), applied when it is opened. Several worker processes share it: primary keys decide races, WAL and a busy timeout let
them take turns.
"""

from __future__ import annotations

import math
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine, create_engine, delete, event, func, make_url, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from store.engines import sqlite_path
from store.pgguard import MIGRATING, SERVING, guarded_engine
from store.state import healing, migrate
from store.state.base import StateUnavailable, insert_ignoring_conflicts, transaction
from store.state.feedback import Votes
from store.state.querylog import Asked, QueryLog
from store.state.report import Report, build_report
from store.state.reseeds import ReseedRuns
from store.state.schema import HandledEvent
from store.state.threads import Threads
from store.state.uploads import Uploads

KEEP_SECONDS = 24 * 3600  # Slack retries an event for a few minutes; a day is ample
PRUNE_EVERY_SECONDS = 600
BUSY_TIMEOUT_MS = 2000  # the event claim runs inside Slack's 3 seconds
# How long the thread that writes the query log waits for the lines of other requests to join
# its transaction: one commit for many questions when a worker is busy. While lines keep coming
# it waits longer between commits (each costs more CPU than its rows); a clean shutdown still
# writes every line (the writer is waited for), a crash loses at most the lines of one wait.
GROUP_COMMIT_SECONDS = 0.02
BUSY_COMMIT_SECONDS = 0.1

__all__ = ["StateStore", "StateUnavailable", "state_url"]


def state_url(database_url: str) -> str:
    """Where the state lives: a SQLite file beside a SQLite store, else the store's own database."""
    path = sqlite_path(database_url)
    if path is None:
        return database_url
    return f"sqlite:///{path.with_name(f'{path.stem}.state{path.suffix}')}"


class StateStore:
    """The writable state shared by every process that serves the same store."""

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
        self._last_log_prune = -math.inf
        self._log_lock = threading.Lock()
        self._log_pending: list[tuple[Asked, str, float]] = []
        self._log_writing = False
        self.uploads = Uploads(engine)
        self.votes = Votes(engine)
        self.queries = QueryLog(engine)
        self.reseeds = ReseedRuns(engine)
        self.threads = Threads(engine)

    @classmethod
    def open(cls, database_url: str) -> StateStore:
        """The state store for the store at database_url, its schema brought to the newest revision."""
        url = state_url(database_url)
        path = sqlite_path(url)
        try:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            engine = _engine(url)
            with _migrating(url, engine) as migrating:
                migrate.upgrade(migrating)  # one process at a time; a no-op when already current
            if path is not None:
                # Deleted or read-only while serving: reopened, with its schema made again.
                healing.watch(engine, path, lambda: migrate.upgrade(engine))
        except (SQLAlchemyError, OSError) as error:
            raise StateUnavailable(f"cannot open the state store {_safe(url)}: {error}") from error
        return cls(engine)

    def __deepcopy__(self, _memo: dict[int, object]) -> StateStore:
        """Shared, not copied: one state per process (Bolt copies contexts for lazy listeners)."""
        return self

    def claim_event(self, event_id: str, now: float | None = None) -> bool:
        """Record event_id as handled; True only for the one caller that recorded it first."""
        now = time.time() if now is None else now
        statement = insert_ignoring_conflicts(
            self.engine, HandledEvent, {"event_id": event_id, "handled_at": now}
        ).returning(HandledEvent.event_id)  # rowcount is -1 on some drivers (psycopg 3)
        with transaction(self.engine, f"record event {event_id[:40]!r}") as connection:
            won = connection.execute(statement).first() is not None
            if now - self._last_prune >= self.prune_every:
                cutoff = now - self.keep_seconds
                connection.execute(delete(HandledEvent).where(HandledEvent.handled_at < cutoff))
                self._last_prune = now
        return won

    def log_question(
        self, asked: Asked, user_hash: str, keep_seconds: float, now: float | None = None
    ) -> None:
        """Log one question; now and then forget questions and votes older than keep_seconds.

        Questions logged by several threads at once share a transaction (see write_questions);
        the others return at once. A thread alone writes its own line before it returns. When the
        write fails, the writing thread raises StateUnavailable and the lines it held are not
        logged.
        """
        if self.queue_question(asked, user_hash, now):
            self.write_questions(keep_seconds)

    def queue_question(self, asked: Asked, user_hash: str, now: float | None = None) -> bool:
        """Queue one question for the log, without waiting; True when no writer is on its way,
        and the caller must call write_questions() (which waits, so on a thread of its own)."""
        with self._log_lock:
            self._log_pending.append((asked, user_hash, time.time() if now is None else now))
            if self._log_writing:
                return False
            self._log_writing = True
            return True

    def write_questions(self, keep_seconds: float) -> None:
        """Write the queued questions: GROUP_COMMIT_SECONDS after the first, every line that came
        meanwhile in one transaction, and every BUSY_COMMIT_SECONDS while more come (so however
        busy the worker, ten commits a second at most); then, now and then, forget old questions
        and votes."""
        latest = -math.inf
        try:
            time.sleep(GROUP_COMMIT_SECONDS)
            while True:
                with self._log_lock:
                    lines, self._log_pending = self._log_pending, []
                    if not lines:
                        self._log_writing = False
                        break
                self.queries.record_many(lines)
                latest = max(latest, *(at for _asked, _user, at in lines))
                if self._log_pending:  # more came meanwhile: busy, let more join them
                    time.sleep(BUSY_COMMIT_SECONDS)
        except BaseException:
            with self._log_lock:
                self._log_pending.clear()
                self._log_writing = False
            raise
        if latest - self._last_log_prune >= self.prune_every:
            self._last_log_prune = latest
            self.queries.prune(latest - keep_seconds)
            self.votes.prune(latest - keep_seconds)

    def report(self, since: float) -> Report:
        """What was asked and voted since (epoch seconds)."""
        return build_report(self.engine, since)

    def count(self) -> int:
        """How many handled events are remembered."""
        with self.engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(HandledEvent)) or 0


def _engine(url: str) -> Engine:
    if sqlite_path(url) is None:
        return guarded_engine(url, SERVING)
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", _state_pragmas)
    return engine


@contextmanager
def _migrating(url: str, engine: Engine) -> Iterator[Engine]:
    """The engine migrations run on: on PostgreSQL one that may wait for another worker's
    migration (the serving engine gives up on a lock after 2 s)."""
    if sqlite_path(url) is not None:
        yield engine
        return
    patient = guarded_engine(url, MIGRATING, poolclass=NullPool)
    try:
        yield patient
    finally:
        patient.dispose()


def _state_pragmas(connection: sqlite3.Connection, _record: object) -> None:
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = NORMAL")


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    return make_url(url).render_as_string(hide_password=True)
