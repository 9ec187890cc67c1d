"""A Home tab button, pressed through the served app: its answer arrives in the person's DM."""

from __future__ import annotations

import json

from support import FakeSlack, SlackClient

from bot.markup import escape
from bot.slack.blocks import button_value
from bot.slack.home import HOME_ASK


def test_a_topic_button_on_the_home_tab_answers_in_the_dm(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    value = escape(button_value("/commitment trade"))
    reply = slack.press(f"{HOME_ASK}_0", value, fake_slack.response_url(), user="U123")
    assert reply.status == 200
    [post] = fake_slack.of("chat.postMessage")
    assert post.params["channel"] == "U123"
    assert "150 billion USD by 2030" in json.dumps(post.params["blocks"])


def test_a_home_button_with_a_value_not_ours_does_nothing(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    slack.press(f"{HOME_ASK}_1", "not json", fake_slack.response_url(), user="U123")
    assert fake_slack.of("chat.postMessage") == []
