"""The opening sentences of the articles whose titles name what was searched for."""

from __future__ import annotations

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from store import models as m
from store.queries.records import Quote
from store.queries.texts import quotes

SHORTEST = 60  # an opening is a sentence, not a breadcrumb or a section number


def titled_openings(session: Session, words: list[str], limit: int = 2) -> list[Quote]:
    """The opening sentence of each article whose title holds every word, oldest article first:
    "/search EPS-TOPIK" finds the notice titled for that test, whose opening says who holds it
    though it never names the test."""
    wanted = [w.lower() for w in words if len(w) >= 3]
    if not wanted:
        return []
    title = func.lower(m.Document.title)
    rows = session.execute(
        select(func.min(m.Sentence.id))
        .join(m.Document, m.Document.id == m.Sentence.document_id)
        .join(m.Passage, m.Passage.id == m.Sentence.passage_id)
        .where(
            and_(*(title.contains(w, autoescape=True) for w in wanted)),
            m.Passage.heading.is_(False),
            m.Sentence.on_topic.is_(True),
            func.length(m.Sentence.text) >= SHORTEST,
        )
        .group_by(m.Sentence.document_id)
        .order_by(m.Sentence.document_id)
        .limit(limit)
    )
    ids = [row[0] for row in rows]
    found = quotes(session, ids)
    return [found[i] for i in ids if i in found]
