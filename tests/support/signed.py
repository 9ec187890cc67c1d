"""What Slack sends to the bot, signed: a client for the app served on loopback or in process."""

from __future__ import annotations

import hashlib
import hmac
import http.client
import io
import json
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from socketserver import ThreadingMixIn
from typing import Any
from urllib.parse import urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from support.fake_slack import BOT_USER_ID, HOLD_SECONDS, SIGNING_SECRET, TEAM_ID

REPLY_SECONDS = 20  # hang guard: how long a request waits for its reply (less than HOLD_SECONDS)
assert REPLY_SECONDS < HOLD_SECONDS


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def serve_wsgi(application: Any) -> WSGIServer:
    """Serve a WSGI application on an ephemeral loopback port, in a thread."""
    server = make_server(
        "127.0.0.1", 0, application, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler
    )
    # shutdown() waits for serve_forever's next poll: 0.5 s by default, paid by every app fixture.
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    return server


def signature(body: bytes, timestamp: int | str, secret: str = SIGNING_SECRET) -> str:
    """X-Slack-Signature v0: v0= + hex HMAC-SHA256 of v0:{timestamp}:{body}."""
    base = b"v0:" + str(timestamp).encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


@dataclass
class Reply:
    status: int
    body: bytes
    headers: dict[str, str]

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class SlackClient:
    """Sends what Slack sends to the bot at http://{host}:{port}/slack/events, signed."""

    host: str
    port: int
    secret: str = SIGNING_SECRET
    settle: Callable[[], object] | None = None  # waits until the app's background work is done

    def post(
        self,
        body: bytes,
        content_type: str,
        *,
        timestamp: int | None = None,
        signature_value: str | None = None,
        headers: dict[str, str] | None = None,
        path: str = "/slack/events",
        sign: bool = True,
        wait: bool = True,
    ) -> Reply:
        """Send a request; unless wait is False, return once the app's background work is done."""
        stamp = int(time.time()) if timestamp is None else timestamp
        sent = {"Content-Type": content_type, **(headers or {})}
        if sign:
            sent["X-Slack-Request-Timestamp"] = str(stamp)
            sent["X-Slack-Signature"] = signature_value or signature(body, stamp, self.secret)
        reply = self.request("POST", path, body, sent)
        if wait and self.settle is not None:
            self.settle()
        return reply

    def request(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        timeout: float = REPLY_SECONDS,
    ) -> Reply:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            response = connection.getresponse()
            return Reply(response.status, response.read(), dict(response.getheaders()))
        finally:
            connection.close()

    def command(
        self, command: str, text: str = "", user: str = "U123", wait: bool = True, **extra: str
    ) -> Reply:
        form = {
            "token": "legacy",
            "team_id": TEAM_ID,
            "channel_id": "C123",
            "channel_name": "general",
            "user_id": user,
            "user_name": "someone",
            "command": command,
            "text": text,
            "response_url": extra.pop("response_url", "http://127.0.0.1:9/none"),
            "trigger_id": "1.2.3",
            "api_app_id": "A0APP",
            **extra,
        }
        return self.post(urlencode(form).encode(), "application/x-www-form-urlencoded", wait=wait)

    def event(
        self, event: dict[str, Any], event_id: str, retry: int | None = None, wait: bool = True
    ) -> Reply:
        body = {
            "token": "legacy",
            "team_id": TEAM_ID,
            "api_app_id": "A0APP",
            "type": "event_callback",
            "event_id": event_id,
            "event_time": int(time.time()),
            "event": event,
            "authorizations": [{"team_id": TEAM_ID, "user_id": BOT_USER_ID, "is_bot": True}],
        }
        headers = (
            {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"}
            if retry
            else {}
        )
        return self.post(json.dumps(body).encode(), "application/json", headers=headers, wait=wait)

    def press(
        self,
        action_id: str,
        value: str,
        response_url: str,
        user: str = "U123",
        channel: str = "C123",
        thread_ts: str | None = None,
        wait: bool = True,
    ) -> Reply:
        message: dict[str, Any] = {"type": "message", "ts": "1700000000.000200", "text": "answer"}
        if thread_ts:
            message["thread_ts"] = thread_ts
        payload = {
            "type": "block_actions",
            "team": {"id": TEAM_ID},
            "user": {"id": user, "team_id": TEAM_ID},
            "api_app_id": "A0APP",
            "token": "legacy",
            "trigger_id": "1.2.3",
            "container": {
                "type": "message",
                "message_ts": message["ts"],
                "channel_id": channel,
                "is_ephemeral": True,
                **({"thread_ts": thread_ts} if thread_ts else {}),
            },
            "channel": {"id": channel, "name": "general"},
            "message": message,
            "response_url": response_url,
            "actions": [
                {
                    "type": "button",
                    "action_id": action_id,
                    "block_id": "b1",
                    "value": value,
                    "action_ts": "1700000001.000300",
                }
            ],
        }
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return self.post(body, "application/x-www-form-urlencoded", wait=wait)


class InProcessClient(SlackClient):
    """A SlackClient whose requests go straight to a WSGI application in this process."""

    def __init__(self, application: Callable[..., Any]) -> None:
        super().__init__("in-process", 0)
        self.application = application

    def request(
        self,
        method: str,
        path: str,
        body: bytes = b"",
        headers: dict[str, str] | None = None,
        timeout: float = REPLY_SECONDS,
    ) -> Reply:
        environ: dict[str, Any] = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "80",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(body),
            "wsgi.errors": sys.stderr,
            "CONTENT_LENGTH": str(len(body)),
        }
        for name, value in (headers or {}).items():
            key = name.upper().replace("-", "_")
            environ[key if key == "CONTENT_TYPE" else f"HTTP_{key}"] = value
        got: dict[str, Any] = {}

        def start_response(status: str, response_headers: list[tuple[str, str]], *_: Any) -> None:
            got["status"], got["headers"] = status, dict(response_headers)

        data = b"".join(self.application(environ, start_response))
        return Reply(int(got["status"].split()[0]), data, got["headers"])
