"""The Home tab, published each time someone opens it."""

from __future__ import annotations

from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.slack.home import home_view, read_overview
from bot.slack.lazy import acknowledge, apologising
from store.db import Store


def register(app: App) -> None:
    """app_home_opened: acknowledged at once, the view published by a lazy listener."""
    app.event("app_home_opened")(ack=acknowledge, lazy=[apologising(publish_home)])


def publish_home(event: dict[str, Any], client: WebClient, store: Store) -> None:
    """What the store holds and how to ask (the Messages tab opening is ignored).

    Not de-duplicated: publishing the same view twice changes nothing."""
    user = event.get("user")
    if event.get("tab", "home") != "home" or not isinstance(user, str):
        return
    client.views_publish(user_id=user, view=home_view(read_overview(store)))
