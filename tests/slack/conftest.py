"""Fixtures for the Slack layer: a store seeded from seeds/, a fake Web API, the app on loopback."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from slack_fakes import (
    ADMIN,
    APP_TOKEN,
    BOT_TOKEN,
    SIGNING_SECRET,
    FakeSlack,
    SlackClient,
    serve_wsgi,
    start_fake_slack,
)

from bot.config import Settings
from bot.slack.web import create_application
from store.db import Store
from store.reseed import reseed
from store.state import StateStore

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'store.db'}"
    reseed(url, SEEDS)
    return url


@pytest.fixture(scope="session")
def store(database_url: str) -> Store:
    return Store.open(database_url)


@pytest.fixture(scope="session")
def fake_slack() -> Iterator[FakeSlack]:
    fake = start_fake_slack()
    yield fake
    fake.server.shutdown()


@pytest.fixture(scope="session")
def settings(database_url: str, fake_slack: FakeSlack) -> Settings:
    return Settings(
        database_url=database_url,
        seeds_dir=SEEDS,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_app_token=APP_TOKEN,
        slack_api_url=fake_slack.url,
        admin_user_ids=frozenset({ADMIN}),
        log_level="INFO",
    )


@pytest.fixture(scope="session")
def served(settings: Settings) -> Iterator[SlackClient]:
    """The WSGI application gunicorn would serve, in a thread on an ephemeral loopback port."""
    application = create_application(settings)
    server = serve_wsgi(application)
    host, port = server.server_address[:2]
    yield SlackClient(str(host), int(port), settle=lambda: application.background.wait_idle(30))
    server.shutdown()


@pytest.fixture
def slack(served: SlackClient, fake_slack: FakeSlack) -> SlackClient:
    """A signing client, with the fake Web API's record emptied for this test."""
    fake_slack.reset()
    return served


@pytest.fixture
def settings_without_store(settings: Settings, tmp_path: Path) -> Settings:
    return replace(settings, database_url=f"sqlite:///{tmp_path / 'missing' / 'store.db'}")


DATA = ROOT / "tests" / "data"


@dataclass
class OwnApp:
    """An app with a store (and state) of its own, built from a copy of tests/data."""

    slack: SlackClient
    settings: Settings
    state: StateStore
    seeds: Path

    @contextmanager
    def another_worker(self) -> Iterator[SlackClient]:
        """The same settings served by a second application: another worker, or a restart."""
        application = create_application(self.settings)
        server = serve_wsgi(application)
        host, port = server.server_address[:2]
        try:
            yield SlackClient(
                str(host), int(port), settle=lambda: application.background.wait_idle(30)
            )
        finally:
            server.shutdown()


@pytest.fixture
def own(settings: Settings, fake_slack: FakeSlack, tmp_path: Path) -> Iterator[OwnApp]:
    seeds = tmp_path / "seeds"
    shutil.copytree(DATA, seeds)
    url = f"sqlite:///{tmp_path / 'var' / 'attache.db'}"
    reseed(url, seeds)
    own_settings = replace(settings, database_url=url, seeds_dir=seeds)
    application = create_application(own_settings)
    server = serve_wsgi(application)
    host, port = server.server_address[:2]
    fake_slack.reset()
    client = SlackClient(str(host), int(port), settle=lambda: application.background.wait_idle(30))
    try:
        yield OwnApp(client, own_settings, StateStore.open(url), seeds)
    finally:
        application.background.wait_idle(30)
        server.shutdown()
