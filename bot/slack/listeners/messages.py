"""Direct messages, answered in the DM; bots' messages, edits and deletions are ignored."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Say

from bot.core import answer_safely
from bot.slack.blocks import render_blocks
from bot.slack.payloads import is_person_talking, strip_mention
from store.db import Store


def register(app: App) -> None:
    """message (message.im is the only message event the manifest subscribes to)."""
    app.event("message")(answer_direct_message)


def answer_direct_message(
    event: dict[str, Any], context: BoltContext, say: Say, store: Store
) -> None:
    """A question typed in the DM with the bot; in a DM thread, answered in that thread."""
    if event.get("channel_type") != "im" or not is_person_talking(event):
        return
    query = strip_mention(event["text"], context.bot_user_id)
    answer = answer_safely(store, query)
    say(thread_ts=event.get("thread_ts"), **render_blocks(answer))
