"""Direct messages, answered in the DM; an admin's file or pasted text is added as a document;
bots' messages, edits and deletions are ignored."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Say
from slack_sdk import WebClient

from bot.config import Settings
from bot.slack.asking import log_question, timed_answer
from bot.slack.blocks import render_blocks
from bot.slack.lazy import acknowledge, apologising
from bot.slack.middleware import first_delivery
from bot.slack.payloads import event_user, is_file_share, is_person_talking, strip_mention
from bot.slack.uploads import Sender, document_answer
from store.db import Store
from store.state import StateStore


def register(app: App) -> None:
    """message (message.im is the only message event the manifest subscribes to)."""
    app.event("message")(ack=acknowledge, lazy=[apologising(answer_direct_message)])


def answer_direct_message(
    event: dict[str, Any],
    context: BoltContext,
    say: Say,
    client: WebClient,
    store: Store,
    state: StateStore | None,
    settings: Settings,
    body: dict[str, Any] | None = None,
) -> None:
    """A question typed in the DM with the bot; in a DM thread, answered in that thread."""
    if event.get("channel_type") != "im" or not (is_person_talking(event) or is_file_share(event)):
        return
    if not first_delivery(body, state):
        return
    user = event_user(event)
    added = document_answer(event, Sender(user, settings, state, client))
    if added is not None:
        say(thread_ts=event.get("thread_ts"), **render_blocks(added))
        return
    if not is_person_talking(event):
        return
    timed = timed_answer(store, strip_mention(event["text"], context.bot_user_id))
    say(thread_ts=event.get("thread_ts"), **render_blocks(timed.answer))
    log_question(state, settings, user, "dm", timed)
