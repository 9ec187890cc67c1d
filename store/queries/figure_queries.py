"""Figures on topics or in sentences."""

from __future__ import annotations

from collections import defaultdict

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
    topic_rows: dict[int, list[str]] = defaultdict(list)
    for figure_id, topic in session.execute(
        select(m.FigureTopic.figure_id, m.FigureTopic.topic).where(m.FigureTopic.figure_id.in_(ids))
    ):
        topic_rows[figure_id].append(topic)
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
    )
    return [
        FigureInfo(
            fid,
            text_,
            value,
            unit,
            measure,
            year,
            deadline,
            group,
            tuple(topic_rows[fid]),
            sentence_id,
        )
        for fid, text_, value, unit, measure, year, deadline, group, sentence_id in session.execute(
            select(*columns).where(m.Figure.id.in_(ids)).order_by(m.Figure.id)
        )
    ]
