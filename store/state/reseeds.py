"""Reseeds started from Slack: who asked, when, how long it took and how it ended."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, insert, select

from store.state.base import transaction
from store.state.schema import ReseedRun


@dataclass(frozen=True)
class ReseedRecord:
    started_at: float
    finished_at: float
    by: str
    outcome: str  # ok | failed | busy
    detail: str


class ReseedRuns:
    """The reseed_runs table."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, run: ReseedRecord) -> None:
        """Keep one finished (or refused) reseed."""
        values = {
            "started_at": run.started_at,
            "finished_at": run.finished_at,
            "by": run.by[:100],
            "outcome": run.outcome[:16],
            "detail": run.detail[:4000],
        }
        with transaction(self.engine, "record a reseed") as connection:
            connection.execute(insert(ReseedRun).values(**values))

    def latest(self, limit: int = 5) -> list[ReseedRecord]:
        """The most recent reseeds started from Slack, newest first."""
        columns = (
            ReseedRun.started_at,
            ReseedRun.finished_at,
            ReseedRun.by,
            ReseedRun.outcome,
            ReseedRun.detail,
        )
        newest = select(*columns).order_by(ReseedRun.started_at.desc(), ReseedRun.id.desc())
        with transaction(self.engine, "read the reseeds") as connection:
            return [ReseedRecord(*row) for row in connection.execute(newest.limit(limit))]
