"""`/attache help|status|reseed|report|documents|remove <name>`: the maintainers' command.

help and status are for everyone; the others change or reveal the store's upkeep and are for
ADMIN_USER_IDS only: anyone else is told so, and the attempt is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.answer import Answer, Item
from bot.config import Settings
from bot.core import answer_safely, unavailable
from bot.slack.background import Background
from bot.slack.home import read_overview
from bot.slack.maintain import (
    documents_answer,
    removed_answer,
    report_answer,
    report_since,
    status_answer,
)
from bot.slack.reseeding import Reseeder, ReseedJob
from store.db import Store
from store.errors import StoreUnavailable
from store.intake import loaded_digests
from store.state import StateStore, StateUnavailable
from store.state.uploads import PREFIX

logger = logging.getLogger(__name__)

EVERYONE = ("help", "status")
ADMIN_ONLY = ("reseed", "report", "documents", "remove")
WORDS = EVERYONE + ADMIN_ONLY
EVERYONE_ITEM = Item(
    title="/attache — about Attaché itself",
    lines=(
        "/attache status — what the store holds and its last reseed (when, by whom, how long)",
        "Mention @Attaché with a question in a channel (answered in the thread; replies in the "
        "thread need no new mention), or send a direct message.",
    ),
)
MAINTAINERS = Item(
    title="/attache — for the maintainers",
    lines=(
        "/attache status — what the store holds and its last reseed (when, by whom, how long)",
        "/attache reseed — rebuild the store from seeds/ and the uploads (admins)",
        "/attache report — last week's questions: most asked, unanswered, unsure, voted down (admins)",
        "/attache documents, /attache remove <name> — the documents uploaded from Slack (admins)",
        "Admins add a document by sending me a .txt file, or `add:` and the text, in a direct message.",
        "Mention @Attaché with a question in a channel (answered in the thread), "
        "or send a direct message.",
    ),
)


@dataclass(frozen=True)
class AttacheRequest:
    """One /attache line and what answering it may need."""

    store: Store
    settings: Settings
    state: StateStore | None
    user_id: str | None
    reseeder: Reseeder
    background: Background
    tell_later: Callable[[Answer], None]  # posts the reseed summary when it is done


def attache_answer(request: AttacheRequest, text: str) -> Answer:
    """The answer to one /attache line."""
    word, _, argument = " ".join(text.split()).partition(" ")
    word = word.lower()
    if word == "status":
        return _status(request)
    if word in ADMIN_ONLY:
        if request.user_id not in request.settings.admin_user_ids:
            return refuse(f"/attache {word}", request.user_id)
        return _admin(request, word, argument)
    notice = "" if word in ("", "help") else f"I don't know `/attache {word[:50]}`."
    return help_answer(request.store, notice, request.user_id in request.settings.admin_user_ids)


def refuse(action: str, user_id: str | None, label: str | None = None) -> Answer:
    """What someone outside ADMIN_USER_IDS gets for an admin action; the attempt is logged."""
    logger.warning("refused %s for user %s: not in ADMIN_USER_IDS", action, user_id)
    return Answer(
        query=action,
        intent="help",
        heading=(label or action)[:100],
        notice=f"{label or f'`{action[:100]}`'} is for the maintainers (ADMIN_USER_IDS) only.",
    )


def help_answer(store: Store, notice: str = "", maintainer: bool = False) -> Answer:
    """The core's usage and an optional first sentence; the maintainers' commands are listed to
    maintainers only (everyone else sees /attache status)."""
    answer = answer_safely(store, "/attache help")
    if answer.intent == "error":
        return answer
    return replace(
        answer,
        notice="\n\n".join(n for n in (notice, answer.notice) if n),
        items=(*answer.items, MAINTAINERS if maintainer else EVERYONE_ITEM),
        total=answer.total + 1,
        page_size=answer.page_size + 1,
    )


def _status(request: AttacheRequest) -> Answer:
    facts = read_overview(request.store)
    if facts is None:
        return unavailable("/attache status")
    uploads = None
    if request.state is not None:
        try:
            uploads = (request.state.uploads.listing(), _loaded(request.store))
        except StateUnavailable as error:
            logger.warning("status without the uploads: %s", error)
    return status_answer(facts, uploads, request.reseeder, request.state)


def _loaded(store: Store) -> set[str] | None:
    try:
        return loaded_digests(store)
    except StoreUnavailable:
        return None


def _admin(request: AttacheRequest, word: str, argument: str) -> Answer:
    state = request.state
    if word == "reseed":
        by = f"slack:{request.user_id}"
        job = ReseedJob(request.store.database_url, request.settings.seeds_dir, by, state)
        return request.reseeder.start(job, request.background, request.tell_later)
    if state is None:
        return _state_unavailable(f"/attache {word}")
    try:
        if word == "report":
            return report_answer(state.report(report_since()))
        if word == "documents":
            return documents_answer(state.uploads.listing(), _loaded(request.store))
        name = argument.removeprefix(PREFIX).strip()
        removed = bool(name) and state.uploads.remove(name)
        if removed:
            logger.info("upload %s removed by %s", name[:100], request.user_id)
        names = [u.name for u in state.uploads.listing()] if not removed else []
        return removed_answer(name, removed, names)
    except StateUnavailable as error:
        logger.error("/attache %s: %s", word, error)
        return _state_unavailable(f"/attache {word}")


def _state_unavailable(query: str) -> Answer:
    return Answer(
        query=query,
        intent="error",
        heading="The bot's records are unavailable",
        notice="Uploads, votes and the query log cannot be read right now; try again shortly.",
    )
