"""The one place an unexpected failure becomes a log line with its traceback and a short apology
to the person: Bolt's error handler for the app, and the same for work after the ack (lazy
listeners). A module of its own, so the listeners and the app both import it without a loop."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltResponse, Respond, Say

from bot.answer import Answer
from bot.slack.blocks import render_blocks
from bot.slack.payloads import mention_thread

logger = logging.getLogger("bot.slack.app")  # the name these lines have always been logged under

REPLIED_EVENTS = ("app_mention", "message")


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
