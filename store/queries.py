"""Typed read functions over the store; every caller goes through these, never through SQL."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, func, literal, or_, select, text
from sqlalchemy.orm import Session

from store import models as m
from store.search import matching_sentence_ids


@dataclass(frozen=True)
class DocRef:
    id: int
    name: str
    title: str
    agency: str | None


@dataclass(frozen=True)
class Quote:
    sentence_id: int
    text: str
    on_topic: bool
    document: DocRef


@dataclass(frozen=True)
class TopicInfo:
    key: str
    label: str
    aliases: tuple[str, ...]
    commitments: int
    figures: int


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: str
    side: str | None
    role: str | None
    other_roles: tuple[str, ...]
    spouse_of: int | None
    mentions: int
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class VisitEventInfo:
    day: str | None
    kind: str
    quote: Quote


@dataclass(frozen=True)
class VisitInfo:
    id: int
    visitor: PersonInfo
    host: PersonInfo | None
    destination: str
    kind: str
    start: str | None
    end: str | None
    month: int | None
    year: int | None
    year_note: str
    when: str  # the dates as shown
    places: tuple[str, ...]
    events: tuple[VisitEventInfo, ...]


@dataclass(frozen=True)
class CommitmentInfo:
    id: int
    kind: str
    actor: str | None
    topics: tuple[str, ...]
    quote: Quote
    sources: tuple[Quote, ...]
    occasions: tuple[int, ...]  # visit ids, the first few
    figures: tuple[str, ...]
    deadline: int | None
    reports: int  # documents that report it (sources holds the first few)


SOURCES_SHOWN = 6


@dataclass(frozen=True)
class FigureInfo:
    id: int
    text: str
    value: float
    unit: str
    measure: str
    year: int | None
    deadline: int | None
    group_key: str
    topics: tuple[str, ...]
    sentence_id: int


OVERVIEW_VISITS = 10


@dataclass(frozen=True)
class StoreOverview:
    documents: int
    visits: list[str]
    topics: list[str]
    reseeded_at: str | None
    reseeded_by: str | None
    summary: dict[str, object]


def reseed_stamp(session: Session) -> str | None:
    """When the store was built: changes with every reseed, so caches can key on it."""
    row = session.get(m.Meta, "build_id")
    return row.value if row else None


def topics(session: Session) -> list[TopicInfo]:
    rows = session.scalars(select(m.Topic).order_by(m.Topic.commitment_count.desc(), m.Topic.key))
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


def people(
    session: Session, ids: set[int] | None = None, with_aliases: bool = True
) -> list[PersonInfo]:
    """People (all of them, or those with these ids), with their aliases if asked."""
    aliases: dict[int, list[str]] = defaultdict(list)
    alias_query = select(m.PersonAlias)
    person_query = select(m.Person).order_by(m.Person.id)
    if ids is not None:
        alias_query = alias_query.where(m.PersonAlias.person_id.in_(ids))
        person_query = person_query.where(m.Person.id.in_(ids))
    for alias in session.scalars(alias_query) if with_aliases else ():
        aliases[alias.person_id].append(alias.alias)
    return [
        PersonInfo(
            p.id,
            p.name,
            p.side,
            p.role,
            tuple(r for r in p.other_roles.split("\n") if r),
            p.spouse_of,
            p.mention_count,
            tuple(aliases[p.id]),
        )
        for p in session.scalars(person_query)
    ]


def quotes(session: Session, sentence_ids: list[int]) -> dict[int, Quote]:
    """Sentences with their documents, by id."""
    if not sentence_ids:
        return {}
    rows = session.execute(
        select(
            m.Sentence.id,
            m.Sentence.text,
            m.Sentence.on_topic,
            m.Document.id,
            m.Document.name,
            m.Document.title,
            m.Document.agency,
        )
        .join(m.Document, m.Document.id == m.Sentence.document_id)
        .where(m.Sentence.id.in_(set(sentence_ids)))
    )
    documents: dict[int, DocRef] = {}
    found = {}
    for sid, text_, on_topic, did, name, title, agency in rows:
        document = documents.setdefault(did, DocRef(did, name, title, agency))
        found[sid] = Quote(sid, text_, bool(on_topic), document)
    return found


@dataclass(frozen=True)
class VisitFilter:
    """Which visits: any of these months and years, on this day, with these people or places."""

    months: frozenset[int] = frozenset()
    day: int | None = None
    years: frozenset[int] = frozenset()
    person_ids: frozenset[int] = frozenset()
    visitor_only: bool = False
    places: frozenset[str] = frozenset()
    ids: frozenset[int] | None = None


def _visit_conditions(flt: VisitFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.ids is not None:
        conditions.append(m.Visit.id.in_(flt.ids))
    if flt.months:
        conditions.append(or_(*(m.Visit.months.like(f"%,{n},%") for n in flt.months)))
    if flt.years:
        conditions.append(m.Visit.year.in_(flt.years))
    if flt.day is not None:
        day = f"{flt.day:02d}"
        conditions += [
            func.substr(m.Visit.start, 9, 2) <= day,
            func.substr(m.Visit.end, 9, 2) >= day,
        ]
    if flt.person_ids:
        people_match: ColumnElement[bool] = m.Visit.visitor_id.in_(flt.person_ids)
        if not flt.visitor_only:
            people_match = or_(people_match, m.Visit.host_id.in_(flt.person_ids))
        conditions.append(people_match)
    if flt.places:
        framed = literal("\n") + m.Visit.places + literal("\n")
        conditions.append(or_(*(framed.like(f"%\n{p}\n%") for p in flt.places)))
    return conditions


def count_visits(session: Session, flt: VisitFilter = VisitFilter()) -> int:
    query = select(func.count()).select_from(m.Visit).where(*_visit_conditions(flt))
    return int(session.scalar(query) or 0)


def visits(
    session: Session,
    flt: VisitFilter = VisitFilter(),
    limit: int | None = None,
    offset: int = 0,
    with_events: bool = True,
) -> list[VisitInfo]:
    """Visits matching the filter, by date, with their events (only for the visits returned)."""
    query = select(m.Visit).where(*_visit_conditions(flt))
    query = query.order_by(m.Visit.start.is_(None), m.Visit.start, m.Visit.id).offset(offset)
    rows = list(session.scalars(query.limit(limit) if limit is not None else query))
    if not rows:
        return []
    person_ids = {v.visitor_id for v in rows} | {v.host_id for v in rows if v.host_id}
    everyone = {p.id: p for p in people(session, person_ids, with_aliases=False)}
    events = (
        []
        if not with_events
        else list(
            session.scalars(
                select(m.VisitEvent)
                .where(m.VisitEvent.visit_id.in_([v.id for v in rows]))
                .order_by(m.VisitEvent.rank, m.VisitEvent.day, m.VisitEvent.id)
            )
        )
    )
    found = quotes(session, [e.sentence_id for e in events])
    by_visit: dict[int, list[VisitEventInfo]] = defaultdict(list)
    for event in events:
        by_visit[event.visit_id].append(
            VisitEventInfo(event.day, event.kind, found[event.sentence_id])
        )
    return [
        VisitInfo(
            v.id,
            everyone[v.visitor_id],
            everyone.get(v.host_id) if v.host_id else None,
            v.destination,
            v.kind,
            v.start,
            v.end,
            v.month,
            v.year,
            v.year_note,
            v.dates_text,
            tuple(p for p in v.places.split("\n") if p),
            tuple(by_visit[v.id]),
        )
        for v in rows
    ]


def places(session: Session) -> set[str]:
    """Every place a visit went to."""
    return {
        p
        for row in session.scalars(select(m.Visit.places).distinct())
        for p in row.split("\n")
        if p
    }


def _commitment_query(
    topic_keys: list[str] | None, sentence_ids: list[int] | None
) -> Select[tuple[int]]:
    query: Select[tuple[int]] = select(m.Commitment.id)
    if topic_keys is not None:
        topics_of = select(m.CommitmentTopic.commitment_id).where(
            m.CommitmentTopic.topic.in_(topic_keys)
        )
        query = query.where(m.Commitment.id.in_(topics_of))
    if sentence_ids is not None:
        citing = select(m.CommitmentSource.commitment_id).where(
            m.CommitmentSource.sentence_id.in_(sentence_ids)
        )
        query = query.where(m.Commitment.id.in_(citing))
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
            select(m.CommitmentTopic.commitment_id)
            .where(m.CommitmentTopic.topic.in_(topic_keys))
            .order_by(m.CommitmentTopic.report_count.desc(), m.CommitmentTopic.commitment_id)
        )
    else:
        query = _commitment_query(None, sentence_ids).order_by(
            m.Commitment.report_count.desc(), m.Commitment.id
        )
    return list(dict.fromkeys(session.scalars(query.limit(limit))))


def quoted_texts(session: Session, commitment_ids: list[int]) -> dict[int, str]:
    """The sentence each commitment quotes, by commitment id."""
    query = (
        select(m.Commitment.id, m.Sentence.text)
        .join(m.Sentence, m.Sentence.id == m.Commitment.quote_sentence_id)
        .where(m.Commitment.id.in_(commitment_ids))
    )
    return {row[0]: row[1] for row in session.execute(query)}


def count_commitments(
    session: Session, topic_keys: list[str] | None = None, sentence_ids: list[int] | None = None
) -> int:
    if topic_keys is not None:
        query = select(func.count(func.distinct(m.CommitmentTopic.commitment_id))).where(
            m.CommitmentTopic.topic.in_(topic_keys)
        )
        return int(session.scalar(query) or 0)
    ids = _commitment_query(topic_keys, sentence_ids).subquery()
    return int(session.scalar(select(func.count()).select_from(ids)) or 0)


def commitments(session: Session, ids: list[int]) -> list[CommitmentInfo]:
    """The commitments with these ids, in that order, with their topics, sources and occasions."""
    rows = {c.id: c for c in session.scalars(select(m.Commitment).where(m.Commitment.id.in_(ids)))}
    topic_rows: dict[int, list[str]] = defaultdict(list)
    source_rows: dict[int, list[tuple[int, int | None]]] = defaultdict(list)
    for commitment_id, topic in session.execute(
        select(m.CommitmentTopic.commitment_id, m.CommitmentTopic.topic).where(
            m.CommitmentTopic.commitment_id.in_(ids)
        )
    ):
        topic_rows[commitment_id].append(topic)
    for commitment_id, sentence_id, visit_id in session.execute(
        select(
            m.CommitmentSource.commitment_id,
            m.CommitmentSource.sentence_id,
            m.CommitmentSource.visit_id,
        )
        .where(m.CommitmentSource.commitment_id.in_(ids))
        .order_by(m.CommitmentSource.id)
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


def mentions_of(session: Session, person_id: int, limit: int = 50) -> list[Quote]:
    """Sentences naming a person, on-topic ones, in document order."""
    ids = list(
        session.scalars(
            select(m.PersonMention.sentence_id)
            .where(m.PersonMention.person_id == person_id)
            .order_by(m.PersonMention.sentence_id)
            .limit(limit)
        )
    )
    found = quotes(session, ids)
    return [found[i] for i in ids if i in found]


def search(
    session: Session, words: list[str], limit: int = 20, any_word: bool = False
) -> list[Quote]:
    """Sentences matching the words (all of them, or any), on-topic first, best first."""
    ids = matching_sentence_ids(session, words, limit * 4, any_word)
    found = quotes(session, ids)
    ordered = [found[i] for i in ids if i in found]
    return sorted(ordered, key=lambda q: not q.on_topic)[:limit]


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


def overview(session: Session) -> StoreOverview:
    """What the store holds, for the Home tab, help and status."""
    meta = {row.key: row.value for row in session.scalars(select(m.Meta))}
    documents = session.scalar(select(text("count(*)")).select_from(m.Document)) or 0
    shown = visits(session, limit=OVERVIEW_VISITS)
    lines = [f"{v.when} — {v.kind} of {v.visitor.name} to {v.destination}" for v in shown]
    more = count_visits(session) - len(lines)
    if more > 0:
        lines.append(f"and {more} more (ask /visit <month|year|person|place>)")
    return StoreOverview(
        documents=int(documents),
        visits=lines,
        topics=[t.label for t in topics(session) if t.commitments],
        reseeded_at=meta.get("reseeded_at"),
        reseeded_by=meta.get("reseeded_by"),
        summary=json.loads(meta.get("summary", "{}")),
    )
