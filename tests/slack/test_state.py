"""The writable state store: each event id is claimed once, across threads and processes."""

from __future__ import annotations

import multiprocessing
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from store.db import Store
from store.reseed import reseed
from store.state import StateStore, StateUnavailable, state_url

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
IDS = [f"Ev{n:04d}" for n in range(150)]


def claim_all(database_url: str) -> list[bool]:
    state = StateStore.open(database_url)
    return [state.claim_event(event_id) for event_id in IDS]


def test_the_state_lives_beside_the_store() -> None:
    assert state_url("sqlite:////srv/var/attache.db") == "sqlite:////srv/var/attache.state.db"
    assert state_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_an_event_is_claimed_once(own_store_url: str, tmp_path: Path) -> None:
    state = StateStore.open(own_store_url)
    assert state.claim_event("Ev1") is True
    assert state.claim_event("Ev1") is False
    assert state.claim_event("Ev2") is True
    if own_store_url.startswith("sqlite"):
        assert (tmp_path / "store.state.db").exists()
        assert not (tmp_path / "store.db").exists()  # the read-only store is never touched
    else:
        assert not Store.open(own_store_url).exists()  # no store made for the state's sake


def test_two_processes_racing_claim_each_event_once(own_store_url: str) -> None:
    url = own_store_url
    context = multiprocessing.get_context("spawn")
    with context.Pool(3) as pool:
        results = pool.map(claim_all, [url] * 3)
    assert [sum(column) for column in zip(*results, strict=True)] == [1] * len(IDS)


def test_threads_racing_claim_each_event_once(own_store_url: str) -> None:
    state = StateStore.open(own_store_url)
    with ThreadPoolExecutor(8) as pool:
        won = list(pool.map(state.claim_event, IDS * 4))
    assert sum(won) == len(IDS)


def test_old_claims_are_pruned(own_store_url: str) -> None:
    state = StateStore(
        StateStore.open(own_store_url).engine,
        keep_seconds=100,
        prune_every=10,
    )
    assert state.claim_event("old", now=1000)
    assert state.claim_event("recent", now=1150)  # prunes "old" (older than 100 s)
    assert state.count() == 1
    assert state.claim_event("old", now=1151)
    assert not state.claim_event("recent", now=1152)


def test_the_state_store_uses_wal(tmp_path: Path) -> None:
    state = StateStore.open(f"sqlite:///{tmp_path / 'store.db'}")
    state.claim_event("Ev1")
    with sqlite3.connect(tmp_path / "store.state.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_unwritable_place_is_reported(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StateUnavailable):
        StateStore.open(f"sqlite:///{blocker / 'store.db'}")


def test_a_reseed_leaves_the_state_alone(own_store_url: str) -> None:
    url = own_store_url
    reseed(url, SEEDS)
    StateStore.open(url).claim_event("Ev-kept")
    reseed(url, SEEDS)
    assert not StateStore.open(url).claim_event("Ev-kept")
    assert Store.open(url).exists()
