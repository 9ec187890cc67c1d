"""A reseed killed with SIGKILL at any moment leaves a complete store serving, and the next one works.

Each round starts `python -m store reseed` towards the other of two generated corpora and kills it
after a random delay spread over the whole run (start-up, reading, extraction, writing, the swap).
After the kill the store must answer exactly as one of the two corpora does: the old one, or the
new one when the kill came after the rename. A thread keeps asking all along.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from fault_tools import (
    ROOT,
    Asker,
    Built,
    answers,
    cli_env,
    leftovers,
    reseed_command,
    rounds,
    run_reseed,
)
from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

from store.db import Store

# Answers read in one session: each must be one corpus's answer, whole.
QUERIES = ("/visit", "/search Busan", "hello")
# Answers that must only never fail while reseeds come and go.
HANG_GUARD_SECONDS = 120  # not a speed limit: only how long a stuck reseed is waited for
LOOSE = ("/commitment trade", "/who kim", "/figure trade", "what did they agree on labour?")


def integrity(path: Path) -> str:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def kill_after(delay: float, database_url: str, seeds: Path) -> bool:
    """Start a reseed and SIGKILL it after delay seconds; False when it finished first."""
    process = subprocess.Popen(
        reseed_command(seeds),
        cwd=ROOT,
        env=cli_env(database_url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        process.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)
        return True


def kill_rounds(corpora: tuple[Built, Built], store_file: Path, count: int, seed: int) -> None:
    first, second = corpora
    url = first.copy_to(store_file)
    store = Store.open(url)
    expected = {built.seeds: answers(Store.open(built.url), QUERIES) for built in corpora}
    assert expected[first.seeds] != expected[second.seeds], "the corpora must answer differently"
    asker = Asker(store, {q: {a[q] for a in expected.values()} for q in QUERIES}, LOOSE)
    asker.start()
    rng = random.Random(seed)
    longest = 1.3 * max(first.seconds, second.seconds)
    current, killed, kept = first, 0, 0
    try:
        for index in range(count):
            target = second if current is first else first
            # Stratified: round i of n is killed somewhere in the i-th slice of the run.
            delay = (index + rng.random()) / count * longest
            was_killed = kill_after(delay, url, target.seeds)
            killed += was_killed
            assert store.exists(), f"round {index}: no store after a kill at {delay:.2f} s"
            assert integrity(store_file) == "ok"
            now = answers(store, QUERIES)
            assert now in (expected[current.seeds], expected[target.seeds]), (
                f"round {index}: killed at {delay:.2f} s, the store answers as neither corpus"
            )
            kept += was_killed and now == expected[current.seeds]
            current = target if now == expected[target.seeds] else current
        final = second if current is first else first
        done = run_reseed(url, final.seeds)
        assert done.returncode == 0, done.stderr
        assert answers(store, QUERIES) == expected[final.seeds]
        assert leftovers(store_file) == []
    finally:
        asker.stop()
    assert asker.failures == []
    assert min(asker.seen[q] for q in (*QUERIES, *LOOSE)) > 0
    assert kept > 0, f"no reseed was killed before its swap ({killed} killed in {count} rounds)"


def test_reseeds_killed_at_random_moments_leave_a_complete_store(
    corpora: tuple[Built, Built], store_file: Path
) -> None:
    kill_rounds(corpora, store_file, count=4, seed=5)


@pytest.mark.slow
def test_many_killed_reseeds(corpora: tuple[Built, Built], store_file: Path) -> None:
    kill_rounds(corpora, store_file, count=rounds("ATTACHE_KILL_ROUNDS", 40), seed=11)


def test_a_reseed_killed_while_writing_leaves_a_leftover_the_next_reseed_clears(
    corpora: tuple[Built, Built], store_file: Path
) -> None:
    first, second = corpora
    url = first.copy_to(store_file)
    store = Store.open(url)
    before = answers(store, QUERIES)
    for _attempt in range(5):
        process = subprocess.Popen(
            reseed_command(second.seeds),
            cwd=ROOT,
            env=cli_env(url),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + HANG_GUARD_SECONDS
        while not leftovers(store_file) and process.poll() is None:
            assert time.monotonic() < deadline, "hang guard: the reseed neither wrote nor ended"
            time.sleep(0.002)
        process.kill()
        process.wait(timeout=30)
        if leftovers(store_file):
            break
        first, second = second, first  # it finished: go back the other way
        before = answers(store, QUERIES)
    else:
        pytest.fail("never caught a reseed while it was writing")
    assert answers(store, QUERIES) == before
    assert integrity(store_file) == "ok"
    done = run_reseed(url, second.seeds)
    assert done.returncode == 0, done.stderr
    assert leftovers(store_file) == []
    assert answers(store, QUERIES) == answers(Store.open(second.url), QUERIES)


def writing_for(url: str, seconds: float) -> bool:
    """Whether a transaction that has written to url's database has been open for seconds."""
    engine = create_engine(make_url(url).set(database="postgres"), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return bool(
                connection.execute(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = :d "
                        "AND backend_xid IS NOT NULL AND now() - xact_start > make_interval(secs => :s)"
                    ),
                    {"d": make_url(url).database, "s": seconds},
                ).scalar()
            )
    finally:
        engine.dispose()


def test_a_reseed_killed_while_writing_leaves_the_previous_generation_serving_on_postgresql(
    corpora: tuple[Built, Built], make_store_url: Callable[[str], Callable[[str], str]]
) -> None:
    first, second = corpora
    url = make_store_url("postgresql")("killed")
    done = run_reseed(url, first.seeds)
    assert done.returncode == 0, done.stderr
    store = Store.open(url)
    before = answers(store, QUERIES)
    process = subprocess.Popen(
        reseed_command(second.seeds),
        cwd=ROOT,
        env=cli_env(url),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    # Killed well into the writing of the new generation (its transaction has written for a while).
    while not writing_for(url, 0.3) and process.poll() is None:
        assert time.monotonic() < deadline, "hang guard: the reseed never started writing"
        time.sleep(0.01)
    process.kill()
    process.wait(timeout=HANG_GUARD_SECONDS)
    assert process.returncode == -signal.SIGKILL, "the reseed finished before it could be killed"
    assert answers(store, QUERIES) == before
    done = run_reseed(url, second.seeds)
    assert done.returncode == 0, done.stderr
    assert answers(store, QUERIES) != before
