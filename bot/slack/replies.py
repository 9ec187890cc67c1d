"""How answers go back: privately to one person, or later, when the work is done."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from slack_bolt import Respond
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.answer import Answer
from bot.slack.blocks import render_blocks

logger = logging.getLogger(__name__)


RENDERED_KEPT = 256
# id(answer), shareable -> (the answer itself, its payload): a kept answer is the same object at
# every request, and rendering it again cost more than the rest of a repeated question. The answer
# is held, so its id is not reused while it is here. The payload is shared: nothing mutates it.
_rendered: OrderedDict[tuple[int, bool], tuple[Answer, dict[str, Any]]] = OrderedDict()
_rendered_lock = threading.Lock()


def private(answer: Answer, shareable: bool = False) -> dict[str, Any]:
    """An ephemeral reply: only the person who asked sees it."""
    return {"response_type": "ephemeral", **_blocks(answer, shareable)}


def _blocks(answer: Answer, shareable: bool) -> dict[str, Any]:
    key = (id(answer), shareable)
    with _rendered_lock:
        kept = _rendered.get(key)
        if kept is not None and kept[0] is answer:
            _rendered.move_to_end(key)
            return kept[1]
    payload = render_blocks(answer, shareable=shareable)
    with _rendered_lock:
        _rendered[key] = (answer, payload)
        while len(_rendered) > RENDERED_KEPT:
            _rendered.popitem(last=False)
    return payload


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
