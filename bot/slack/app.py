"""build_app(settings, store): the Bolt app with its Web API client, listeners and error handler."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltResponse, Respond, Say
from slack_bolt.error import BoltError
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
)

from bot.answer import Answer
from bot.config import ConfigError, Settings
from bot.slack import listeners
from bot.slack.blocks import render_blocks
from bot.slack.middleware import once_per_event, provide
from bot.slack.payloads import mention_thread
from store.db import Store
from store.state import StateStore, StateUnavailable

logger = logging.getLogger(__name__)

WEB_API_TIMEOUT_SECONDS = 10
REPLIED_EVENTS = ("app_mention", "message")


def build_app(settings: Settings, store: Store) -> App:
    """The app for either mode; checks the bot token with auth.test and stops on a bad one."""
    settings.require("SLACK_BOT_TOKEN")
    client = WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        timeout=WEB_API_TIMEOUT_SECONDS,
        retry_handlers=[
            ConnectionErrorRetryHandler(),
            RateLimitErrorRetryHandler(max_retry_count=2),
        ],
    )
    try:
        app = App(
            client=client,
            signing_secret=settings.slack_signing_secret or "",
            process_before_response=True,  # answer in the ack: no polling, no background threads
            name="attache",
        )
    except BoltError as error:
        raise ConfigError("SLACK_BOT_TOKEN was rejected by Slack's auth.test") from error
    except OSError as error:
        where = settings.slack_api_url
        raise ConfigError(f"SLACK_API_URL {where} cannot be reached: {error}") from error
    app.use(provide(store, settings))
    app.use(once_per_event(_state(store)))
    listeners.register(app)
    app.error(tell_the_user)
    return app


def _state(store: Store) -> StateStore | None:
    try:
        return StateStore.open(store.database_url)
    except StateUnavailable as error:
        logger.error("retried events may be answered twice: %s", error)
        return None


def tell_the_user(
    error: Exception, body: dict[str, Any], respond: Respond | None, say: Say | None
) -> BoltResponse:
    """The one error handler: the traceback to the log, a short apology to the person."""
    kind = (body.get("command") or body.get("type")) if isinstance(body, dict) else None
    logger.error("could not handle a %s request", str(kind)[:40], exc_info=error)
    apology = render_blocks(sorry())
    if isinstance(body, dict) and body.get("command"):
        return BoltResponse(status=200, body={"response_type": "ephemeral", **apology})
    event = body.get("event") if isinstance(body, dict) else None
    try:
        if respond is not None and body.get("response_url"):
            respond(response_type="ephemeral", replace_original=False, **apology)
        elif say is not None and isinstance(event, dict) and event.get("type") in REPLIED_EVENTS:
            mention = event["type"] == "app_mention"
            say(thread_ts=mention_thread(event) if mention else event.get("thread_ts"), **apology)
    except Exception:
        logger.exception("could not tell the user about the error either")
    return BoltResponse(status=200, body="")


def sorry() -> Answer:
    """The apology a person sees when something unexpected went wrong."""
    return Answer(
        query="",
        intent="error",
        heading="Sorry, something went wrong",
        notice="I could not answer that. Try again, or try `/attache help`.",
    )
