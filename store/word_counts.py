"""How often the store's words occur: a count per stem (rare words weigh more) and in all."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store import models as m


def term_counts(session: Session, stems: list[str]) -> dict[str, int]:
    """How often the words starting with each stem occur in the store (rare words weigh more).

    One statement, a range sum per stem: on PostgreSQL each statement is a round trip."""
    wanted = sorted({stem for stem in stems if stem})
    if not wanted:
        return {}
    sums = [
        select(func.sum(m.Vocabulary.count))
        .where(m.Vocabulary.term >= stem, m.Vocabulary.term < stem + "\uffff")
        .scalar_subquery()
        for stem in wanted
    ]
    row = session.execute(select(*sums)).one()
    return {stem: int(total or 0) for stem, total in zip(wanted, row, strict=True)}


def total_words(session: Session) -> int:
    """Every indexed word counted once per occurrence."""
    return int(session.scalar(select(func.sum(m.Vocabulary.count))) or 0)
