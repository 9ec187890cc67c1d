"""How answers go back: privately to one person, or later, when the work is done."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answer import Answer
from bot.slack.blocks import render_blocks

logger = logging.getLogger(__name__)


def private(answer: Answer, shareable: bool = False) -> dict[str, Any]:
    """An ephemeral reply: only the person who asked sees it."""
    return {"response_type": "ephemeral", **render_blocks(answer, shareable=shareable)}


def follow_up(
    respond: Respond | None, client: WebClient, user_id: str | None
) -> Callable[[Answer], None]:
    """Post an answer later: privately through the response_url (valid 30 minutes), else in the
    person's DM with the bot."""

    def tell(answer: Answer) -> None:
        payload = render_blocks(answer)
        if respond is not None and respond.response_url:
            try:
                sent = respond(response_type="ephemeral", replace_original=False, **payload)
                if sent.status_code == 200:
                    return
            except OSError as error:
                logger.warning("could not post a follow-up to the response_url: %s", error)
        if user_id is None:
            logger.warning("could not post a follow-up: no response_url and no user")
            return
        try:
            client.chat_postMessage(channel=user_id, **payload)
        except SlackApiError as error:
            logger.error("could not post a follow-up: %s", error.response.get("error"))

    return tell
