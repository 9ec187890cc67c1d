"""Questions logged by many threads at once, or queued, share transactions, and none is lost."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import event, func, select

from store.state import StateStore
from store.state.querylog import Asked
from store.state.schema import QueryRecord

THREADS = 12


@pytest.fixture
def state(make_store_url: Callable[[str], Callable[[str], str]], backend: str) -> StateStore:
    return StateStore.open(make_store_url(backend)("querylog"))


def test_questions_logged_at_once_are_all_kept_in_fewer_transactions(state: StateStore) -> None:
    commits: list[int] = []
    event.listen(state.engine, "commit", lambda _connection: commits.append(1))
    start = threading.Barrier(THREADS)

    def ask(index: int) -> None:
        asked = Asked(f"/who person {index}", "command", "who", 90.0, 1, False, 3, f"a{index}")
        start.wait()
        state.log_question(asked, f"user{index}", keep_seconds=86400)

    threads = [threading.Thread(target=ask, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)  # hang guard, not a speed check
    with state.engine.connect() as connection:
        logged = connection.scalars(select(QueryRecord.query).order_by(QueryRecord.query)).all()
        rows = connection.scalar(select(func.count()).select_from(QueryRecord))
    assert rows == THREADS
    assert sorted(logged) == sorted(f"/who person {index}" for index in range(THREADS))
    assert len(commits) < THREADS  # grouped: the first thread wrote the lines of the others


def test_one_thread_writes_its_question_before_it_returns(state: StateStore) -> None:
    for index in range(3):
        state.log_question(
            Asked(f"/visit {index}", "command", "visit", 1.0, 0, True, 2, f"v{index}"),
            "someone",
            keep_seconds=86400,
        )
        assert state.report(since=0).questions == index + 1


def test_queued_questions_wait_for_the_one_writer_the_first_started(state: StateStore) -> None:
    state.log_question(Asked("/visit", "command", "visit", 1, 0, True, 2, "v"), "u", 86400)
    commits: list[int] = []  # from here on: the old lines were pruned, not due again for a while
    event.listen(state.engine, "commit", lambda _connection: commits.append(1))
    started = [
        state.queue_question(
            Asked(f"/who queued {index}", "command", "who", 90.0, 1, False, 3, f"q{index}"), "u"
        )
        for index in range(THREADS)
    ]
    assert started == [True] + [False] * (THREADS - 1)  # the caller of the first starts a writer
    assert commits == []  # queued, not written: nobody waited
    state.write_questions(keep_seconds=86400)
    assert len(commits) == 1
    assert state.report(since=0).questions == THREADS + 1
    assert state.queue_question(Asked("/visit", "command", "visit", 1, 0, True, 2, "v"), "u")


def test_a_question_is_logged_as_asked_whatever_its_characters(state: StateStore) -> None:
    odd = "tab\there, new\nline, back\\slash \\N, \"quotes\", 'single', 한국 — Việt Nam, end\\"
    state.log_question(Asked(odd, "command", "search", 1.5, 2, False, 7, "odd"), "u", 86400)
    columns = (QueryRecord.query, QueryRecord.score, QueryRecord.results, QueryRecord.empty)
    more = (QueryRecord.latency_ms, QueryRecord.answer_id, QueryRecord.user_hash)
    with state.engine.connect() as connection:
        record = tuple(connection.execute(select(*columns, *more)).one())
    assert record == (odd, 1.5, 2, False, 7, "odd", "u")
