"""Buttons pressed as Slack sends them: a form holding the block_actions payload."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from support import BROKEN_CHANNEL, EXPIRED, FakeSlack, SlackClient

from bot.markup import escape
from bot.slack.blocks import button_value


def value(query: str, page: int = 1) -> str:
    """What blocks.py puts on a button."""
    return escape(button_value(query, page))


def remaining(payload: dict[str, Any]) -> int:
    found = re.search(r"…and (\d+) more", json.dumps(payload["blocks"], ensure_ascii=False))
    return int(found.group(1)) if found else 0


def test_a_did_you_mean_button_runs_the_suggested_query(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    suggestion = next(
        element
        for block in slack.command("/commitment", "tradzzz").json()["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"].startswith("run_query_")
    )
    reply = slack.press(suggestion["action_id"], suggestion["value"], fake_slack.response_url())
    assert reply.status == 200
    [sent] = fake_slack.of("response_url")
    assert sent.params["response_type"] == "ephemeral"
    assert sent.params["replace_original"] is False
    assert "150 billion" in json.dumps(sent.params["blocks"])


def test_show_more_sends_the_next_page(slack: SlackClient, fake_slack: FakeSlack) -> None:
    first = slack.command("/search", "cooperation").json()
    more = next(
        e
        for b in first["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "show_more"
    )
    reply = slack.press("show_more", more["value"], fake_slack.response_url())
    assert reply.status == 200
    [sent] = fake_slack.of("response_url")
    assert sent.params["response_type"] == "ephemeral"
    assert sent.params["replace_original"] is False
    assert sent.params["blocks"][2:] != first["blocks"][2:]
    assert remaining(sent.params) < remaining(first)


def test_show_more_on_a_visit_sends_the_rest_of_its_activities(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    first = slack.command("/visit", "august").json()
    assert "…and 14 more activities (on the next pages)" in json.dumps(
        first["blocks"], ensure_ascii=False
    )
    more = next(
        e
        for b in first["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "show_more"
    )
    assert slack.press("show_more", more["value"], fake_slack.response_url()).status == 200
    [sent] = fake_slack.of("response_url")
    shown = json.dumps(sent.params["blocks"], ensure_ascii=False)
    assert "State visit of To Lam to the RoK: more activities" in shown
    assert "activities 7–16 of 20" in shown


def test_a_button_in_a_thread_answers_in_that_thread(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    slack.press(
        "run_query_0", value("/who lee"), fake_slack.response_url(), thread_ts="1700000000.000100"
    )
    [sent] = fake_slack.of("response_url")
    assert sent.params["thread_ts"] == "1700000000.000100"


def test_share_posts_the_answer_for_everyone_and_removes_the_private_copy(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    reply = slack.press(
        "share_answer", value("/commitment trade"), fake_slack.response_url(), user="U42"
    )
    assert reply.status == 200
    shared, removed = fake_slack.of("response_url")
    assert shared.params["response_type"] == "in_channel"
    assert shared.params["replace_original"] is False
    assert "150 billion" in json.dumps(shared.params["blocks"])
    assert "Shared by <@U42>" in json.dumps(shared.params["blocks"])
    assert not any(
        e.get("action_id") == "share_answer"
        for b in shared.params["blocks"]
        for e in b.get("elements", [])
    )
    assert removed.params["delete_original"] is True
    assert fake_slack.of("chat.postMessage") == []


def test_share_after_the_response_url_expired_posts_with_the_web_api(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    slack.press(
        "share_answer", value("/commitment trade"), fake_slack.response_url(EXPIRED), channel="C777"
    )
    [post] = fake_slack.of("chat.postMessage")
    assert post.params["channel"] == "C777"
    assert "150 billion" in json.dumps(post.params["blocks"])


def test_share_after_expiry_where_the_bot_is_not_a_member_tells_the_person(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    """No chat:write.public: the bot posts only where it was invited, and says so in a DM."""
    slack.press(
        "share_answer",
        value("/commitment trade"),
        fake_slack.response_url(EXPIRED),
        user="U42",
        channel=BROKEN_CHANNEL,
    )
    refused, told = fake_slack.of("chat.postMessage")
    assert refused.params["channel"] == BROKEN_CHANNEL
    assert told.params["channel"] == "U42"
    assert f"<#{BROKEN_CHANNEL}>" in told.params["text"] and "/invite" in told.params["text"]


@pytest.mark.parametrize("action_id", ["run_query_0", "show_more", "share_answer"])
@pytest.mark.parametrize(
    "raw",
    [
        "",
        "not json",
        "[1, 2]",
        '{"q": 5}',
        '{"q": "/visit", "p": -1}',
        '{"q": "/visit", "p": true}',
        '{"p": 2}',
        "&lt;script&gt;",
        "x" * 5000,
    ],
)
def test_a_malformed_button_value_gets_a_polite_answer(
    slack: SlackClient, fake_slack: FakeSlack, action_id: str, raw: str
) -> None:
    reply = slack.press(action_id, raw, fake_slack.response_url())
    assert reply.status == 200
    [sent] = fake_slack.of("response_url")
    assert sent.params["response_type"] == "ephemeral"
    assert "no longer works" in sent.params["text"]


def test_a_button_we_did_not_make_is_only_acknowledged(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    assert slack.press("somebody_elses_button", "x", fake_slack.response_url()).status == 200
    assert fake_slack.api_calls() == []


def test_an_unreachable_response_url_is_logged_and_slack_still_gets_200(
    slack: SlackClient, caplog: pytest.LogCaptureFixture
) -> None:
    reply = slack.press("run_query_0", value("/visit august"), "http://127.0.0.1:9/unreachable")
    assert reply.status == 200
    assert "Traceback" not in reply.text
    assert any(r.exc_info for r in caplog.records)
