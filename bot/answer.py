"""The Answer value: what the core returns for one query, before any rendering."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    """Where a fact comes from: the document's title (or first line), agency and date when known."""

    title: str
    document: str
    agency: str | None = None
    date: str | None = None

    def label(self) -> str:
        """'Title (VNA, August 2025)' as shown under an item."""
        extra = ", ".join(x for x in (self.agency, self.date) if x)
        return f"{self.title} ({extra})" if extra else self.title


@dataclass(frozen=True)
class Item:
    """One fact card: a bold title, labelled lines, the document's own words, its sources."""

    title: str
    lines: tuple[str, ...] = ()
    quote: str | None = None
    bullets: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    highlight: tuple[str, ...] = ()  # words to emphasise in the quote (search matches)


@dataclass(frozen=True)
class Suggestion:
    """A query worth running next: a did-you-mean, or one of several people a name may mean."""

    label: str
    query: str


@dataclass(frozen=True)
class Answer:
    """Everything a renderer needs; items hold one page of the total."""

    query: str
    intent: str  # commitment | visit | who | figure | search | help | error
    heading: str
    summary: str = ""
    notice: str = ""  # a sentence before the items: "No visits found for *december*." or usage
    items: tuple[Item, ...] = ()
    total: int = 0
    page: int = 1
    page_size: int = 5
    suggestions: tuple[Suggestion, ...] = ()
    empty: bool = False
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def remaining(self) -> int:
        """How many items come after this page."""
        return max(0, self.total - (self.page - 1) * self.page_size - len(self.items))
