"""Listener callbacks called directly, with Bolt's Ack, Respond and Say replaced at the edge."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from unittest.mock import Mock

import pytest
from slack_bolt import Ack, BoltContext, BoltResponse, Respond, Say
from slack_sdk import WebClient
from support import ADMIN

from bot.config import Settings
from bot.markup import escape
from bot.slack.app import tell_the_user
from bot.slack.background import Background
from bot.slack.blocks import button_value
from bot.slack.listeners.actions import answer_button, record_vote
from bot.slack.listeners.commands import answer_attache, answer_command
from bot.slack.listeners.mentions import answer_mention
from bot.slack.listeners.messages import answer_direct_message
from bot.slack.reseeding import Reseeder
from store.db import Store
from store.state import StateStore


@pytest.fixture
def background() -> Iterator[Background]:
    pool = Background()
    yield pool
    pool.wait_idle(30)


@pytest.fixture
def state(own_store_url: str) -> StateStore:
    """A state of its own, so these tests' query log and votes stay theirs."""
    return StateStore.open(own_store_url)


def test_a_command_is_answered_in_the_ack_and_logged(
    store: Store, state: StateStore, settings: Settings, background: Background
) -> None:
    ack = Mock(Ack)
    command = {"command": "/commitment", "text": "trade", "user_id": "U1"}
    answer_command(ack, command, Mock(Respond), store, state, settings, background)
    ack.assert_called_once()
    assert ack.call_args.kwargs["response_type"] == "ephemeral"
    assert "150 billion" in str(ack.call_args.kwargs["blocks"])
    assert background.wait_idle(30)  # the query log is written after the answer
    report = state.report(0)
    assert report.questions == 1 and report.most_asked[0].query == "/commitment trade"


def test_an_empty_command_gets_usage(
    store: Store, state: StateStore, settings: Settings, background: Background
) -> None:
    ack = Mock(Ack)
    answer_command(ack, {"command": "/who"}, Mock(Respond), store, state, settings, background)
    shown = [block["text"]["text"] for block in ack.call_args.kwargs["blocks"] if "text" in block]
    # The usage names the command and its argument, escaped for Slack (not the echoed query).
    assert "How to use /who" in shown
    assert any("/who &lt;person&gt;" in text for text in shown), shown


def attache(
    text: str, user: str, store: Store, state: StateStore, settings: Settings, bg: Background
) -> Mock:
    ack = Mock(Ack)
    command = {"command": "/attache", "text": text, "user_id": user}
    answer_attache(
        ack, command, Mock(Respond), Mock(WebClient), store, state, settings, bg, Reseeder()
    )
    return ack


def test_attache_status(
    store: Store, state: StateStore, settings: Settings, background: Background
) -> None:
    ack = attache(" STATUS ", "U1", store, state, settings, background)
    assert "documents" in ack.call_args.kwargs["text"]


def test_attache_documents_for_an_admin(
    store: Store, state: StateStore, settings: Settings, background: Background
) -> None:
    ack = attache("documents", ADMIN, store, state, settings, background)
    assert "No uploaded documents found" in ack.call_args.kwargs["text"]


def test_a_mention_is_answered_in_its_thread_without_the_bot_mention(
    store: Store, state: StateStore, settings: Settings
) -> None:
    say = Mock(Say)
    event = {
        "type": "app_mention",
        "text": "<@U0BOT|attache> /visit august",
        "ts": "1.2",
        "user": "U1",
    }
    answer_mention(event, BoltContext({"bot_user_id": "U0BOT"}), say, store, state, settings)
    say.assert_called_once()
    assert say.call_args.kwargs["thread_ts"] == "1.2"
    assert "August" in str(say.call_args.kwargs["blocks"])
    assert state.report(0).most_asked[0].query == "/visit august"


def test_a_mention_by_another_bot_is_ignored(
    store: Store, state: StateStore, settings: Settings
) -> None:
    say = Mock(Say)
    event = {"type": "app_mention", "text": "hi", "ts": "1.2", "bot_id": "B9"}
    answer_mention(event, BoltContext(), say, store, state, settings)
    say.assert_not_called()


def dm(event: dict[str, Any], store: Store, state: StateStore, settings: Settings) -> Mock:
    say = Mock(Say)
    answer_direct_message(event, BoltContext(), say, Mock(WebClient), store, state, settings)
    return say


def test_a_dm_in_a_thread_is_answered_in_the_thread(
    store: Store, state: StateStore, settings: Settings
) -> None:
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U1",
        "text": "/who lee",
        "ts": "2.1",
        "thread_ts": "2.0",
    }
    assert dm(event, store, state, settings).call_args.kwargs["thread_ts"] == "2.0"


def test_an_edited_dm_is_ignored(store: Store, state: StateStore, settings: Settings) -> None:
    event = {"type": "message", "channel_type": "im", "subtype": "message_changed", "ts": "2.1"}
    dm(event, store, state, settings).assert_not_called()


def test_add_from_someone_else_is_refused(
    store: Store, state: StateStore, settings: Settings
) -> None:
    event = {"type": "message", "channel_type": "im", "user": "U1", "text": "add: Some text."}
    say = dm(event, store, state, settings)
    assert "for the maintainers" in say.call_args.kwargs["text"]
    assert state.uploads.listing() == []


def test_a_suggestion_button_responds_privately(
    store: Store, state: StateStore, settings: Settings
) -> None:
    respond = Mock(Respond)  # acknowledged before: this is the lazy listener
    action = {"action_id": "run_query_0", "value": escape(button_value("/commitment trade"))}
    answer_button(action, {"container": {}}, respond, store, state, settings)
    assert respond.call_args.kwargs["response_type"] == "ephemeral"
    assert "150 billion" in str(respond.call_args.kwargs["blocks"])


def test_a_vote_is_acknowledged_privately(state: StateStore, settings: Settings) -> None:
    respond = Mock(Respond)  # acknowledged before: this is the lazy listener
    action = {"action_id": "vote_down", "value": escape(button_value("/figure zzz"))}
    record_vote(action, {"user": {"id": "U1"}}, respond, state, settings)
    assert respond.call_args.kwargs["response_type"] == "ephemeral"
    assert state.report(0).voted_down[0].query == "/figure zzz"


def test_the_error_handler_apologises_in_the_ack_of_a_command() -> None:
    body = {"command": "/visit", "text": "x"}
    response = tell_the_user(RuntimeError("boom"), body, None, None, BoltResponse(status=500))
    assert response is not None and response.status == 200
    payload = json.loads(response.body)
    assert payload["response_type"] == "ephemeral"
    assert "Sorry, something went wrong" in payload["text"]
    assert "boom" not in response.body


def test_the_error_handler_apologises_through_the_response_url_after_the_ack() -> None:
    respond = Mock(Respond)
    body = {"command": "/visit", "text": "x", "response_url": "https://hooks.slack.test/1"}
    assert tell_the_user(RuntimeError("boom"), body, respond, None, None) is None
    assert "Sorry" in respond.call_args.kwargs["text"]


def test_the_error_handler_apologises_in_a_dm() -> None:
    say = Mock(Say)
    body = {"type": "event_callback", "event": {"type": "message", "channel_type": "im"}}
    response = tell_the_user(RuntimeError("boom"), body, None, say, BoltResponse(status=200))
    assert response is not None and response.status == 200
    assert "Sorry" in say.call_args.kwargs["text"]


def test_a_redelivered_event_is_answered_once(
    store: Store, state: StateStore, settings: Settings
) -> None:
    event = {"type": "app_mention", "text": "<@U0BOT> /visit august", "ts": "1.2", "user": "U1"}
    body = {"type": "event_callback", "event_id": "Ev-twice", "event": event}
    says = [Mock(Say), Mock(Say)]
    for say in says:
        context = BoltContext({"bot_user_id": "U0BOT"})
        answer_mention(event, context, say, store, state, settings, body)
    says[0].assert_called_once()
    says[1].assert_not_called()
