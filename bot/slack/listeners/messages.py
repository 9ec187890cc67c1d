"""Direct messages, answered in the DM; an admin's file or pasted text is added as a document;
bots' messages, edits and deletions are ignored."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext, Say
from slack_sdk import WebClient

from bot.config import Settings
from bot.core import read_follow_up
from bot.followup import FollowUp
from bot.slack.asking import log_question, timed_answer
from bot.slack.blocks import render_blocks
from bot.slack.lazy import acknowledge, apologising
from bot.slack.middleware import first_delivery
from bot.slack.payloads import event_user, is_file_share, is_person_talking, strip_mention
from bot.slack.thread_context import DM_THREAD, recall_thread, remember_thread
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
    """A question typed in the DM with the bot; in a DM thread, answered in that thread; read
    against the DM's (or the thread's) last question, like a follow-up in a channel thread."""
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
    # The DM (or a thread in it) keeps its last question: "more", "and in October?" follow on.
    thread = event.get("thread_ts") or DM_THREAD
    asked = FollowUp(strip_mention(event["text"], context.bot_user_id), 1)
    last = recall_thread(state, event, thread)
    if last is not None:
        asked = read_follow_up(store, asked.query, last.query, last.page)
    timed = timed_answer(store, asked.query, asked.page)
    say(thread_ts=event.get("thread_ts"), **render_blocks(timed.answer))
    remember_thread(state, event, thread, asked.query, asked.page)
    log_question(state, settings, user, "dm", timed, asked.page)
