"""`python -m bot socket`: Socket Mode, for development without a public URL."""

from __future__ import annotations

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.config import Settings
from bot.slack.app import build_app
from bot.slack.logs import configure_logging
from store.db import Store


def socket_handler(settings: Settings) -> SocketModeHandler:
    """The app behind a Socket Mode connection (not yet opened)."""
    settings.require("SLACK_APP_TOKEN", "SLACK_BOT_TOKEN")
    configure_logging(settings)
    app = build_app(settings, Store.open(settings.database_url))
    return SocketModeHandler(app, settings.slack_app_token)


def run_socket(settings: Settings) -> None:
    """Connect to Slack over a WebSocket with the app-level token and answer until stopped."""
    socket_handler(settings).start()
