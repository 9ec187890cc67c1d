"""Every listener, one module per Slack feature; the catch-alls last, so nothing gets a 404."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.slack.listeners import actions, commands, home, mentions, messages, threads


def register(app: App) -> None:
    """Register every listener on app."""
    for feature in (commands, mentions, threads, messages, home, actions):
        feature.register(app)
    app.event(re.compile(".*"))(ignore_event)


def ignore_event() -> None:
    """Events nobody asked for (app_uninstalled, new subscriptions…): acknowledged, no retries."""
