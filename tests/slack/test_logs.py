"""Tokens and secrets never reach the log, even inside a traceback."""

from __future__ import annotations

import io
import logging

from support import BOT_TOKEN, SIGNING_SECRET

from bot.slack.logs import Redact


def test_tokens_and_secrets_are_masked_in_messages_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(Redact((SIGNING_SECRET,)))
    log = logging.getLogger("test.redact")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning(
            "token %s, other xoxp-1-2-3 and xapp-1-A1-abc, secret %s", BOT_TOKEN, SIGNING_SECRET
        )
        try:
            raise RuntimeError(f"failed with {BOT_TOKEN}")
        except RuntimeError:
            log.exception("call failed")
    finally:
        log.removeHandler(handler)
    written = stream.getvalue()
    assert "RuntimeError" in written and "[redacted]" in written
    for secret in (BOT_TOKEN, SIGNING_SECRET, "xoxp-1-2-3", "xapp-1-A1-abc"):
        assert secret not in written
