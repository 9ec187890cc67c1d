"""Anything a person can type or a button can carry: arbitrary Unicode (RTL, zero-width, combining
marks, emoji, NUL and control characters), FTS and SQL syntax, Slack markup and 10 KB inputs give a
valid payload within Block Kit's limits, broadcast nothing, and raise nothing.

The default run keeps the example counts modest; `pytest -m slow` runs the long versions."""

from __future__ import annotations

import json
import os
import re
import uuid
from typing import Any
from unittest.mock import Mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_bolt import BoltContext, Say
from support import BOT_USER_ID, FakeSlack, SlackClient

from bot.config import Settings
from bot.markup import escape
from bot.slack.blocks import button_value
from bot.slack.listeners.mentions import answer_mention
from store.db import Store

PIECES = [
    '"',
    "*",
    "AND (",
    "OR",
    "NEAR(a b)",
    "NOT",
    "'; drop table documents; --",
    "%",
    "_",
    "\\",
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U123>",
    "<@W0ADMIN|boss>",
    "<#C123|x>",
    "<https://x.test|y>",
    "<mailto:a@b.c|mail>",
    "&lt;!channel&gt;",
    "&amp;",
    "<",
    ">",
    "\u202e",
    "\u200f",
    "\u200b",
    "\ufeff",
    "e\u0301",
    "\u0301\u0301\u0301",
    "🇻🇳",
    "👍🏽",
    "🤝",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r\n",
    "\t",
    "\ud7ff",
    "\U0010ffff",
    "trade",
    "visit",
    "august",
    "Lee",
    "To Lam",
    "150",
    "/visit",
    "/commitment",
    "help",
]
SURROGATES = ("Cs",)
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=SURROGATES), max_size=80),
    st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join),
    st.lists(st.sampled_from(PIECES), max_size=12).map("".join),
    st.builds(lambda piece, n: piece * n, st.sampled_from(PIECES), st.integers(200, 10_240)),
)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
LONG = settings(
    max_examples=int(os.environ.get("ATTACHE_FUZZ_EXAMPLES") or 400),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
BROADCAST = re.compile(r"<(?:!(?:channel|here|everyone)|@[UW]|#C|https?:|mailto:)")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
COMMANDS = ["/commitment", "/visit", "/who", "/figure", "/search", "/attache"]


def texts(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [v for k, v in node.items() if k == "text" and isinstance(v, str)]
        return found + [
            t for k, v in node.items() if k != "text" or not isinstance(v, str) for t in texts(v)
        ]
    if isinstance(node, list):
        return [t for item in node for t in texts(item)]
    return []


def check(payload: dict[str, Any]) -> None:
    """A message payload Slack accepts, that mentions and broadcasts nobody."""
    json.dumps(payload)
    assert isinstance(payload.get("text"), str) and payload["text"].strip()
    assert len(payload["text"]) <= 3000
    blocks = payload.get("blocks", [])
    assert len(blocks) <= 50
    for block in blocks:
        kind = block["type"]
        assert kind in ("header", "section", "context", "actions")
        if kind == "header":
            assert block["text"]["type"] == "plain_text" and 0 < len(block["text"]["text"]) <= 150
        if kind == "section":
            assert 0 < len(block["text"]["text"]) <= 3000
        if kind == "context":
            assert 0 < len(block["elements"]) <= 10
            assert all(0 < len(e["text"]) <= 2000 for e in block["elements"])
        if kind == "actions":
            elements = block["elements"]
            assert 0 < len(elements) <= 25
            assert len({e["action_id"] for e in elements}) == len(elements)
            for button in elements:
                assert 0 < len(button["text"]["text"]) <= 75
                assert len(button["value"]) <= 2000
                assert len(button.get("accessibility_label", "")) <= 75
    for text in texts(payload):
        assert not BROADCAST.search(text), text[:200]
        assert not CONTROL.search(text), repr(text[:200])


def ask_by_command(slack: SlackClient, command: str, text: str) -> None:
    reply = slack.command(command, text)
    assert reply.status == 200, reply.text[:200]
    payload = reply.json()
    assert payload["response_type"] == "ephemeral"
    check(payload)


@FAST
@given(command=st.sampled_from(COMMANDS), text=TEXT)
def test_any_command_text_gets_a_valid_private_answer(
    slack: SlackClient, command: str, text: str
) -> None:
    ask_by_command(slack, command, text)


@pytest.mark.slow
@LONG
@given(command=st.sampled_from(COMMANDS), text=TEXT)
def test_any_command_text_gets_a_valid_private_answer_long(
    slack: SlackClient, command: str, text: str
) -> None:
    ask_by_command(slack, command, text)


def mention_answer(store: Store, settings: Settings, text: str) -> None:
    say = Mock(Say)
    event = {"type": "app_mention", "user": "U123", "text": f"<@{BOT_USER_ID}> {text}", "ts": "1.1"}
    answer_mention(event, BoltContext({"bot_user_id": BOT_USER_ID}), say, store, None, settings)
    say.assert_called_once()
    assert say.call_args.kwargs["thread_ts"] == "1.1"
    check({k: v for k, v in say.call_args.kwargs.items() if k != "thread_ts"})


@FAST
@given(text=TEXT)
def test_any_mention_text_gets_a_valid_answer_in_the_thread(
    store: Store, settings: Settings, text: str
) -> None:
    mention_answer(store, settings, text)


@pytest.mark.slow
@LONG
@given(text=TEXT)
def test_any_mention_text_gets_a_valid_answer_in_the_thread_long(
    store: Store, settings: Settings, text: str
) -> None:
    mention_answer(store, settings, text)


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=TEXT)
def test_any_mention_sent_to_the_served_app_is_answered_once(
    slack: SlackClient, fake_slack: FakeSlack, text: str
) -> None:
    fake_slack.reset()
    event = {
        "type": "app_mention",
        "user": "U123",
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": "1.1",
        "channel": "C1",
    }
    assert slack.event(event, f"Ev{uuid.uuid4().hex[:12]}").status == 200
    [post] = fake_slack.of("chat.postMessage")
    check({"text": post.params["text"], "blocks": post.params["blocks"]})


BUTTONS = ["run_query_0", "show_more", "share_answer", "vote_up", "vote_down", "somebody_else"]


def press(slack: SlackClient, fake_slack: FakeSlack, action_id: str, value: str) -> None:
    fake_slack.reset()
    reply = slack.press(action_id, value, fake_slack.response_url(), user="U1234")
    assert reply.status == 200
    for sent in fake_slack.of("response_url"):
        payload = {k: v for k, v in sent.params.items() if k in ("text", "blocks")}
        if not sent.params.get("delete_original"):
            blocks = payload.get("blocks", [])
            shared_by = [
                b for b in blocks if b["type"] == "context" and "Shared by <@U1234>" in str(b)
            ]
            check({**payload, "blocks": [b for b in blocks if b not in shared_by]})


@FAST
@given(
    action_id=st.sampled_from(BUTTONS),
    value=st.one_of(TEXT, TEXT.map(lambda q: escape(button_value(q)))),
)
def test_any_button_value_gets_a_valid_private_reply(
    slack: SlackClient, fake_slack: FakeSlack, action_id: str, value: str
) -> None:
    press(slack, fake_slack, action_id, value)


@pytest.mark.slow
@LONG
@given(
    action_id=st.sampled_from(BUTTONS),
    value=st.one_of(TEXT, TEXT.map(lambda q: escape(button_value(q)))),
)
def test_any_button_value_gets_a_valid_private_reply_long(
    slack: SlackClient, fake_slack: FakeSlack, action_id: str, value: str
) -> None:
    press(slack, fake_slack, action_id, value)


@FAST
@given(query=TEXT, page=st.integers(1, 1000))
def test_a_button_value_always_fits_and_round_trips(query: str, page: int) -> None:
    from bot.slack.payloads import button_query

    value = escape(button_value(query, page))
    assert len(value) <= 2000
    carried = button_query(value)
    if query[:1].strip():
        assert carried is not None and query.startswith(carried[0]) and carried[1] == page
