"""Answers kept per build: a repeated question is answered without reading the store, and never
from a store that has since been replaced."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bot.dispatch import clear_cache, dispatch, kept_answer
from store.db import Store
from store.errors import StoreUnavailable
from store.reseed import reseed

ROOT = Path(__file__).resolve().parents[2]


def test_a_repeated_question_is_kept_and_a_reseed_forgets_it(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    reseed(url, seeds)
    store = Store.open(url)
    clear_cache()
    assert kept_answer(store, "/visit") is None  # nothing asked yet

    first = dispatch(store, "/visit")
    assert kept_answer(store, "/visit") == first
    assert kept_answer(store, "/visit", page=2) is None  # another page is another answer
    assert kept_answer(store, "/who lee") is None

    # A reseed with one document fewer: the store file is replaced, the kept answer is not used.
    removed = sorted(seeds.glob("*.txt"))[0]
    assert removed.name in {source.document for item in first.items for source in item.sources}
    removed.unlink()
    reseed(url, seeds)
    assert kept_answer(store, "/visit") is None
    second = dispatch(store, "/visit")
    assert kept_answer(store, "/visit") == second
    assert removed.name not in {source.document for item in second.items for source in item.sources}


def test_postgresql_always_reads_the_store(seeds_store: Store) -> None:
    dispatch(seeds_store, "/visit")
    kept = kept_answer(seeds_store, "/visit")
    if seeds_store.engine.dialect.name == "sqlite":
        assert kept is not None
    else:
        assert kept is None  # the current generation is read in every session


def test_a_store_that_cannot_be_read_hands_out_no_kept_answer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'store.db'}"
    reseed(url, ROOT / "seeds")
    store = Store.open(url)
    clear_cache()
    dispatch(store, "/visit")
    assert kept_answer(store, "/visit") is not None
    holder = sqlite3.connect(tmp_path / "store.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # same file, same size and time, but unreadable
    try:
        with pytest.raises(StoreUnavailable):
            dispatch(store, "/who lee")
        assert kept_answer(store, "/visit") is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert dispatch(store, "/visit") is not None
    assert kept_answer(store, "/visit") is not None  # read again: kept answers are back
