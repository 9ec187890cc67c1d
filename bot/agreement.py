"""Where documents agree and where they do not: the same fact given with different numbers or
dates (marked as differing, each value with its sources), and how far a target has been met by
the latest actual figure of the same measure. Pure: facts in, annotations out."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.answer import Differing, Progress, Source
from store.queries import FigureInfo

SAME_MEASURE = 85  # token-set similarity of two statements once their numbers are gone
_NUMBERS = re.compile(
    r"[\d.,]+\s*(?:%|per ?cent|billion|million|thousand|bn|m|trillion)?|\b(?:19|20)\d\d\b"
)
_SHORT_UNITS = ((1e12, "tn"), (1e9, "bn"), (1e6, "m"))
# Words every statement of the two countries shares: they say nothing about which measure it is.
_GENERIC = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "from",
        "at",
        "as",
        "both",
        "two",
        "sides",
        "countries",
        "country",
        "vietnam",
        "viet",
        "nam",
        "korea",
        "korean",
        "vietnamese",
        "republic",
        "rok",
        "south",
        "nations",
        "between",
        "its",
        "their",
        "this",
        "that",
        "which",
        "reached",
        "reach",
        "raise",
        "raising",
        "aim",
        "aims",
        "agreed",
        "set",
        "target",
        "targets",
        "usd",
        "us",
        "dollars",
    ]
)


@dataclass(frozen=True)
class Stated:
    """One statement of a fact: what it measures, its value, its time, its kind and sources."""

    measure: str  # the sentence, or what the figure measures
    value: str  # "100 billion USD"
    when: str  # "by 2023" / "in 2024" / ""
    target: bool  # a deadline (by 2030) rather than a time it was measured (in 2024)
    documents: frozenset[int]
    sources: tuple[Source, ...]


def differing(
    stated: Sequence[Stated], among: Iterable[int] | None = None
) -> dict[int, tuple[Differing, ...]]:
    """For each statement (of `among`, the ones shown, when given) that another document
    contradicts: every value given for that fact.

    Two statements are of the same fact when they measure the same thing in the same words
    (numbers aside) and are both targets or both actuals; they differ when one of value and
    time is the same and the other is not (100 bn by 2023 / by 2025; 81.5 / 80 bn in 2024).
    """
    return described(stated, rivals(stated, among))


def rivals(stated: Sequence[Stated], among: Iterable[int] | None = None) -> dict[int, list[int]]:
    """For each statement (of `among`) that another document contradicts, the indices of the
    statements that do (as `differing`; their sources are not read)."""
    # A page's statements against all of them, each text stripped of numbers once: comparing
    # every pair of a large topic's figures grew with the square of the corpus.
    measures: dict[int, str] = {}

    def measure(index: int) -> str:
        if index not in measures:
            measures[index] = _without_numbers(stated[index].measure)
        return measures[index]

    found: dict[int, list[int]] = {}
    for i in range(len(stated)) if among is None else among:
        one = stated[i]
        against = [
            j
            for j, other in enumerate(stated)
            if j != i
            and _may_differ(one, other)
            and fuzz.token_sort_ratio(measure(i), measure(j), score_cutoff=SAME_MEASURE)
        ]
        if against:
            found[i] = against
    return found


def described(
    stated: Sequence[Stated], rivals_of: dict[int, list[int]]
) -> dict[int, tuple[Differing, ...]]:
    """Each contradicted statement's values, its own first, each with its sources."""
    return {
        i: tuple(Differing(_label(s), s.sources) for s in [stated[i], *(stated[j] for j in js)])
        for i, js in rivals_of.items()
    }


def progress(target: FigureInfo, actuals: Sequence[FigureInfo]) -> Progress | None:
    """The latest actual figure of target's measure (before its deadline) against the target."""
    if target.deadline is None or target.value <= 0:
        return None
    words = _measure_words(target.measure)
    fitting = [
        a
        for a in actuals
        if a.deadline is None
        and a.year is not None
        and a.year <= target.deadline
        and a.unit == target.unit
        and len(words & _measure_words(a.measure)) >= 1
        and set(a.topics) & set(target.topics)
        and 0 < a.value <= target.value * 2
    ]
    if not fitting:
        return None
    latest = max(fitting, key=lambda a: (a.year or 0, a.id))
    return Progress(
        actual=compact(latest),
        actual_year=latest.year,
        target=compact(target),
        target_year=target.deadline,
        share=latest.value / target.value,
    )


def compact(figure: FigureInfo) -> str:
    """'81.5 bn' for 81.5 billion USD; the figure as written when it is not a large amount."""
    for size, short in _SHORT_UNITS:
        if figure.value >= size:
            amount = f"{figure.value / size:.1f}".rstrip("0").rstrip(".")
            return f"{amount} {short}"
    return figure.text


def _may_differ(one: Stated, other: Stated) -> bool:
    """Both targets or both actuals, from other documents, one of value and time the same."""
    return (
        one.target == other.target
        and (one.value == other.value) != (one.when == other.when)
        and not one.documents & other.documents
    )


def _label(stated: Stated) -> str:
    return f"{stated.value} {stated.when}".strip()


def _without_numbers(text: str) -> str:
    return _NUMBERS.sub(" ", text.lower())


def _measure_words(measure: str) -> set[str]:
    """The words that say what is measured ('two-way', 'trade'), without the generic ones."""
    words = re.findall(r"[a-z][a-z'-]+", _without_numbers(measure))
    return {w for w in words if w not in _GENERIC and len(w) > 2}
