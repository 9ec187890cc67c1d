"""The answering core's entry points: one query line in, one Answer out."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from bot.answer import Answer, Item
from store.db import Store
from store.errors import StoreUnavailable

if TYPE_CHECKING:
    from bot.followup import FollowUp

logger = logging.getLogger(__name__)

MAX_QUERY_CHARS = 500


def ask(store: Store, query: str, page: int = 1) -> Answer:
    """Route a slash command line or free text and answer it; raises StoreUnavailable."""
    from bot.dispatch import dispatch

    if len(query) > MAX_QUERY_CHARS:
        return Answer(
            query=query[:MAX_QUERY_CHARS],
            intent="help",
            heading="That question is too long",
            notice=f"Please keep questions under {MAX_QUERY_CHARS} characters, e.g. `/commitment trade`.",
        )
    return dispatch(store, query, page)


def answer_safely(store: Store, query: str, page: int = 1) -> Answer:
    """ask(), with database trouble and unexpected errors turned into a short apology."""
    try:
        return ask(store, query, page)
    except StoreUnavailable as error:
        logger.error("store unavailable: %s", error)
        return unavailable(query)
    except Exception:
        logger.exception("could not answer %r", query[:200])
        return Answer(
            query=query,
            intent="error",
            heading="Sorry, something went wrong",
            notice="I could not answer that. Try again, or try a simpler question such as `/visit` or `/commitment trade`.",
        )


def warm_up(store: Store) -> None:
    """Load what answers need now (the answering code, the store's knowledge, the meaning model)
    rather than during the first person's question and Slack's 3 seconds."""
    from store import meaning

    answer_safely(store, "/visit")
    meaning.model()


def unavailable(query: str) -> Answer:
    """The answer while the store cannot be read."""
    return Answer(
        query=query,
        intent="error",
        heading="The store is unavailable",
        notice="The store is unavailable, try again shortly.",
    )


def read_follow_up(store: Store, text: str, previous: str, previous_page: int) -> FollowUp:
    """What a message in a thread asks, read against the question last answered there and the
    first item of the answer it got (answered again only when the message needs it)."""
    from bot.followup import read_in_thread
    from bot.knowledge import knowledge

    with store.session() as session:
        known = knowledge(session, store.database_url)

    def subject() -> Item | None:
        last = ask(store, previous, previous_page)
        if last.empty or not last.items or (last.intent == "who" and last.total > 1):
            return None  # nothing shown, or several people: "he" is not one of them
        return last.items[0]

    return read_in_thread(text, previous, previous_page, known, subject)
