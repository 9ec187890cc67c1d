"""Figures on topics or in sentences."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select, union
from sqlalchemy.orm import Session

from store import fact_models as fm
from store import models as m
from store.queries.ids import among
from store.queries.records import FigureInfo


def figures(
    session: Session,
    topic_keys: list[str] | None = None,
    sentence_ids: list[int] | None = None,
    limit: int = 400,
) -> list[FigureInfo]:
    """Figures on any of the topics or in any of the sentences (quotes are loaded by figure_quotes)."""
    # The candidates' ids are chosen in the statement that reads them: a list of 400 ids sent
    # back as bound parameters cost more to expand and bind than the rows cost to read.
    chosen: list[Select[tuple[int]]] = []
    if topic_keys:
        on_topics = (
            select(fm.FigureTopic.figure_id.label("id"))
            .where(fm.FigureTopic.topic.in_(topic_keys))
            .order_by(fm.FigureTopic.figure_id)
            .limit(limit)
            .subquery()
        )
        chosen.append(select(on_topics.c.id))
    if sentence_ids:
        in_sentences = (
            select(fm.Figure.id)
            .where(among(session, fm.Figure.sentence_id, set(sentence_ids)))
            .limit(limit)
            .subquery()
        )
        chosen.append(select(in_sentences.c.id))
    if topic_keys is None and sentence_ids is None:
        first = select(fm.Figure.id).order_by(fm.Figure.id).limit(limit).subquery()
        chosen.append(select(first.c.id))
    if not chosen:
        return []
    columns = (
        fm.Figure.id,
        fm.Figure.text,
        fm.Figure.value,
        fm.Figure.unit,
        fm.Figure.measure,
        fm.Figure.year,
        fm.Figure.deadline,
        fm.Figure.group_key,
        fm.Figure.sentence_id,
        m.Sentence.document_id,
        fm.Figure.stems,
        fm.Figure.lent_stems,
        fm.Figure.measure_stems,
    )
    # One statement: a figure's row once per topic it is on (or once with none).
    query = (
        select(*columns, fm.FigureTopic.topic)
        .join(m.Sentence, m.Sentence.id == fm.Figure.sentence_id)
        .outerjoin(fm.FigureTopic, fm.FigureTopic.figure_id == fm.Figure.id)
        .where(fm.Figure.id.in_(chosen[0] if len(chosen) == 1 else union(*chosen)))
        .order_by(fm.Figure.id, fm.FigureTopic.id)
    )
    rows: dict[int, Sequence[Any]] = {}
    topic_rows: dict[int, list[str]] = defaultdict(list)
    for *row, topic in session.connection().execute(query).all():
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
