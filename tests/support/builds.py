"""Builds handed to store.ingest.publish that fail halfway, as a write that runs out of disk or
meets a statement the database refuses would."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text
from sqlalchemy.engine import Connection


def half_written_then(error: Exception | None) -> Callable[[Connection], None]:
    """A build that writes a table, then fails: with error, or (None) with an insert into a table
    that does not exist."""

    def build(connection: Connection) -> None:
        connection.execute(text("CREATE TABLE half (x integer)"))
        if error is None:
            connection.execute(text("INSERT INTO missing VALUES (1)"))
        raise error or AssertionError("the database took the statement")

    return build
