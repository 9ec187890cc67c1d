"""The values the queries return: plain frozen records, no database objects."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocRef:
    id: int
    name: str
    title: str
    agency: str | None
    dated: str | None = None  # the dateline's date, when the article has one
    url: str | None = None  # the article's address, when it gives one


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
    documents: int = 0  # how many documents name the person


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
    # When documents give the visit different days: each span as shown, with the documents' ids.
    stated: tuple[tuple[str, tuple[int, ...]], ...] = ()


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
    document_id: int = 0
    # Stemmed at reseed (textutil.stems), for matching asked words: the sentence and measure,
    # the sentence before it in its paragraph, the measure alone.
    stems: str = ""
    lent_stems: str = ""
    measure_stems: str = ""


@dataclass(frozen=True)
class StoreOverview:
    documents: int
    visits: list[str]
    topics: list[str]
    reseeded_at: str | None
    reseeded_by: str | None
    summary: dict[str, object]
    latest: tuple[tuple[str, str], ...] = ()  # the newest visits: (label, a /visit query for it)


OVERVIEW_VISITS = 10
