"""Fixtures for the Slack layer: a store seeded from seeds/, the app on loopback (see support).

Every store (and so the state beside it) is on each backend the suite reaches (tests/conftest.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from support import DATA, SEEDS, FakeSlack, OwnApp, SlackClient, serving, slack_settings

from bot.config import Settings
from store.db import Store
from store.reseed import reseed
from store.state import StateStore


@pytest.fixture(scope="session")
def database_url(make_store_url: Callable[[str], Callable[[str], str]], backend: str) -> str:
    url = make_store_url(backend)("slack")
    reseed(url, SEEDS)
    return url


@pytest.fixture(scope="session")
def store(database_url: str) -> Store:
    return Store.open(database_url)


@pytest.fixture(scope="session")
def settings(database_url: str, fake_slack: FakeSlack) -> Settings:
    return slack_settings(database_url, fake_slack)


@pytest.fixture(scope="session")
def served(settings: Settings) -> Iterator[SlackClient]:
    """The WSGI application gunicorn would serve, in a thread on an ephemeral loopback port."""
    with serving(settings) as client:
        yield client


@pytest.fixture
def slack(served: SlackClient, fake_slack: FakeSlack) -> SlackClient:
    """A signing client, with the fake Web API's record emptied for this test."""
    fake_slack.reset()
    return served


@pytest.fixture
def settings_without_store(settings: Settings, tmp_path: Path) -> Settings:
    return replace(settings, database_url=f"sqlite:///{tmp_path / 'missing' / 'store.db'}")


@pytest.fixture
def own(
    settings: Settings,
    fake_slack: FakeSlack,
    tmp_path: Path,
    make_store_url: Callable[[str], Callable[[str], str]],
    backend: str,
) -> Iterator[OwnApp]:
    """An app with a store of its own (on this backend), built from a copy of tests/data."""
    seeds = tmp_path / "seeds"
    shutil.copytree(DATA, seeds)
    url = (
        f"sqlite:///{tmp_path / 'var' / 'attache.db'}"
        if backend == "sqlite"
        else make_store_url(backend)("own")
    )
    reseed(url, seeds)
    own_settings = replace(settings, database_url=url, seeds_dir=seeds)
    with serving(own_settings) as client:
        fake_slack.reset()
        yield OwnApp(client, own_settings, StateStore.open(url), seeds)
