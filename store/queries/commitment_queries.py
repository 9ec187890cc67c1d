"""Commitments: ranked candidates from the indexes, then the page in full."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from store import fact_models as fm
from store import models as m
from store.queries.records import CommitmentInfo
from store.queries.texts import quotes


def _citing(sentence_ids: list[int] | None) -> Select[tuple[int]]:
    """Ids of the commitments citing any of the sentences (all of them for None)."""
    query: Select[tuple[int]] = select(fm.Commitment.id)
    if sentence_ids is not None:
        citing = select(fm.CommitmentSource.commitment_id).where(
            fm.CommitmentSource.sentence_id.in_(sentence_ids)
        )
        query = query.where(fm.Commitment.id.in_(citing))
    return query


def commitment_candidates(
    session: Session,
    topic_keys: list[str] | None = None,
    sentence_ids: list[int] | None = None,
    limit: int = 300,
) -> list[int]:
    """Ids of the commitments on the topics (or citing the sentences), most reported first."""
    query: Select[Any]
    if topic_keys is not None:
        query = (
            select(fm.CommitmentTopic.commitment_id)
            .where(fm.CommitmentTopic.topic.in_(topic_keys))
            .order_by(fm.CommitmentTopic.report_count.desc(), fm.CommitmentTopic.commitment_id)
        )
    else:
        query = _citing(sentence_ids).order_by(fm.Commitment.report_count.desc(), fm.Commitment.id)
    return list(dict.fromkeys(session.scalars(query.limit(limit))))


def commitments_at(session: Session, visit_ids: list[int], limit: int = 50) -> list[int]:
    """Ids of the commitments made on these visits (their outcomes), most reported first."""
    if not visit_ids:
        return []
    query = (
        select(fm.CommitmentSource.commitment_id)
        .join(fm.Commitment, fm.Commitment.id == fm.CommitmentSource.commitment_id)
        .where(fm.CommitmentSource.visit_id.in_(visit_ids))
        .order_by(fm.Commitment.report_count.desc(), fm.Commitment.id)
    )
    return list(dict.fromkeys(session.scalars(query.limit(limit * 3))))[:limit]


def quoted_texts(session: Session, commitment_ids: list[int]) -> dict[int, str]:
    """The sentence each commitment quotes, by commitment id."""
    query = (
        select(fm.Commitment.id, m.Sentence.text)
        .join(m.Sentence, m.Sentence.id == fm.Commitment.quote_sentence_id)
        .where(fm.Commitment.id.in_(commitment_ids))
    )
    return {row[0]: row[1] for row in session.execute(query)}


def quoted_stems(session: Session, commitment_ids: list[int]) -> dict[int, str]:
    """The stems of the sentence each commitment quotes (stored at reseed), by commitment id."""
    query = select(fm.Commitment.id, fm.Commitment.stems).where(
        fm.Commitment.id.in_(commitment_ids)
    )
    return {row[0]: row[1] for row in session.execute(query)}


def count_commitments(
    session: Session, topic_keys: list[str] | None = None, sentence_ids: list[int] | None = None
) -> int:
    if topic_keys is not None:
        query = select(func.count(func.distinct(fm.CommitmentTopic.commitment_id))).where(
            fm.CommitmentTopic.topic.in_(topic_keys)
        )
        return int(session.scalar(query) or 0)
    ids = _citing(sentence_ids).subquery()
    return int(session.scalar(select(func.count()).select_from(ids)) or 0)


def commitments(session: Session, ids: list[int]) -> list[CommitmentInfo]:
    """The commitments with these ids, in that order, with their topics, sources and occasions."""
    columns = (  # columns, not ORM objects: read-only, a page at a time
        fm.Commitment.id,
        fm.Commitment.kind,
        fm.Commitment.actor,
        fm.Commitment.quote_sentence_id,
        fm.Commitment.figures,
        fm.Commitment.deadline,
        fm.Commitment.report_count,
    )
    rows = {c.id: c for c in session.execute(select(*columns).where(fm.Commitment.id.in_(ids)))}
    topic_rows: dict[int, list[str]] = defaultdict(list)
    source_rows: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    for commitment_id, topic in session.execute(
        select(fm.CommitmentTopic.commitment_id, fm.CommitmentTopic.topic).where(
            fm.CommitmentTopic.commitment_id.in_(ids)
        )
    ):
        topic_rows[commitment_id].append(topic)
    for commitment_id, sentence_id, visit_id in session.execute(
        select(
            fm.CommitmentSource.commitment_id,
            fm.CommitmentSource.sentence_id,
            fm.CommitmentSource.visit_id,
        )
        .where(fm.CommitmentSource.commitment_id.in_(ids))
        .order_by(fm.CommitmentSource.id)
    ):
        source_rows[commitment_id].append((sentence_id, visit_id))
    found = quotes(
        session,
        [c.quote_sentence_id for c in rows.values()]
        + [sid for v in source_rows.values() for sid, _ in v],
    )
    return [
        CommitmentInfo(
            c.id,
            c.kind,
            c.actor,
            tuple(topic_rows[c.id]),
            found[c.quote_sentence_id],
            tuple(found[sid] for sid, _ in source_rows[c.id]),
            tuple(dict.fromkeys(v for _, v in source_rows[c.id] if v)),
            tuple(f for f in c.figures.split("\n") if f),
            c.deadline,
            c.report_count,
        )
        for c in (rows[i] for i in ids if i in rows)
    ]
