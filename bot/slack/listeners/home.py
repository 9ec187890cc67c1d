"""The Home tab, published each time someone opens it."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.slack.after_ack import after_ack
from bot.slack.background import Background
from bot.slack.home import home_view, read_overview
from store.db import Store


def register(app: App) -> None:
    """app_home_opened."""
    app.event("app_home_opened")(after_ack(publish_home))


def publish_home(
    event: dict[str, Any], client: WebClient, store: Store, background: Background | None = None
) -> None:
    """What the store holds and how to ask (the Messages tab opening is ignored)."""
    user = event.get("user")
    if event.get("tab", "home") != "home" or not isinstance(user, str):
        return
    client.views_publish(user_id=user, view=home_view(read_overview(store)))
