"""build_app(deps): the Bolt app with its Web API client, listeners and error handler."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App, BoltResponse, Respond, Say
from slack_bolt.error import BoltError

from bot.answer import Answer
from bot.config import ConfigError
from bot.core import answer_safely
from bot.slack import listeners
from bot.slack.blocks import render_blocks
from bot.slack.deps import Deps
from bot.slack.middleware import once_per_event, provide
from bot.slack.payloads import mention_thread
from bot.slack.webapi import web_client

logger = logging.getLogger(__name__)

REPLIED_EVENTS = ("app_mention", "message")


def build_app(deps: Deps) -> App:
    """The app for either mode; checks the bot token with auth.test and stops on a bad one.

    Commands are answered in the ack; events and buttons are acknowledged at once and handled on
    deps.background (bot.slack.after_ack), so no request waits on the Web API.
    """
    settings = deps.settings
    settings.require("SLACK_BOT_TOKEN")
    client = web_client(settings.slack_bot_token, settings.slack_api_url)
    try:
        app = App(
            client=client,
            signing_secret=settings.slack_signing_secret or "",
            process_before_response=True,  # no polling for the ack: answers come in it
            listener_executor=deps.background.listeners,
            name="attache",
        )
    except BoltError as error:
        raise ConfigError("SLACK_BOT_TOKEN was rejected by Slack's auth.test") from error
    except OSError as error:
        where = settings.slack_api_url
        raise ConfigError(f"SLACK_API_URL {where} cannot be reached: {error}") from error
    app.use(provide(deps))
    app.use(once_per_event(deps.state))
    listeners.register(app)
    app.error(tell_the_user)
    # Import the answering code and load what it knows now, not in the first person's 3 seconds.
    answer_safely(deps.store, "/visit")
    return app


def tell_the_user(
    error: Exception,
    body: dict[str, Any],
    respond: Respond | None,
    say: Say | None,
    response: BoltResponse | None = None,
) -> BoltResponse | None:
    """The one error handler: the traceback to the log, a short apology to the person.

    A command not yet acknowledged gets the apology in its ack; anything else gets it through its
    response_url, or in the thread for a mention or DM.
    """
    payload = body if isinstance(body, dict) else {}
    kind = payload.get("command") or payload.get("type")
    logger.error("could not handle a %s request", str(kind)[:40], exc_info=error)
    apology = render_blocks(sorry())
    if payload.get("command") and response is not None:
        return BoltResponse(status=200, body={"response_type": "ephemeral", **apology})
    event = payload.get("event")
    try:
        if respond is not None and payload.get("response_url"):
            respond(response_type="ephemeral", replace_original=False, **apology)
        elif say is not None and isinstance(event, dict) and event.get("type") in REPLIED_EVENTS:
            mention = event["type"] == "app_mention"
            say(thread_ts=mention_thread(event) if mention else event.get("thread_ts"), **apology)
    except Exception:
        logger.exception("could not tell the user about the error either")
    return BoltResponse(status=200, body="") if response is not None else None


def sorry() -> Answer:
    """The apology a person sees when something unexpected went wrong."""
    return Answer(
        query="",
        intent="error",
        heading="Sorry, something went wrong",
        notice="I could not answer that. Try again, or try `/attache help`.",
    )
