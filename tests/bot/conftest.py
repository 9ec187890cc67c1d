"""Stores built once per session from the seeds and from the documents written for the tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bot.knowledge import Knowledge, knowledge
from store.db import Store
from store.reseed import reseed

ROOT = Path(__file__).resolve().parents[2]


def _built(make_url: Callable[[str], str], name: str, seeds: Path) -> Store:
    url = make_url(name)
    reseed(url, seeds)
    return Store.open(url)


@pytest.fixture(scope="session")
def seeds_store(make_store_url: Callable[[str], Callable[[str], str]], backend: str) -> Store:
    """The seeds, on each backend."""
    return _built(make_store_url(backend), "seeds", ROOT / "seeds")


@pytest.fixture(scope="session")
def data_store(make_store_url: Callable[[str], Callable[[str], str]], backend: str) -> Store:
    """The documents written for the tests, on each backend."""
    return _built(make_store_url(backend), "data", ROOT / "tests" / "data")


@pytest.fixture(scope="session")
def seeds_known(seeds_store: Store) -> Knowledge:
    with seeds_store.session() as session:
        return knowledge(session, seeds_store.database_url)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Answer-quality scores, whatever the outcome, so a change shows what it gained or lost."""
    from test_quality import SCORES

    if SCORES:
        terminalreporter.section("answer quality")
        for line in SCORES:
            terminalreporter.write_line(line)
