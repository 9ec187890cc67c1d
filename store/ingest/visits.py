"""Visits: who went where, when, of which kind, and what happened there, across documents."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from store.ingest.corpus_types import Sent, VisitMention
from store.lexicon import city_aliases, cues, parties, phrase_pattern

_KIND_RANK = {
    "state visit": 4,
    "official visit": 3,
    "working visit": 2,
    "working trip": 2,
    "visit": 1,
}


@dataclass
class Visit:
    visitor: str
    destination: str
    kind: str = "visit"
    hosts: Counter[str] = field(default_factory=Counter)
    mentions: list[VisitMention] = field(default_factory=list)
    year: int | None = None
    year_note: str = ""
    dates_text: str = ""
    start: date | None = None
    end: date | None = None
    months: set[int] = field(default_factory=set)
    places: list[str] = field(default_factory=list)
    events: list[tuple[Sent, date | None, int]] = field(default_factory=list)  # sentence, day, rank
    linked: list[Sent] = field(default_factory=list)

    @property
    def host(self) -> str | None:
        return self.hosts.most_common(1)[0][0] if self.hosts else None

    @property
    def documents(self) -> set[int]:
        return {m.sentence.doc for m in self.mentions}


@cache
def _outcome_pattern() -> re.Pattern[str]:
    return re.compile(phrase_pattern(cues()["visit_outcomes"]), re.IGNORECASE)


@cache
def _activity_pattern() -> re.Pattern[str]:
    return re.compile(phrase_pattern(cues()["visit_activities"]), re.IGNORECASE)


def group_visits(mentions: list[VisitMention]) -> list[Visit]:
    """One visit per visitor, destination and month; undated mentions join their document's visit."""
    visits: list[Visit] = []
    by_pair: dict[tuple[str, str], list[Visit]] = {}
    for mention in sorted(mentions, key=lambda m: (not m.dates, m.sentence.id)):
        months = {m for d in mention.dates for m in (d.month, d.end_month) if m}
        years = {d.year for d in mention.dates if d.year}
        same = by_pair.setdefault((mention.visitor, mention.destination), [])
        target = None
        for visit in same:
            if months and visit.months and not months & visit.months:
                continue
            if years and visit.year and visit.year not in years:
                continue
            if not months and len(same) > 1 and mention.sentence.doc not in visit.documents:
                continue
            target = visit
            break
        if target is None:
            target = Visit(mention.visitor, mention.destination)
            visits.append(target)
            same.append(target)
        target.mentions.append(mention)
        target.months |= months
        if years and target.year is None:
            target.year = next(iter(years))
        if _KIND_RANK.get(mention.kind, 0) > _KIND_RANK.get(target.kind, 0):
            target.kind = mention.kind
        if mention.host:
            target.hosts[mention.host] += 1
    return visits


def _within(visit: Visit, month: int, day: int) -> bool | None:
    """Whether a day falls in the visit's stated range (or month); None when the visit has no dates."""
    ranges = [
        d
        for m in visit.mentions
        for d in m.dates
        if d.kind == "range" and d.month and d.day and d.end_day
    ]
    if ranges:
        first = ranges[0]
        assert first.month and first.day and first.end_day
        start, end = (first.month, first.day), (first.end_month or first.month, first.end_day)
        return start <= (month, day) <= end
    if visit.months:
        return month in visit.months
    return None


class VisitLinker:
    """Ties on-topic sentences to the visit they report on, in one pass over the corpus."""

    def __init__(self, sents: list[Sent], visits: list[Visit]) -> None:
        self.visits = visits
        self.own: dict[int, Visit] = {}
        scores: dict[int, Counter[int]] = {}
        for index, visit in enumerate(visits):
            for mention in visit.mentions:
                self.own.setdefault(mention.sentence.id, visit)
                scores.setdefault(mention.sentence.doc, Counter())[index] += 10
        by_visitor: dict[str, list[int]] = {}
        for index, visit in enumerate(visits):
            by_visitor.setdefault(visit.visitor, []).append(index)
        for sent in sents:
            doc_scores = scores.setdefault(sent.doc, Counter())
            for m in sent.mentions:
                for index in by_visitor.get(m.person, ()):
                    doc_scores[index] += 1
            for when in sent.dates:
                if when.kind in ("day", "range") and when.month and when.day:
                    # Only the visits this document already scores: a pass over every visit for
                    # every date made a reseed quadratic in the size of the corpus.
                    for index in list(doc_scores):
                        inside = _within(visits[index], when.month, when.day)
                        if inside is not None:
                            # A document dated inside a visit is about it; one dated outside is not.
                            doc_scores[index] += 5 if inside else -5
        # A document is about one visit only when that visit clearly leads: an interview or a
        # review that goes through several visits ties its undated sentences to none.
        self.primary = {}
        for doc, counter in scores.items():
            ranked = counter.most_common(2)
            if (
                ranked
                and ranked[0][1] > 0
                and (len(ranked) == 1 or ranked[0][1] >= 2 * max(ranked[1][1], 0))
            ):
                self.primary[doc] = visits[ranked[0][0]]
        self.visitors = set(by_visitor)

    def link(self, sent: Sent) -> Visit | None:
        """The visit a sentence reports on, if its people and dates allow one."""
        if sent.id in self.own:
            return self.own[sent.id]
        primary = self.primary.get(sent.doc)
        if primary is None:
            return None
        persons = {m.person for m in sent.mentions}
        if persons & (self.visitors - {primary.visitor}) and primary.visitor not in persons:
            return None
        months = {d.month for d in sent.dates if d.kind in ("day", "range") and d.month}
        if months and primary.months and not months <= primary.months:
            return None
        years = {d.year for d in sent.dates if d.kind in ("day", "range", "month") and d.year}
        if years and primary.year and primary.year not in years:
            return None  # "in July 2025" in an article about a 2023 visit: another occasion
        return primary


def event_rank(sent: Sent, day: date | None) -> int | None:
    """0 for a dated activity, 1 for an outcome, 2 for another activity, None for neither."""
    if day is not None:
        return 0
    if _outcome_pattern().search(sent.text):
        return 1
    if _activity_pattern().search(sent.text):
        return 2
    return None


@cache
def _cities_pattern(party_key: str) -> re.Pattern[str]:
    return re.compile(phrase_pattern(list(next(p.cities for p in parties() if p.key == party_key))))


def destination_cities(sent: Sent, destination: str) -> list[str]:
    """Cities of the destination a sentence names, once each, in order; names of people excluded."""
    text = sent.text
    for m in sorted(sent.mentions, key=lambda m: -m.start):  # "Vuong Dinh Hue" is not Hue
        text = text[: m.start] + " " * (m.end - m.start) + text[m.end :]
    found = [(m.start(), m.group(0)) for m in _cities_pattern(destination).finditer(text)]
    names = [city_aliases().get(name, name) for _, name in sorted(found)]
    return list(dict.fromkeys(names))
