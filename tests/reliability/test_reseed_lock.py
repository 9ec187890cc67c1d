"""The PostgreSQL reseed lock: a reseed whose lock connection is killed never switches.

The lock lives on the connection that builds, and is checked before the switch; a reseed that lost
it fails with one line and leaves whatever the reseed that took the lock next has published.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from fault_tools import DATA, SEEDS
from sqlalchemy import create_engine, func, select, text

from store import generations
from store import models as m
from store.db import Store
from store.errors import ReseedFailed
from store.reseed import reseed

HANG_GUARD_SECONDS = 120.0  # only a hang waits this long


@pytest.fixture
def pg_url(make_store_url: Callable[[str], Callable[[str], str]]) -> str:
    url = make_store_url("postgresql")("lock")
    reseed(url, DATA)
    return url


def _documents(url: str) -> int:
    with Store.open(url).session() as session:
        return int(session.scalar(select(func.count()).select_from(m.Document)) or 0)


def _kill_lock_holders(url: str) -> int:
    """pg_terminate_backend on every connection holding the reseed lock; how many there were."""
    engine = create_engine(url)
    key = generations.LOCK_KEY
    try:
        with engine.begin() as connection:
            pids = connection.scalars(
                text(
                    # This test's database only: advisory locks of every database on the
                    # server are listed, and other stores (other test runs) must be left alone.
                    "SELECT l.pid FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                    "WHERE l.locktype = 'advisory' AND l.granted AND d.datname = current_database() "
                    "AND l.classid = :high AND l.objid = :low AND l.objsubid = 1"
                ),
                {"high": key >> 32, "low": key & 0xFFFFFFFF},
            ).all()
            for pid in pids:
                connection.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        return len(pids)
    finally:
        engine.dispose()


class Paused:
    """A reseed in a thread, held at one of its progress steps until released."""

    def __init__(self, url: str, step: str) -> None:
        self.reached, self.release = threading.Event(), threading.Event()
        self.error: BaseException | None = None
        self.step = step
        self.thread = threading.Thread(target=self._run, args=(url,), daemon=True)
        self.thread.start()
        assert self.reached.wait(HANG_GUARD_SECONDS), f"hang guard: never reached {step!r}"

    def _say(self, line: str) -> None:
        if line.startswith(self.step):
            self.reached.set()
            self.release.wait(HANG_GUARD_SECONDS)

    def _run(self, url: str) -> None:
        try:
            reseed(url, SEEDS, progress=self._say)
        except BaseException as error:  # handed to the test
            self.error = error

    def finish(self) -> BaseException | None:
        self.release.set()
        self.thread.join(HANG_GUARD_SECONDS)
        assert not self.thread.is_alive(), "hang guard: the paused reseed never ended"
        return self.error


@pytest.mark.parametrize("step", ["extracting", "writing"])
def test_a_reseed_whose_lock_connection_was_killed_never_switches(pg_url: str, step: str) -> None:
    first = Paused(pg_url, step)  # the five seeds, held before it builds
    try:
        assert _kill_lock_holders(pg_url) >= 1
        assert reseed(pg_url, DATA).documents == 3  # the lock was free: another reseed ran
    finally:
        error = first.finish()
    assert isinstance(error, ReseedFailed), error
    assert "lock" in str(error)
    assert _documents(pg_url) == 3  # the second reseed's store, not the first one's older build
