"""Buttons: a did-you-mean suggestion, Show more, Share in channel, 👍 / 👎."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.answer import Answer
from bot.config import Settings
from bot.slack.after_ack import after_ack
from bot.slack.asking import answer_id, log_question, timed_answer
from bot.slack.background import Background
from bot.slack.blocks import RUN_QUERY, SHARE, SHOW_MORE, VOTE_DOWN, VOTE_UP, render_blocks
from bot.slack.payloads import button_query, channel_of, message_thread, shared_by, user_of
from store.db import Store
from store.state import StateStore, StateUnavailable

logger = logging.getLogger(__name__)


def register(app: App) -> None:
    """run_query_<n>, show_more, share_answer, the votes, then any other button (acked only)."""
    app.action(re.compile(rf"^{RUN_QUERY}_\d+$"))(after_ack(answer_button))
    app.action(SHOW_MORE)(after_ack(answer_button))
    app.action(SHARE)(after_ack(share_answer))
    app.action(re.compile(rf"^(?:{VOTE_UP}|{VOTE_DOWN})$"))(after_ack(record_vote))
    app.action(re.compile(".*"))(ignore_action)


def answer_button(
    ack: Ack,
    action: dict[str, Any],
    body: dict[str, Any],
    respond: Respond,
    store: Store,
    state: StateStore | None,
    settings: Settings,
    background: Background | None = None,  # used by after_ack, which hands the body over
) -> None:
    """Run the query (and page) the button carries; the answer appears privately below."""
    ack()
    carried = button_query(action.get("value"))
    if carried is None:
        respond(
            response_type="ephemeral", replace_original=False, **render_blocks(expired_button())
        )
        return
    timed = timed_answer(store, *carried)
    payload = render_blocks(timed.answer, shareable=True)
    thread = message_thread(body)
    respond(response_type="ephemeral", replace_original=False, thread_ts=thread, **payload)
    if action.get("action_id") != SHOW_MORE:  # a suggestion is a question; a next page is not
        log_question(state, settings, user_of(body), "button", timed, carried[1])


def share_answer(
    ack: Ack,
    action: dict[str, Any],
    body: dict[str, Any],
    respond: Respond,
    client: WebClient,
    store: Store,
    background: Background | None = None,  # used by after_ack, which hands the body over
) -> None:
    """Post the same answer for everyone, then remove the private copy."""
    ack()
    carried = button_query(action.get("value"))
    answer = timed_answer(store, *carried).answer if carried else expired_button()
    if answer.intent == "error":
        respond(response_type="ephemeral", replace_original=False, **render_blocks(answer))
        return
    payload, thread = shared_by(render_blocks(answer), user_of(body)), message_thread(body)
    posted = respond(
        response_type="in_channel", replace_original=False, thread_ts=thread, **payload
    )
    if posted.status_code == 200:
        respond(delete_original=True)
    elif channel := channel_of(body):
        # response_url expires after 30 minutes; the Web API still works where the bot may post.
        client.chat_postMessage(channel=channel, thread_ts=thread, **payload)


def record_vote(
    ack: Ack,
    action: dict[str, Any],
    body: dict[str, Any],
    respond: Respond,
    state: StateStore | None,
    settings: Settings,
    background: Background | None = None,  # used by after_ack, which hands the body over
) -> None:
    """One vote per person and answer (pressing again changes it), acknowledged privately."""
    ack()
    carried, up = button_query(action.get("value")), action.get("action_id") == VOTE_UP
    if carried is None:
        note = "That button no longer works; thank you all the same."
    elif state is None:
        note = "Sorry, I could not record that just now."
    else:
        try:
            who = state.queries.user_hash(user_of(body), settings.query_log_salt)
            state.votes.record(answer_id(*carried), who, carried[0], carried[1], up)
            note = "Thanks, noted: 👍" if up else "Thanks, noted: 👎. The maintainers will look."
        except StateUnavailable as error:
            logger.warning("could not record a vote: %s", error)
            note = "Sorry, I could not record that just now."
    respond(response_type="ephemeral", replace_original=False, text=note)


def ignore_action(ack: Ack) -> None:
    """A button we did not make (or no longer handle): acknowledged, nothing else."""
    ack()


def expired_button() -> Answer:
    """What a button whose value is not one of ours gets."""
    return Answer(
        query="",
        intent="error",
        heading="That button no longer works",
        notice="Ask again, e.g. `/commitment trade` or `/visit august`.",
    )
