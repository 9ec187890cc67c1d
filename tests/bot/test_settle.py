"""A served worker keeps each build out of the cycle collector's full passes; no other process
does, so a process holding many stores (a test run, a console) frees their cyclic garbage."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import knowledge
from bot.dispatch import clear_cache
from bot.slack import gunicorn_conf
from store.db import Store
from store.reseed import reseed

ROOT = Path(__file__).resolve().parents[2]


class _Cycle:
    """Garbage in a reference cycle, as an engine or a listener left behind can be."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def unsettled() -> Iterator[None]:
    yield
    knowledge._settling.clear()
    gc.unfreeze()


def _build(store: Store) -> None:
    knowledge._cached.clear()
    clear_cache()
    with store.session() as session:
        knowledge.knowledge(session, store.database_url)


def test_only_a_served_worker_freezes_its_builds(tmp_path: Path, unsettled: None) -> None:
    url = f"sqlite:///{tmp_path}/s.db"
    reseed(url, ROOT / "seeds")
    store = Store.open(url)
    gc.unfreeze()
    _build(store)
    assert gc.get_freeze_count() == 0

    gunicorn_conf.post_fork(object(), object())  # what gunicorn calls in each new worker
    garbage = _Cycle()
    # a weak reference, not the id: a freed object's address (its id) is soon another's
    watched = weakref.ref(garbage)
    del garbage
    _build(store)
    assert gc.get_freeze_count() > 0, "a served worker's build is not kept out of collections"
    assert watched() is None, "cyclic garbage was kept"


def test_ask_in_process_leaves_the_cycle_collector_as_it_found_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from bot.__main__ import main

    url = f"sqlite:///{tmp_path}/s.db"
    reseed(url, ROOT / "seeds")
    monkeypatch.setenv("DATABASE_URL", url)
    assert gc.isenabled()
    assert main(["ask", "/commitment trade"]) == 0
    assert "trade" in capsys.readouterr().out.lower()
    assert gc.isenabled(), "a one-shot answer's pause of the cycle collector outlived it"
