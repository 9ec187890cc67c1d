"""Visits as facts: found in sentences, grouped across documents, dated, placed, with their events."""

from __future__ import annotations

import re
from datetime import date, timedelta

from store.dates_text import range_without_year, visit_when
from store.ingest.corpus_types import Doc, Sent
from store.ingest.people import Person
from store.ingest.visit_mentions import find_visit_mentions
from store.ingest.visit_places import dateline_city
from store.ingest.visits import (
    Visit,
    VisitLinker,
    destination_cities,
    event_rank,
    group_visits,
)
from store.lexicon import city_aliases, city_parties, parties_named
from store.textutil import fold, shorten


def visit_facts(docs: list[Doc], on_topic: list[Sent], people: dict[str, Person]) -> list[Visit]:
    mentions = [m for s in on_topic if not s.heading for m in find_visit_mentions(s, people)]
    visits = group_visits(mentions)
    for visit in visits:
        stated = [(m.sentence, d) for m in visit.mentions for d in m.dates if d.year]
        if stated:
            sent, when = stated[0]
            visit.year = when.year
            visit.year_note = f"from “{when.text}” in “{shorten(docs[sent.doc].title, 48)}”"
    return visits


def link_sentences(docs: list[Doc], on_topic: list[Sent], visits: list[Visit]) -> dict[int, Visit]:
    """Sentence id -> the visit it reports on."""
    linker = VisitLinker(on_topic, visits)
    links: dict[int, Visit] = {}
    for sent in on_topic:
        visit = linker.link(sent)
        if visit is not None:
            links[sent.id] = visit
            visit.linked.append(sent)
    return links


def date_visits(docs: list[Doc], visits: list[Visit]) -> None:
    """Give every visit its year (stated, or inferred from its documents), dates, places and events."""
    linked_by_doc: dict[int, list[Sent]] = {}
    for visit in visits:
        for sent in visit.linked:
            linked_by_doc.setdefault(sent.doc, []).append(sent)
    for doc in docs:
        years = [
            d.year
            for s in linked_by_doc.get(doc.index, [])
            for d in s.dates
            if d.year and d.kind in ("day", "month", "range")
        ]
        dated = re.search(r"\b(?:19|20)\d\d\b", doc.clean.dated or "")
        if doc.clean.published or dated:
            doc.reference_year = (
                doc.clean.published.year if doc.clean.published else int(dated.group(0))  # type: ignore[union-attr]
            )
            doc.year_note = f"the dateline of “{shorten(doc.title, 48)}”"
        elif years:
            doc.reference_year = max(years)
            doc.year_note = f"latest full date in {doc.title}"
    for visit in visits:
        if visit.year is None:
            _year_from_stamp(docs, visit)
        if visit.year is None:
            _year_from_linked_dates(docs, visit)
        if visit.year is None:
            for sent in visit.linked:
                doc = docs[sent.doc]
                if doc.reference_year:
                    visit.year = doc.reference_year
                    visit.year_note = (
                        f"inferred from {doc.year_note}"
                        if doc.year_note and "dateline" in doc.year_note
                        else f"inferred from other dates in “{shorten(doc.title, 48)}”"
                    )
                    break
        elif not visit.year_note:
            visit.year_note = "stated"
        _fill_dates(visit)
        _place_by_dateline(docs, visit)
    for visit in visits:
        for doc_index in {s.doc for s in visit.linked}:
            if docs[doc_index].reference_year is None and visit.year:
                docs[doc_index].reference_year = visit.year
                docs[doc_index].year_note = f"year of the visit it reports ({visit.year_note})"


def _place_by_dateline(docs: list[Doc], visit: Visit) -> None:
    """A visit placed only in a country takes the city its reporting article is datelined in."""
    if any(not parties_named(p) or city_parties(p) for p in visit.places):
        return
    for mention in visit.mentions:
        city = dateline_city(docs[mention.sentence.doc].clean.dateline, visit.destination)
        if city:
            visit.places = _one_spelling_each([city])  # the city says more than its country
            return


def _year_from_stamp(docs: list[Doc], visit: Visit) -> None:
    """The year of the article that reports the visit, from its own date stamp or dateline."""
    for mention in visit.mentions:
        doc = docs[mention.sentence.doc]
        if doc.reference_year and doc.year_note and "dateline" in doc.year_note:
            visit.year = doc.reference_year
            visit.year_note = f"inferred from {doc.year_note}"
            return


def _year_from_linked_dates(docs: list[Doc], visit: Visit) -> None:
    """A year stated with a date of the visit's month in a sentence about the visit."""
    # A visit reported without a month has the months of its dated sentences (_fill_dates adds
    # them to visit.months only once the year is known).
    months = visit.months or {
        d.month for s in visit.linked for d in s.dates if d.kind in ("day", "range") and d.month
    }
    for sent in visit.linked:
        for when in sent.dates:
            if (
                when.year
                and when.kind in ("day", "range", "month")
                and (not months or when.month in months)
            ):
                visit.year = when.year
                visit.year_note = f"from “{when.text}” in “{shorten(docs[sent.doc].title, 48)}”"
                return


def _from_days_and_duration(visit: Visit, year: int) -> None:
    """'touched down on Thursday, opening a three-day visit': the first day and the length."""
    days = [
        (d.year or year, d.month, d.day)
        for m in visit.mentions
        for d in m.dates
        if d.kind == "day" and d.month and d.day
    ]
    if not days:
        return
    first = min(days)
    try:
        visit.start = date(*first)
    except ValueError:
        return
    length = next((m.days for m in visit.mentions if m.days), None)
    visit.end = visit.start + timedelta(days=length - 1) if length else None
    if visit.end is None:
        later = sorted(date(y, mo, d) for y, mo, d in days)
        visit.end = later[-1]


def _one_spelling_each(places: list[str]) -> list[str]:
    """'Hà Nội' and 'Hanoi' are one place: the lexicon's spelling when it has one, else the first."""
    aliases = {fold(k): v for k, v in city_aliases().items()}
    kept: dict[str, str] = {}
    for place in places:
        name = aliases.get(fold(place), place)
        kept.setdefault(fold(name).lower(), name)
    return list(kept.values())


def _fill_dates(visit: Visit) -> None:
    ranges = [d for m in visit.mentions for d in m.dates if d.kind == "range" and d.month and d.day]
    year = visit.year or 1900
    seen_places: list[str] = list(dict.fromkeys(p for m in visit.mentions for p in m.places))
    reports = {m.sentence.id for m in visit.mentions}
    for sent in visit.linked:
        days = [d for d in sent.dates if d.kind in ("day", "range") and d.month and d.day]
        day = (
            date(year, days[0].month, days[0].day)
            if days and days[0].month and days[0].day
            else None
        )
        if sent.id in reports and days and days[0].kind == "range":
            day = None  # the visit's own dates, not an activity on its first day
        rank = None if sent.heading else event_rank(sent, day)
        if rank is not None:
            visit.events.append((sent, day, rank))
        if rank is not None or sent.id in reports:
            seen_places += [
                c for c in destination_cities(sent, visit.destination) if c not in seen_places
            ]
        if day:
            visit.months.add(day.month)
    visit.places = _one_spelling_each(seen_places)
    if ranges:
        first = ranges[0]
        assert first.month and first.day and first.end_day
        visit.start = date(year, first.month, first.day)
        visit.end = date(year, first.end_month or first.month, first.end_day)
    else:
        _from_days_and_duration(visit, year)
    if visit.start is None:
        dated = sorted(d for _, d, _ in visit.events if d)
        if dated:
            visit.start, visit.end = dated[0], dated[-1]
    if visit.start and visit.end:
        visit.events = [e for e in visit.events if e[1] is None or visit.start <= e[1] <= visit.end]
    visit.events.sort(key=lambda e: (e[2], e[1] or date.min, e[0].id))
    if visit.year is None:
        if visit.start and visit.end:
            visit.dates_text = range_without_year(
                visit.start.month, visit.start.day, visit.end.month, visit.end.day
            )
        visit.start = visit.end = None
    else:
        visit.dates_text = visit_when(
            visit.start.isoformat() if visit.start else None,
            visit.end.isoformat() if visit.end else None,
            min(visit.months) if visit.months else None,
            visit.year,
        )
