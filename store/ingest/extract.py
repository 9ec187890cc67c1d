"""Extract step: from clean documents to sentences, people, visits, commitments and figures."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from store.dates_text import range_without_year, visit_when
from store.ingest.clean import CleanDocument
from store.ingest.commitments import find_commitments
from store.ingest.corpus_types import Sent
from store.ingest.dates import find_dates
from store.ingest.figures import FigureMention, find_figures
from store.ingest.people import PeopleIndex, Person, build_registry
from store.ingest.read import RawDocument
from store.ingest.relevance import classify
from store.ingest.segment import split_sentences
from store.ingest.topics import TopicMatcher
from store.ingest.visits import (
    Visit,
    VisitLinker,
    destination_cities,
    event_rank,
    find_visit_mentions,
    group_visits,
)
from store.textutil import key, shorten


@dataclass
class Doc:
    index: int
    raw: RawDocument
    clean: CleanDocument
    title: str
    passages: list[tuple[str, bool, bool, str]] = field(
        default_factory=list
    )  # text, on_topic, heading, why
    reference_year: int | None = None
    year_note: str | None = None


@dataclass
class CommitmentFact:
    kind: str
    actor: str | None
    topics: list[str]
    sources: list[tuple[Sent, str, Visit | None]]  # sentence, kind, occasion
    figures: list[FigureMention]
    deadline: int | None


@dataclass
class FigureFact:
    mention: FigureMention
    sentence: Sent
    topics: list[str]


@dataclass
class Extraction:
    docs: list[Doc]
    sents: list[Sent]
    people: dict[str, Person]
    mention_counts: Counter[str]
    visits: list[Visit]
    commitments: list[CommitmentFact]
    figures: list[FigureFact]
    topics: TopicMatcher


def extract(documents: list[tuple[RawDocument, CleanDocument]]) -> Extraction:
    """Every fact the documents state, each tied to the sentence it came from."""
    docs, sents = _segment(documents)
    on_topic = [s for s in sents if s.on_topic]
    people = build_registry([s.text for s in on_topic])
    index = PeopleIndex(people)
    topics = TopicMatcher()
    topics.learn([s.text for s in on_topic])
    mention_counts: Counter[str] = Counter()
    for sent in sents:
        sent.dates = find_dates(sent.text)
        if sent.on_topic:
            sent.figures = [] if sent.heading else find_figures(sent.text, sent.dates)
            sent.mentions = index.find(sent.text)
            sent.topics = topics.topics_in(sent.text)
            mention_counts.update({m.person for m in sent.mentions})
    visits = _visits(docs, on_topic, people)
    links = _link(docs, on_topic, visits)
    _date_visits(docs, visits, links)
    commitments = _commitments(on_topic, people, topics, links)
    figures = [
        FigureFact(
            f,
            s,
            topics.topics_in(f.measure)
            or topics.topics_in(s.text[max(0, f.start - 80) : f.end + 40]),
        )
        for s in on_topic
        for f in s.figures
    ]
    return Extraction(docs, sents, people, mention_counts, visits, commitments, figures, topics)


def _segment(documents: list[tuple[RawDocument, CleanDocument]]) -> tuple[list[Doc], list[Sent]]:
    docs: list[Doc] = []
    sents: list[Sent] = []
    passage_id = 0
    for doc_index, (raw, clean) in enumerate(documents):
        title = clean.title or shorten(clean.paragraphs[0] if clean.paragraphs else raw.name, 90)
        doc = Doc(doc_index, raw, clean, title)
        docs.append(doc)
        for paragraph, relevance in zip(
            clean.paragraphs, classify(clean.paragraphs, clean.tail_start), strict=True
        ):
            heading = paragraph[-1] not in '.!?"”’:;)' and len(paragraph.split()) <= 15
            doc.passages.append((paragraph, relevance.on_topic, heading, relevance.reason))
            passage_id += 1
            for ordinal, text in enumerate(split_sentences(paragraph)):
                sents.append(
                    Sent(
                        len(sents) + 1,
                        doc_index,
                        passage_id,
                        ordinal,
                        text,
                        relevance.on_topic,
                        heading,
                    )
                )
    return docs, sents


def _visits(docs: list[Doc], on_topic: list[Sent], people: dict[str, Person]) -> list[Visit]:
    mentions = [m for s in on_topic if not s.heading for m in find_visit_mentions(s, people)]
    visits = group_visits(mentions)
    for visit in visits:
        stated = [(m.sentence, d) for m in visit.mentions for d in m.dates if d.year]
        if stated:
            sent, when = stated[0]
            visit.year = when.year
            visit.year_note = f"from “{when.text}” in “{shorten(docs[sent.doc].title, 48)}”"
    return visits


def _link(docs: list[Doc], on_topic: list[Sent], visits: list[Visit]) -> dict[int, Visit]:
    """Sentence id -> the visit it reports on."""
    linker = VisitLinker(on_topic, visits)
    links: dict[int, Visit] = {}
    for sent in on_topic:
        visit = linker.link(sent)
        if visit is not None:
            links[sent.id] = visit
            visit.linked.append(sent)
    return links


def _date_visits(docs: list[Doc], visits: list[Visit], links: dict[int, Visit]) -> None:
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
        if years:
            doc.reference_year = max(years)
            doc.year_note = f"latest full date in {doc.title}"
    for visit in visits:
        if visit.year is None:
            _year_from_linked_dates(docs, visit)
        if visit.year is None:
            for sent in visit.linked:
                doc = docs[sent.doc]
                if doc.reference_year:
                    visit.year = doc.reference_year
                    visit.year_note = f"inferred from other dates in “{shorten(doc.title, 48)}”"
                    break
        elif not visit.year_note:
            visit.year_note = "stated"
        _fill_dates(visit)
    for visit in visits:
        for doc_index in {s.doc for s in visit.linked}:
            if docs[doc_index].reference_year is None and visit.year:
                docs[doc_index].reference_year = visit.year
                docs[doc_index].year_note = f"year of the visit it reports ({visit.year_note})"
    del links


def _year_from_linked_dates(docs: list[Doc], visit: Visit) -> None:
    """A year stated with a date of the visit's month in a sentence about the visit."""
    for sent in visit.linked:
        for when in sent.dates:
            if (
                when.year
                and when.kind in ("day", "range", "month")
                and (not visit.months or when.month in visit.months)
            ):
                visit.year = when.year
                visit.year_note = f"from “{when.text}” in “{shorten(docs[sent.doc].title, 48)}”"
                return


def _fill_dates(visit: Visit) -> None:
    ranges = [d for m in visit.mentions for d in m.dates if d.kind == "range" and d.month and d.day]
    year = visit.year or 1900
    seen_places: list[str] = []
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
    visit.places = seen_places
    if ranges:
        first = ranges[0]
        assert first.month and first.day and first.end_day
        visit.start = date(year, first.month, first.day)
        visit.end = date(year, first.end_month or first.month, first.end_day)
    else:
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


def _commitments(
    on_topic: list[Sent], people: dict[str, Person], topics: TopicMatcher, links: dict[int, Visit]
) -> list[CommitmentFact]:
    """One fact per commitment: the same target figure, or the same named project on the same
    occasion, reported by several sentences or documents is one commitment with all its sources."""
    facts: list[CommitmentFact] = []
    by_key: dict[tuple[object, ...], CommitmentFact] = {}
    names = _project_names(on_topic)
    for sent in on_topic:
        if sent.heading:
            continue
        sentence_figures = [f for f in sent.figures if f.unit != "year"]
        for mention in find_commitments(sent.text):
            found_topics = topics.topics_in(mention.span) or ["general"]
            before = [people[m.person].name for m in sent.mentions if m.end <= mention.cue_start]
            actor = " and ".join(dict.fromkeys(before[-2:])) or mention.actor
            figures = [f for f in sentence_figures if mention.cue_start <= f.start < mention.end]
            deadline = next((f.deadline for f in reversed(figures) if f.deadline), None) or next(
                (
                    d.year
                    for d in sent.dates
                    if d.kind == "deadline" and mention.cue_start <= d.start < mention.end
                ),
                None,
            )
            occasion = links.get(sent.id)
            keys = _merge_keys(figures, mention.span, occasion, names)
            fact = next((by_key[k] for k in keys if k in by_key), None)
            if fact is not None:
                fact.sources.append((sent, mention.kind, occasion))
                fact.topics.extend(
                    t for t in found_topics if t not in fact.topics and t != "general"
                )
            else:
                fact = CommitmentFact(
                    mention.kind,
                    actor,
                    found_topics,
                    [(sent, mention.kind, occasion)],
                    figures,
                    deadline,
                )
                facts.append(fact)
            for k in keys:
                by_key.setdefault(k, fact)
    return facts


_NAME_RUN = re.compile(
    r"(?:[A-Z][\w'’-]+|of|and|for|the|–|-)(?:\s+(?:[A-Z][\w'’-]+|of|and|for|the|–|-))+"
)


def _names_in(text: str) -> set[str]:
    """Multi-word proper names in a span ("Supply Chain and Critical Minerals Centre")."""
    found = set()
    for match in _NAME_RUN.finditer(text):
        words = [w for w in key(match.group(0)).split() if w not in ("of", "and", "for", "the")]
        if len(words) >= 3:
            found.add(" ".join(words[-3:]))
    return found


def _project_names(sents: list[Sent]) -> set[str]:
    """Names that appear in few documents: a shared one marks the same project, not a slogan."""
    documents: dict[str, set[int]] = {}
    for sent in sents:
        for name in _names_in(sent.text):
            documents.setdefault(name, set()).add(sent.doc)
    return {name for name, docs in documents.items() if 2 <= len(docs) <= 3}


def _merge_keys(
    figures: list[FigureMention], span: str, occasion: Visit | None, names: set[str]
) -> list[tuple[object, ...]]:
    """Keys under which a commitment meets its other reports."""
    keys: list[tuple[object, ...]] = []
    targets = [f for f in figures if f.unit in ("USD", "%") or f.deadline]
    if targets:
        target = next((f for f in reversed(targets) if f.deadline), targets[-1])
        keys.append(("figure", round(target.value), target.unit, target.deadline))
    if occasion is not None:
        keys += [("name", id(occasion), name) for name in sorted(_names_in(span) & names)]
    return keys
