"""Thread contexts: the latest answer in a thread wins, other threads are apart, old ones expire."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from store.state import StateStore
from store.state.threads import KEEP_SECONDS


@pytest.fixture
def state(backend: str, make_store_url: Callable[[str], Callable[[str], str]]) -> StateStore:
    return StateStore.open(make_store_url(backend)("threads"))


def test_the_latest_question_in_a_thread_is_recalled(state: StateStore) -> None:
    state.threads.remember("C1", "1.1", "/visit august", now=1000.0)
    state.threads.remember("C1", "1.1", "/visit august", page=2, now=1001.0)
    state.threads.remember("C2", "1.1", "/commitment trade", now=1002.0)
    recalled = state.threads.recall("C1", "1.1", now=1003.0)
    assert recalled is not None and (recalled.query, recalled.page) == ("/visit august", 2)
    other = state.threads.recall("C2", "1.1", now=1003.0)
    assert other is not None and other.query == "/commitment trade"
    assert state.threads.recall("C1", "9.9", now=1003.0) is None


def test_a_thread_left_for_longer_than_the_keep_time_is_forgotten(state: StateStore) -> None:
    state.threads.remember("C1", "2.2", "/visit august", now=1000.0)
    assert state.threads.recall("C1", "2.2", now=1000.0 + KEEP_SECONDS - 1) is not None
    assert state.threads.recall("C1", "2.2", now=1000.0 + KEEP_SECONDS + 1) is None
    # remembering another thread later prunes the expired row for good
    state.threads.remember("C1", "3.3", "/who lee", now=1000.0 + KEEP_SECONDS + 2)
    assert state.threads.recall("C1", "2.2", now=1000.0) is None
