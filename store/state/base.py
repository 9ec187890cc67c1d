"""What every part of the state shares: its error, transactions that raise it, portable SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.sql.dml import Insert

from store.errors import StoreError
from store.state import healing


class StateUnavailable(StoreError):
    """The state cannot be read or written now (missing folder, permissions, disk full, locked)."""


@contextmanager
def transaction(engine: Engine, doing: str) -> Iterator[Connection]:
    """One transaction; database trouble surfaces as StateUnavailable naming what was being done.

    A SQLite state file that was deleted, replaced or read-only is reopened first (see
    store.state.healing), and a commit whose file vanished meanwhile counts as failed.
    """
    try:
        healing.before(engine)
        with engine.begin() as connection:
            yield connection
    except (SQLAlchemyError, OSError) as error:
        if not isinstance(error, IntegrityError):  # a race between writers, not a broken file
            healing.failed(engine)
        original = getattr(error, "orig", None)
        first = str(original if original is not None else error)
        raise StateUnavailable(f"cannot {doing}: {first.splitlines()[0][:200]}") from error
    if not healing.committed(engine):
        raise StateUnavailable(
            f"cannot {doing}: the state file was removed or replaced meanwhile; try again"
        )


def storable(text: str) -> str:
    """Text PostgreSQL can keep: a NUL (which its text type refuses) becomes U+FFFD, so a row
    with one is kept rather than lost, on either backend alike."""
    return text.replace("\x00", "\ufffd")


def _dialect(engine: Engine) -> Any:
    return postgresql if engine.dialect.name == "postgresql" else sqlite


def insert_ignoring_conflicts(engine: Engine, model: Any, values: dict[str, Any]) -> Insert:
    """INSERT … ON CONFLICT DO NOTHING: the first writer wins, the others change nothing."""
    return _dialect(engine).insert(model).values(**values).on_conflict_do_nothing()


def upsert(engine: Engine, model: Any, values: dict[str, Any], keys: list[str]) -> Insert:
    """INSERT … ON CONFLICT (keys) DO UPDATE: one row per key, the latest values win."""
    statement = _dialect(engine).insert(model).values(**values)
    changed = {name: statement.excluded[name] for name in values if name not in keys}
    return statement.on_conflict_do_update(index_elements=keys, set_=changed)
