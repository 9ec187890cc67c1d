"""Slash commands sent as Slack sends them: signed forms, answered in the ack itself."""

from __future__ import annotations

import html
import json
from typing import Any

import pytest
from support import ADMIN, FakeSlack, SlackClient


def buttons(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The buttons of a message payload, by action_id."""
    return {
        element["action_id"]: element
        for block in payload["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
    }


def carried(button: dict[str, Any]) -> dict[str, Any]:
    return json.loads(html.unescape(button["value"]))


def everything(payload: dict[str, Any]) -> str:
    return json.dumps(payload, ensure_ascii=False)


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("/commitment", "trade"),
        ("/visit", "august"),
        ("/who", "lee"),
        ("/figure", "trade"),
        ("/search", "semiconductor"),
    ],
)
def test_each_command_is_answered_privately_with_a_share_button(
    slack: SlackClient, fake_slack: FakeSlack, command: str, text: str
) -> None:
    reply = slack.command(command, text)
    assert reply.status == 200
    payload = reply.json()
    assert payload["response_type"] == "ephemeral"
    assert payload["blocks"][0]["type"] == "header"
    assert carried(buttons(payload)["share_answer"]) == {"q": f"{command} {text}", "p": 1}
    assert fake_slack.api_calls() == []  # the answer went back in the ack, nothing else


@pytest.mark.parametrize("command", ["/commitment", "/visit", "/who", "/figure", "/search"])
@pytest.mark.parametrize("text", ["", "help"])
def test_each_command_explains_itself(slack: SlackClient, command: str, text: str) -> None:
    reply = slack.command(command, text)
    assert reply.status == 200
    payload = reply.json()
    assert payload["response_type"] == "ephemeral"
    if command == "/visit" and not text:  # `/visit` alone lists every visit (README)
        assert payload["blocks"][0]["text"]["text"] == "Visits on record"
        return
    # The usage's own words name the command, not the echoed query in a button's value.
    shown = [block["text"]["text"] for block in payload["blocks"] if "text" in block]
    assert f"How to use {command}" in shown
    assert any(f"{command} &lt;" in line for line in shown), shown  # its syntax, escaped


def test_commitment_trade_names_the_target(slack: SlackClient) -> None:
    assert "150 billion" in everything(slack.command("/commitment", "trade").json())


def test_a_miss_offers_did_you_mean_buttons(slack: SlackClient) -> None:
    payload = slack.command("/commitment", "tradzzz").json()
    suggestions = [
        carried(b)["q"] for a, b in buttons(payload).items() if a.startswith("run_query_")
    ]
    assert "/commitment trade" in suggestions


def test_text_saying_payload_is_still_a_command(slack: SlackClient) -> None:
    # Bolt alone reads any form body containing "payload" as a button press and answers 404.
    reply = slack.command("/search", "payload")
    assert reply.status == 200
    assert carried(buttons(reply.json())["share_answer"])["q"] == "/search payload"


def test_markup_in_the_text_is_never_broadcast(slack: SlackClient) -> None:
    payload = slack.command("/search", "<!channel> <@U999> <https://x.test|y>").json()
    text = everything(payload)
    assert "<!channel>" not in text and "<@U999>" not in text


@pytest.mark.parametrize("text", ["help", "", " HELP "])
def test_attache_help_lists_the_maintainers_commands_to_maintainers_only(
    slack: SlackClient, text: str
) -> None:
    payload = slack.command("/attache", text).json()
    assert payload["response_type"] == "ephemeral"
    assert "/attache status" in everything(payload)
    assert "/commitment" in everything(payload)
    assert "I don't know" not in everything(payload)  # help is not an unknown word
    assert "/attache reseed" not in everything(payload)
    maintainer = everything(slack.command("/attache", text, user=ADMIN).json())
    for word in ("status", "reseed", "report", "documents", "remove"):
        assert f"/attache {word}" in maintainer


def test_attache_status_for_everyone(slack: SlackClient) -> None:
    payload = slack.command("/attache", "status", user="U777").json()
    assert "5 documents" in everything(payload)
    assert "last reseed 20" in everything(payload)


@pytest.mark.parametrize("word", ["reseed", "report", "documents", "remove x.txt"])
def test_attache_admin_commands_refuse_everyone_else(
    slack: SlackClient, word: str, caplog: pytest.LogCaptureFixture
) -> None:
    payload = slack.command("/attache", word, user="U777").json()
    assert "for the maintainers" in everything(payload)
    action = word.split()[0]
    assert any(f"refused /attache {action} for user U777" in r.getMessage() for r in caplog.records)


def test_attache_unknown_word_gets_help(slack: SlackClient) -> None:
    payload = slack.command("/attache", "dance").json()
    assert "I don't know" in everything(payload) and "/attache status" in everything(payload)


def test_a_command_the_manifest_does_not_list_gets_help(slack: SlackClient) -> None:
    reply = slack.command("/visits-old", "august")
    assert reply.status == 200
    assert "I don't know" in everything(reply.json())
