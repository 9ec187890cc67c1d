"""Fixtures for the Slack layer: a store seeded from seeds/, a fake Web API, the app on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
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
    server = serve_wsgi(create_application(settings))
    host, port = server.server_address[:2]
    yield SlackClient(str(host), int(port))
    server.shutdown()


@pytest.fixture
def slack(served: SlackClient, fake_slack: FakeSlack) -> SlackClient:
    """A signing client, with the fake Web API's record emptied for this test."""
    fake_slack.reset()
    return served


@pytest.fixture
def settings_without_store(settings: Settings, tmp_path: Path) -> Settings:
    return replace(settings, database_url=f"sqlite:///{tmp_path / 'missing' / 'store.db'}")
