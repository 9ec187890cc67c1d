"""`python -m bot socket`: Socket Mode, for development without a public URL."""

from __future__ import annotations

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.config import Settings
from bot.slack.app import build_app
from bot.slack.background import Background
from bot.slack.deps import Deps
from bot.slack.first_build import FirstBuild
from bot.slack.logs import configure_logging
from store.db import Store


class AttacheSocketMode(SocketModeHandler):
    """Bolt's Socket Mode handler, keeping the app's background pools at hand."""

    background: Background


def socket_handler(settings: Settings) -> AttacheSocketMode:
    """The app behind a Socket Mode connection (not yet opened)."""
    settings.require("SLACK_APP_TOKEN", "SLACK_BOT_TOKEN")
    configure_logging(settings)
    deps = Deps(Store.open(settings.database_url), settings)
    FirstBuild(deps.store, settings.seeds_dir).start()  # no store yet: build it from the seeds
    deps.state.get()  # migrated now, not in someone's 3 seconds
    handler = AttacheSocketMode(build_app(deps), settings.slack_app_token)
    handler.background = deps.background
    return handler


def run_socket(settings: Settings) -> None:
    """Connect to Slack over a WebSocket with the app-level token and answer until stopped."""
    socket_handler(settings).start()
