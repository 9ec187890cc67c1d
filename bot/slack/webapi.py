"""Talking to Slack: a Web API client and response_url replies with short timeouts and bounded
retries (connection errors and timeouts once, 429 while Slack asks for a short wait, 500/503 twice),
after which the failure is raised or returned for the caller to log.

A call that posts something (chat.postMessage, a response_url reply) is not retried after a
timeout or a dropped connection: Slack may have posted it already, and a retry would post the
same answer twice. Only a connection that was never made is retried for those."""

from __future__ import annotations

import logging
import socket
from http.client import RemoteDisconnected
from typing import Any
from urllib.error import URLError

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from slack_sdk.webhook import WebhookClient, WebhookResponse

logger = logging.getLogger(__name__)

WEB_API_TIMEOUT_SECONDS = 5
MAX_RETRY_AFTER_SECONDS = 10  # a longer wait than this is Slack saying "not now": give up, log


class ShortRateLimitRetry(RateLimitErrorRetryHandler):
    """Retries a 429 only when its Retry-After is short; a long one is given up on at once."""

    def __init__(self, max_retry_count: int = 2, max_wait: float = MAX_RETRY_AFTER_SECONDS):
        super().__init__(max_retry_count=max_retry_count)
        self.max_wait = max_wait

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        return _retry_after(response) <= self.max_wait


def _retry_after(response: HttpResponse) -> float:
    for name, values in response.headers.items():
        if name.lower() == "retry-after":
            value = values[0] if isinstance(values, list) and values else values
            try:
                return float(str(value).strip())
            except ValueError:
                return float("inf")
    return 1.0


# Calls that change nothing when made twice: reads, and views.publish (the same view again).
REPEATABLE_METHODS = frozenset({"auth.test", "views.publish", "chat.update", "chat.delete"})
REPEATABLE_SUFFIXES = (".info", ".list", ".history", ".replies")


def repeatable(url: str) -> bool:
    """Whether the call at url may be made twice (a Web API read); response_url posts may not."""
    if "/api/" not in url:
        return False  # a response_url: it posts a message
    method = url.rsplit("/api/", 1)[1].split("?", 1)[0]
    return method in REPEATABLE_METHODS or method.endswith(REPEATABLE_SUFFIXES)


def _never_sent(error: Exception) -> bool:
    """The connection was refused or the host unknown: Slack cannot have seen the request."""
    reason = error.reason if isinstance(error, URLError) else error
    return isinstance(reason, (ConnectionRefusedError, socket.gaierror))


class SafeConnectionRetry(ConnectionErrorRetryHandler):
    """Connection trouble and timeouts retried once, but a post only when it was never sent."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if not super()._can_retry(state=state, request=request, response=response, error=error):
            return False
        return repeatable(request.url) or (error is not None and _never_sent(error))


def retry_handlers() -> list[RetryHandler]:
    """What every call to Slack retries, and how often."""
    return [
        SafeConnectionRetry(
            max_retry_count=1,
            error_types=[URLError, ConnectionResetError, RemoteDisconnected, TimeoutError],
        ),
        ShortRateLimitRetry(),
        ServerErrorRetryHandler(max_retry_count=2),
    ]


def web_client(
    token: str | None, base_url: str, timeout: int = WEB_API_TIMEOUT_SECONDS
) -> WebClient:
    """The Web API client the app and its listeners use."""
    return WebClient(
        token=token, base_url=base_url, timeout=timeout, retry_handlers=retry_handlers()
    )


class PatientRespond(Respond):
    """Bolt's respond(), with a short timeout, the retries above and a logged failure."""

    timeout = WEB_API_TIMEOUT_SECONDS

    def __call__(self, text: str | dict[str, Any] = "", **fields: Any) -> WebhookResponse:  # type: ignore[override]
        if self.response_url is None:
            raise ValueError("respond is unsupported here as there is no response_url")
        body = dict(text) if isinstance(text, dict) else {"text": text, **fields}
        client = WebhookClient(
            url=self.response_url,
            timeout=self.timeout,
            proxy=self.proxy,
            ssl=self.ssl,
            retry_handlers=retry_handlers(),
        )
        sent = client.send_dict({k: v for k, v in body.items() if v is not None})
        if sent.status_code != 200:
            logger.warning(
                "Slack's response_url answered %s: %s", sent.status_code, str(sent.body)[:200]
            )
        return sent
