"""Nothing on Slack's 3-second path waits on the state store: with the state database
write-locked by another process, a slash command, a mention and a vote are acknowledged at once;
the query log and the vote are written afterwards, and a lock held too long costs a log line.

"At once" is an order, not a speed: a state write waiting on the lock gives up after the busy
timeout (2 s) and logs a line; the ack arriving while none has given up yet shows that no write
stood before it. The only clock is a generous hang guard."""

from __future__ import annotations

import fcntl
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import BOT_USER_ID, FakeSlack, OwnApp

from bot.markup import escape
from bot.slack.blocks import VOTE_UP, button_value
from bot.slack.deps import StateAccess
from store.state import state_url

HANG_GUARD_SECONDS = 30.0  # a hang guard, not a speed test
LOCK_HELD_SECONDS = 3.0  # longer than the state's busy timeout, so a waiting write gives up


@pytest.fixture(autouse=True)
def _sqlite_state(backend: str) -> None:
    """The lock held here is SQLite's whole-database write lock."""
    if backend != "sqlite":
        pytest.skip("holds SQLite's write lock; a PostgreSQL state locks rows, not the database")


@contextmanager
def write_locked(own: OwnApp) -> Iterator[None]:
    """The state database as another process holding its write lock (a long write elsewhere)."""
    path = Path(state_url(own.settings.database_url).removeprefix("sqlite:///"))
    holder = sqlite3.connect(path, isolation_level=None, timeout=0)
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def gave_up(caplog: pytest.LogCaptureFixture, line: str) -> bool:
    """Whether a state write has given up waiting and logged this line."""
    return any(line in record.getMessage() for record in caplog.records)


def settle(own: OwnApp) -> None:
    assert own.slack.settle is not None
    own.slack.settle()


def _rows(own: OwnApp, table: str) -> int:
    path = state_url(own.settings.database_url).removeprefix("sqlite:///")
    with sqlite3.connect(path) as connection:
        return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_command_is_answered_while_the_state_is_write_locked(
    own: OwnApp, caplog: pytest.LogCaptureFixture
) -> None:
    own.slack.command("/visit", "")  # the first question also makes the query-log salt
    before = _rows(own, "query_log")
    with write_locked(own):
        reply = own.slack.command("/commitment", "trade", wait=False)
        assert reply.status == 200
        assert "trade" in reply.text.lower()
        assert not gave_up(caplog, "could not log a query"), "the ack waited on the state store"
        time.sleep(LOCK_HELD_SECONDS)
    settle(own)
    assert gave_up(caplog, "could not log a query")
    assert _rows(own, "query_log") == before  # the one line it cost; nothing half-written


def test_the_query_log_is_written_after_the_answer_once_the_lock_goes(own: OwnApp) -> None:
    before = _rows(own, "query_log")
    with write_locked(own):
        reply = own.slack.command("/who", "nguyen", wait=False)
        assert reply.status == 200
        time.sleep(0.3)
    settle(own)
    assert _rows(own, "query_log") == before + 1


def test_a_mention_and_a_vote_are_acknowledged_while_the_state_is_write_locked(
    own: OwnApp, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    mention = {
        "type": "app_mention",
        "user": "U1",
        "text": f"<@{BOT_USER_ID}> /visit august",
        "ts": "1700000000.000100",
        "channel": "C1",
    }
    with write_locked(own):
        assert own.slack.event(mention, "Ev-busy-state", wait=False).status == 200
        assert not gave_up(caplog, "could not record event"), "the ack waited on the event claim"
        value = escape(button_value("/visit august"))
        pressed = own.slack.press(VOTE_UP, value, fake_slack.response_url(), wait=False)
        assert pressed.status == 200
        assert not gave_up(caplog, "could not record a vote"), "the ack waited on the vote"
        time.sleep(0.3)
    settle(own)
    assert fake_slack.of("chat.postMessage")  # the mention was answered once the lock went
    assert _rows(own, "answer_votes") == 1


def opening() -> bool:
    """Whether the state is being opened beside the requests (still waiting for its lock)."""
    return any(t.name == "attache-state-open" and t.is_alive() for t in threading.enumerate())


def test_a_state_still_being_migrated_never_holds_a_request(tmp_path: Path) -> None:
    """Another process holds the migration lock: a request gets no state at once (its log line is
    skipped) while the opening waits beside it, and the state is there once the lock goes."""
    url = f"sqlite:///{tmp_path / 'store.db'}"
    tmp_path.joinpath("store.state.db").touch()
    access = StateAccess(url)
    with open(tmp_path / "store.state.db.migrate.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        assert access.ready() is None
        assert opening(), "the request itself waited for the migration lock"
        time.sleep(0.5)
        assert access.ready() is None  # still waiting for the lock, beside the requests
        assert opening()
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while access.ready() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    state = access.ready()
    assert state is not None and state.claim_event("Ev-after-migration")
