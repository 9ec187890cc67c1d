"""Slack's Web API in trouble (429 with Retry-After, 500s, slow or failing answers): replies are
retried within limits and then logged, no request waits past Slack's 3 seconds, and no token
reaches the log."""

from __future__ import annotations

import io
import logging
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any
from unittest.mock import Mock
from urllib.error import URLError

import pytest
from slack_bolt import Ack, Respond
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.state import RetryState
from support import BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET, FakeSlack, SlackClient

from bot.answer import Answer
from bot.markup import escape
from bot.slack.asking import LOOKING_TEXT, Timed, ack_in_time
from bot.slack.background import Background
from bot.slack.blocks import button_value, render_blocks
from bot.slack.webapi import SafeConnectionRetry, repeatable, web_client

HANG_GUARD_SECONDS = 30  # not a speed limit: how long a test waits for what must happen


def mention(text: str = "/visit august", ts: str = "1700000000.000100") -> dict[str, Any]:
    return {
        "type": "app_mention",
        "user": "U123",
        "text": f"<@{BOT_USER_ID}> {text}",
        "ts": ts,
        "channel": "C123",
    }


def acked_while_the_reply_is_held(
    slack: SlackClient, fake_slack: FakeSlack, event: dict[str, Any]
) -> None:
    """The event is acknowledged while the fake Web API still holds the bot's reply to it: the
    ack never waits for the Web API, however slow or failing (Slack wants it within 3 s)."""
    with fake_slack.holding("chat.postMessage"):
        reply = slack.event(event, f"Ev{uuid.uuid4().hex[:12]}", wait=False)
        assert reply.status == 200


def settle(slack: SlackClient) -> None:
    assert slack.settle is not None
    slack.settle()


def test_a_429_with_a_short_retry_after_is_retried(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    fake_slack.script(
        "chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}
    )
    acked_while_the_reply_is_held(slack, fake_slack, mention())
    settle(slack)
    _first, second = fake_slack.of("chat.postMessage")
    assert second.params["thread_ts"] == "1700000000.000100" and "August" in str(
        second.params["blocks"]
    )


def test_a_429_asking_for_a_long_wait_is_given_up_and_logged(
    slack: SlackClient, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake_slack.script(
        "chat.postMessage", 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "120"}
    )
    acked_while_the_reply_is_held(slack, fake_slack, mention())
    assert slack.settle is not None
    assert slack.settle(), "still waiting: it slept on Retry-After 120"
    assert any(r.exc_info and "ratelimited" in str(r.exc_info[1]) for r in caplog.records)


def test_server_errors_are_retried_twice(slack: SlackClient, fake_slack: FakeSlack) -> None:
    fake_slack.script("chat.postMessage", 500, {"ok": False, "error": "fatal_error"}, times=2)
    acked_while_the_reply_is_held(slack, fake_slack, mention())
    settle(slack)
    assert len(fake_slack.of("chat.postMessage")) == 3


def test_a_web_api_that_keeps_failing_is_logged_and_the_request_still_answered(
    slack: SlackClient, fake_slack: FakeSlack, caplog: pytest.LogCaptureFixture
) -> None:
    fake_slack.script("chat.postMessage", 500, {"ok": False, "error": "fatal_error"}, times=3)
    acked_while_the_reply_is_held(slack, fake_slack, mention())
    settle(slack)
    assert any("could not" in r.getMessage() for r in caplog.records)


def test_a_slow_web_api_never_holds_the_request(slack: SlackClient, fake_slack: FakeSlack) -> None:
    with fake_slack.holding("chat.postMessage") as arrived:
        reply = slack.event(mention(), f"Ev{uuid.uuid4().hex[:12]}", wait=False)
        assert reply.status == 200  # acknowledged while the reply is held by the fake
        assert arrived.wait(timeout=HANG_GUARD_SECONDS)  # the reply is still on its way
    settle(slack)
    assert len(fake_slack.of("chat.postMessage")) == 1


def test_a_slow_response_url_never_holds_a_button_press(
    slack: SlackClient, fake_slack: FakeSlack
) -> None:
    with fake_slack.holding("response_url") as arrived:
        value = escape(button_value("/visit august"))
        reply = slack.press("run_query_0", value, fake_slack.response_url(), wait=False)
        assert reply.status == 200  # acknowledged while the response_url post is held
        assert arrived.wait(timeout=HANG_GUARD_SECONDS)
    settle(slack)


def test_a_timed_out_read_is_retried_once(fake_slack: FakeSlack) -> None:
    fake_slack.reset()
    fake_slack.script("files.info", 200, {"ok": True, "file": {}}, delay=2.5)
    client = web_client(BOT_TOKEN, fake_slack.url, timeout=1)
    assert client.files_info(file="F1")["ok"] is True
    assert len(fake_slack.of("files.info")) == 2


def test_a_timed_out_post_is_not_retried(fake_slack: FakeSlack) -> None:
    """Slack may have posted it already: a retry could show the same answer twice."""
    fake_slack.reset()
    fake_slack.script("chat.postMessage", 200, {"ok": True, "ts": "1.1"}, delay=2.5)
    client = web_client(BOT_TOKEN, fake_slack.url, timeout=1)
    with pytest.raises(TimeoutError):
        client.chat_postMessage(channel="C1", text="hi")
    time.sleep(2.0)  # room for a wrong retry to arrive (it must not)
    assert len(fake_slack.of("chat.postMessage")) == 1


def test_a_post_to_a_refused_connection_is_retried(fake_slack: FakeSlack) -> None:
    """Nothing was sent, so nothing can be posted twice."""
    retry = SafeConnectionRetry(max_retry_count=1, error_types=[URLError, TimeoutError])
    request = HttpRequest(method="POST", url=f"{fake_slack.url}chat.postMessage", headers={})
    refused = URLError(ConnectionRefusedError(111, "Connection refused"))
    state = RetryState()
    assert retry.can_retry(state=state, request=request, response=None, error=refused)
    assert not retry.can_retry(state=state, request=request, response=None, error=TimeoutError())
    assert not repeatable(fake_slack.response_url())


def test_a_command_slower_than_the_budget_gets_a_placeholder_then_the_answer() -> None:
    ack, respond, release = Mock(Ack), Mock(Respond), threading.Event()
    answer = Answer(query="/visit", intent="visit", heading="Visits")

    def slow() -> Timed:
        release.wait(timeout=HANG_GUARD_SECONDS)
        return Timed(answer, 5000)

    background = Background()
    runner = threading.Thread(
        target=ack_in_time, args=(ack, respond, background, slow, render_blocks)
    )
    runner.start()
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while not ack.called and time.monotonic() < deadline:
        time.sleep(0.02)
    assert ack.called, "no ack while the answer was still being looked up"
    assert ack.call_args.kwargs["text"] == LOOKING_TEXT
    respond.assert_not_called()
    runner.join(timeout=HANG_GUARD_SECONDS)  # the request thread is free before the answer is ready
    assert not runner.is_alive()
    release.set()
    assert background.wait_idle(HANG_GUARD_SECONDS)
    assert respond.call_args.kwargs["replace_original"] is True
    assert respond.call_args.kwargs["text"].startswith("Visits")


@pytest.fixture
def fresh_log() -> Iterator[io.StringIO]:
    """Everything logged, through a handler added after start-up without any filter of ours
    (as gunicorn's or a log shipper's would be)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setLevel("DEBUG")
    root = logging.getLogger()
    root.handlers.insert(0, handler)  # first: no filter of another handler has touched a record
    yield stream
    root.removeHandler(handler)


def secrets_in(caplog: pytest.LogCaptureFixture, fresh_log: io.StringIO) -> list[str]:
    logged = fresh_log.getvalue() + caplog.text
    logged += "".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    return [s for s in (BOT_TOKEN, SIGNING_SECRET) if s in logged]


def test_a_listener_failing_with_invalid_auth_logs_no_token(
    slack: SlackClient,
    fake_slack: FakeSlack,
    caplog: pytest.LogCaptureFixture,
    fresh_log: io.StringIO,
) -> None:
    caplog.set_level("DEBUG")
    leaky = {"ok": False, "error": "invalid_auth", "detail": f"token {BOT_TOKEN} was revoked"}
    fake_slack.script("chat.postMessage", 200, leaky)
    acked_while_the_reply_is_held(slack, fake_slack, mention(ts="1700000000.000444"))
    settle(slack)
    failure = next(r for r in caplog.records if r.exc_info)
    assert isinstance(failure.exc_info[1], SlackApiError)  # type: ignore[index]
    assert "invalid_auth" in fresh_log.getvalue() and "[redacted]" in fresh_log.getvalue()
    assert secrets_in(caplog, fresh_log) == []
    apology = fake_slack.of("chat.postMessage")[-1]
    assert "Sorry, something went wrong" in apology.params["text"]
    assert BOT_TOKEN not in str(apology.params)


def test_a_failing_response_url_logs_no_secret(
    slack: SlackClient,
    fake_slack: FakeSlack,
    caplog: pytest.LogCaptureFixture,
    fresh_log: io.StringIO,
) -> None:
    caplog.set_level("DEBUG")
    response_url = f"{fake_slack.base}/response/{BOT_TOKEN}-{SIGNING_SECRET}"
    fake_slack.script("response_url", 500, {"ok": False, "error": f"bad {BOT_TOKEN}"}, times=5)
    slack.press("vote_up", escape(button_value("/visit")), response_url)
    assert secrets_in(caplog, fresh_log) == []
