"""The query log: each question with its route, score, result count and latency.

The asker is kept only as an HMAC of their Slack user id under a salt (QUERY_LOG_SALT, else one
generated at first use and kept in state_meta), so the log can count people without naming them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass

from sqlalchemy import Engine, delete, select

from store.bulk import insert_rows
from store.state.base import insert_ignoring_conflicts, storable, transaction
from store.state.schema import QueryRecord, StateMeta

SALT_KEY = "query_log_salt"
ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class Asked:
    """One logged question, as the Slack layer reports it."""

    query: str
    source: str
    intent: str
    score: float
    results: int
    empty: bool
    latency_ms: int
    answer_id: str


def query_key(query: str) -> str:
    """How questions are grouped in the report: lower case, spaces folded, at most 500 characters."""
    return " ".join(query.lower().split())[:500]


def hash_user(user_id: str | None, salt: str) -> str:
    """The salted hash a Slack user id is logged as (anonymous without one)."""
    if not user_id:
        return ANONYMOUS
    return hmac.new(salt.encode(), user_id.encode(), hashlib.sha256).hexdigest()[:32]


class QueryLog:
    """The query_log table and the salt its user hashes use."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._salt: str | None = None

    def salt(self, configured: str | None = None) -> str:
        """The configured salt, else the one generated at first use (the same for every worker)."""
        if configured:
            return configured
        if self._salt is None:
            fresh = {"key": SALT_KEY, "value": secrets.token_hex(32)}
            with transaction(self.engine, "read the query-log salt") as connection:
                connection.execute(insert_ignoring_conflicts(self.engine, StateMeta, fresh))
                kept = select(StateMeta.value).where(StateMeta.key == SALT_KEY)
                self._salt = connection.scalar(kept)
        return self._salt or ""

    def known_salt(self, configured: str | None = None) -> str | None:
        """salt(), when it is known without asking the database (configured, or read already)."""
        return configured or self._salt

    def user_hash(self, user_id: str | None, configured_salt: str | None = None) -> str:
        """The salted hash a Slack user id is logged as."""
        return hash_user(user_id, self.salt(configured_salt) if user_id else "")

    def record(self, asked: Asked, user_hash: str, now: float | None = None) -> None:
        """Log one question."""
        self.record_many([(asked, user_hash, time.time() if now is None else now)])

    def record_many(self, lines: list[tuple[Asked, str, float]]) -> None:
        """Log questions (each with its user hash and time) in one transaction."""
        rows = [
            {
                "at": at,
                "user_hash": user_hash,
                "source": asked.source[:16],
                "query": storable(asked.query[:500]),
                "query_key": storable(query_key(asked.query)),
                "intent": asked.intent[:20],
                "score": float(asked.score),
                "results": int(asked.results),
                "empty": bool(asked.empty),
                "latency_ms": int(asked.latency_ms),
                "answer_id": asked.answer_id[:32],
            }
            for asked, user_hash, at in lines
        ]
        if not rows:
            return
        with transaction(self.engine, "log a query") as connection:
            insert_rows(connection, QueryRecord, rows)

    def prune(self, before: float) -> int:
        """Forget questions asked before `before`; how many went."""
        with transaction(self.engine, "prune the query log") as connection:
            gone = connection.execute(delete(QueryRecord).where(QueryRecord.at < before))
            return gone.rowcount or 0
