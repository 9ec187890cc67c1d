"""PostgreSQL: a served worker knows the current generation from a listening connection, so a
repeated question reads nothing at all; a reseed in another process is seen by the very next
question; a worker whose listener is dead reads the pointer, never an old build's answer.

Nothing here measures time: every wait is a hang guard that fails the test instead of hanging.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, text
from support import SEEDS, FakeSlack, SlackClient, serving, slack_settings

from bot.dispatch import clear_cache, dispatch
from store import generations
from store.db import Store
from store.generation_watch import APPLICATION_NAME
from store.reseed import reseed

ROOT = Path(__file__).resolve().parents[2]
HANG_GUARD_SECONDS = 30.0
POINTER = f"SELECT schema_name FROM public.{generations.POINTER_TABLE}"


@pytest.fixture
def pg_url(make_store_url: Callable[[str], Callable[[str], str]]) -> str:
    return make_store_url("postgresql")("watch")


@pytest.fixture
def fewer_seeds(tmp_path: Path, pg_url: str) -> Path:
    """The seeds without one document that the answer to /visit cites."""
    folder = tmp_path / "fewer"
    shutil.copytree(SEEDS, folder)
    reseed(pg_url, SEEDS)
    cited = {
        s.document for item in dispatch(Store.open(pg_url), "/visit").items for s in item.sources
    }
    (folder / sorted(cited)[0]).unlink()
    return folder


@contextmanager
def pointer_reads() -> Iterator[list[str]]:
    """The statements that read the generation pointer, on every engine, while inside."""
    seen: list[str] = []

    def note(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
        if generations.POINTER_TABLE in sql:
            seen.append(sql)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", note)


def visit(slack: SlackClient) -> str:
    reply = slack.command("/visit")
    assert reply.status == 200, reply.text
    return reply.text


def asked_without_reading(slack: SlackClient) -> str:
    """Ask /visit until the worker answers it without reading the pointer (its listener vouches
    for the generation), and give that answer."""
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while time.monotonic() < deadline:
        with pointer_reads() as reads:
            answer = visit(slack)
        if not reads:
            return answer
        time.sleep(0.05)
    raise AssertionError("the worker kept reading the generation pointer")


def fresh_answer(slack: SlackClient) -> str:
    """What a worker that keeps nothing answers now."""
    clear_cache()
    return visit(slack)


def test_a_reseed_in_another_process_is_seen_by_the_very_next_question(
    pg_url: str, fewer_seeds: Path, fake_slack: FakeSlack
) -> None:
    with serving(slack_settings(pg_url, fake_slack)) as slack:
        before = asked_without_reading(slack)
        env = {**os.environ, "DATABASE_URL": pg_url}
        command = [sys.executable, "-m", "store", "reseed", "--seeds", str(fewer_seeds)]
        subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, timeout=300)
        after = visit(slack)  # the very next question
        assert after != before
        assert after == fresh_answer(slack)
        assert asked_without_reading(slack) == after  # and kept again, for the new build


def test_a_worker_whose_listener_is_dead_reads_the_pointer(
    pg_url: str, fewer_seeds: Path, fake_slack: FakeSlack
) -> None:
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    try:
        with serving(slack_settings(pg_url, fake_slack)) as slack:
            reseed(pg_url, fewer_seeds)
            older = asked_without_reading(slack)
            with admin.connect() as connection:
                previous = connection.scalar(text(POINTER))
            reseed(pg_url, SEEDS)
            assert asked_without_reading(slack) != older
            with admin.connect() as connection:
                ended = connection.execute(
                    text(
                        "SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                        "WHERE application_name = :name AND datname = current_database()"
                    ),
                    {"name": APPLICATION_NAME},
                ).all()
                assert ended == [(True,)]
                # Back to the build before, telling no one (no listener could have heard it).
                connection.execute(
                    text(f"UPDATE public.{generations.POINTER_TABLE} SET schema_name = :s"),
                    {"s": previous},
                )
            assert visit(slack) == older  # that build's kept answer, not the one kept last
    finally:
        admin.dispose()
