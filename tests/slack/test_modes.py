"""Start-up in both modes: missing or wrong settings stop it with one line naming the variable."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from support import FakeSlack

from bot.config import ConfigError, Settings
from bot.slack.serve import run_http
from bot.slack.socket_mode import run_socket, socket_handler
from bot.slack.web import create_application


@pytest.mark.parametrize(
    ("start", "missing", "named"),
    [
        (run_socket, "slack_app_token", "SLACK_APP_TOKEN"),
        (run_socket, "slack_bot_token", "SLACK_BOT_TOKEN"),
        (lambda s: run_http(s, 0), "slack_signing_secret", "SLACK_SIGNING_SECRET"),
        (lambda s: run_http(s, 0), "slack_bot_token", "SLACK_BOT_TOKEN"),
        (create_application, "slack_signing_secret", "SLACK_SIGNING_SECRET"),
    ],
)
def test_a_missing_setting_is_named(
    settings: Settings, start: Any, missing: str, named: str
) -> None:
    with pytest.raises(ConfigError, match=named) as raised:
        start(replace(settings, **{missing: None}))
    assert "\n" not in str(raised.value)


def test_a_wrong_bot_token_is_named(settings: Settings) -> None:
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN was rejected"):
        create_application(replace(settings, slack_bot_token="xoxb-wrong"))


def test_an_unreachable_web_api_is_named(settings: Settings) -> None:
    with pytest.raises(ConfigError, match="SLACK_API_URL"):
        create_application(replace(settings, slack_api_url="http://127.0.0.1:9/api/"))


class RecordingSocket:
    """Stands in for the WebSocket client: keeps what the app would send back over the socket."""

    def __init__(self, logger: Any) -> None:
        self.logger = logger
        self.sent: list[SocketModeResponse] = []

    def send_socket_mode_response(self, response: SocketModeResponse) -> None:
        self.sent.append(response)


@pytest.fixture
def socket(settings: Settings, fake_slack: FakeSlack) -> Iterator[Any]:
    handler = socket_handler(settings)
    fake_slack.reset()
    yield handler
    handler.client.close()


def test_socket_mode_answers_a_command_in_the_envelope(socket: Any) -> None:
    recorder = RecordingSocket(socket.client.logger)
    payload = {
        "command": "/commitment",
        "text": "trade",
        "user_id": "U1",
        "channel_id": "C1",
        "team_id": "T0TEAM",
        "response_url": "http://127.0.0.1:9/none",
    }
    socket.handle(
        recorder, SocketModeRequest(type="slash_commands", envelope_id="e1", payload=payload)
    )
    [response] = recorder.sent
    assert response.envelope_id == "e1"
    assert response.payload["response_type"] == "ephemeral"
    assert "150 billion" in json.dumps(response.payload)


def test_socket_mode_answers_a_mention_in_the_thread_once(
    socket: Any, fake_slack: FakeSlack
) -> None:
    recorder = RecordingSocket(socket.client.logger)
    body = {
        "type": "event_callback",
        "team_id": "T0TEAM",
        "event_id": f"Ev{uuid.uuid4().hex[:10]}",
        "event": {
            "type": "app_mention",
            "user": "U1",
            "text": "<@U0BOT> /visit august",
            "ts": "5.1",
            "channel": "C1",
        },
    }
    for attempt in (None, 1):
        request = SocketModeRequest(
            type="events_api", envelope_id="e2", payload=body, retry_attempt=attempt
        )
        socket.handle(recorder, request)
    assert socket.background.wait_idle(30)
    assert [r.envelope_id for r in recorder.sent] == ["e2", "e2"]
    [post] = fake_slack.of("chat.postMessage")
    assert post.params["thread_ts"] == "5.1"
