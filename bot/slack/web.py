"""The WSGI application: GET /healthz, and POST /slack/events checked before Bolt sees it.

Bolt's WSGI adapter answers a request whose body is not UTF-8, not JSON or not shaped like Slack's
with a 500 and a traceback in the log, and reads any form body containing the word "payload" as
an interactivity payload. Requests are checked here first: size, signature and timestamp (401),
content type (415), encoding and shape (400); only then does Bolt dispatch them.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltContext, BoltRequest
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse
from slack_bolt.request.internals import build_context

from bot.config import ConfigError, Settings
from bot.slack.app import build_app
from bot.slack.body import BodyRefused, read_body
from bot.slack.deps import Deps
from bot.slack.first_build import FirstBuild
from bot.slack.logs import configure_logging
from store.db import Store

if TYPE_CHECKING:
    from wsgiref.types import StartResponse, WSGIEnvironment

logger = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"
MAX_AGE_SECONDS = 5 * 60  # older (or newer) signed requests may be replays
MAX_TIMESTAMP_DIGITS = 12  # Slack sends epoch seconds; thousands of digits are an attack
HEALTH_SECONDS = 2.0  # a health check waits this long for the store, then says 503
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
APP_LOAD_ERROR = 4  # gunicorn stops instead of respawning a worker that exits with this code


def load_or_exit(settings: Settings | None = None) -> SlackWsgi:
    """The application as served (building the store first when there is none), or one line
    naming the missing or wrong setting and an exit."""
    try:
        return create_application(settings or Settings.from_env(), build_missing=True)
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr, flush=True)
        raise SystemExit(APP_LOAD_ERROR) from None


def create_application(settings: Settings, build_missing: bool = False) -> SlackWsgi:
    """The WSGI application for HTTP mode; stops with ConfigError naming a missing variable.

    build_missing: build the store from settings.seeds_dir when there is none (see first_build).
    """
    settings.require("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN")
    configure_logging(settings)
    deps = Deps(Store.open(settings.database_url), settings)
    first_build = FirstBuild(deps.store, settings.seeds_dir)
    if build_missing:
        first_build.start()
    deps.state.get()  # migrated now, by one worker at a time, not in someone's 3 seconds
    app = build_app(deps, signatures_checked=True)  # SlackWsgi checks them, once
    application = SlackWsgi(app, deps, settings.slack_signing_secret or "")
    application.first_build = first_build
    return application


class SlackWsgi(SlackRequestHandler):
    """Bolt's WSGI adapter with a health check and a guard in front of it."""

    def __init__(self, app: App, deps: Deps, signing_secret: str) -> None:
        super().__init__(app, path=EVENTS_PATH)
        self.store = deps.store
        self.background = deps.background  # what runs after the ack; tests wait on it
        self.first_build: FirstBuild | None = None
        self.secret = signing_secret.encode()
        # Health checks wait on their own threads, so a hung database costs a 503, not a worker.
        self._checks = ThreadPoolExecutor(max_workers=2, thread_name_prefix="attache-health")

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        try:
            response = self._respond(environ)
        except Exception:
            logger.exception("unexpected error answering %s", str(environ.get("PATH_INFO"))[:100])
            response = _plain(500, "Internal Server Error")
        start_response(response.status, response.get_headers())
        return response.get_body()

    def _respond(self, environ: WSGIEnvironment) -> WsgiHttpResponse:
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "")
        if path not in (HEALTH_PATH, self.path):
            return _plain(404, "Not Found")
        if method not in (("GET", "HEAD") if path == HEALTH_PATH else ("POST",)):
            return _plain(405, "Method Not Allowed")
        if path == HEALTH_PATH:
            return self._health()
        try:
            raw = read_body(environ)
        except BodyRefused as refused:
            if refused.status == 408:
                logger.warning("gave up on a request body that did not arrive in time")
            return _plain(refused.status, refused.reason, close=refused.status != 413)
        if not self._signed(raw, environ):
            logger.warning("refused a request with a bad or stale signature")
            return _plain(401, "Unauthorized")
        media = str(environ.get("CONTENT_TYPE", "")).split(";")[0].strip().lower()
        if media not in (FORM, JSON):
            return _plain(415, "Unsupported Media Type")
        payload = _payload(raw, media)
        if payload is None or not _shaped_like_slack(payload):
            logger.warning("refused a signed request that is not a Slack payload")
            return _plain(400, "Bad Request")
        return self._dispatch(raw, payload, environ)

    def _health(self) -> WsgiHttpResponse:
        """200 when the store can be read whole; 503 when not, or when it does not say in time."""
        try:
            healthy = self._checks.submit(self.store.healthy).result(timeout=HEALTH_SECONDS)
        except FutureTimeout:
            logger.error("the store did not answer the health check within %.0f s", HEALTH_SECONDS)
            return _plain(503, "the store is unavailable (it did not answer in time)")
        if healthy:
            return _plain(200, "ok")
        if self.first_build is not None and self.first_build.building:
            return _plain(503, "the store is being built")
        return _plain(503, "the store is unavailable")

    def _signed(self, raw: bytes, environ: WSGIEnvironment) -> bool:
        """Slack's v0 scheme, over the bytes as sent (slack_sdk's verifier decodes them first)."""
        timestamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", ""))
        signature = str(environ.get("HTTP_X_SLACK_SIGNATURE", ""))
        if not (timestamp.isascii() and timestamp.isdigit() and signature.isascii()):
            return False
        if len(timestamp) > MAX_TIMESTAMP_DIGITS:
            return False
        if abs(time.time() - int(timestamp)) > MAX_AGE_SECONDS:
            return False
        base = b"v0:" + timestamp.encode() + b":" + raw
        expected = "v0=" + hmac.new(self.secret, base, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature)

    def _dispatch(
        self, raw: bytes, payload: dict[str, Any], environ: WSGIEnvironment
    ) -> WsgiHttpResponse:
        http = WsgiHttpRequest(environ)
        try:
            # The body as read by _payload, not parsed a second time by Bolt (which would also
            # take a slash command whose text says "payload" for a button press); the raw body
            # stays for the copies Bolt makes for its lazy listeners.
            request = BoltRequest(body="", query=http.query_string, headers=http.get_headers())
            request.raw_body = raw.decode("utf-8")
            request.body = payload
            request.context = build_context(BoltContext(), payload)
        except (LookupError, TypeError, ValueError, AttributeError):
            logger.warning("refused a signed request Bolt cannot read")
            return _plain(400, "Bad Request")
        answer = self.app.dispatch(request)
        return WsgiHttpResponse(status=answer.status, headers=answer.headers, body=answer.body)


def _payload(raw: bytes, media: str) -> dict[str, Any] | None:
    """The body as Slack sends it: JSON (events), a form (commands), a form with JSON (buttons)."""
    try:
        text = raw.decode("utf-8")
        data: Any = (
            json.loads(text) if media == JSON else dict(parse_qsl(text, keep_blank_values=True))
        )
        if media == FORM and "payload" in data:
            data = json.loads(data["payload"])
    except (UnicodeDecodeError, ValueError, RecursionError):  # deep nesting: not Slack's
        return None
    return data if isinstance(data, dict) else None


def _shaped_like_slack(payload: dict[str, Any]) -> bool:
    """Enough of a slash command, event or interaction for the listeners to read it safely."""
    if "command" in payload:
        return isinstance(payload["command"], str) and payload["command"].startswith("/")
    if "ssl_check" in payload:
        return True
    kind = payload.get("type")
    if kind == "url_verification":
        return isinstance(payload.get("challenge"), str)
    if kind == "event_callback":
        event = payload.get("event")
        return isinstance(event, dict) and isinstance(event.get("type"), str)
    if kind in ("view_submission", "view_closed"):
        view = payload.get("view")
        return isinstance(view, dict) and isinstance(view.get("type"), str)
    if kind == "block_actions":
        actions = payload.get("actions")
        return (
            bool(actions)
            and isinstance(actions, list)
            and all(isinstance(a, dict) and isinstance(a.get("action_id"), str) for a in actions)
        )
    return isinstance(kind, str)


def _plain(status: int, text: str, close: bool = False) -> WsgiHttpResponse:
    headers: dict[str, str | Sequence[str]] = {"content-type": ["text/plain; charset=utf-8"]}
    if close:  # what is left of the request on the connection cannot be trusted
        headers["connection"] = ["close"]
    return WsgiHttpResponse(status=status, headers=headers, body=text)
