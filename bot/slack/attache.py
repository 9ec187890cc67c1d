"""`/attache help|status|reseed|report`: the maintainers' command, as Answer values."""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.answer import Answer, Item
from bot.core import answer_safely, unavailable
from bot.slack.home import read_overview, status_line
from store.db import Store

logger = logging.getLogger(__name__)

ADMIN_ONLY = ("reseed", "report")
MAINTAINERS = Item(
    title="/attache status|reseed|report — for the maintainers",
    lines=(
        "/attache status — how many documents the store holds and when it was last reseeded",
        "/attache reseed, /attache report — for ADMIN_USER_IDS only",
        "Mention @Attaché with a question in a channel (answered in the thread), "
        "or send a direct message.",
    ),
)


def attache_answer(store: Store, text: str, user_id: str | None, admins: frozenset[str]) -> Answer:
    """The answer to one /attache line."""
    word = " ".join(text.split()).lower()
    if word == "status":
        return _status(store)
    if word in ADMIN_ONLY:
        return _admin_only(word, user_id, admins)
    notice = "" if word in ("", "help") else f"I don't know `/attache {word[:50]}`."
    return help_answer(store, notice)


def help_answer(store: Store, notice: str = "") -> Answer:
    """The core's usage, with the maintainers' commands added and an optional first sentence."""
    answer = answer_safely(store, "/attache help")
    if answer.intent == "error":
        return answer
    return replace(
        answer,
        notice="\n\n".join(n for n in (notice, answer.notice) if n),
        items=(*answer.items, MAINTAINERS),
        total=answer.total + 1,
        page_size=answer.page_size + 1,
    )


def _status(store: Store) -> Answer:
    facts = read_overview(store)
    if facts is None:
        return unavailable("/attache status")
    return Answer(
        query="/attache status", intent="help", heading="Attaché status", notice=status_line(facts)
    )


def _admin_only(word: str, user_id: str | None, admins: frozenset[str]) -> Answer:
    query = f"/attache {word}"
    if user_id in admins:
        return Answer(
            query=query,
            intent="help",
            heading=query,
            notice=f"`{query}` is not available from Slack yet; "
            "run `python -m store reseed` on the server.",
        )
    logger.warning("refused %s for user %s: not in ADMIN_USER_IDS", query, user_id)
    return Answer(
        query=query,
        intent="help",
        heading=query,
        notice=f"`{query}` is for the maintainers (ADMIN_USER_IDS) only.",
    )
