"""The Home tab, published each time someone opens it; its buttons answered in the person's DM."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from bot.config import Settings
from bot.slack.asking import log_question, timed_answer
from bot.slack.blocks import render_blocks
from bot.slack.home import HOME_ASK, home_view, read_overview
from bot.slack.lazy import acknowledge, apologising
from bot.slack.payloads import button_query, user_of
from store.db import Store
from store.state import StateStore


def register(app: App) -> None:
    """app_home_opened and home_ask_<n>: acknowledged at once, handled by lazy listeners."""
    app.event("app_home_opened")(ack=acknowledge, lazy=[apologising(publish_home)])
    app.action(re.compile(rf"^{HOME_ASK}_\d+$"))(
        ack=acknowledge, lazy=[apologising(answer_home_button)]
    )


def publish_home(event: dict[str, Any], client: WebClient, store: Store) -> None:
    """What the store holds and how to ask (the Messages tab opening is ignored).

    Not de-duplicated: publishing the same view twice changes nothing."""
    user = event.get("user")
    if event.get("tab", "home") != "home" or not isinstance(user, str):
        return
    client.views_publish(user_id=user, view=home_view(read_overview(store)))


def answer_home_button(
    action: dict[str, Any],
    body: dict[str, Any],
    client: WebClient,
    store: Store,
    state: StateStore | None,
    settings: Settings,
) -> None:
    """A topic or visit button of the Home tab: the answer in the person's DM with the bot (a
    Home tab button has no message to answer beside)."""
    user, carried = user_of(body), button_query(action.get("value"))
    if user is None or carried is None:
        return
    timed = timed_answer(store, *carried)
    client.chat_postMessage(channel=user, **render_blocks(timed.answer))
    log_question(state, settings, user, "home", timed, carried[1])
