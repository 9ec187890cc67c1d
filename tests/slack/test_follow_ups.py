"""Follow-ups in a thread: once the bot has answered there, replies need no @-mention and are read
against the thread's last question; the context is in the state, so any worker reads it."""

from __future__ import annotations

import json
import uuid
from typing import Any

from support import BOT_USER_ID, FakeSlack, SlackClient, serving

from bot.config import Settings

THREAD = "1700000100.000100"


def event_id() -> str:
    return f"Ev{uuid.uuid4().hex[:12].upper()}"


def mention(text: str, channel: str, ts: str = THREAD) -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": "U123",
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": ts,
        "channel": channel,
        "event_ts": ts,
    }


def reply(text: str, channel: str, ts: str, thread_ts: str = THREAD) -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "channel",
        "user": "U456",
        "text": text,
        "ts": ts,
        "thread_ts": thread_ts,
        "channel": channel,
        "event_ts": ts,
    }


def posted(fake_slack: FakeSlack) -> list[str]:
    return [json.dumps(call.params.get("blocks")) for call in fake_slack.of("chat.postMessage")]


def test_a_reply_in_a_thread_the_bot_answered_is_read_against_its_question(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    channel = "CFOLLOW1"
    slack.event(mention("/visit august", channel), event_id())
    assert "August 10" in posted(fake_slack)[0]
    fake_slack.reset()
    slack.event(reply("and in October?", channel, "1700000100.000200"), event_id())
    [post] = fake_slack.of("chat.postMessage")
    assert post.params["thread_ts"] == THREAD and post.params["channel"] == channel
    assert "Visits: October" in post.params["text"]
    assert "August 10" not in json.dumps(post.params["blocks"])


def test_more_in_the_thread_continues_the_last_answer(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    channel = "CFOLLOW2"
    slack.event(mention("/search cooperation", channel), event_id())
    first = posted(fake_slack)[0]
    assert "Show more" in first
    fake_slack.reset()
    slack.event(reply("more", channel, "1700000100.000300"), event_id())
    [second] = posted(fake_slack)
    assert second != first and "Search: cooperation" in second
    fake_slack.reset()
    slack.event(reply("more", channel, "1700000100.000400"), event_id())
    [third] = posted(fake_slack)
    assert third not in (first, second)


def test_a_pronoun_takes_the_threads_subject(slack: SlackClient, fake_slack: FakeSlack) -> None:
    channel = "CFOLLOW3"
    slack.event(mention("/who lee", channel), event_id())
    fake_slack.reset()
    slack.event(reply("what did he say about trade?", channel, "1700000100.000500"), event_id())
    [post] = fake_slack.of("chat.postMessage")
    assert "lee" in post.params["text"].lower()


def test_threads_the_bot_has_not_answered_in_are_left_alone(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    slack.event(reply("and in October?", "CQUIET", "1700000100.000600"), event_id())
    top_level = reply("/visit august", "CQUIET", "1700000100.000700")
    del top_level["thread_ts"]
    slack.event(top_level, event_id())
    assert fake_slack.of("chat.postMessage") == []


def test_a_reply_that_mentions_the_bot_is_answered_once(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    channel = "CFOLLOW4"
    slack.event(mention("/visit august", channel), event_id())
    fake_slack.reset()
    # Slack sends both an app_mention and a message event for a reply that mentions the bot.
    text = f"<@{BOT_USER_ID}> and in October?"
    slack.event({**reply(text, channel, "1700000100.000800")}, event_id())
    assert fake_slack.of("chat.postMessage") == []
    again = mention("and in October?", channel, ts="1700000100.000800")
    slack.event({**again, "thread_ts": THREAD}, event_id())
    [post] = fake_slack.of("chat.postMessage")
    assert "Visits: October" in post.params["text"] and post.params["thread_ts"] == THREAD


def test_the_context_is_shared_by_every_worker(
    slack: SlackClient, fake_slack: FakeSlack, settings: Settings
) -> None:
    channel = "CFOLLOW5"
    slack.event(mention("/commitment trade", channel), event_id())
    fake_slack.reset()
    with serving(settings) as other_worker:
        other_worker.event(reply("and investment?", channel, "1700000100.000900"), event_id())
    [post] = fake_slack.of("chat.postMessage")
    assert "Commitments" in post.params["text"] and "investment" in post.params["text"].lower()


def test_a_direct_message_follows_on_from_the_last_one(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    dm = {"type": "message", "channel_type": "im", "user": "U789", "channel": "DFOLLOW"}
    slack.event({**dm, "text": "/visit august", "ts": "1.1", "event_ts": "1.1"}, event_id())
    fake_slack.reset()
    slack.event({**dm, "text": "and in October?", "ts": "1.2", "event_ts": "1.2"}, event_id())
    [post] = fake_slack.of("chat.postMessage")
    assert "Visits: October" in post.params["text"] and "thread_ts" not in post.params


def test_a_pronoun_after_a_visit_or_a_commitment_means_what_the_answer_was_about(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    channel = "CFOLLOW6"
    slack.event(mention("/visit august", channel), event_id())
    fake_slack.reset()
    slack.event(reply("who signed it?", channel, "1700000101.000100"), event_id())
    [post] = fake_slack.of("chat.postMessage")
    assert post.params["thread_ts"] == THREAD
    text = post.params["text"]
    assert "who signed during the state visit of To Lam to the RoK in August 2025?" in text
    assert "sign" in json.dumps(post.params["blocks"]).lower()
    fake_slack.reset()
    slack.event(reply("what did he say?", channel, "1700000101.000150"), event_id())
    [post] = fake_slack.of("chat.postMessage")
    assert "what did To Lam say?" in post.params["text"]  # still the visit's visitor
    fake_slack.reset()
    slack.event(mention("/visit august", "CFOLLOW8"), event_id())
    fake_slack.reset()
    slack.event(reply("what did he say?", "CFOLLOW8", "1700000101.000200"), event_id())
    [post] = fake_slack.of("chat.postMessage")
    assert "what did To Lam say?" in post.params["text"]
    fake_slack.reset()
    slack.event(mention("/commitment trade", "CFOLLOW7"), event_id())
    fake_slack.reset()
    slack.event(reply("who agreed to it?", "CFOLLOW7", "1700000101.000300"), event_id())
    [post] = fake_slack.of("chat.postMessage")
    assert (
        "who agreed to raising two-way trade turnover to 150 billion USD by 2030?"
        in (post.params["text"])
    )
