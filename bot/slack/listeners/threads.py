"""Follow-ups: once the bot has answered in a channel thread, later messages there are answered
without an @-mention, read against the thread's last question ("and in October?", "more")."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Say

from bot.config import Settings
from bot.core import read_follow_up
from bot.slack.asking import log_question, timed_answer
from bot.slack.blocks import render_blocks
from bot.slack.lazy import acknowledge, apologising
from bot.slack.middleware import first_delivery
from bot.slack.payloads import event_user, is_person_talking
from bot.slack.thread_context import recall_thread, remember_thread
from store.db import Store
from store.state import StateStore


def register(app: App) -> None:
    """message in a channel thread (message.channels, message.groups); before the DM listener."""
    app.event("message", matchers=[is_thread_reply])(
        ack=acknowledge, lazy=[apologising(answer_follow_up)]
    )


def is_thread_reply(event: dict[str, Any], context: BoltContext) -> bool:
    """A person's reply in a channel thread that does not mention the bot (app_mention has those)."""
    return (
        event.get("channel_type") != "im"
        and isinstance(event.get("thread_ts"), str)
        and event.get("thread_ts") != event.get("ts")
        and is_person_talking(event)
        and not (context.bot_user_id and f"<@{context.bot_user_id}" in event["text"])
    )


def answer_follow_up(
    event: dict[str, Any],
    say: Say,
    store: Store,
    state: StateStore | None,
    settings: Settings,
    body: dict[str, Any] | None = None,
) -> None:
    """Answered in the thread only when the bot has answered there before (and not long ago)."""
    last = recall_thread(state, event)
    if last is None or not first_delivery(body, state):
        return
    asked = read_follow_up(store, event["text"], last.query, last.page)
    timed = timed_answer(store, asked.query, asked.page)
    say(thread_ts=event["thread_ts"], **render_blocks(timed.answer))
    remember_thread(state, event, event["thread_ts"], asked.query, asked.page)
    log_question(state, settings, event_user(event), "thread", timed, asked.page)
