"""The state tables: what the bot writes, kept apart from the store that every reseed replaces.

Names are distinct from the store's own tables, since on PostgreSQL both live in one database.
A change here needs a revision under migrations/versions (tests/state checks that they agree).
Floats are Double explicitly: SQLAlchemy releases differ on what a bare float maps to.
"""

from __future__ import annotations

from sqlalchemy import Double, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class StateBase(DeclarativeBase):
    pass


class HandledEvent(StateBase):
    """A Slack event id some worker has answered (Slack retries events it thinks were missed)."""

    __tablename__ = "handled_events"
    event_id: Mapped[str] = mapped_column(String(100), primary_key=True)
    handled_at: Mapped[float] = mapped_column(Double, index=True)

    def __repr__(self) -> str:
        return f"HandledEvent({self.event_id!r}, {self.handled_at})"


class Upload(StateBase):
    """A document an admin sent the bot in Slack; reseeds load it beside seeds/."""

    __tablename__ = "uploaded_documents"
    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int]
    uploaded_by: Mapped[str] = mapped_column(String(40))
    uploaded_at: Mapped[float] = mapped_column(Double)

    def __repr__(self) -> str:
        return f"Upload({self.name!r}, {self.size} bytes)"


class QueryRecord(StateBase):
    """One question asked: how it was routed and answered; the asker only as a salted hash."""

    __tablename__ = "query_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[float] = mapped_column(Double, index=True)
    user_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(16))  # command | mention | dm | button
    query: Mapped[str] = mapped_column(Text)
    query_key: Mapped[str] = mapped_column(String(500))  # lower case, spaces folded: for grouping
    intent: Mapped[str] = mapped_column(String(20))
    score: Mapped[float] = mapped_column(Double)
    results: Mapped[int]
    empty: Mapped[bool]
    latency_ms: Mapped[int]
    answer_id: Mapped[str] = mapped_column(String(32))

    def __repr__(self) -> str:
        return f"QueryRecord({self.id}, {self.query_key!r}, {self.intent}, {self.results})"


class Vote(StateBase):
    """A 👍 (+1) or 👎 (-1) on an answer; one per person and answer, the latest press wins."""

    __tablename__ = "answer_votes"
    answer_id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    query: Mapped[str] = mapped_column(Text)
    page: Mapped[int]
    vote: Mapped[int]
    at: Mapped[float] = mapped_column(Double, index=True)

    def __repr__(self) -> str:
        return f"Vote({self.answer_id!r}, {self.vote:+d})"


class ReseedRun(StateBase):
    """A reseed started from Slack: who, when, how long, and how it ended."""

    __tablename__ = "reseed_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[float] = mapped_column(Double, index=True)
    finished_at: Mapped[float] = mapped_column(Double)
    by: Mapped[str] = mapped_column(String(100))
    outcome: Mapped[str] = mapped_column(String(16))  # ok | failed | busy
    detail: Mapped[str] = mapped_column(Text)

    def __repr__(self) -> str:
        return f"ReseedRun({self.id}, {self.outcome!r})"


class ThreadContext(StateBase):
    """The last question the bot answered in a thread: later messages there are read against it."""

    __tablename__ = "thread_contexts"
    channel: Mapped[str] = mapped_column(String(40), primary_key=True)
    thread_ts: Mapped[str] = mapped_column(String(40), primary_key=True)
    query: Mapped[str] = mapped_column(Text)
    page: Mapped[int]
    at: Mapped[float] = mapped_column(Double, index=True)

    def __repr__(self) -> str:
        return f"ThreadContext({self.channel!r}, {self.thread_ts!r}, {self.query!r}, {self.page})"


class StateMeta(StateBase):
    """Small settings the state keeps for itself (the generated query-log salt)."""

    __tablename__ = "state_meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


Index("ix_query_log_key", QueryRecord.query_key)
