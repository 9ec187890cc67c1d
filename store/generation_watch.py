"""Which PostgreSQL generation is current, known without a round trip: a listening connection.

A reseed's switch sends a notification in its own transaction (generations.switch); a thread
keeps one connection LISTENing for it, reads the pointer when it starts, at every notification
and once a second, and the request path asks `known()` instead of reading the pointer itself.
`known()` names a generation only while the listener is known to be alive: its last read of the
pointer is under TRUST_SECONDS old and nothing is waiting unread on its socket (a notification on
its way, or the end of the connection). Otherwise it says None and the caller reads the pointer,
so a missed notification (a switch by older code, a listener that stopped answering) hands out
an old build for TRUST_SECONDS at most.

A lost connection ends the thread; the next `known()` starts another (at most once every
RETRY_SECONDS), so an idle worker never reconnects, and a dead listener costs a round trip per
question until one reconnects, never a wrong answer.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import weakref
from typing import Any

import psycopg
from sqlalchemy import make_url

from store import generations
from store.pgguard import Limits, Watchdog, connect_args

logger = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 1.0  # the listener reads the pointer this often (liveness; a backstop)
TRUST_SECONDS = 2.0  # how long one read of the pointer vouches for it without another
RETRY_SECONDS = 1.0  # a listener that failed is started again no sooner than this
APPLICATION_NAME = "attache generation watch"  # how its connection shows in pg_stat_activity
# Kept for the worker's life, so no checkout watchdog: each read of the pointer has its own.
WATCHING = Limits(statement_seconds=1, lock_seconds=1, checkout_seconds=None)

Known = tuple[str, float, socket.socket]  # generation, trusted until (monotonic), socket probe


class GenerationWatch:
    """The current generation of one PostgreSQL store, kept up to date by a listening thread."""

    def __init__(self, database_url: str) -> None:
        self.database_url = database_url
        self._known: Known | None = None
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._started_at = -RETRY_SECONDS
        _every.add(self)

    def known(self) -> str | None:
        """The current generation while the listener vouches for it, else None (read the
        pointer); starts the listener when none is running."""
        known = self._known
        if known is None or time.monotonic() >= known[1] or not _quiet(known[2]):
            self._ensure_listening()
            return None
        return known[0]

    def _ensure_listening(self) -> None:
        with self._lock:
            now = time.monotonic()
            running = self._thread is not None and self._thread.is_alive()
            if running or now - self._started_at < RETRY_SECONDS:
                return
            self._known, self._started_at = None, now
            self._thread = threading.Thread(
                target=_listen, args=(weakref.ref(self),), name="attache-generation-watch"
            )
            self._thread.daemon = True
            self._thread.start()

    def _forget(self) -> None:
        """In a forked child: the parent's listener vouches for nothing here."""
        self._known, self._thread, self._started_at = None, None, -RETRY_SECONDS
        self._lock = threading.Lock()


_every: weakref.WeakSet[GenerationWatch] = weakref.WeakSet()


def _forget_every() -> None:
    for watch in list(_every):
        watch._forget()


os.register_at_fork(after_in_child=_forget_every)


def _quiet(probe: socket.socket) -> bool:
    """Whether nothing waits unread on the listening connection (no notification on its way)."""
    try:
        probe.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT)
    except BlockingIOError:
        return True
    except OSError:
        return False
    return False  # bytes not yet read by the listener, or the end of the connection


def _listen(owner: weakref.ref[GenerationWatch]) -> None:
    """The listener thread: until its connection fails or the watch is no longer used."""
    watch = owner()
    if watch is None:
        return
    database_url = watch.database_url
    del watch
    probe: socket.socket | None = None
    try:
        with _connect(database_url) as connection:
            connection.execute(f"LISTEN {generations.CHANNEL}")
            probe = socket.socket(fileno=os.dup(connection.fileno()))
            while _read_pointer(owner, connection, probe):
                for _switched in connection.notifies(timeout=HEARTBEAT_SECONDS, stop_after=1):
                    _distrust(owner)  # read the pointer again before trusting it
    except Exception as error:
        logger.info("the generation watch stopped (answers read the pointer): %s", error)
    finally:
        _distrust(owner)
        if probe is not None:
            probe.close()


def _distrust(owner: weakref.ref[GenerationWatch]) -> None:
    watch = owner()
    if watch is not None:
        watch._known = None


def _read_pointer(
    owner: weakref.ref[GenerationWatch], connection: psycopg.Connection[Any], probe: socket.socket
) -> bool:
    """Read the pointer and vouch for it; False when the watch is no longer used."""
    if owner() is None:
        return False
    read_at = time.monotonic()
    try:
        with Watchdog(connection, TRUST_SECONDS, "the generation watch"):
            row = connection.execute(
                f"SELECT schema_name FROM public.{generations.POINTER_TABLE} WHERE id = 1"
            ).fetchone()
    except psycopg.errors.UndefinedTable:
        row = None  # never reseeded: the first reseed's switch will say so
    watch = owner()
    if watch is None:
        return False
    name = generations.checked(row[0] if row else None)
    watch._known = None if name is None else (name, read_at + TRUST_SECONDS, probe)
    return True


def _connect(database_url: str) -> psycopg.Connection[Any]:
    """A connection of its own (never pooled: it listens), with the serving bounds."""
    url = make_url(database_url)
    args, params = url.get_dialect()().create_connect_args(url)
    return psycopg.connect(
        *args,
        **{**params, **connect_args(WATCHING)},
        application_name=APPLICATION_NAME,
        autocommit=True,
    )
