"""@-mentions in channels, answered in the thread (never as a new top-level message)."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Say

from bot.core import answer_safely
from bot.slack.blocks import render_blocks
from bot.slack.payloads import mention_thread, strip_mention
from store.db import Store


def register(app: App) -> None:
    """app_mention."""
    app.event("app_mention")(answer_mention)


def answer_mention(event: dict[str, Any], context: BoltContext, say: Say, store: Store) -> None:
    """`@Attaché /visit october` or `@Attaché what did they agree on trade?`, in the thread."""
    thread = mention_thread(event)
    if event.get("bot_id") or thread is None:
        return
    query = strip_mention(event.get("text"), context.bot_user_id)
    answer = answer_safely(store, query)
    say(thread_ts=thread, **render_blocks(answer))
