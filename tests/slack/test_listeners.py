"""Listener callbacks called directly, with Bolt's Ack, Respond and Say replaced at the edge."""

from __future__ import annotations

import json
from unittest.mock import Mock

from slack_bolt import Ack, BoltContext, Respond, Say
from slack_fakes import ADMIN

from bot.config import Settings
from bot.markup import escape
from bot.slack.app import tell_the_user
from bot.slack.blocks import button_value
from bot.slack.listeners.actions import answer_button
from bot.slack.listeners.commands import answer_attache, answer_command
from bot.slack.listeners.mentions import answer_mention
from bot.slack.listeners.messages import answer_direct_message
from store.db import Store


def test_a_command_is_answered_in_the_ack(store: Store) -> None:
    ack = Mock(Ack)
    answer_command(ack, {"command": "/commitment", "text": "trade"}, store)
    ack.assert_called_once()
    assert ack.call_args.kwargs["response_type"] == "ephemeral"
    assert "150 billion" in str(ack.call_args.kwargs["blocks"])


def test_an_empty_command_gets_usage(store: Store) -> None:
    ack = Mock(Ack)
    answer_command(ack, {"command": "/visit"}, store)
    assert "/visit" in str(ack.call_args.kwargs)


def test_attache_status(store: Store, settings: Settings) -> None:
    ack = Mock(Ack)
    answer_attache(
        ack, {"command": "/attache", "text": " STATUS ", "user_id": "U1"}, store, settings
    )
    assert "documents" in ack.call_args.kwargs["text"]


def test_attache_reseed_for_an_admin(store: Store, settings: Settings) -> None:
    ack = Mock(Ack)
    answer_attache(
        ack, {"command": "/attache", "text": "reseed", "user_id": ADMIN}, store, settings
    )
    assert "not available from Slack yet" in ack.call_args.kwargs["text"]


def test_a_mention_is_answered_in_its_thread_without_the_bot_mention(store: Store) -> None:
    say = Mock(Say)
    event = {
        "type": "app_mention",
        "text": "<@U0BOT|attache> /visit august",
        "ts": "1.2",
        "user": "U1",
    }
    answer_mention(event, BoltContext({"bot_user_id": "U0BOT"}), say, store)
    say.assert_called_once()
    assert say.call_args.kwargs["thread_ts"] == "1.2"
    assert "August" in str(say.call_args.kwargs["blocks"])


def test_a_mention_by_another_bot_is_ignored(store: Store) -> None:
    say = Mock(Say)
    answer_mention(
        {"type": "app_mention", "text": "hi", "ts": "1.2", "bot_id": "B9"},
        BoltContext(),
        say,
        store,
    )
    say.assert_not_called()


def test_a_dm_in_a_thread_is_answered_in_the_thread(store: Store) -> None:
    say = Mock(Say)
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U1",
        "text": "/who lee",
        "ts": "2.1",
        "thread_ts": "2.0",
    }
    answer_direct_message(event, BoltContext(), say, store)
    assert say.call_args.kwargs["thread_ts"] == "2.0"


def test_an_edited_dm_is_ignored(store: Store) -> None:
    say = Mock(Say)
    event = {"type": "message", "channel_type": "im", "subtype": "message_changed", "ts": "2.1"}
    answer_direct_message(event, BoltContext(), say, store)
    say.assert_not_called()


def test_a_suggestion_button_responds_privately(store: Store) -> None:
    ack, respond = Mock(Ack), Mock(Respond)
    action = {"action_id": "run_query_0", "value": escape(button_value("/commitment trade"))}
    answer_button(ack, action, {"container": {}}, respond, store)
    ack.assert_called_once_with()
    assert respond.call_args.kwargs["response_type"] == "ephemeral"
    assert "150 billion" in str(respond.call_args.kwargs["blocks"])


def test_the_error_handler_apologises_in_the_ack_of_a_command() -> None:
    response = tell_the_user(RuntimeError("boom"), {"command": "/visit", "text": "x"}, None, None)
    assert response.status == 200
    body = json.loads(response.body)
    assert body["response_type"] == "ephemeral"
    assert "Sorry, something went wrong" in body["text"]
    assert "boom" not in response.body


def test_the_error_handler_apologises_in_a_dm() -> None:
    say = Mock(Say)
    body = {"type": "event_callback", "event": {"type": "message", "channel_type": "im"}}
    assert tell_the_user(RuntimeError("boom"), body, None, say).status == 200
    assert "Sorry" in say.call_args.kwargs["text"]
