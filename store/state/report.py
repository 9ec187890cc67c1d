"""What people asked over a window: the most asked, the unanswered, the low-confidence routes and
the voted-down answers, each with a count, for `/attache report`."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, Engine, Select, func, select

from store.state.base import transaction
from store.state.schema import QueryRecord, Vote

LOW_CONFIDENCE = 80.0  # the router's scores: 100 a command, 80-95 a clear question, below a guess
TOP = 10


@dataclass(frozen=True)
class Counted:
    """A question (as first asked) and how often it came up."""

    query: str
    count: int
    note: str = ""  # the route and score, or the page voted on


@dataclass(frozen=True)
class Report:
    since: float
    questions: int = 0
    people: int = 0
    median_ms: int | None = None
    up: int = 0
    down: int = 0
    most_asked: list[Counted] = field(default_factory=list)
    unanswered: list[Counted] = field(default_factory=list)
    low_confidence: list[Counted] = field(default_factory=list)
    voted_down: list[Counted] = field(default_factory=list)


def build_report(engine: Engine, since: float, top: int = TOP) -> Report:
    """The report for everything asked or voted at or after since (epoch seconds)."""
    recent = QueryRecord.at >= since
    with transaction(engine, "build the report") as connection:
        questions = connection.scalar(select(func.count()).where(recent)) or 0
        people = connection.scalar(
            select(func.count(func.distinct(QueryRecord.user_hash))).where(recent)
        )
        median = None
        if questions:
            middle = select(QueryRecord.latency_ms).where(recent).order_by(QueryRecord.latency_ms)
            median = connection.scalar(middle.offset(questions // 2).limit(1))
        votes = dict(
            connection.execute(
                select(Vote.vote, func.count()).where(Vote.at >= since).group_by(Vote.vote)
            ).all()
        )
        most = connection.execute(_grouped(recent, top)).all()
        empty = connection.execute(_grouped(recent & QueryRecord.empty, top)).all()
        unsure = connection.execute(_unsure(recent, top)).all()
        down = connection.execute(_voted_down(since, top)).all()
    return Report(
        since=since,
        questions=questions,
        people=people or 0,
        median_ms=median,
        up=votes.get(1, 0),
        down=votes.get(-1, 0),
        most_asked=[Counted(query, count) for query, count in most],
        unanswered=[Counted(query, count) for query, count in empty],
        low_confidence=[
            Counted(query, count, f"{intent}, score {score:.0f}")
            for query, intent, score, count in unsure
        ],
        voted_down=[
            Counted(query, count, f"page {page}" if page > 1 else "") for query, page, count in down
        ],
    )


def _grouped(where: ColumnElement[bool], top: int) -> Select[str, int]:
    count = func.count().label("n")
    return (
        select(func.min(QueryRecord.query), count)
        .where(where)
        .group_by(QueryRecord.query_key)
        .order_by(count.desc(), QueryRecord.query_key)
        .limit(top)
    )


def _unsure(recent: ColumnElement[bool], top: int) -> Select[str, str, float, int]:
    count = func.count().label("n")
    return (
        select(func.min(QueryRecord.query), QueryRecord.intent, func.min(QueryRecord.score), count)
        .where(recent, QueryRecord.score < LOW_CONFIDENCE)
        .group_by(QueryRecord.query_key, QueryRecord.intent)
        .order_by(count.desc(), QueryRecord.query_key)
        .limit(top)
    )


def _voted_down(since: float, top: int) -> Select[str, int, int]:
    count = func.count().label("n")
    return (
        select(func.min(Vote.query), func.min(Vote.page), count)
        .where(Vote.at >= since, Vote.vote < 0)
        .group_by(Vote.answer_id)
        .order_by(count.desc(), func.min(Vote.query))
        .limit(top)
    )
