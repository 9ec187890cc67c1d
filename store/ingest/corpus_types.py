"""The in-memory shapes the extractors share while a reseed runs."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from store.ingest.clean import CleanDocument
from store.ingest.commitments import CommitmentMention
from store.ingest.dates import DateMention
from store.ingest.figures import FigureMention
from store.ingest.introductions import Introduction
from store.ingest.people import Mention
from store.ingest.read import RawDocument


@dataclass
class Sent:
    id: int
    doc: int
    passage: int
    ordinal: int
    text: str
    on_topic: bool
    heading: bool
    dates: list[DateMention] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    figures: list[FigureMention] = field(default_factory=list)
    shown: str = ""  # the text as stored and quoted: relative dates with the date they stand for
    caption: bool = False  # a photo caption: names who is pictured, never a fact's source
    folded: str = ""  # the shown text folded, as the full-text index holds it
    # Found in the per-document pool (store/ingest/per_sentence.py): introductions for on-topic
    # sentences and captions, the rest for on-topic sentences.
    introductions: list[Introduction] = field(default_factory=list)
    commitments: list[CommitmentMention] = field(default_factory=list)
    proper_names: set[str] = field(default_factory=set)
    vector: bytes | None = None  # meaning vector, float16 bytes; None without the model


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
    vocabulary: Counter[str] = field(default_factory=Counter)  # words of its shown sentences


@dataclass
class VisitMention:
    visitor: str
    destination: str
    host: str | None
    kind: str
    sentence: Sent
    dates: list[DateMention]
    places: list[str] = field(default_factory=list)
    days: int | None = None  # "a three-day visit"
