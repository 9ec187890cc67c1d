"""Figures on topics or in sentences."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store import models as m
from store.queries.records import FigureInfo


def figures(
    session: Session,
    topic_keys: list[str] | None = None,
    sentence_ids: list[int] | None = None,
    limit: int = 400,
) -> list[FigureInfo]:
    """Figures on any of the topics or in any of the sentences (quotes are loaded by figure_quotes)."""
    ids: list[int] = []
    if topic_keys:
        ids += session.scalars(
            select(m.FigureTopic.figure_id)
            .where(m.FigureTopic.topic.in_(topic_keys))
            .order_by(m.FigureTopic.figure_id)
            .limit(limit)
        )
    if sentence_ids:
        ids += session.scalars(
            select(m.Figure.id).where(m.Figure.sentence_id.in_(sentence_ids)).limit(limit)
        )
    if topic_keys is None and sentence_ids is None:
        ids = list(session.scalars(select(m.Figure.id).order_by(m.Figure.id).limit(limit)))
    ids = sorted(set(ids))
    if not ids:
        return []
    columns = (
        m.Figure.id,
        m.Figure.text,
        m.Figure.value,
        m.Figure.unit,
        m.Figure.measure,
        m.Figure.year,
        m.Figure.deadline,
        m.Figure.group_key,
        m.Figure.sentence_id,
        m.Sentence.document_id,
        m.Figure.stems,
        m.Figure.lent_stems,
        m.Figure.measure_stems,
    )
    # One statement: a figure's row once per topic it is on (or once with none).
    query = (
        select(*columns, m.FigureTopic.topic)
        .join(m.Sentence, m.Sentence.id == m.Figure.sentence_id)
        .outerjoin(m.FigureTopic, m.FigureTopic.figure_id == m.Figure.id)
        .where(m.Figure.id.in_(ids))
        .order_by(m.Figure.id, m.FigureTopic.id)
    )
    rows: dict[int, Sequence[Any]] = {}
    topic_rows: dict[int, list[str]] = defaultdict(list)
    for *row, topic in session.execute(query):
        rows.setdefault(row[0], row)
        if topic is not None:
            topic_rows[row[0]].append(topic)
    return [_info(row, tuple(topic_rows[fid])) for fid, row in rows.items()]


def _info(row: Sequence[Any], topics: tuple[str, ...]) -> FigureInfo:
    """A FigureInfo from a row of the figures query's columns, in order."""
    fid, text_, value, unit, measure, year, deadline, group, sentence, document, *stems = row
    return FigureInfo(
        id=fid,
        text=text_,
        value=value,
        unit=unit,
        measure=measure,
        year=year,
        deadline=deadline,
        group_key=group,
        topics=topics,
        sentence_id=sentence,
        document_id=document,
        stems=stems[0],
        lent_stems=stems[1],
        measure_stems=stems[2],
    )
