"""Buttons: a did-you-mean suggestion, Show more, Share in channel."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.answer import Answer
from bot.core import answer_safely
from bot.slack.blocks import RUN_QUERY, SHARE, SHOW_MORE, render_blocks
from bot.slack.payloads import button_query, channel_of, message_thread, shared_by, user_of
from store.db import Store


def register(app: App) -> None:
    """run_query_<n>, show_more, share_answer, then any other button (acknowledged only)."""
    app.action(re.compile(rf"^{RUN_QUERY}_\d+$"))(answer_button)
    app.action(SHOW_MORE)(answer_button)
    app.action(SHARE)(share_answer)
    app.action(re.compile(".*"))(ignore_action)


def answer_button(
    ack: Ack, action: dict[str, Any], body: dict[str, Any], respond: Respond, store: Store
) -> None:
    """Run the query (and page) the button carries; the answer appears privately below."""
    ack()
    carried = button_query(action.get("value"))
    answer = answer_safely(store, *carried) if carried else expired_button()
    payload = render_blocks(answer, shareable=carried is not None)
    thread = message_thread(body)
    respond(response_type="ephemeral", replace_original=False, thread_ts=thread, **payload)


def share_answer(
    ack: Ack,
    action: dict[str, Any],
    body: dict[str, Any],
    respond: Respond,
    client: WebClient,
    store: Store,
) -> None:
    """Post the same answer for everyone, then remove the private copy."""
    ack()
    carried = button_query(action.get("value"))
    answer = answer_safely(store, *carried) if carried else expired_button()
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
