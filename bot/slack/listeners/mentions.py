"""@-mentions in channels, answered in the thread (never as a new top-level message); the thread
remembers the question, so replies in it are follow-ups (listeners/threads.py)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Say

from bot.config import Settings
from bot.core import read_follow_up
from bot.followup import FollowUp
from bot.slack.asking import log_question, timed_answer
from bot.slack.blocks import render_blocks
from bot.slack.lazy import acknowledge, apologising
from bot.slack.middleware import first_delivery
from bot.slack.payloads import event_user, mention_thread, strip_mention
from bot.slack.thread_context import recall_thread, remember_thread
from store.db import Store
from store.state import StateStore


def register(app: App) -> None:
    """app_mention: acknowledged at once, answered by a lazy listener."""
    app.event("app_mention")(ack=acknowledge, lazy=[apologising(answer_mention)])


def answer_mention(
    event: dict[str, Any],
    context: BoltContext,
    say: Say,
    store: Store,
    state: StateStore | None,
    settings: Settings,
    body: dict[str, Any] | None = None,
) -> None:
    """`@Attaché /visit october` or `@Attaché what did they agree on trade?`, in the thread."""
    thread = mention_thread(event)
    if event.get("bot_id") or thread is None or not first_delivery(body, state):
        return
    asked = FollowUp(strip_mention(event.get("text"), context.bot_user_id), 1)
    last = recall_thread(state, event)  # a mention in a thread the bot answered in: a follow-up
    if last is not None:
        asked = read_follow_up(store, asked.query, last.query, last.page)
    timed = timed_answer(store, asked.query, asked.page)
    say(thread_ts=thread, **render_blocks(timed.answer))
    remember_thread(state, event, thread, asked.query, asked.page)  # replies need no mention
    log_question(state, settings, event_user(event), "mention", timed, asked.page)
