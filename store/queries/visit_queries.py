"""Visits, filtered and paged in SQL, with their events."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, literal, or_, select
from sqlalchemy.orm import Session

from store import fact_models as fm
from store.queries.persons import people
from store.queries.records import PersonInfo, VisitEventInfo, VisitInfo
from store.queries.texts import quotes


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
    span: tuple[str, str] | None = None  # ISO first and last day: visits overlapping it
    destinations: frozenset[str] = frozenset()  # countries visited ("Vietnam", "the RoK")


def _visit_conditions(flt: VisitFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.ids is not None:
        conditions.append(fm.Visit.id.in_(flt.ids))
    if flt.destinations:
        conditions.append(fm.Visit.destination.in_(flt.destinations))
    if flt.months:
        conditions.append(or_(*(fm.Visit.months.like(f"%,{n},%") for n in flt.months)))
    if flt.years:
        conditions.append(fm.Visit.year.in_(flt.years))
    if flt.day is not None:
        day = f"{flt.day:02d}"
        conditions += [
            func.substr(fm.Visit.start, 9, 2) <= day,
            func.substr(fm.Visit.end, 9, 2) >= day,
        ]
    if flt.person_ids:
        people_match: ColumnElement[bool] = fm.Visit.visitor_id.in_(flt.person_ids)
        if not flt.visitor_only:
            people_match = or_(people_match, fm.Visit.host_id.in_(flt.person_ids))
        conditions.append(people_match)
    if flt.span is not None:
        first, last = flt.span
        conditions += [fm.Visit.start <= last, func.coalesce(fm.Visit.end, fm.Visit.start) >= first]
    if flt.places:
        framed = literal("\n") + fm.Visit.places + literal("\n")
        conditions.append(or_(*(framed.like(f"%\n{p}\n%") for p in flt.places)))
    return conditions


# Columns, not ORM objects: the rows are only read, and pages of visits are built often.
_VISIT_COLUMNS = (
    fm.Visit.id,
    fm.Visit.visitor_id,
    fm.Visit.host_id,
    fm.Visit.destination,
    fm.Visit.kind,
    fm.Visit.start,
    fm.Visit.end,
    fm.Visit.month,
    fm.Visit.year,
    fm.Visit.year_note,
    fm.Visit.dates_text,
    fm.Visit.places,
    fm.Visit.stated_dates,
)


_BY_DATE = (fm.Visit.start.is_(None), fm.Visit.start, fm.Visit.id)  # undated visits last


def count_visits(session: Session, flt: VisitFilter = VisitFilter()) -> int:
    query = select(func.count()).select_from(fm.Visit).where(*_visit_conditions(flt))
    return int(session.scalar(query) or 0)


def visits(
    session: Session,
    flt: VisitFilter = VisitFilter(),
    limit: int | None = None,
    offset: int = 0,
    with_events: bool = True,
    known: Mapping[int, PersonInfo] | None = None,
) -> list[VisitInfo]:
    """Visits matching the filter, by date, with their events (only for the visits returned);
    their visitors and hosts from `known` (every person, by id) when given, else read."""
    query = select(*_VISIT_COLUMNS).where(*_visit_conditions(flt))
    query = query.order_by(*_BY_DATE).offset(offset)
    rows = list(session.execute(query.limit(limit) if limit is not None else query))
    return _infos(session, rows, with_events, known)


def visits_of(
    session: Session,
    person_ids: Collection[int],
    limit: int,
    known: Mapping[int, PersonInfo] | None = None,
) -> dict[int, list[VisitInfo]]:
    """Each person's first `limit` visits by date, made or hosted, without their events: one
    statement for a page of people (visitors and hosts from `known` when given)."""
    if not person_ids:
        return {}
    numbered = (
        select(
            fm.Person.id.label("person_id"),
            *_VISIT_COLUMNS,
            func.row_number().over(partition_by=fm.Person.id, order_by=_BY_DATE).label("n"),
        )
        .join(fm.Visit, or_(fm.Visit.visitor_id == fm.Person.id, fm.Visit.host_id == fm.Person.id))
        .where(fm.Person.id.in_(person_ids))
        .subquery()
    )
    rows = list(
        session.execute(
            select(numbered)
            .where(numbered.c.n <= limit)
            .order_by(numbered.c.person_id, numbered.c.n)
        )
    )
    found: dict[int, list[VisitInfo]] = defaultdict(list)
    for row, info in zip(rows, _infos(session, rows, False, known), strict=True):
        found[row.person_id].append(info)
    return dict(found)


def _infos(
    session: Session,
    rows: list[Any],
    with_events: bool,
    known: Mapping[int, PersonInfo] | None = None,
) -> list[VisitInfo]:
    """VisitInfos of rows holding _VISIT_COLUMNS, their people from `known` or read in one
    statement."""
    if not rows:
        return []
    everyone = known
    if everyone is None:
        person_ids = {v.visitor_id for v in rows} | {v.host_id for v in rows if v.host_id}
        everyone = {p.id: p for p in people(session, person_ids, with_aliases=False)}
    events = (
        []
        if not with_events
        else list(
            session.execute(
                select(
                    fm.VisitEvent.visit_id,
                    fm.VisitEvent.day,
                    fm.VisitEvent.kind,
                    fm.VisitEvent.sentence_id,
                )
                .where(fm.VisitEvent.visit_id.in_([v.id for v in rows]))
                .order_by(fm.VisitEvent.rank, fm.VisitEvent.day, fm.VisitEvent.id)
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
            _stated(v.stated_dates),
        )
        for v in rows
    ]


def _stated(column: str) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """'November 20–22, 2026<TAB>1,3' lines -> (('November 20–22, 2026', (1, 3)), …)."""
    spans = []
    for line in column.split("\n"):
        dates, _, docs = line.partition("\t")
        if dates and docs:
            spans.append((dates, tuple(int(d) for d in docs.split(",") if d.isdigit())))
    return tuple(spans)


def places(session: Session) -> set[str]:
    """Every place a visit went to."""
    return {
        p
        for row in session.scalars(select(fm.Visit.places).distinct())
        for p in row.split("\n")
        if p
    }
