"""The in-memory shapes the extractors share while a reseed runs."""

from __future__ import annotations

from dataclasses import dataclass, field

from store.ingest.dates import DateMention
from store.ingest.figures import FigureMention
from store.ingest.people import Mention


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
