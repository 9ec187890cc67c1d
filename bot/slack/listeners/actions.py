"""Buttons: a did-you-mean suggestion, Show more, Share in channel, 👍 / 👎."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answer import Answer
from bot.config import Settings
from bot.slack.asking import answer_id, log_question, timed_answer
from bot.slack.blocks import RUN_QUERY, SHARE, SHOW_MORE, VOTE_DOWN, VOTE_UP, render_blocks
from bot.slack.lazy import acknowledge, apologising
from bot.slack.payloads import button_query, channel_of, message_thread, shared_by, user_of
from store.db import Store
from store.state import StateStore, StateUnavailable

logger = logging.getLogger(__name__)

NOT_A_MEMBER = ("not_in_channel", "channel_not_found")
NOT_A_MEMBER_TEXT = (
    "I could not share that answer in <#{channel}>: its button expired (Slack keeps them 30 "
    "minutes) and I am not a member there. Invite me with `/invite @Attaché`, or ask again there."
)


def register(app: App) -> None:
    """run_query_<n>, show_more, share_answer, the votes (each acknowledged at once and handled by
    a lazy listener), then any other button (acknowledged only)."""
    app.action(re.compile(rf"^{RUN_QUERY}_\d+$"))(
        ack=acknowledge, lazy=[apologising(answer_button)]
    )
    app.action(SHOW_MORE)(ack=acknowledge, lazy=[apologising(answer_button)])
    app.action(SHARE)(ack=acknowledge, lazy=[apologising(share_answer)])
    votes = re.compile(rf"^(?:{VOTE_UP}|{VOTE_DOWN})$")
    app.action(votes)(ack=acknowledge, lazy=[apologising(record_vote)])
    app.action(re.compile(".*"))(ignore_action)


def answer_button(
    action: dict[str, Any],
    body: dict[str, Any],
    respond: Respond,
    store: Store,
    state: StateStore | None,
    settings: Settings,
) -> None:
    """Run the query (and page) the button carries; the answer appears privately below."""
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
    action: dict[str, Any],
    body: dict[str, Any],
    respond: Respond,
    client: WebClient,
    store: Store,
) -> None:
    """Post the same answer for everyone, then remove the private copy."""
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
        post_or_explain(client, channel, thread, payload, user_of(body))


def post_or_explain(
    client: WebClient,
    channel: str,
    thread: str | None,
    payload: dict[str, Any],
    user: str | None,
) -> None:
    """Post in channel; where the bot is not a member (it has no chat:write.public, so it posts
    only where it was invited), tell the person in a DM how to share it instead."""
    try:
        client.chat_postMessage(channel=channel, thread_ts=thread, **payload)
    except SlackApiError as error:
        if error.response.get("error") not in NOT_A_MEMBER or not user:
            raise
        logger.info("could not share an answer in %s: %s", channel[:20], error.response["error"])
        client.chat_postMessage(channel=user, text=NOT_A_MEMBER_TEXT.format(channel=channel))


def record_vote(
    action: dict[str, Any],
    body: dict[str, Any],
    respond: Respond,
    state: StateStore | None,
    settings: Settings,
) -> None:
    """One vote per person and answer (pressing again changes it), acknowledged privately."""
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
