"""Counts a reseed stores so that answers and start-up need not aggregate the whole store: each
document's opening sentence (the one its dateline places) and how many documents name a person
equal what the sentences and mentions give when counted afresh."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select

from store import fact_models as fm
from store import models as m
from store.db import Store
from store.reseed import reseed

TESTS = Path(__file__).resolve().parents[1]
PROJECT = TESTS.parent


def test_counts_stored_at_reseed_equal_the_counts_afresh(
    make_store_url: Callable[[str], Callable[[str], str]], backend: str
) -> None:
    url = make_store_url(backend)("counted-at-reseed")
    # seeds and a corpus with datelines, headings, captions and people named across documents
    reseed(url, TESTS / "corpus3" / "docs")
    store = Store.open(url)
    with store.session() as session:
        openings = dict(
            session.execute(
                select(m.Sentence.document_id, func.min(m.Sentence.id))
                .join(m.Passage, m.Passage.id == m.Sentence.passage_id)
                .where(m.Passage.heading.is_(False))
                .group_by(m.Sentence.document_id)
            ).all()
        )
        stored = dict(session.execute(select(m.Document.id, m.Document.opening_sentence_id)).all())
        assert stored == {d: openings.get(d) for d in stored}
        assert sum(v is not None for v in stored.values()) > 20
        naming = dict(
            session.execute(
                select(
                    fm.PersonMention.person_id, func.count(func.distinct(m.Sentence.document_id))
                )
                .join(m.Sentence, m.Sentence.id == fm.PersonMention.sentence_id)
                .group_by(fm.PersonMention.person_id)
            ).all()
        )
        counted = dict(session.execute(select(fm.Person.id, fm.Person.document_count)).all())
        assert counted == {p: naming.get(p, 0) for p in counted}
        assert max(counted.values()) > 1  # someone is named in several documents
    store.engine.dispose()
