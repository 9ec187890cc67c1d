"""Test databases on a PostgreSQL server: the session's stores are dropped at its end, together."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import Engine, create_engine, text

DROPPERS = 8  # connections dropping at once, of the ~100 a server allows everyone sharing it


def drop_databases(admin: Engine, names: list[str]) -> None:
    """Drop these databases (those that exist) over several connections at once.

    Each DROP DATABASE waits for a checkpoint (about 0.2 s, longer on a busy server); drops side
    by side share checkpoints, so the ~150 databases of a session go in seconds, not minutes.
    Every drop is attempted; the first failure is raised once all are done.
    """
    if not names:
        return
    droppers = create_engine(
        admin.url, isolation_level="AUTOCOMMIT", pool_size=DROPPERS, max_overflow=0
    )

    def drop(database: str) -> None:
        with droppers.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))

    try:
        with ThreadPoolExecutor(DROPPERS) as pool:
            list(pool.map(drop, names))
    finally:
        droppers.dispose()
