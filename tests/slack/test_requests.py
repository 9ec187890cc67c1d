"""What reaches POST /slack/events that is not a proper Slack request, and GET /healthz."""

from __future__ import annotations

import json
import time
import uuid
from urllib.parse import urlencode

import pytest
from support import FakeSlack, SlackClient, serve_wsgi, signature
from support.bodies import FORM, VISIT_COMMAND

from bot.config import Settings
from bot.slack.web import create_application

COMMAND = VISIT_COMMAND


def mention_body(event_id: str) -> bytes:
    return json.dumps(
        {
            "type": "event_callback",
            "team_id": "T0TEAM",
            "event_id": event_id,
            "event": {
                "type": "app_mention",
                "user": "U123",
                "text": "/visit august",
                "ts": "1700000000.000100",
                "channel": "C123",
            },
        }
    ).encode()


@pytest.mark.parametrize(
    ("timestamp", "sign_with"),
    [
        (0, "a-wrong-secret-of-some-length"),  # wrong secret
        # A minute beyond the 5-minute window each way: the stamp is a whole second and the
        # request reaches the check later, so ±301 s could land inside it on a busy machine.
        (-360, None),  # correctly signed, but more than 5 minutes old
        (+360, None),  # correctly signed, from the future
    ],
    ids=["bad signature", "stale", "future"],
)
def test_bad_or_stale_signatures_are_refused_and_nothing_happens(
    slack: SlackClient, fake_slack: FakeSlack, timestamp: int, sign_with: str | None
) -> None:
    stamp = int(time.time()) + timestamp
    event_id = f"Ev{uuid.uuid4().hex[:10]}"
    body = mention_body(event_id)
    forged = signature(body, stamp, sign_with) if sign_with else None
    reply = slack.post(body, "application/json", timestamp=stamp, signature_value=forged)
    assert reply.status == 401
    assert fake_slack.api_calls() == []
    # nothing was recorded either: the genuine event is still answered
    assert slack.post(body, "application/json").status == 200
    assert len(fake_slack.of("chat.postMessage")) == 1


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Slack-Request-Timestamp": "not-a-number", "X-Slack-Signature": "v0=abc"},
        {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": ""},
        {"X-Slack-Request-Timestamp": "¹²³", "X-Slack-Signature": "v0=abc"},
    ],
    ids=["unsigned", "timestamp not a number", "empty signature", "non-ascii digits"],
)
def test_unsigned_requests_are_refused(
    slack: SlackClient, fake_slack: FakeSlack, headers: dict[str, str]
) -> None:
    reply = slack.post(COMMAND, FORM, sign=False, headers={"Content-Type": FORM, **headers})
    assert reply.status == 401
    assert fake_slack.api_calls() == []


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        (b"{not json", "application/json", 400),
        (b"[1, 2, 3]", "application/json", 400),
        (b'"just a string"', "application/json", 400),
        (b"\xff\xfe\xfd", "application/json", 400),
        (b"", "application/json", 400),
        (b'{"type": "event_callback", "event": "app_mention"}', "application/json", 400),
        (b'{"type": "event_callback", "event": {"type": 5}}', "application/json", 400),
        (
            b'{"type": "event_callback", "event": {"type": "app_mention"}, "team": 5}',
            "application/json",
            400,
        ),
        (b'{"type": "url_verification"}', "application/json", 400),
        (b'{"no": "type"}', "application/json", 400),
        (b"user_id=U1&text=hello", FORM, 400),
        (b"command=visit&text=august", FORM, 400),
        (b"payload=%7Bbroken", FORM, 400),
        (b"payload=%5B%5D", FORM, 400),
        (
            urlencode({"payload": json.dumps({"type": "block_actions", "actions": []})}).encode(),
            FORM,
            400,
        ),
        (
            urlencode({"payload": json.dumps({"type": "block_actions", "actions": [5]})}).encode(),
            FORM,
            400,
        ),
        (COMMAND, "text/plain", 415),
        (COMMAND, "multipart/form-data; boundary=x", 415),
    ],
)
def test_malformed_signed_requests_get_a_4xx_never_a_500(
    slack: SlackClient, fake_slack: FakeSlack, body: bytes, content_type: str, status: int
) -> None:
    reply = slack.post(body, content_type)
    assert reply.status == status
    assert "Traceback" not in reply.text
    assert fake_slack.api_calls() == []


def test_a_body_larger_than_any_slack_payload_is_refused_unread(slack: SlackClient) -> None:
    reply = slack.post(COMMAND, FORM, headers={"Content-Length": "1000001"})
    assert reply.status == 413


def test_an_interaction_we_do_not_offer_is_not_found(slack: SlackClient) -> None:
    body = urlencode(
        {
            "payload": json.dumps(
                {
                    "type": "shortcut",
                    "callback_id": "x",
                    "user": {"id": "U123"},
                    "team": {"id": "T0TEAM"},
                }
            )
        }
    )
    assert slack.post(body.encode(), FORM).status == 404


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/slack/events", 405),
        ("PUT", "/slack/events", 405),
        ("POST", "/healthz", 405),
        ("GET", "/", 404),
        ("GET", "/slack/install", 404),
        ("HEAD", "/healthz", 200),
    ],
)
def test_other_paths_and_methods(slack: SlackClient, method: str, path: str, status: int) -> None:
    assert slack.request(method, path).status == status


def test_healthz_is_200_when_the_store_can_be_read(slack: SlackClient) -> None:
    reply = slack.request("GET", "/healthz")
    assert (reply.status, reply.text) == (200, "ok")


def test_healthz_is_503_without_a_store(settings_without_store: Settings) -> None:
    server = serve_wsgi(create_application(settings_without_store))
    try:
        host, port = server.server_address[:2]
        client = SlackClient(str(host), int(port))
        assert client.request("GET", "/healthz").status == 503
        # and a question gets the apology instead of an error
        reply = client.command("/commitment", "trade")
        assert reply.status == 200
        assert "unavailable" in reply.json()["text"]
    finally:
        server.shutdown()


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        (b"[" * 100_000, "application/json"),
        (urlencode({"payload": "[" * 50_000}).encode(), FORM),
        (b'{"type": "event_callback", "event": ' * 2000 + b"{}" + b"}" * 2000, "application/json"),
    ],
    ids=["deep json", "deep payload", "deep event"],
)
def test_deeply_nested_bodies_get_a_400_not_a_500(
    slack: SlackClient, fake_slack: FakeSlack, body: bytes, content_type: str
) -> None:
    reply = slack.post(body, content_type)
    assert reply.status == 400 and "Traceback" not in reply.text
    assert fake_slack.api_calls() == []


def test_a_command_with_only_its_name_is_answered(slack: SlackClient) -> None:
    reply = slack.post(urlencode({"command": "/visit"}).encode(), FORM)
    assert reply.status == 200 and reply.json()["response_type"] == "ephemeral"


def test_a_json_body_with_a_charset_is_read(slack: SlackClient) -> None:
    reply = slack.post(
        b'{"type": "url_verification", "challenge": "c1"}', "application/json; charset=utf-8"
    )
    assert reply.status == 200 and reply.json() == {"challenge": "c1"}


@pytest.mark.parametrize(
    "event",
    [
        {"type": "app_mention"},
        {"type": "app_mention", "text": 5, "ts": ["x"], "user": None},
        {"type": "message", "channel_type": "im"},
        {
            "type": "message",
            "channel_type": "im",
            "user": "U123",
            "subtype": "file_share",
            "files": "x",
        },
        {"type": "message", "channel_type": "im", "user": "U123", "text": None},
        {"type": "app_home_opened", "user": 5},
        {"type": "some_future_event", "payload": {"nested": [1, 2, 3]}},
    ],
    ids=[
        "bare mention",
        "mistyped mention",
        "bare dm",
        "files not a list",
        "text null",
        "home without user",
        "unknown type",
    ],
)
def test_events_missing_or_mistyping_fields_are_acknowledged_quietly(
    slack: SlackClient, fake_slack: FakeSlack, event: dict[str, object]
) -> None:
    reply = slack.event(event, f"Ev{uuid.uuid4().hex[:10]}")
    # 400 when Bolt cannot even read who it is from; never a 500, never an apology
    assert reply.status in (200, 400) and "Traceback" not in reply.text
    assert all("Sorry" not in c.params.get("text", "") for c in fake_slack.of("chat.postMessage"))


def test_an_admin_file_share_with_odd_files_is_answered_politely(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    from support import ADMIN

    event = {
        "type": "message",
        "subtype": "file_share",
        "channel_type": "im",
        "channel": "D1",
        "user": ADMIN,
        "files": [5, {}, {"name": "x.txt", "url_private": 7}],
        "ts": "1.1",
    }
    assert slack.event(event, f"Ev{uuid.uuid4().hex[:10]}").status == 200
    [post] = fake_slack.of("chat.postMessage")
    assert "Not added" in post.params["text"] and "Sorry" not in post.params["text"]


def test_a_button_press_without_user_or_value_is_acknowledged(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    payload = {
        "type": "block_actions",
        "actions": [{"action_id": "vote_up"}],
        "response_url": fake_slack.response_url(),
        "team": {"id": "T0TEAM"},
    }
    reply = slack.post(urlencode({"payload": json.dumps(payload)}).encode(), FORM)
    assert reply.status == 200
    [sent] = fake_slack.of("response_url")
    assert sent.params["response_type"] == "ephemeral"
