"""What every part of the state shares: its error, transactions that raise it, portable SQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.dml import Insert

from store.errors import StoreError


class StateUnavailable(StoreError):
    """The state cannot be read or written now (missing folder, permissions, disk full, locked)."""


@contextmanager
def transaction(engine: Engine, doing: str) -> Iterator[Connection]:
    """One transaction; database trouble surfaces as StateUnavailable naming what was being done."""
    try:
        with engine.begin() as connection:
            yield connection
    except SQLAlchemyError as error:
        original = getattr(error, "orig", None)
        first = str(original if original is not None else error)
        raise StateUnavailable(f"cannot {doing}: {first.splitlines()[0][:200]}") from error


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
