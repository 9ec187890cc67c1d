"""Asking the core from Slack: the answer within Slack's 3 seconds (or a placeholder and the answer
later), then a line in the query log."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, Respond

from bot.answer import Answer
from bot.config import Settings
from bot.core import answer_safely
from bot.dispatch import kept_answer
from bot.slack.background import Background
from store.db import Store
from store.state import StateStore, StateUnavailable
from store.state.querylog import Asked, hash_user, query_key

logger = logging.getLogger(__name__)

ANSWER_BUDGET_SECONDS = 2.0  # Slack waits 3 s for the ack; the rest is for the way back
LOOKING_TEXT = "Looking that up…"
DAY = 24 * 3600


@dataclass(frozen=True)
class Timed:
    answer: Answer
    latency_ms: int


def timed_answer(store: Store, query: str, page: int = 1) -> Timed:
    """The core's answer and how long it took."""
    started = time.perf_counter()
    answer = answer_safely(store, query, page)
    return Timed(answer, round((time.perf_counter() - started) * 1000))


def kept_timed(store: Store, query: str, page: int = 1) -> Timed | None:
    """The kept answer to a repeated question, found without the store or a thread, else None."""
    started = time.perf_counter()
    answer = kept_answer(store, query, page)
    if answer is None:
        return None
    return Timed(answer, round((time.perf_counter() - started) * 1000))


def answer_id(query: str, page: int) -> str:
    """What identifies an answer for votes: the question (case and spacing aside) and its page."""
    return hashlib.sha256(f"{query_key(query)}\n{page}".encode()).hexdigest()[:16]


def ack_in_time(
    ack: Ack,
    respond: Respond,
    background: Background,
    work: Callable[[], Timed],
    render: Callable[[Answer], dict[str, Any]],
    then: Callable[[Timed], None] = lambda _timed: None,
    kept: Callable[[], Timed | None] = lambda: None,
) -> None:
    """Ack with the rendered answer if it is ready within the budget, else ack a placeholder and
    replace it through the response_url when the answer comes; then `then` (the query log), once
    Slack has its answer. `then` must not wait: it hands what takes time to the work pool.

    The request thread never waits past the budget: Bolt answers Slack when this returns. An
    answer `kept` already has is acked at once, without handing the work to the pool.
    """
    timed = kept()
    if timed is not None:
        ack(**render(timed.answer))
        then(timed)
        return
    pending = background.submit(work)
    try:
        timed = pending.result(timeout=ANSWER_BUDGET_SECONDS)
    except FutureTimeout:
        ack(response_type="ephemeral", text=LOOKING_TEXT)
        background.submit(_answer_later, pending, respond, render, then)
        return
    ack(**render(timed.answer))
    then(timed)


def _answer_later(
    pending: Future[Timed],
    respond: Respond,
    render: Callable[[Answer], dict[str, Any]],
    then: Callable[[Timed], None],
) -> None:
    timed = pending.result()
    respond(replace_original=True, **render(timed.answer))
    then(timed)


def log_question(
    state: StateStore | None,
    settings: Settings,
    user_id: str | None,
    source: str,
    timed: Timed,
    page: int = 1,
) -> None:
    """One line in the query log; trouble with the state is logged, never shown to the person."""
    if state is None or timed.answer.intent == "error":
        return
    try:
        user = state.queries.user_hash(user_id, settings.query_log_salt)
        state.log_question(_asked(timed, page, source), user, keep_seconds=_keep_seconds(settings))
    except StateUnavailable as error:
        logger.warning("could not log a query: %s", error)


def log_soon(
    state: StateStore | None,
    settings: Settings,
    background: Background,
    user_id: str | None,
    source: str,
    page: int = 1,
) -> Callable[[Timed], None]:
    """log_question without waiting: the line is queued at once and written on the work pool,
    in one transaction with the other lines of a busy moment (one pool task for them all)."""

    def log(timed: Timed) -> None:
        if state is None or timed.answer.intent == "error":
            return
        salt = state.queries.known_salt(settings.query_log_salt)
        if salt is None:  # read from the state first, which may wait: on the pool
            background.submit(log_question, state, settings, user_id, source, timed, page)
            return
        if state.queue_question(_asked(timed, page, source), hash_user(user_id, salt)):
            background.submit(_write_questions, state, settings)

    return log


def _write_questions(state: StateStore, settings: Settings) -> None:
    try:
        state.write_questions(keep_seconds=_keep_seconds(settings))
    except StateUnavailable as error:
        logger.warning("could not log a query: %s", error)


def _keep_seconds(settings: Settings) -> float:
    return settings.query_log_days * DAY


def _asked(timed: Timed, page: int, source: str) -> Asked:
    answer = timed.answer
    return Asked(
        query=answer.query,
        source=source,
        intent=answer.extra.get("route", answer.intent),
        score=_number(answer.extra.get("score")),
        results=answer.total,
        empty=answer.empty,
        latency_ms=timed.latency_ms,
        answer_id=answer_id(answer.query, page),
    )


def _number(raw: str | None) -> float:
    try:
        return float(raw) if raw is not None else 0.0
    except ValueError:
        return 0.0
