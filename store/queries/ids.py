"""A column among a list of ids, written so the statement's text does not grow with the list."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import ARRAY, ColumnElement, Integer, any_, bindparam
from sqlalchemy.orm import InstrumentedAttribute, Session


def among(
    session: Session, column: InstrumentedAttribute[int], ids: Collection[int]
) -> ColumnElement[bool]:
    """`column IN ids`. On PostgreSQL one array parameter (`= ANY`): an IN list of hundreds of ids
    is a new statement text for each length, which psycopg parses afresh every time."""
    if session.get_bind().dialect.name == "postgresql":
        return column == any_(bindparam(None, list(ids), type_=ARRAY(Integer), unique=True))
    return column.in_(ids)
