"""Logging for the Slack processes: one stderr stream, with tokens and secrets masked."""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

from bot.config import Settings

TOKEN = re.compile(r"\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+")
MASK = "[redacted]"
FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"


class Redact(logging.Filter):
    """Masks Slack tokens and the given secrets in a record's message and traceback."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        # Very short values would mask ordinary words; real secrets are long.
        self.secrets = tuple(s for s in secrets if len(s) >= 8)

    def clean(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return TOKEN.sub(MASK, text)

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = self.clean(record.getMessage()), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.clean(record.exc_text)
        if record.stack_info:
            record.stack_info = self.clean(record.stack_info)
        return True


def configure_logging(settings: Settings) -> None:
    """Log to stderr at LOG_LEVEL (unless logging is set up already), masking every secret."""
    root = logging.getLogger()
    if not root.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(handler)
        root.setLevel(settings.log_level)
    values = (
        settings.slack_bot_token,
        settings.slack_app_token,
        settings.slack_signing_secret,
        settings.query_log_salt,
    )
    secrets = tuple(value for value in values if value)
    for each in root.handlers:
        if not any(isinstance(f, Redact) for f in each.filters):
            each.addFilter(Redact(secrets))
    _redact_at_birth(secrets)


def _redact_at_birth(secrets: tuple[str, ...]) -> None:
    """Mask every record as it is made, so handlers added later (gunicorn's, pytest's) never see
    a secret either."""
    current = logging.getLogRecordFactory()
    known = getattr(current, "redact", None)
    if isinstance(known, Redact):
        known.secrets = tuple(dict.fromkeys((*known.secrets, *Redact(secrets).secrets)))
        return
    redact = Redact(secrets)

    def make_record(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = current(*args, **kwargs)
        redact.filter(record)
        return record

    make_record.redact = redact  # type: ignore[attr-defined]
    logging.setLogRecordFactory(make_record)
