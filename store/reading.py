"""Documents read around a candidate sentence: their sentences in reading order, with the people
each one names ("He…" stands for the last one named; a title only one person in the article
holds names them), each read for several documents in one statement."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store import fact_models as fm
from store import models as m


def sentences_of(session: Session, document_ids: list[int], limit: int = 150) -> list[int]:
    """The ids of the documents' sentences in reading order (each document's first `limit`),
    document by document as given; one statement."""
    if not document_ids:
        return []
    place = func.row_number().over(partition_by=m.Sentence.document_id, order_by=m.Sentence.id)
    numbered = (
        select(m.Sentence.id, m.Sentence.document_id, place.label("place"))
        .where(m.Sentence.document_id.in_(set(document_ids)))
        .subquery()
    )
    rows = session.execute(
        select(numbered.c.id, numbered.c.document_id).where(numbered.c.place <= limit)
    )
    order = {d: at for at, d in enumerate(document_ids)}
    return [sid for sid, _d in sorted(rows, key=lambda row: (order[row[1]], row[0]))]


WalkRow = tuple[int, str, frozenset[int]]  # a sentence's id, its text, the people it names


def walks(session: Session, document_ids: list[int]) -> dict[int, list[WalkRow]]:
    """Each document's sentences in reading order, with the people each one names; one
    statement for all the documents."""
    if not document_ids:
        return {}
    rows = session.execute(
        select(m.Sentence.id, m.Sentence.text, m.Sentence.document_id, fm.PersonMention.person_id)
        .outerjoin(fm.PersonMention, fm.PersonMention.sentence_id == m.Sentence.id)
        .where(m.Sentence.document_id.in_(set(document_ids)))
        .order_by(m.Sentence.id)
    )
    texts: dict[int, tuple[str, int]] = {}
    named: dict[int, set[int]] = defaultdict(set)
    for sentence_id, text_, document_id, person_id in rows:
        texts.setdefault(sentence_id, (text_, document_id))
        if person_id is not None:
            named[sentence_id].add(person_id)
    found: dict[int, list[WalkRow]] = {d: [] for d in document_ids}
    for sentence_id, (text_, document_id) in texts.items():
        found[document_id].append((sentence_id, text_, frozenset(named.get(sentence_id, ()))))
    return found


def walk(session: Session, document_ids: list[int]) -> list[WalkRow]:
    """The documents' sentences in reading order: (id, text, the people each one names)."""
    return sorted(row for rows in walks(session, document_ids).values() for row in rows)
