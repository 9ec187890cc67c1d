"""Events API callbacks: mentions, direct messages, the Home tab, retries, url_verification."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from support import BOT_ID, BOT_USER_ID, FakeSlack, SlackClient


def event_id() -> str:
    return f"Ev{uuid.uuid4().hex[:12].upper()}"


def mention(text: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": "U123",
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": "1700000000.000100",
        "channel": "C123",
        "event_ts": "1700000000.000100",
        **extra,
    }


def direct(text: str, **extra: Any) -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "im",
        "user": "U123",
        "text": text,
        "ts": "1700000000.000500",
        "channel": "D123",
        "event_ts": "1700000000.000500",
        **extra,
    }


def test_a_mention_in_a_channel_is_answered_in_a_new_thread(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    assert slack.event(mention("/visit october"), event_id()).status == 200
    [post] = fake_slack.of("chat.postMessage")
    assert post.params["channel"] == "C123"
    assert post.params["thread_ts"] == "1700000000.000100"
    assert "October" in json.dumps(post.params["blocks"])


def test_a_mention_inside_a_thread_is_answered_in_that_thread(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    event = mention(
        "what did they agree on trade?", ts="1700000000.000900", thread_ts="1700000000.000100"
    )
    assert slack.event(event, event_id()).status == 200
    [post] = fake_slack.of("chat.postMessage")
    assert post.params["thread_ts"] == "1700000000.000100"
    assert f"<@{BOT_USER_ID}>" not in post.params["text"]


def test_a_direct_message_is_answered_in_the_dm(slack: SlackClient, fake_slack: FakeSlack) -> None:
    assert slack.event(direct("/commitment trade"), event_id()).status == 200
    [post] = fake_slack.of("chat.postMessage")
    assert post.params["channel"] == "D123"
    assert "thread_ts" not in post.params
    assert "150 billion" in json.dumps(post.params["blocks"])


@pytest.mark.parametrize(
    "event",
    [
        direct("hello", bot_id="B999"),
        direct("hello", subtype="bot_message"),
        direct("hello", user=BOT_USER_ID, bot_id=BOT_ID),
        {**direct("x"), "subtype": "message_changed", "message": {"text": "/visit august"}},
        {**direct("x"), "subtype": "message_deleted"},
        direct("/visit august", channel_type="channel", channel="C123"),
    ],
    ids=["other bot", "bot_message", "own message", "edit", "deletion", "channel message"],
)
def test_messages_not_typed_by_a_person_in_a_dm_are_ignored(
    slack: SlackClient, fake_slack: FakeSlack, event: dict[str, Any]
) -> None:
    assert slack.event(event, event_id()).status == 200
    assert fake_slack.api_calls() == []


def test_a_retried_event_is_answered_once(slack: SlackClient, fake_slack: FakeSlack) -> None:
    same = event_id()
    for retry in (None, 1, 2):
        assert slack.event(mention("/visit august"), same, retry=retry).status == 200
    assert len(fake_slack.of("chat.postMessage")) == 1


def test_the_home_tab_shows_the_store_and_how_to_ask(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    event = {
        "type": "app_home_opened",
        "user": "U123",
        "channel": "D123",
        "tab": "home",
        "event_ts": "1700000000.000700",
    }
    assert slack.event(event, event_id()).status == 200
    [publish] = fake_slack.of("views.publish")
    assert publish.params["user_id"] == "U123"
    view = publish.params["view"]
    assert view["type"] == "home" and len(view["blocks"]) <= 100
    text = json.dumps(view, ensure_ascii=False)
    assert "5 documents" in text and "/commitment" in text and "To Lam" in text


def test_opening_the_messages_tab_publishes_nothing(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    event = {
        "type": "app_home_opened",
        "user": "U123",
        "channel": "D123",
        "tab": "messages",
        "event_ts": "1700000000.000700",
    }
    assert slack.event(event, event_id()).status == 200
    assert fake_slack.api_calls() == []


def test_an_event_nobody_subscribed_to_is_acknowledged(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    reply = slack.event({"type": "reaction_added", "user": "U123", "reaction": "tada"}, event_id())
    assert reply.status == 200
    assert fake_slack.api_calls() == []


def test_url_verification_echoes_the_challenge(slack: SlackClient) -> None:
    body = json.dumps(
        {
            "token": "legacy",
            "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            "type": "url_verification",
        }
    ).encode()
    reply = slack.post(body, "application/json")
    assert reply.status == 200
    assert reply.json() == {"challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}


def test_a_failed_reply_is_logged_without_secrets_and_still_acknowledged(
    slack: SlackClient, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    from support import BOT_TOKEN, BROKEN_CHANNEL, SIGNING_SECRET

    caplog.set_level("DEBUG")
    reply = slack.event(mention("/visit august", channel=BROKEN_CHANNEL), event_id())
    assert reply.status == 200
    assert reply.body == b""
    assert any(r.exc_info and "channel_not_found" in str(r.exc_info[1]) for r in caplog.records)
    logged = caplog.text + "".join(r.getMessage() for r in caplog.records)
    assert BOT_TOKEN not in logged and SIGNING_SECRET not in logged


def test_a_failed_answer_is_followed_by_an_apology_in_the_thread(
    slack: SlackClient, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake_slack.fail_next("chat.postMessage")
    assert slack.event(mention("/visit august", ts="1700000000.000333"), event_id()).status == 200
    failed, apology = fake_slack.of("chat.postMessage")
    assert apology.params["thread_ts"] == failed.params["thread_ts"] == "1700000000.000333"
    assert "Sorry, something went wrong" in apology.params["text"]
    assert any(r.exc_info for r in caplog.records)
