"""Bounded waits on PostgreSQL: no request waits on a database that stopped answering.

A partition that swallows packets (or a proxy that accepts and never relays) hangs a client in
three places, each bounded here:
- connecting: libpq's connect_timeout covers the whole start-up, not just the TCP handshake;
- a statement: statement_timeout and lock_timeout end it on the server, and TCP keepalives with
  tcp_user_timeout end a link whose packets are lost;
- a link that still acknowledges (so no kernel timeout fires): a watchdog shuts the socket down
  when a connection is kept past its limit, so the blocked call fails at once and the pool drops
  the connection. Serving engines ping each connection on checkout under the same watchdog.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import threading
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import InvalidatePoolError

from store import alarms

logger = logging.getLogger(__name__)

CONNECT_SECONDS = 2  # libpq's smallest connect_timeout
PING_SECONDS = 0.5  # a round trip to a live server takes milliseconds


@dataclass(frozen=True)
class Limits:
    """How long one statement, one lock wait and one checked-out connection may take."""

    statement_seconds: float
    lock_seconds: float
    checkout_seconds: float | None  # None: no watchdog (a reseed holds its connection minutes)
    ping: bool = True  # each checkout pings first (a dead pooled connection costs a ping only)


# Answers and state writes run inside Slack's 3 seconds; a statement is milliseconds.
SERVING = Limits(statement_seconds=5, lock_seconds=2, checkout_seconds=10)
# A reseed's bulk inserts may take minutes on a large corpus; its waits for locks may not.
RESEEDING = Limits(statement_seconds=900, lock_seconds=5, checkout_seconds=None)
# One quick statement on the request path whose failure only sends the caller the long way (a
# session on a SERVING engine, which pings): no ping of its own, the whole checkout bounded.
GLANCE = Limits(statement_seconds=1, lock_seconds=1, checkout_seconds=PING_SECONDS, ping=False)
# A worker starting beside another one waits for its migration of the state (up to 2 minutes).
MIGRATING = Limits(statement_seconds=900, lock_seconds=130, checkout_seconds=None)


def is_postgresql(database_url: str) -> bool:
    return make_url(database_url).get_backend_name() == "postgresql"


def connect_args(limits: Limits) -> dict[str, Any]:
    """libpq parameters: bounded connect, statement and lock waits, and a dead link noticed."""
    options = (
        f"-c statement_timeout={int(limits.statement_seconds * 1000)} "
        f"-c lock_timeout={int(limits.lock_seconds * 1000)} "
        # A client that vanished mid-transaction must not hold its locks for ever.
        f"-c idle_in_transaction_session_timeout={int(max(60, limits.statement_seconds) * 1000)}"
    )
    return {
        "connect_timeout": CONNECT_SECONDS,
        "options": options,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 3,
        "keepalives_count": 3,
        # Data unacknowledged this long means the link is gone (Linux; ignored elsewhere).
        "tcp_user_timeout": int((limits.statement_seconds + 5) * 1000),
    }


def guarded_engine(database_url: str, limits: Limits, **options: Any) -> Engine:
    """A PostgreSQL engine whose every wait is bounded by limits."""
    engine = create_engine(database_url, connect_args=connect_args(limits), **options)
    if limits.checkout_seconds is not None:
        _watch_checkouts(engine, limits.checkout_seconds, limits.ping)
    return engine


class Watchdog:
    """Shuts a connection's socket down unless disarmed within seconds.

    It keeps its own duplicate of the socket, so it never touches another connection that
    reused the number of a closed one. Its deadline is kept by store.alarms' one thread: a timer
    thread started per checkout cost more CPU than the statements it guarded.
    """

    def __init__(self, dbapi_connection: Any, seconds: float, why: str) -> None:
        self.why = why
        self._lock = threading.Lock()
        self._socket: socket.socket | None = socket.socket(fileno=os.dup(_fileno(dbapi_connection)))
        self._alarm = alarms.after(seconds, self._cut)

    def _cut(self) -> None:
        with self._lock:
            if self._socket is None:
                return
            logger.error(
                "the database did not answer in time (%s); dropping the connection", self.why
            )
            with contextlib.suppress(OSError):  # already gone
                self._socket.shutdown(socket.SHUT_RDWR)

    def disarm(self) -> None:
        self._alarm.cancel()
        with self._lock:
            if self._socket is not None:
                self._socket.close()
                self._socket = None

    def __enter__(self) -> Watchdog:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.disarm()


def _fileno(dbapi_connection: Any) -> int:
    return int(dbapi_connection.fileno())


_KEY = "attache_watchdog"


def _watch_checkouts(engine: Engine, seconds: float, ping: bool) -> None:
    def ping_and_watch(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if not ping:
            record.info[_KEY] = Watchdog(dbapi_connection, seconds, "a connection kept too long")
            return
        # pool_pre_ping has no timeout: a ping to a swallowed link waits for ever.
        try:
            with Watchdog(dbapi_connection, PING_SECONDS, "ping"):
                cursor = dbapi_connection.cursor()
                try:
                    cursor.execute("SELECT 1")
                finally:
                    cursor.close()
        except Exception as error:
            # The pool replaces every connection it holds (all went the same way) and connects
            # anew, within connect_timeout.
            raise InvalidatePoolError(f"ping failed: {error}") from error
        record.info[_KEY] = Watchdog(dbapi_connection, seconds, "a connection kept too long")

    def disarm(_dbapi_connection: Any, record: Any) -> None:
        watchdog = record.info.pop(_KEY, None)
        if watchdog is not None:
            watchdog.disarm()

    event.listen(engine, "checkout", ping_and_watch)
    event.listen(engine, "checkin", disarm)
    event.listen(engine, "invalidate", lambda _c, record, _e: disarm(None, record))
