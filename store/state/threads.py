"""Thread contexts: what the bot last answered in a Slack thread, so that later messages in the
thread ("and in October?", "more") are read against it. Shared by every worker; contexts expire."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Engine, delete, select

from store.state.base import transaction, upsert
from store.state.schema import ThreadContext

KEEP_SECONDS = 3 * 24 * 3600  # a thread picked up again after three days starts afresh
MAX_QUERY_CHARS = 500


@dataclass(frozen=True)
class Context:
    """The question last answered in a thread, and the page of it that was shown."""

    query: str
    page: int
    at: float


class Threads:
    """The thread_contexts table."""

    def __init__(self, engine: Engine, keep_seconds: float = KEEP_SECONDS) -> None:
        self.engine = engine
        self.keep_seconds = keep_seconds

    def remember(
        self, channel: str, thread_ts: str, query: str, page: int = 1, now: float | None = None
    ) -> None:
        """Keep query (and its page) as the thread's context; the latest answer wins."""
        now = time.time() if now is None else now
        values = {
            "channel": channel[:40],
            "thread_ts": thread_ts[:40],
            "query": query[:MAX_QUERY_CHARS],
            "page": page,
            "at": now,
        }
        statement = upsert(self.engine, ThreadContext, values, ["channel", "thread_ts"])
        with transaction(self.engine, "remember a thread") as connection:
            connection.execute(statement)
            connection.execute(
                delete(ThreadContext).where(ThreadContext.at < now - self.keep_seconds)
            )

    def recall(self, channel: str, thread_ts: str, now: float | None = None) -> Context | None:
        """The thread's context, or None when the bot has not answered there (or long ago)."""
        now = time.time() if now is None else now
        query = select(ThreadContext).where(
            ThreadContext.channel == channel[:40],
            ThreadContext.thread_ts == thread_ts[:40],
            ThreadContext.at >= now - self.keep_seconds,
        )
        with transaction(self.engine, "read a thread") as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        return Context(row.query, row.page, row.at)
