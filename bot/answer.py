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
    url: str | None = None  # the article's address, when the document carries one

    def label(self) -> str:
        """'Title (VNA, August 2025)' as shown under an item."""
        extra = ", ".join(x for x in (self.agency, self.date) if x)
        return f"{self.title} ({extra})" if extra else self.title


@dataclass(frozen=True)
class Differing:
    """One of the values documents give for the same fact, and the documents that give it."""

    value: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Progress:
    """The latest actual figure of a measure against its target: 81.5 bn (2024) of 150 bn (2030)."""

    actual: str
    actual_year: int | None
    target: str
    target_year: int | None
    share: float  # actual / target, 0..1 and beyond

    def bar(self, width: int = 10) -> str:
        """'81.5 bn (2024) ▓▓▓▓▓░░░░░ 150 bn (2030)'."""
        filled = max(0, min(width, round(self.share * width)))
        actual = f"{self.actual} ({self.actual_year})" if self.actual_year else self.actual
        target = f"{self.target} ({self.target_year})" if self.target_year else self.target
        return f"{actual} {'▓' * filled}{'░' * (width - filled)} {target}"


@dataclass(frozen=True)
class Item:
    """One fact card: its substance as the title, a quieter line with who, the occasion and its
    date, labelled lines, the document's own words, how many documents report it, its sources."""

    title: str
    lines: tuple[str, ...] = ()
    quote: str | None = None
    bullets: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()
    highlight: tuple[str, ...] = ()  # words to emphasise in the quote (search matches)
    context: str = ""  # the quieter line under the title: who committed, the occasion, its date
    reports: int = 0  # documents that report the fact (0: not counted, e.g. a search passage)
    differs: tuple[Differing, ...] = ()  # documents disagree: each value with its sources
    progress: Progress | None = None  # a target with the latest actual figure of its measure
    # What a follow-up's "it" and "he"/"she" mean after this item: "the state visit of To Lam to
    # the RoK in August 2025"; the person it is about; whether it is an occasion (a visit).
    about: str = ""
    person: str = ""
    occasion: bool = False

    def corroboration(self) -> str:
        """'Reported by 4 documents', 'Single source', or '' when not counted."""
        if self.reports > 1:
            return f"Reported by {self.reports} documents"
        return "Single source" if self.reports == 1 else ""


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
    more_of: str = ""  # what the items after this page are, when not more of the same kind
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def remaining(self) -> int:
        """How many items come after this page."""
        return max(0, self.total - (self.page - 1) * self.page_size - len(self.items))
