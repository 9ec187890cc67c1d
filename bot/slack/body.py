"""Reading a request's body: never more than a Slack payload, never waiting on it for long.

A client that sends its headers and then stalls would hold a serving thread for as long as it
likes; under gunicorn (which hands the app its socket) the body must arrive within BODY_SECONDS,
after which the socket's reading side is shut, the read returns early, and the request is
answered 408 with the connection closed.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from typing import TYPE_CHECKING

from store import alarms

if TYPE_CHECKING:
    from wsgiref.types import WSGIEnvironment

MAX_BODY_BYTES = 1_000_000  # Slack's payloads are a few kilobytes
BODY_SECONDS = 5.0  # Slack sends a whole payload at once; only a stalled client takes longer


class BodyRefused(Exception):
    """The body cannot be read: status says why (413 too large, 408 too slow, 400 cut short)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def read_body(environ: WSGIEnvironment, seconds: float = BODY_SECONDS) -> bytes:
    """The whole body as announced by Content-Length; BodyRefused otherwise."""
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > MAX_BODY_BYTES:
        raise BodyRefused(413, "Payload Too Large")
    if length <= 0:
        return b""
    deadline = _Deadline(environ.get("gunicorn.socket"), seconds)
    try:
        raw = environ["wsgi.input"].read(length)
    except Exception as error:  # the server's own "no more data" after the cut, or a reset
        raise _refusal(deadline) from error
    finally:
        deadline.cancel()
    if len(raw) < length:
        raise _refusal(deadline)
    return bytes(raw)


def _refusal(deadline: _Deadline) -> BodyRefused:
    if deadline.expired:
        return BodyRefused(408, "Request Timeout")
    return BodyRefused(400, "Bad Request")


class _Deadline:
    """Shuts the reading side of sock when seconds pass before cancel()."""

    def __init__(self, sock: object, seconds: float) -> None:
        self.expired = False
        self._sock = sock if isinstance(sock, socket.socket) else None
        self._lock = threading.Lock()
        # One alarm thread for every request's deadline, not a thread started per request.
        self._alarm = alarms.after(seconds, self._expire) if self._sock is not None else None

    def _expire(self) -> None:
        with self._lock:
            if self._sock is None:
                return
            self.expired = True
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RD)  # the blocked read returns at once

    def cancel(self) -> None:
        if self._alarm is not None:
            self._alarm.cancel()
        with self._lock:
            self._sock = None
