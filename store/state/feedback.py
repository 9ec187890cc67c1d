"""👍 / 👎 on answers: one vote per person and answer; pressing again replaces the vote."""

from __future__ import annotations

import time

from sqlalchemy import Engine, delete

from store.state.base import storable, transaction, upsert
from store.state.schema import Vote


class Votes:
    """The answer_votes table."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(
        self,
        answer_id: str,
        user_hash: str,
        query: str,
        page: int,
        up: bool,
        now: float | None = None,
    ) -> None:
        """Keep this person's vote on this answer (their earlier vote on it, if any, is replaced)."""
        values = {
            "answer_id": answer_id,
            "user_hash": user_hash,
            "query": storable(query[:500]),
            "page": page,
            "vote": 1 if up else -1,
            "at": time.time() if now is None else now,
        }
        statement = upsert(self.engine, Vote, values, ["answer_id", "user_hash"])
        with transaction(self.engine, "record a vote") as connection:
            connection.execute(statement)

    def prune(self, before: float) -> int:
        """Forget votes older than before (the query log's retention); how many went."""
        with transaction(self.engine, "prune votes") as connection:
            return connection.execute(delete(Vote).where(Vote.at < before)).rowcount or 0
