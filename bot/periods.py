"""Periods as people write them, parsed into date spans. Pure: no I/O.

Day-first numeric dates (21/11/2025, as in Vietnam and the UK), "21 nov", "nov 21st",
"mid-November", "winter 2025", "last month" / "last November" (relative to the newest article,
not to the clock: the store is a record, not a feed), "2025", "Q3 2025" and ranges
("from June to August 2025", "2023-2024", "since 2024").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from store.lexicon import months as month_names


@dataclass(frozen=True)
class Period:
    """What a question asks about in time: a span, or months of any year."""

    text: str  # as asked
    start: date | None = None
    end: date | None = None
    months: frozenset[int] = frozenset()  # "in November": any year's November

    def contains(self, day: date) -> bool:
        if self.start and self.end:
            return self.start <= day <= self.end
        return day.month in self.months


_SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
_PARTS = {
    "early": (1, 10),
    "mid": (11, 20),
    "middle of": (11, 20),
    "late": (21, 31),
    "end of": (21, 31),
}


def _month_re() -> str:
    return "|".join(sorted(month_names(), key=len, reverse=True))


_M = _month_re()
_Y = r"(?:19|20)\d\d"


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_span(year: int, month: int, first: int = 1, last: int = 31) -> tuple[date, date]:
    last = min(last, _last_day(year, month))
    return date(year, month, min(first, last)), date(year, month, last)


def _month(name: str) -> int:
    return month_names()[name.lower().rstrip(".")]


def _day_of(
    year: int | None, month: int, day: int, latest: date | None
) -> tuple[date, date] | None:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    if year is None:
        if latest is None:
            return None
        # Without a year: the most recent such day on or before the newest article.
        year = latest.year if (month, day) <= (latest.month, latest.day) else latest.year - 1
    day = min(day, _last_day(year, month))
    return date(year, month, day), date(year, month, day)


def parse_period(text: str, latest: date | None) -> Period | None:
    """The period a question names, if any (text: lower-case, folded)."""
    return _parse(text, latest)


def _parse(t: str, latest: date | None) -> Period | None:
    if m := re.search(r"\b(\d{1,2})/(\d{1,2})(?:/((?:19|20)?\d\d))?\b", t) or re.search(
        r"\b(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\b", t
    ):
        year = int(m[3]) if m[3] else None
        if year is not None and year < 100:
            year += 2000
        span = _day_of(year, int(m[2]), int(m[1]), latest)
        if span:
            return Period(m[0], *span)
    if m := re.search(r"\b(" + _Y + r")-(\d\d)-(\d\d)\b", t):
        span = _day_of(int(m[1]), int(m[2]), int(m[3]), latest)
        if span:
            return Period(m[0], *span)
    year_m = re.search(r"\b(" + _Y + r")\b", t)
    year = int(year_m[1]) if year_m else None
    if m := re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_M})\b\.?", t) or re.search(
        rf"\b({_M})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", t
    ):
        day_s, month_s = (m[1], m[2]) if m[1].isdigit() else (m[2], m[1])
        if not re.fullmatch(_Y, day_s):
            span = _day_of(year, _month(month_s), int(day_s), latest)
            if span:
                return Period(m[0], *span)
    if m := re.search(rf"\b(?:from|between)\s+({_M})\s+(?:to|and|until|till)\s+({_M})\b", t) or (
        re.search(rf"\b({_M})\s*(?:-|to|until)\s*({_M})\b", t)
    ):
        first, last = _month(m[1]), _month(m[2])
        if year is not None:
            end_year = year + 1 if last < first else year
            return Period(
                m[0], date(year, first, 1), date(end_year, last, _last_day(end_year, last))
            )
        months = (
            range(first, last + 1) if first <= last else [*range(first, 13), *range(1, last + 1)]
        )
        return Period(m[0], months=frozenset(months))
    if m := re.search(rf"\b(early|mid|middle of|late|end of)[\s-]+({_M})\b", t):
        first, last = _PARTS[m[1]]
        month = _month(m[2])
        the_year = year or (latest.year if latest else None)
        if the_year:
            return Period(m[0], *_month_span(the_year, month, first, last))
        return Period(m[0], months=frozenset({month}))
    if (
        m := re.search(r"\b(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(" + _Y + r"))?\b", t)
    ) and (
        m[1] != "fall"
        or m[2]
        or re.search(r"\b(?:the|this|last|next|during)\s+fall$", t[: m.end()])
    ):  # "did exports fall in 2023?" asks about a fall, not the autumn
        first, last = _SEASONS[m[1]]
        the_year = int(m[2]) if m[2] else (latest.year if latest else None)
        if the_year is None:
            return None
        end_year = the_year + 1 if last < first else the_year
        return Period(
            m[0], date(the_year, first, 1), date(end_year, last, _last_day(end_year, last))
        )
    if m := re.search(r"\bq([1-4])\s+(" + _Y + r")\b", t):
        quarter, the_year = int(m[1]), int(m[2])
        first = 3 * quarter - 2
        return Period(
            m[0],
            date(the_year, first, 1),
            date(the_year, first + 2, _last_day(the_year, first + 2)),
        )
    if latest and (m := re.search(rf"\b(last|this|past|previous)\s+(month|year|week|{_M})\b", t)):
        return _relative(m[0], m[1], m[2], latest)
    if m := re.search(r"\b(" + _Y + r")\s*(?:-|to|and|until)\s*(" + _Y + r")\b", t):
        return Period(m[0], date(int(m[1]), 1, 1), date(int(m[2]), 12, 31))
    if m := re.search(r"\b(?:since|after)\s+(" + _Y + r")\b", t):
        return Period(m[0], date(int(m[1]), 1, 1), date(9999, 12, 31))
    if m := _named_month(t):
        month = _month(m[1])
        if year is not None:
            return Period(f"{m[0]} {year}", *_month_span(year, month))
        return Period(m[0], months=frozenset({month}))
    if year is not None:
        return Period(str(year), date(year, 1, 1), date(year, 12, 31))
    return None


def _named_month(t: str) -> re.Match[str] | None:
    """A month's name, but not the verb "may" (nor "mar") unless a preposition says it is a month."""
    for m in re.finditer(rf"\b({_M})\b\.?", t):
        if m[1] not in ("may", "mar") or re.search(rf"\b(?:in|of|since|during)\s+{m[1]}\b", t):
            return m
    return None


def _relative(text: str, which: str, unit: str, latest: date) -> Period:
    if unit == "year":
        year = latest.year - (which != "this")
        return Period(text, date(year, 1, 1), date(year, 12, 31))
    if unit == "week":
        start = date.fromordinal(latest.toordinal() - (13 if which != "this" else 6))
        return Period(text, start, latest)
    if unit == "month":
        year, month = latest.year, latest.month
        if which != "this":
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        return Period(text, *_month_span(year, month))
    month = _month(unit)
    # asked after the newest article: its own month is already past ("last November" of a
    # store whose newest article is from November 2025 is that November)
    year = latest.year if month <= latest.month or which == "this" else latest.year - 1
    return Period(text, *_month_span(year, month))
