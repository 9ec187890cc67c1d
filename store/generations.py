"""PostgreSQL stores live in generation schemas; one pointer row names the current one.

A reseed builds `attache_g<stamp>` and, in the same transaction, points `attache_store` at it and
notifies CHANNEL (delivered when it commits), so serving workers know without asking
(store.generation_watch).
Readers pin the schema named by the pointer for their whole transaction, so a session sees one
generation only, whatever a reseed on another machine does meanwhile. The previous generation is
kept for sessions still reading it; older ones are dropped by the next reseed.
"""

from __future__ import annotations

import re
import time

from sqlalchemy import text
from sqlalchemy.engine import Connection

POINTER_TABLE = "attache_store"
PREFIX = "attache_g"
CHANNEL = "attache_store_switched"  # NOTIFY channel: the pointer names a new generation
LOCK_KEY = 0x4A77AC4E  # pg_advisory_lock key: one reseed at a time per database
_SAFE = re.compile(rf"^{PREFIX}\d+$")


def new_schema() -> str:
    return f"{PREFIX}{time.time_ns()}"


def ensure_pointer(connection: Connection) -> None:
    connection.execute(
        text(
            f"CREATE TABLE IF NOT EXISTS public.{POINTER_TABLE} "
            "(id integer PRIMARY KEY CHECK (id = 1), schema_name text NOT NULL, switched_at timestamptz NOT NULL)"
        )
    )


def current(connection: Connection) -> str | None:
    """The schema of the current generation, or None before the first reseed."""
    exists = connection.execute(
        text("SELECT to_regclass(:t)"), {"t": f"public.{POINTER_TABLE}"}
    ).scalar()
    if exists is None:
        return None
    name = connection.execute(
        text(f"SELECT schema_name FROM public.{POINTER_TABLE} WHERE id = 1")
    ).scalar()
    return name if isinstance(name, str) and _SAFE.match(name) else None


def pin_current(connection: Connection) -> str | None:
    """Point this transaction's unqualified table names at the current generation, and name it;
    None before the first reseed (the caller must then end the transaction). One statement where
    current() and use() take three: it runs at the start of every session. A missing pointer
    table raises (and aborts the transaction)."""
    row = connection.execute(
        text(
            "SELECT schema_name, set_config('search_path', schema_name || ', public', true) "
            f"FROM public.{POINTER_TABLE} WHERE id = 1"
        )
    ).first()
    if row is None:
        return None
    name = row[0]
    # Not one of ours: None, and the caller ends the transaction that set it.
    return name if isinstance(name, str) and _SAFE.match(name) else None


def current_quickly(connection: Connection) -> str | None:
    """current() in one statement: a missing pointer table is an error here (which aborts the
    transaction), for a caller that takes it for "not known"."""
    name = connection.execute(
        text(f"SELECT schema_name FROM public.{POINTER_TABLE} WHERE id = 1")
    ).scalar()
    return checked(name)


def checked(name: object) -> str | None:
    """name, when it is a generation schema's (anything else in the pointer is not ours)."""
    return name if isinstance(name, str) and _SAFE.match(name) else None


def use(connection: Connection, schema: str) -> None:
    """Point this transaction's unqualified table names at one generation."""
    if not _SAFE.match(schema):
        raise ValueError(f"not a generation schema: {schema!r}")
    connection.execute(text(f"SET LOCAL search_path TO {schema}, public"))


def switch(connection: Connection, schema: str) -> None:
    """Make schema the current generation (inside the transaction that built it), and say so to
    every listening worker when that transaction commits."""
    connection.execute(
        text(
            f"INSERT INTO public.{POINTER_TABLE} (id, schema_name, switched_at) VALUES (1, :s, now()) "
            "ON CONFLICT (id) DO UPDATE SET schema_name = excluded.schema_name, switched_at = now()"
        ),
        {"s": schema},
    )
    connection.execute(text("SELECT pg_notify(:c, :s)"), {"c": CHANNEL, "s": schema})


def try_lock_for_transaction(connection: Connection) -> bool:
    """Take the reseed lock until this transaction ends; False when another reseed holds it."""
    return bool(
        connection.execute(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": LOCK_KEY}).scalar()
    )


def holds_lock(connection: Connection) -> bool:
    """Whether this connection's session holds the reseed lock (checked before a switch)."""
    return bool(
        connection.execute(
            text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted "
                "AND pid = pg_backend_pid() AND classid = :high AND objid = :low AND objsubid = 1"
            ),
            {"high": LOCK_KEY >> 32, "low": LOCK_KEY & 0xFFFFFFFF},
        ).scalar()
    )


def drop_old(connection: Connection, keep: int = 2) -> list[str]:
    """Drop all but the newest `keep` generations; a generation still being read is left for later."""
    names = sorted(
        (
            row[0]
            for row in connection.execute(
                text("SELECT nspname FROM pg_namespace WHERE nspname LIKE :p"), {"p": f"{PREFIX}%"}
            )
            if _SAFE.match(row[0])
        ),
        key=lambda n: int(n[len(PREFIX) :]),
    )
    current_name = current(connection)
    dropped = []
    for name in names[:-keep] if keep else names:
        if name == current_name:
            continue
        connection.execute(text("SET LOCAL lock_timeout = '2s'"))
        try:
            with connection.begin_nested():
                connection.execute(text(f"DROP SCHEMA {name} CASCADE"))
            dropped.append(name)
        except Exception:
            continue
    return dropped
