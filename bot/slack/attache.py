"""`/attache help|status|reseed|report`: the maintainers' command, as Answer values."""

from __future__ import annotations

import logging

from bot.answer import Answer, Item
from bot.core import unavailable
from bot.slack.home import HOW_TO_ASK, read_overview, status_line
from store.db import Store

logger = logging.getLogger(__name__)

ADMIN_ONLY = ("reseed", "report")


def attache_answer(store: Store, text: str, user_id: str | None, admins: frozenset[str]) -> Answer:
    """The answer to one /attache line."""
    word = text.strip().lower()
    query = f"/attache {word}".strip()
    if word == "status":
        return _status(store, query)
    if word in ADMIN_ONLY:
        return _admin_only(word, query, user_id, admins)
    notice = "" if word in ("", "help") else f"I don't know `/attache {text.strip()[:50]}`."
    return help_answer(query, notice)


def help_answer(query: str = "/attache help", notice: str = "") -> Answer:
    """How to ask, and what /attache offers."""
    lines = tuple(f"{usage} — {what}, e.g. {example}" for usage, what, example in HOW_TO_ASK)
    lines += (
        "@Attaché <question> in a channel — answered in the thread; or a direct message",
        "/attache status — what the store holds and when it was last reseeded",
        "/attache reseed, /attache report — for the maintainers",
    )
    return Answer(query=query, intent="help", heading="How to ask Attaché", notice=notice,
                  items=(Item(title="Commands", lines=lines),), total=1)


def _status(store: Store, query: str) -> Answer:
    facts = read_overview(store)
    if facts is None:
        return unavailable(query)
    return Answer(query=query, intent="help", heading="Attaché status", notice=status_line(facts))


def _admin_only(word: str, query: str, user_id: str | None, admins: frozenset[str]) -> Answer:
    if user_id in admins:
        return Answer(query=query, intent="help", heading=f"/attache {word}",
                      notice=f"`/attache {word}` is not available from Slack yet; "
                             "run `python -m store reseed` on the server.")
    logger.warning("refused /attache %s for user %s: not in ADMIN_USER_IDS", word, user_id)
    return Answer(query=query, intent="help", heading=f"/attache {word}",
                  notice=f"`/attache {word}` is for the maintainers (ADMIN_USER_IDS) only.")
