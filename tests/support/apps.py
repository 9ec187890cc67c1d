"""The app as gunicorn serves it, on loopback, pointed at the fake Web API: settings and servers."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from bot.slack.web import create_application
from store.state import StateStore
from support.fake_slack import ADMIN, APP_TOKEN, BOT_TOKEN, SIGNING_SECRET, FakeSlack
from support.signed import SlackClient, serve_wsgi

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"  # the documents written for the tests
SETTLE_SECONDS = 30  # hang guard: the longest a test waits for the app's background work


def slack_settings(
    database_url: str, fake: FakeSlack, seeds: Path = SEEDS, app_token: str | None = APP_TOKEN
) -> Settings:
    """Settings for one store, with the test tokens, ADMIN as the one admin, the fake Web API."""
    return Settings(
        database_url=database_url,
        seeds_dir=seeds,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_app_token=app_token,
        slack_api_url=fake.url,
        admin_user_ids=frozenset({ADMIN}),
        log_level="INFO",
    )


@contextmanager
def serving(settings: Settings, settle: bool = True) -> Iterator[SlackClient]:
    """The WSGI application gunicorn would serve, in a thread on an ephemeral loopback port.

    With settle, each request returns once the app's background work (the answer after the ack)
    is done, so a test can look at what reached the fake Web API.
    """
    application = create_application(settings)
    server = serve_wsgi(application)
    host, port = server.server_address[:2]
    waits = (lambda: application.background.wait_idle(SETTLE_SECONDS)) if settle else None
    try:
        yield SlackClient(str(host), int(port), settle=waits)
    finally:
        if settle:
            application.background.wait_idle(SETTLE_SECONDS)
        server.shutdown()
        server.server_close()


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
        with serving(self.settings) as client:
            yield client
