"""Slack's Web API on loopback (SLACK_API_URL): records every call the bot makes, answers as Slack does.

Scripted failures, held calls and shared files let a test put the bot in front of a slow or broken Slack.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

BOT_TOKEN = "xoxb-1111-2222-test-token"
APP_TOKEN = "xapp-1-A111-test-token"
SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_USER_ID = "U0BOT"
BOT_ID = "B0BOT"
TEAM_ID = "T0TEAM"
EXPIRED = "expired"  # a response_url path that answers 404, as Slack does after 30 minutes
BROKEN_CHANNEL = "CBROKEN"  # chat.postMessage to it fails with channel_not_found
ADMIN = "UADMIN1"  # the one user id in ADMIN_USER_IDS
HOLD_SECONDS = 60  # hang guard: the longest a held call waits for its test to let it go


@dataclass
class Call:
    """One request the bot made to Slack: a Web API method, or a post to a response_url."""

    method: str
    params: dict[str, Any]
    authorization: str | None = None


@dataclass
class Scripted:
    """What the next calls to a method get instead of the usual answer."""

    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    delay: float = 0.0


@dataclass
class FakeSlack:
    """The Web API at {url}, response URLs at {response_url(name)}, shared files at
    {base}/files-pri/…; every call (and file download) is kept in calls."""

    server: ThreadingHTTPServer
    calls: list[Call] = field(default_factory=list)
    failing: set[str] = field(default_factory=set)
    scripted: dict[str, list[Scripted]] = field(default_factory=dict)
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    file_objects: list[dict[str, Any]] = field(default_factory=list)
    held: dict[str, threading.Event] = field(default_factory=dict)
    arrived: dict[str, threading.Event] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def url(self) -> str:
        return f"{self.base}/api/"

    def response_url(self, name: str = "r1") -> str:
        return f"{self.base}/response/{name}"

    def reset(self) -> None:
        with self.lock:
            self.calls.clear()
            self.failing.clear()
            self.scripted.clear()

    def script(
        self,
        method: str,
        status: int = 200,
        body: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        times: int = 1,
        delay: float = 0.0,
    ) -> None:
        """The next `times` calls to method answer status and body (after delay seconds)."""
        answer = Scripted(
            status, body or {"ok": False, "error": "internal_error"}, headers or {}, delay
        )
        with self.lock:
            self.scripted.setdefault(method, []).extend([answer] * times)

    def next_scripted(self, method: str) -> Scripted | None:
        with self.lock:
            queue = self.scripted.get(method)
            return queue.pop(0) if queue else None

    def add_file(
        self, name: str, data: bytes, content_type: str = "text/plain", **extra: Any
    ) -> dict[str, Any]:
        """Serve data at a url_private, as Slack does for a file shared with the bot."""
        file_id = f"F{len(self.files) + 1:08d}"
        path = f"/files-pri/{TEAM_ID}-{file_id}/{name}"
        self.files[path] = (data, content_type)
        described = {
            "id": file_id,
            "name": name,
            "title": name,
            "mimetype": content_type,
            "filetype": extra.pop("filetype", "text"),
            "size": len(data),
            "url_private": f"{self.base}{path}",
            "url_private_download": f"{self.base}{path.replace(file_id + '/', file_id + '/download/')}",
            **extra,
        }
        self.file_objects.append(described)
        return described

    def wait_for(self, method: str, count: int = 1, timeout: float = 20) -> list[Call]:
        """The calls to method once there are at least count of them (fails after timeout)."""
        deadline = time.monotonic() + timeout
        while len(self.of(method)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{method} was called {len(self.of(method))} times, not {count}"
                )
            time.sleep(0.02)
        return self.of(method)

    def fail_next(self, method: str) -> None:
        """The next call to method answers ok: false (internal_error); later ones succeed."""
        with self.lock:
            self.failing.add(method)

    def of(self, method: str) -> list[Call]:
        """The calls to one method ("chat.postMessage", "response_url" …)."""
        with self.lock:
            return [c for c in self.calls if c.method == method]

    def api_calls(self) -> list[Call]:
        """Every call except the start-up auth.test."""
        with self.lock:
            return [c for c in self.calls if c.method != "auth.test"]

    @contextmanager
    def holding(self, method: str) -> Iterator[threading.Event]:
        """Calls to method wait until the block ends; the yielded event is set when one arrives.

        A held call waits up to HOLD_SECONDS, longer than SlackClient waits for a reply: a request
        that waited for a held call fails, whatever the machine's speed."""
        release, arrived = threading.Event(), threading.Event()
        self.held[method], self.arrived[method] = release, arrived
        try:
            yield arrived
        finally:
            release.set()
            del self.held[method]

    def record(self, call: Call) -> bool:
        """Keep the call; True when it should fail."""
        with self.lock:
            self.calls.append(call)
            failing = call.method in self.failing
            self.failing.discard(call.method)
        if call.method in self.arrived:
            self.arrived[call.method].set()
        if call.method in self.held:
            self.held[call.method].wait(timeout=HOLD_SECONDS)
        return failing


def _answer(call: Call) -> tuple[int, dict[str, Any]]:
    """What the real Web API would say, for the methods the bot uses."""
    if call.method == "response_url":
        return (
            (404, {"ok": False, "error": "expired_url"})
            if call.params["name"] == EXPIRED
            else (200, {"ok": True})
        )
    if call.authorization != f"Bearer {BOT_TOKEN}":
        return 200, {"ok": False, "error": "invalid_auth"}
    if call.method == "auth.test":
        return 200, {
            "ok": True,
            "url": "https://fake.slack.test/",
            "team": "Fake",
            "user": "attache",
            "team_id": TEAM_ID,
            "user_id": BOT_USER_ID,
            "bot_id": BOT_ID,
        }
    if call.method == "chat.postMessage":
        if call.params.get("channel") == BROKEN_CHANNEL:
            return 200, {"ok": False, "error": "channel_not_found"}
        return 200, {"ok": True, "channel": call.params.get("channel"), "ts": f"{time.time():.6f}"}
    if call.method == "views.publish":
        return 200, {"ok": True, "view": {"id": "V1", **call.params.get("view", {})}}
    if call.method == "files.info":
        return 200, {"ok": True, "file": call.params.get("_file", {})}
    return 200, {"ok": True}


class _Handler(BaseHTTPRequestHandler):
    server: Any

    def do_GET(self) -> None:
        """A shared file, for the bot token only (Slack sends its sign-in page otherwise)."""
        fake: FakeSlack = self.server.fake
        path = urlsplit(self.path).path.replace("/download/", "/")
        authorization = self.headers.get("Authorization")
        fake.record(Call("file_download", {"path": path}, authorization))
        if path not in fake.files:
            data, kind, status = b"not found", "text/plain", 404
        elif authorization != f"Bearer {BOT_TOKEN}":
            data, kind, status = b"<html>sign in</html>", "text/html", 200
        else:
            (data, kind), status = fake.files[path], 200
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        path = urlsplit(self.path).path
        if path.startswith("/response/"):
            call = Call(
                "response_url", {"name": path.rsplit("/", 1)[1], **json.loads(raw or b"{}")}
            )
        else:
            call = Call(
                path.rsplit("/", 1)[1],
                _params(raw, self.headers.get("Content-Type", "")),
                self.headers.get("Authorization"),
            )
        fake: FakeSlack = self.server.fake
        if call.method == "files.info":
            found = next((f for f in fake.file_objects if f["id"] == call.params.get("file")), {})
            call.params["_file"] = found
        failing = fake.record(call)
        scripted = fake.next_scripted(call.method)
        headers: dict[str, str] = {}
        if scripted is not None:
            time.sleep(scripted.delay)
            status, body, headers = scripted.status, scripted.body, scripted.headers
        elif failing:
            status, body = 200, {"ok": False, "error": "internal_error"}
        else:
            status, body = _answer(call)
        data = json.dumps(body).encode()
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


def _params(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if content_type.startswith("application/json"):
        return json.loads(raw)
    params: dict[str, Any] = dict(parse_qsl(raw.decode()))
    for name in ("blocks", "view"):
        if isinstance(params.get(name), str):
            params[name] = json.loads(params[name])
    return params


def start_fake_slack() -> FakeSlack:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    server.handle_error = lambda *_: None  # type: ignore[method-assign]  # a client that gave up
    fake = FakeSlack(server)
    server.fake = fake  # type: ignore[attr-defined]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return fake
