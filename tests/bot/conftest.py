"""Stores built once per session from the seeds and from the documents written for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import Knowledge, knowledge
from store.db import Store
from store.reseed import reseed

ROOT = Path(__file__).resolve().parents[2]


def _built(tmp_path_factory: pytest.TempPathFactory, name: str, seeds: Path) -> Store:
    url = f"sqlite:///{tmp_path_factory.mktemp(name) / 'store.db'}"
    reseed(url, seeds)
    return Store.open(url)


@pytest.fixture(scope="session")
def seeds_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _built(tmp_path_factory, "seeds", ROOT / "seeds")


@pytest.fixture(scope="session")
def data_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return _built(tmp_path_factory, "data", ROOT / "tests" / "data")


@pytest.fixture(scope="session")
def seeds_known(seeds_store: Store) -> Knowledge:
    with seeds_store.session() as session:
        return knowledge(session, seeds_store.database_url)
