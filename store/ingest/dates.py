"""Dates in a sentence: days, ranges, months, years, deadlines and periods."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from store.lexicon import day_parts, months


@dataclass(frozen=True)
class DateMention:
    """A date as written; year is None when the text does not state it."""

    kind: str  # day | range | month | year | deadline | period
    start: int
    end: int
    text: str
    month: int | None = None
    day: int | None = None
    end_month: int | None = None
    end_day: int | None = None
    year: int | None = None
    end_year: int | None = None
    part_of_day: str | None = None


def _month_pattern() -> str:
    names = sorted(months(), key=len, reverse=True)
    return r"(?:" + "|".join(n.capitalize() + (r"\.?" if len(n) <= 4 else "") for n in names) + r")"


_M = _month_pattern()
_PART = r"(?:\s+(?P<part>" + "|".join(day_parts()) + r"))?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_DASH = r"\s*[-–—]\s*"
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "range",
        re.compile(
            rf"(?:(?:from|between)\s+)?(?P<m1>{_M})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:{_DASH}|\s+(?:to|and)\s+)"
            rf"(?:(?P<m2>{_M})\s+)?(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?"
        ),
    ),
    (
        "range",
        re.compile(
            rf"(?:from\s+)?(?P<d1>\d{{1,2}})\s+(?P<m1>{_M})(?:{_DASH}|\s+to\s+)"
            rf"(?P<d2>\d{{1,2}})\s+(?P<m2>{_M})\b(?:,?\s+{_YEAR})?"
        ),
    ),
    (
        "range",
        re.compile(
            rf"(?:(?:from|between)\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:{_DASH}|\s+(?:to|and)\s+)(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_M})\b(?:,?\s+{_YEAR})?"
        ),
    ),
    (
        "day",
        re.compile(
            rf"(?P<m1>{_M})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*[,.]\d)(?:,?\s+{_YEAR}\b)?{_PART}"
        ),
    ),
    ("day", re.compile(rf"\b(?P<d1>\d{{1,2}})\s+(?P<m1>{_M})\b(?:,?\s+{_YEAR}\b)?{_PART}")),
    ("month", re.compile(rf"(?P<m1>{_M})\s+{_YEAR}\b")),
    ("period", re.compile(rf"\b{_YEAR}{_DASH}(?P<year2>(?:1[89]|20)\d\d)\b")),
    ("deadline", re.compile(rf"\b(?i:by|until|till|before)\s+(?:the\s+end\s+of\s+)?{_YEAR}\b")),
    ("year", re.compile(rf"\b(?i:in|since|during|from|of|year)\s+{_YEAR}\b")),
    (
        "month",
        re.compile(rf"\b(?i:in|since|during|early|late|mid|last|next)\s+(?P<m1>{_M})\b(?!\s+\d)"),
    ),
]


def _month_number(name: str | None) -> int | None:
    return months().get(name.rstrip(".").lower()) if name else None


_ANY_MONTH = re.compile(_M)
_YEAR_ANYWHERE = re.compile(r"(?:1[89]|20)\d\d")


def find_dates(sentence: str) -> list[DateMention]:
    """Every date mention in a sentence, longest first where two overlap, in text order."""
    has_month = _ANY_MONTH.search(sentence) is not None
    has_year = _YEAR_ANYWHERE.search(sentence) is not None
    if not has_month and not has_year:
        return []
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        if (kind in ("range", "day") and not has_month) or (
            kind in ("period", "deadline", "year") and not has_year
        ):
            continue
        for match in pattern.finditer(sentence):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            groups = match.groupdict()
            mention = DateMention(
                kind=kind,
                start=span[0],
                end=span[1],
                text=match.group(0),
                month=_month_number(groups.get("m1")),
                day=int(groups["d1"]) if groups.get("d1") else None,
                end_month=_month_number(groups.get("m2")) or _month_number(groups.get("m1"))
                if kind == "range"
                else None,
                end_day=int(groups["d2"]) if groups.get("d2") else None,
                year=int(groups["year"]) if groups.get("year") else None,
                end_year=int(groups["year2"]) if groups.get("year2") else None,
                part_of_day=groups.get("part"),
            )
            if _plausible(mention):
                found.append(mention)
                taken.append(span)
    return sorted(found, key=lambda m: m.start)


def _plausible(mention: DateMention) -> bool:
    for month, day in ((mention.month, mention.day), (mention.end_month, mention.end_day)):
        if month and day:
            try:
                date(2000, month, day)
            except ValueError:
                return False
    return True


def format_day(month: int, day: int | None, year: int | None) -> str:
    """'August 11, 2025', 'August 2025' or 'August 11' as the facts allow."""
    name = date(2000, month, 1).strftime("%B")
    text = f"{name} {day}" if day else name
    if year:
        text += f", {year}" if day else f" {year}"
    return text
