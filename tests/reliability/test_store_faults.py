"""Database trouble: missing, unreadable, corrupt, emptied or locked store files.

Each fault, on a store the app is already serving: the person gets "the store is unavailable, try
again shortly", the log one line, GET /healthz a 503; then the file is fixed and the same app, with
no restart, answers again and reports healthy.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from fault_tools import SEEDS, run_reseed
from support import FakeSlack, SlackClient

from bot.core import answer_safely
from bot.text import render_text
from store.db import Store

UNAVAILABLE = "The store is unavailable, try again shortly."
QUERY = "/commitment trade"
HANG_GUARD_SECONDS = 30.0  # not a speed limit: how long a late apology is waited for

Fault = Callable[[Path], AbstractContextManager[None]]


@contextmanager
def missing(path: Path) -> Iterator[None]:
    aside = path.with_name("aside.db")
    path.rename(aside)
    yield
    aside.rename(path)


@contextmanager
def unreadable(path: Path) -> Iterator[None]:
    if os.geteuid() == 0:
        pytest.skip("root reads a chmod 000 file anyway")
    path.chmod(0)
    yield
    path.chmod(0o644)


@contextmanager
def garbage(path: Path) -> Iterator[None]:
    original = path.read_bytes()
    path.write_bytes(os.urandom(len(original)))
    yield
    path.write_bytes(original)  # restored in place, as from a backup


@contextmanager
def garbage_after_the_header(path: Path) -> Iterator[None]:
    original = path.read_bytes()
    path.write_bytes(original[:100] + os.urandom(len(original) - 100))
    yield
    path.write_bytes(original)


@contextmanager
def truncated(path: Path) -> Iterator[None]:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    yield
    done = run_reseed(f"sqlite:///{path}", SEEDS)  # the documented way back
    assert done.returncode == 0, done.stderr


@contextmanager
def emptied(path: Path) -> Iterator[None]:
    path.write_bytes(b"")  # SQLite reads an empty file as an empty database
    yield
    done = run_reseed(f"sqlite:///{path}", SEEDS)
    assert done.returncode == 0, done.stderr


@contextmanager
def locked(path: Path) -> Iterator[None]:
    holder = sqlite3.connect(path, isolation_level=None)
    mode = holder.execute("PRAGMA journal_mode").fetchone()[0]
    if mode == "wal":
        holder.close()
        pytest.skip("in WAL mode a writer's lock does not stop readers")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


FAULTS = [missing, unreadable, garbage, garbage_after_the_header, truncated, emptied, locked]


def told(acked: str, fake_slack: FakeSlack) -> str:
    """What the person was told: the ack, or what came later through the response_url."""
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while UNAVAILABLE not in acked and time.monotonic() < deadline:
        later = fake_slack.of("response_url")
        if later:
            return " ".join(str(call.params.get("text")) for call in later)
        time.sleep(0.05)
    return acked


def lines_about_the_store(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if "store unavailable" in r.getMessage()]


@pytest.mark.parametrize("fault", FAULTS, ids=[f.__name__ for f in FAULTS])
def test_a_fault_is_reported_and_the_bot_recovers_without_a_restart(
    fault: Fault,
    seeded: Store,
    store_file: Path,
    serve: Callable[[str], AbstractContextManager[SlackClient]],
    fake_slack: FakeSlack,
    caplog: pytest.LogCaptureFixture,
) -> None:
    healthy = render_text(answer_safely(seeded, QUERY))
    with serve(seeded.database_url) as slack:
        assert slack.request("GET", "/healthz").status == 200
        with fault(store_file):
            caplog.clear()
            with caplog.at_level(logging.INFO):
                answer = answer_safely(seeded, QUERY)
            assert answer.notice == UNAVAILABLE
            assert "Share" not in str(answer)
            records = lines_about_the_store(caplog)
            assert len(records) == 1, [r.getMessage() for r in caplog.records]
            assert records[0].levelno == logging.ERROR
            assert "\n" not in records[0].getMessage() and records[0].exc_info is None
            assert not [r for r in caplog.records if r.exc_info]

            health = slack.request("GET", "/healthz")
            assert health.status == 503, health.text
            assert "unavailable" in health.text

            caplog.clear()
            fake_slack.reset()
            reply = slack.command(
                "/commitment", "trade", response_url=fake_slack.response_url(fault.__name__)
            )
            assert reply.status == 200
            assert UNAVAILABLE in told(reply.json()["text"], fake_slack)
            assert len(lines_about_the_store(caplog)) == 1
            assert not [r for r in caplog.records if r.exc_info]

        assert render_text(answer_safely(seeded, QUERY)) == healthy
        assert slack.request("GET", "/healthz").status == 200
        reply = slack.command("/commitment", "trade")
        assert "150 billion" in reply.text


def test_a_store_replaced_under_a_broken_one_is_picked_up(
    seeded: Store,
    store_file: Path,
    serve: Callable[[str], AbstractContextManager[SlackClient]],
) -> None:
    """The restore an operator does first: reseed over a store that is not there at all."""
    store_file.unlink()
    with serve(seeded.database_url) as slack:
        assert slack.request("GET", "/healthz").status == 503
        assert answer_safely(seeded, QUERY).notice == UNAVAILABLE
        done = run_reseed(seeded.database_url, SEEDS)
        assert done.returncode == 0, done.stderr
        assert slack.request("GET", "/healthz").status == 200
        assert answer_safely(seeded, QUERY).intent == "commitment"
