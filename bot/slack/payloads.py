"""Reading what Slack sends: button values, mention text, which messages to answer and where."""

from __future__ import annotations

import html
import json
import re
from typing import Any

MAX_PAGE = 1000
MAX_VALUE_CHARS = 4000
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")

Payload = dict[str, Any]


def button_query(raw: object) -> tuple[str, int] | None:
    """The (query, page) a button of ours carries, or None when the value is not one of ours."""
    if not isinstance(raw, str) or len(raw) > MAX_VALUE_CHARS:
        return None
    try:
        data = json.loads(html.unescape(raw))
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    query, page = data.get("q"), data.get("p", 1)
    if not isinstance(query, str) or not query.strip():
        return None
    if isinstance(page, bool) or not isinstance(page, int) or not 1 <= page <= MAX_PAGE:
        return None
    return query, page


def strip_mention(text: object, bot_user_id: str | None) -> str:
    """The text of a mention without the bot's own <@U…> (other mentions stay, escaped later)."""
    if not isinstance(text, str):
        return ""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    return " ".join(text.split())


def is_person_talking(event: Payload) -> bool:
    """A plain message from a person: not a bot, not an edit, deletion or other subtype."""
    return (
        not event.get("bot_id")
        and not event.get("bot_profile")
        and not event.get("subtype")
        and isinstance(event.get("user"), str)
        and isinstance(event.get("text"), str)
    )


def is_file_share(event: Payload) -> bool:
    """A person sharing files with the bot (an upload), not a bot and not an edit."""
    return (
        event.get("subtype") == "file_share"
        and not event.get("bot_id")
        and isinstance(event.get("user"), str)
        and isinstance(event.get("files"), list)
    )


def mention_thread(event: Payload) -> str | None:
    """Where a mention is answered: its thread, or a new thread under it."""
    thread = event.get("thread_ts") or event.get("ts")
    return thread if isinstance(thread, str) else None


def message_thread(body: Payload) -> str | None:
    """The thread of the message a button was on, if it was in one."""
    for holder in (body.get("container"), body.get("message")):
        if isinstance(holder, dict) and isinstance(holder.get("thread_ts"), str):
            return holder["thread_ts"]
    return None


def user_of(body: Payload) -> str | None:
    """The id of the person who sent a command or pressed a button."""
    user = body.get("user")
    candidate = user.get("id") if isinstance(user, dict) else body.get("user_id")
    return candidate if isinstance(candidate, str) and _USER_ID.match(candidate) else None


def event_user(event: Payload) -> str | None:
    """The id of the person an event (a mention, a DM) comes from."""
    user = event.get("user")
    return user if isinstance(user, str) and _USER_ID.match(user) else None


def channel_of(body: Payload) -> str | None:
    """The id of the conversation a button was pressed in."""
    channel = body.get("channel")
    candidate = channel.get("id") if isinstance(channel, dict) else body.get("channel_id")
    return candidate if isinstance(candidate, str) and candidate.isalnum() else None


def shared_by(payload: Payload, user_id: str | None, limit: int = 50) -> Payload:
    """The payload with a 'Shared by @someone' line, when there is room and a valid user id."""
    blocks = list(payload.get("blocks", []))
    if user_id is None or len(blocks) >= limit:
        return payload
    line = {"type": "mrkdwn", "text": f"Shared by <@{user_id}>"}
    context = {"type": "context", "elements": [line]}
    return {**payload, "blocks": [*blocks, context]}
