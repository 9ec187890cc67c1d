"""The question last answered in a Slack thread, kept in the state so any worker can read it."""

from __future__ import annotations

import logging
from typing import Any

from store.state import StateStore, StateUnavailable
from store.state.threads import Context

logger = logging.getLogger(__name__)


def remember_thread(
    state: StateStore | None, event: dict[str, Any], thread: str | None, query: str, page: int = 1
) -> None:
    """Keep query as the context of the thread the bot just answered in (trouble only logged)."""
    channel = event.get("channel")
    if state is None or not isinstance(channel, str) or not thread or not query.strip():
        return
    try:
        state.threads.remember(channel, thread, query, page)
    except StateUnavailable as error:
        logger.warning("could not remember a thread: %s", error)


DM_THREAD = "dm"  # a DM's own conversation, outside any thread, keeps its context under this key


def recall_thread(
    state: StateStore | None, event: dict[str, Any], thread: str | None = None
) -> Context | None:
    """The context of the thread event is in (or of thread), or None (no thread, not ours,
    expired, trouble)."""
    channel, thread = event.get("channel"), thread or event.get("thread_ts")
    if state is None or not isinstance(channel, str) or not isinstance(thread, str):
        return None
    try:
        return state.threads.recall(channel, thread)
    except StateUnavailable as error:
        logger.warning("could not read a thread: %s", error)
        return None
