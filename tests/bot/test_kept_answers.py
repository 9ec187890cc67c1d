"""Answers kept per build: a repeated question is answered without reading the store, and never
from a store that has since been replaced."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, event, text

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


def test_a_kept_answer_needs_no_statement_only_when_the_build_is_known(seeds_store: Store) -> None:
    answered = dispatch(seeds_store, "/visit")
    kept = kept_answer(seeds_store, "/visit")
    if seeds_store.engine.dialect.name == "sqlite":
        assert kept == answered
    else:
        # Only while a listening connection vouches for the generation (see
        # tests/slack/test_generation_watch.py); else dispatch() reads the pointer.
        assert kept is None or kept == answered


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


def test_a_kept_answer_costs_one_statement_and_a_reseed_forgets_it(
    own_store_url: str, tmp_path: Path
) -> None:
    """On every backend dispatch() hands out the answer it keeps for the build it reads now; on
    PostgreSQL it tells the build by the generation pointer alone (or a listener's word), not a
    session."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    reseed(own_store_url, seeds)
    store = Store.open(own_store_url)
    clear_cache()
    first = dispatch(store, "/visit")
    statements: list[str] = []

    def count(_conn: object, _cursor: object, sql: str, *_rest: object) -> None:
        statements.append(sql)

    event.listen(Engine, "before_cursor_execute", count)  # every engine the store may use
    try:
        assert dispatch(store, "/visit") is first
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    if store.engine.dialect.name == "postgresql":
        assert len(statements) <= 1, statements  # none once a listener vouches for the build

    removed = sorted(seeds.glob("*.txt"))[0]
    assert removed.name in {source.document for item in first.items for source in item.sources}
    removed.unlink()
    reseed(own_store_url, seeds)
    second = dispatch(store, "/visit")
    assert second is not first
    assert removed.name not in {source.document for item in second.items for source in item.sources}
    assert dispatch(store, "/visit") is second


def test_postgresql_kept_answers_wait_for_a_readable_store(own_store_url: str) -> None:
    """With the generation pointer gone, no kept answer is handed out; with it back, they are."""
    reseed(own_store_url, ROOT / "seeds")
    store = Store.open(own_store_url)
    clear_cache()
    kept = dispatch(store, "/visit")
    if store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL's generation pointer")
    admin = create_engine(own_store_url)
    try:
        with admin.begin() as connection:
            connection.execute(
                text("ALTER TABLE public.attache_store RENAME TO attache_store_away")
            )
        with pytest.raises(StoreUnavailable):
            dispatch(store, "/visit")
        with admin.begin() as connection:
            connection.execute(
                text("ALTER TABLE public.attache_store_away RENAME TO attache_store")
            )
    finally:
        admin.dispose()
    again = dispatch(store, "/visit")
    assert again == kept
