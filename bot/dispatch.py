"""Route a line and hand it to the answer for its intent."""

from __future__ import annotations

import importlib
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace

from sqlalchemy.orm import Session

from bot.answer import Answer
from bot.answers.common import Context
from bot.knowledge import Knowledge, knowledge
from bot.question import parse
from store.db import GENERATION, Store
from store.errors import StoreUnavailable

# Each intent's answer, imported when first asked: `attache ask "/commitment trade"` starts in a
# new process and loads only the commitment answer (free text loads them all).
_ANSWERS = {
    "commitment": ("bot.answers.commitments", "answer_commitments"),
    "visit": ("bot.answers.visits", "answer_visits"),
    "who": ("bot.answers.people", "answer_who"),
    "figure": ("bot.answers.figures", "answer_figures"),
    "search": ("bot.answers.search", "answer_search"),
    "help": ("bot.answers.usage", "help_answer"),
}


def answer_for(intent: str) -> Callable[[Context], Answer]:
    """The answer function of a command's intent."""
    module, name = _ANSWERS[intent]
    answer: Callable[[Context], Answer] = getattr(importlib.import_module(module), name)
    return answer


_CACHE_SIZE = 512
_cache: OrderedDict[tuple[str, str | None, str, int], Answer] = OrderedDict()
# (database URL, build identity) -> the build stamp read from that very build, so that a kept
# answer to a repeated question is found without a session. SQLite: the file's identity;
# PostgreSQL: the generation the pointer names, as a listening connection knows it (no statement
# at all, on the request thread), else read (one statement instead of a session's, in dispatch).
Identity = tuple[int, ...] | str
_stamps: dict[tuple[str, Identity], str | None] = {}
_latest: dict[str, str | None] = {}  # database URL -> the stamp of the build read last
_cache_lock = threading.Lock()


def dispatch(store: Store, query: str, page: int = 1) -> Answer:
    """The answer to one line (a slash command or free text), one page of it.

    Answers are kept per build of the store: the same question is answered once per reseed.
    """
    # Before the session opens the file: a reseed between the two maps an identity that is never
    # seen again, never a new file to an old stamp.
    identity: Identity | None = store.file_identity()
    try:
        if identity is None and _asked_lately(store.database_url, query, page):
            kept = _kept(store.database_url, store.build_identity(), query, page)
            if kept is not None:
                return kept
        with store.session() as session:
            # PostgreSQL: the generation this session pinned, read in the same transaction.
            identity = session.info.get(GENERATION, identity)
            return _kept_or_answered(store, session, identity, query, page)
    except StoreUnavailable:
        # The file may be the same and yet unreadable now (locked, damaged in place): answers
        # read from it are no longer handed out until the store has been read again.
        _forget_stamps(store.database_url)
        raise


def _kept_or_answered(
    store: Store, session: Session, identity: Identity | None, query: str, page: int
) -> Answer:
    known = knowledge(session, store.database_url)
    cache_key = (store.database_url, known.stamp, query, page)
    with _cache_lock:
        if identity is not None:
            _stamps[(store.database_url, identity)] = known.stamp
            _latest[store.database_url] = known.stamp
            while len(_stamps) > _CACHE_SIZE:
                del _stamps[next(iter(_stamps))]
        if cache_key in _cache:
            _cache.move_to_end(cache_key)
            return _cache[cache_key]
    answer = _answer(store, session, known, query, page)
    with _cache_lock:
        _cache[cache_key] = answer
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return answer


def _forget_stamps(database_url: str) -> None:
    with _cache_lock:
        for kept in [k for k in _stamps if k[0] == database_url]:
            del _stamps[kept]
        _latest.pop(database_url, None)


def _asked_lately(database_url: str, query: str, page: int) -> bool:
    """Whether an answer to this line from the build read last is kept (then the current build
    is worth a statement: a new question goes straight to its session)."""
    with _cache_lock:
        if database_url not in _latest:
            return False
        return (database_url, _latest[database_url], query, page) in _cache


def _kept(database_url: str, identity: Identity | None, query: str, page: int) -> Answer | None:
    """The answer kept for this line from the build identified, if any."""
    if identity is None:
        return None
    with _cache_lock:
        if (database_url, identity) not in _stamps:
            return None
        stamp = _stamps[(database_url, identity)]
        cache_key = (database_url, stamp, query, page)
        answer = _cache.get(cache_key)
        if answer is not None:
            _cache.move_to_end(cache_key)
        return answer


def kept_answer(store: Store, query: str, page: int = 1) -> Answer | None:
    """The answer dispatch() keeps for this line, when it can be had without reading the store
    (the SQLite file, or the PostgreSQL generation a listening connection vouches for, is the
    one the kept answers were read from); None means ask dispatch(), which on PostgreSQL finds a
    kept answer with one statement while no listener vouches."""
    return _kept(store.database_url, store.known_identity(), query, page)


def clear_cache() -> None:
    """Forget every kept answer (benchmarks measure the work behind a new question)."""
    with _cache_lock:
        _cache.clear()
        _stamps.clear()
        _latest.clear()


def _answer(store: Store, session: Session, known: Knowledge, query: str, page: int) -> Answer:
    question = parse(query, known, known.latest)
    chosen = question.route
    ctx = Context(store, session, known, query, chosen.argument, page)
    if question.kind in ("help", "command"):
        answer = answer_for(chosen.intent)(ctx)
    else:
        from bot.answers.asked import answer_question

        answer = answer_question(ctx, question)
    # How the line was read, for the query log (extra takes no part in comparisons).
    routed = {"route": chosen.intent, "kind": question.kind, "score": f"{chosen.score:g}"}
    return replace(answer, extra={**answer.extra, **routed})
