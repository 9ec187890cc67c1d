"""Settings, read once from the environment (and .env) into a frozen value passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from store.settings import SettingsError, StoreSettings

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_QUERY_LOG_DAYS = 90
DEFAULT_WEB_WORKERS = 2  # Heroku sets WEB_CONCURRENCY by dyno size; this is for everywhere else


class ConfigError(Exception):
    """A required setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    seeds_dir: Path
    # Secrets stay out of repr(), so a logged Settings never shows them.
    slack_bot_token: str | None = field(repr=False)
    slack_signing_secret: str | None = field(repr=False)
    slack_app_token: str | None = field(repr=False)
    slack_api_url: str
    admin_user_ids: frozenset[str]
    log_level: str
    query_log_salt: str | None = field(
        default=None, repr=False
    )  # None: one generated at first use, kept in the state
    query_log_days: int = DEFAULT_QUERY_LOG_DAYS

    @classmethod
    def from_env(cls) -> Settings:
        """Every variable of the contract, with its default."""
        try:
            store = StoreSettings.from_env()
        except SettingsError as error:
            raise ConfigError(str(error)) from None
        level = os.environ.get("LOG_LEVEL", "INFO").strip().upper() or "INFO"
        if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
            raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, not {level!r}")
        api_url = os.environ.get("SLACK_API_URL", "").strip() or DEFAULT_SLACK_API_URL
        if not api_url.startswith(("http://", "https://")):
            raise ConfigError("SLACK_API_URL must be an http(s) URL")
        return cls(
            database_url=store.database_url,
            seeds_dir=store.seeds_dir,
            slack_bot_token=_optional("SLACK_BOT_TOKEN"),
            slack_signing_secret=_optional("SLACK_SIGNING_SECRET"),
            slack_app_token=_optional("SLACK_APP_TOKEN"),
            slack_api_url=api_url if api_url.endswith("/") else api_url + "/",
            admin_user_ids=frozenset(
                u.strip() for u in os.environ.get("ADMIN_USER_IDS", "").split(",") if u.strip()
            ),
            log_level=level,
            query_log_salt=_optional("QUERY_LOG_SALT"),
            query_log_days=_days("QUERY_LOG_RETENTION_DAYS", DEFAULT_QUERY_LOG_DAYS),
        )

    def require(self, *names: str) -> None:
        """Stop with one line naming the first missing variable among names."""
        for name in names:
            if not getattr(self, name.lower()):
                raise ConfigError(f"{name} is not set (see .env.example)")

    @property
    def has_slack(self) -> bool:
        return bool(self.slack_bot_token and (self.slack_signing_secret or self.slack_app_token))


def web_concurrency() -> int:
    """How many gunicorn workers serve HTTP: WEB_CONCURRENCY (as Heroku sets it), else 2."""
    raw = os.environ.get("WEB_CONCURRENCY", "").strip()
    if not raw:
        return DEFAULT_WEB_WORKERS
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= 64:
        raise ConfigError(f"WEB_CONCURRENCY must be a whole number from 1 to 64, not {raw[:20]!r}")
    return int(raw)


def _days(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isascii() or not raw.isdigit() or not 1 <= int(raw) <= 3650:
        raise ConfigError(f"{name} must be a whole number of days from 1 to 3650, not {raw[:20]!r}")
    return int(raw)


def _optional(name: str) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or None
