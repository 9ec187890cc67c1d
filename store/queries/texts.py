"""Sentences, documents, topics and full-text search."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store import fact_models as fm
from store import models as m
from store.queries.ids import among
from store.queries.records import DocRef, Quote, TopicInfo
from store.search import matching_sentence_ids


def reseed_stamp(session: Session) -> str | None:
    """When the store was built: changes with every reseed, so caches can key on it."""
    row = session.get(m.Meta, "build_id")
    return row.value if row else None


def latest_day(session: Session) -> date | None:
    """The newest day the articles speak of (the last day of a visit, else the newest year's end):
    what "last month" is relative to."""
    newest = session.scalar(select(func.max(fm.Visit.end)))
    if newest:
        return date.fromisoformat(newest)
    year = session.scalar(select(func.max(m.Document.reference_year)))
    return date(year, 12, 31) if year else None


def topics(session: Session) -> list[TopicInfo]:
    rows = session.scalars(
        select(fm.Topic).order_by(fm.Topic.commitment_count.desc(), fm.Topic.key)
    )
    return [
        TopicInfo(
            t.key,
            t.label,
            tuple(a for a in t.aliases.split("\n") if a),
            t.commitment_count,
            t.figure_count,
        )
        for t in rows
    ]


# What a source is cited by (DocRef's fields, in order).
_CITED = (
    m.Document.id,
    m.Document.name,
    m.Document.title,
    m.Document.agency,
    m.Document.dated,
    m.Document.url,
)


def quotes(session: Session, sentence_ids: list[int]) -> dict[int, Quote]:
    """Sentences with their documents, by id."""
    if not sentence_ids:
        return {}
    rows = session.execute(
        select(m.Sentence.id, m.Sentence.text, m.Sentence.on_topic, *_CITED)
        .join(m.Document, m.Document.id == m.Sentence.document_id)
        .where(among(session, m.Sentence.id, set(sentence_ids)))
    )
    documents: dict[int, DocRef] = {}
    found = {}
    for sid, text_, on_topic, did, name, title, agency, dated, url in rows:
        document = documents.setdefault(did, DocRef(did, name, title, agency, dated, url))
        found[sid] = Quote(sid, text_, bool(on_topic), document)
    return found


def documents(session: Session, document_ids: Collection[int]) -> dict[int, DocRef]:
    """Documents by id, as sources cite them."""
    if not document_ids:
        return {}
    # Core rows fetched at once: a page of contradicted figures cites hundreds of documents.
    rows = (
        session.connection()
        .execute(select(*_CITED).where(among(session, m.Document.id, set(document_ids))))
        .all()
    )
    return {row[0]: DocRef(*row) for row in rows}


def opening_datelines(session: Session) -> dict[int, str]:
    """The dateline city of each document that has one ("HANOI, July 9 (VNA) - …"), by the id of
    its opening sentence, which the dateline places; the newest documents (by year) first."""
    rows = session.execute(
        select(m.Document.dateline, m.Document.opening_sentence_id)
        .where(m.Document.dateline.is_not(None), m.Document.opening_sentence_id.is_not(None))
        .order_by(m.Document.reference_year.desc(), m.Document.id.desc())  # the newest first
    )
    return {sentence_id: city for city, sentence_id in rows if city and sentence_id}


def sentences_before(session: Session, sentence_ids: list[int], reach: int) -> dict[int, str]:
    """The texts of the sentences up to `reach` before each one in its document, and its own."""
    if not sentence_ids:
        return {}
    wanted = {i - back for i in sentence_ids for back in range(reach + 1)}
    documents = select(m.Sentence.document_id).where(m.Sentence.id.in_(set(sentence_ids)))
    rows = session.execute(
        select(m.Sentence.id, m.Sentence.text).where(
            m.Sentence.id.in_(wanted), m.Sentence.document_id.in_(documents)
        )
    )
    return {sentence_id: text for sentence_id, text in rows}


def document_sentences(
    session: Session, document_ids: list[int]
) -> list[tuple[int, int, int, str]]:
    """The documents' sentences in reading order: (document id, passage id, sentence id, text)."""
    if not document_ids:
        return []
    rows = session.execute(
        select(m.Sentence.document_id, m.Sentence.passage_id, m.Sentence.id, m.Sentence.text)
        .where(m.Sentence.document_id.in_(set(document_ids)))
        .order_by(m.Sentence.id)
    )
    return [(document, passage, sentence, text) for document, passage, sentence, text in rows]


def document_heads(session: Session, document_ids: list[int]) -> dict[int, tuple[str, str]]:
    """Each document's title (when it has one) and author (its byline), "" where it has none."""
    if not document_ids:
        return {}
    rows = session.execute(
        select(m.Document.id, m.Document.title, m.Document.has_title, m.Document.author).where(
            m.Document.id.in_(set(document_ids))
        )
    )
    return {i: (title if has_title else "", author or "") for i, title, has_title, author in rows}


def mentions_of(session: Session, person_id: int, limit: int = 50) -> list[Quote]:
    """Sentences naming a person, on-topic ones, in document order."""
    ids = list(
        session.scalars(
            select(fm.PersonMention.sentence_id)
            .where(fm.PersonMention.person_id == person_id)
            .order_by(fm.PersonMention.sentence_id)
            .limit(limit)
        )
    )
    found = quotes(session, ids)
    return [found[i] for i in ids if i in found]


def mentions_on_topic(
    session: Session, person_ids: Collection[int], limit: int = 50
) -> dict[int, list[tuple[int, int]]]:
    """Each person's first `limit` sentences naming them, in document order, the on-topic ones
    only, as (sentence id, document id): one statement for a page of people, no text read."""
    if not person_ids:
        return {}
    first = (
        select(
            fm.PersonMention.person_id,
            fm.PersonMention.sentence_id,
            func.row_number()
            .over(partition_by=fm.PersonMention.person_id, order_by=fm.PersonMention.sentence_id)
            .label("n"),
        )
        .where(fm.PersonMention.person_id.in_(person_ids))
        .subquery()
    )
    query = (
        select(first.c.person_id, first.c.sentence_id, m.Sentence.document_id)
        .join(m.Sentence, m.Sentence.id == first.c.sentence_id)
        .where(first.c.n <= limit, m.Sentence.on_topic)
        .order_by(first.c.person_id, first.c.n)
    )
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for person_id, sentence_id, document_id in session.execute(query):
        found[person_id].append((sentence_id, document_id))
    return dict(found)


def search(
    session: Session, words: list[str], limit: int = 20, any_word: bool = False
) -> list[Quote]:
    """Sentences matching the words (all of them, or any), on-topic first, best first."""
    ids = matching_sentence_ids(session, words, limit * 4, any_word)
    found = quotes(session, ids)
    ordered = [found[i] for i in ids if i in found]
    return sorted(ordered, key=lambda q: not q.on_topic)[:limit]


def on_topic_matches(
    session: Session, words: list[str], limit: int = 20, any_word: bool = False
) -> list[int]:
    """The ids of the on-topic sentences among `search`'s hits, in its order: what a caller that
    only asks whether, or which, matching sentences are on topic needs (no texts, no documents)."""
    ids = matching_sentence_ids(session, words, limit * 4, any_word)
    if not ids:
        return []
    on_topic = set(
        session.connection()
        .execute(
            select(m.Sentence.id).where(
                among(session, m.Sentence.id, set(ids)), m.Sentence.on_topic
            )
        )
        .scalars()
    )
    return [i for i in ids if i in on_topic][:limit]


def vocabulary(session: Session, prefix: str, limit: int = 2000) -> list[str]:
    """Indexed words starting with prefix, most frequent first (for correcting misspelt words)."""
    return list(
        session.scalars(
            select(m.Vocabulary.term)
            .where(m.Vocabulary.term >= prefix, m.Vocabulary.term < prefix + "\uffff")
            .order_by(m.Vocabulary.count.desc())
            .limit(limit)
        )
    )
