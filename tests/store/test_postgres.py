"""The PostgreSQL backend: generations switched atomically, readers pinned, one reseed at a time."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, make_url, select, text
from support.builds import half_written_then
from support.databases import drop_databases

from store import generations
from store import models as m
from store.db import Store
from store.errors import ReseedFailed, ReseedInProgress, StoreUnavailable
from store.ingest.extract import Extraction
from store.ingest.load import write_store
from store.ingest.publish import publish, reseed_lock
from store.reseed import reseed

ROOT = Path(__file__).resolve().parents[2]
SEEDS, DATA = ROOT / "seeds", ROOT / "tests" / "data"
_KEY = {"k": generations.LOCK_KEY}


@pytest.fixture
def pg_url(make_store_url: Callable[[str], Callable[[str], str]]) -> str:
    return make_store_url("postgresql")("pg")


def _documents(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(m.Document)) or 0)


def _schemas(url: str) -> list[str]:
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'attache_g%'")
        )
        names = sorted(row[0] for row in rows)
    engine.dispose()
    return names


def test_a_store_that_was_never_built_is_unavailable(pg_url: str) -> None:
    store = Store.open(pg_url)
    assert not store.exists()
    with pytest.raises(StoreUnavailable), store.session():
        pass


def test_reseed_switches_generations_and_keeps_only_two(pg_url: str) -> None:
    for folder in (SEEDS, DATA, SEEDS):
        reseed(pg_url, folder)
    assert len(_schemas(pg_url)) == 2
    assert _documents(Store.open(pg_url)) == 5


def test_a_reader_keeps_its_generation_while_a_reseed_switches(pg_url: str) -> None:
    reseed(pg_url, SEEDS)
    store = Store.open(pg_url)
    with store.session() as session:
        before = session.scalar(select(func.count()).select_from(m.Document))
        reseed(pg_url, DATA)  # publishes another generation meanwhile
        sentences = session.scalar(select(func.count()).select_from(m.Sentence))
        assert (before, sentences) == (5, 150)  # the seeds' sentences, photo captions included
    assert _documents(store) == 3


def test_a_failed_reseed_leaves_the_previous_store_serving(pg_url: str, tmp_path: Path) -> None:
    reseed(pg_url, SEEDS)
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(ReseedFailed):
        reseed(pg_url, tmp_path)
    assert _documents(Store.open(pg_url)) == 5
    assert len(_schemas(pg_url)) == 1


@pytest.mark.parametrize(
    ("error", "told"),
    [
        (None, 'could not write the store: relation "missing" does not exist'),  # no SQL after
        (RuntimeError("disk full\nINSERT INTO …"), "could not write the store: disk full"),
    ],
)
def test_a_write_that_fails_halfway_leaves_the_previous_generation_serving(
    pg_url: str, error: Exception | None, told: str
) -> None:
    reseed(pg_url, SEEDS)
    with reseed_lock(pg_url), pytest.raises(ReseedFailed) as failed:
        publish(pg_url, half_written_then(error))
    assert str(failed.value) == told
    assert _documents(Store.open(pg_url)) == 5
    assert len(_schemas(pg_url)) == 1  # the half-built generation went with its transaction


def test_a_second_reseed_at_the_same_time_is_refused(pg_url: str) -> None:
    reseed(pg_url, SEEDS)
    with reseed_lock(pg_url), pytest.raises(ReseedInProgress):
        reseed(pg_url, DATA)
    assert reseed(pg_url, DATA).documents == 3


def test_a_reseed_right_after_another_is_never_refused(pg_url: str) -> None:
    """The lock is given back before its connection closes: the server frees a closed session's
    locks a moment later, which once refused a reseed started straight after the last one."""
    taken = create_engine(make_url(pg_url).set(drivername="postgresql+psycopg"))
    try:
        with taken.connect() as other:
            for _ in range(60):
                with reseed_lock(pg_url):
                    pass
                free = other.execute(text("SELECT pg_try_advisory_lock(:k)"), _KEY).scalar()
                assert free, "the reseed lock was still held after its reseed ended"
                other.execute(text("SELECT pg_advisory_unlock(:k)"), _KEY)
    finally:
        taken.dispose()


def test_a_write_without_the_reseed_lock_waits_its_turn(
    pg_url: str, data_extraction: Extraction
) -> None:
    """A writer that skipped reseed_lock takes the lock for its transaction: while another reseed
    (another machine's, on its own connection) holds it, nothing is switched."""
    reseed(pg_url, SEEDS)
    other = create_engine(pg_url)
    with other.connect() as connection:
        assert connection.execute(
            text("SELECT pg_try_advisory_lock(:k)"), {"k": generations.LOCK_KEY}
        ).scalar()
        with pytest.raises(ReseedInProgress):
            write_store(pg_url, data_extraction, [], time.monotonic(), "test")
        assert _documents(Store.open(pg_url)) == 5
        assert len(_schemas(pg_url)) == 1
        connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": generations.LOCK_KEY})
    other.dispose()
    assert write_store(pg_url, data_extraction, [], time.monotonic(), "test").documents == 3
    assert _documents(Store.open(pg_url)) == 3


def test_generations_left_by_a_clock_running_ahead_never_cost_the_current_store(
    pg_url: str,
) -> None:
    """Generations are named by the reseeding machine's clock: after reseeds on one whose clock
    ran a day ahead, the current generation (from a right clock) sorts before them, and the
    clean-up that keeps the newest two must still keep it."""
    reseed(pg_url, SEEDS)
    ahead = time.time_ns() + 86_400 * 10**9
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        for later in (1, 2):
            connection.execute(text(f"CREATE SCHEMA {generations.PREFIX}{ahead + later}"))
    engine.dispose()
    reseed(pg_url, DATA)
    assert _documents(Store.open(pg_url)) == 3


def test_a_server_that_does_not_answer_is_unavailable(pg_url: str) -> None:
    down = make_url(pg_url).set(host="127.0.0.1", port=1).render_as_string(hide_password=False)
    store = Store.open(down)
    with pytest.raises(StoreUnavailable), store.session():
        pass


def test_only_generation_schemas_are_ever_used() -> None:
    with pytest.raises(ValueError):
        generations.use(None, "public; DROP TABLE x")  # type: ignore[arg-type]


def test_the_session_drops_its_databases_together_and_leaves_none(
    make_store_url: Callable[[str], Callable[[str], str]],
) -> None:
    urls = [make_store_url("postgresql")("dropped") for _ in range(3)]
    for url in urls[:2]:  # stores in use: an open connection does not keep a database alive
        reseed(url, DATA)
        Store.open(url).exists()
    names = [make_url(url).database or "" for url in urls]
    admin = create_engine(make_url(urls[0]).set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        drop_databases(admin, [*names, "attache_test_never_created"])
        with admin.connect() as connection:
            left = connection.execute(
                text("SELECT datname FROM pg_database WHERE datname = ANY(:n)"), {"n": names}
            )
            assert left.all() == []
    finally:
        admin.dispose()
