"""Dates in a sentence: the patterns of dates and spans, whether a sentence names a day within
the asked period, and how closely it dates the asked event. Pure: text in, a verdict out."""

from __future__ import annotations

import re
from datetime import date

from bot.periods import Period
from bot.question import Question
from bot.stems import compounds, covered, stem
from store.lexicon import months
from store.textutil import words

MONTH_NAMES = "|".join(sorted(months(), key=len, reverse=True))
_YEAR = r"\b(?:19|20)\d\d\b"
DATE = re.compile(
    rf"{_YEAR}|\b(?:{MONTH_NAMES})\b\.?(?:\s+\d{{1,2}}\b)?|\b\d{{1,2}}\s+(?:{MONTH_NAMES})\b", re.I
)
DURATION = re.compile(
    rf"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|several)\s*(?:-\s*)?"
    rf"(?:days?|weeks?|months?|years?|nights?|hours?|minutes?)\b|\b(?:by|until|till|through)\s+{_YEAR}|"
    rf"{_YEAR}\s*(?:-|–|to)\s*{_YEAR}|\b(?:{MONTH_NAMES})\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}\b|\bfrom\s+(?:{MONTH_NAMES})",
    re.I,
)

_MONTH_NUMBER = {name: number for name, number in months().items()}
_DAY_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTH_NAMES})\b|({MONTH_NAMES})\b\.?\s+(\d{{1,2}})\b)(?:,?\s+((?:19|20)\d\d))?",
    re.I,
)


# A year as a sentence writes it: looked up once per sentence, not once per year of an open
# period ("since 1992" runs to the last year a date can have).
_FOUR_DIGITS = re.compile(r"\b\d{4}\b")


def mentions_period(text: str, period: Period) -> bool:
    """Whether a sentence names a day (or, for a span of months, a month) within the period."""
    for m in _DAY_MONTH.finditer(text):
        day = int(m[1] or m[4])
        month = _MONTH_NUMBER[(m[2] or m[3]).lower()]
        if period.months and not period.start:
            if month in period.months:
                return True
            continue
        if period.start is None or period.end is None:
            continue
        year = int(m[5]) if m[5] else None
        for candidate_year in [year] if year else _years(period):
            try:
                if period.contains(date(candidate_year, month, day)):
                    return True
            except ValueError:
                continue
    if period.start and period.end and (period.start.month, period.start.day) == (1, 1):
        whole = range(period.start.year, period.end.year + 1)  # whole years: "in 2027"
        if (period.end.month, period.end.day) == (12, 31) and any(
            int(y) in whole for y in _FOUR_DIGITS.findall(text)
        ):
            return True
    if period.start and period.end and (period.end - period.start).days >= 27:
        for m in re.finditer(rf"\b({MONTH_NAMES})\b\.?(?:\s+((?:19|20)\d\d))?", text, re.I):
            month = _MONTH_NUMBER[m[1].lower()]
            year = int(m[2]) if m[2] else None
            years = [year] if year else _years(period)
            if any(
                period.contains(date(y, month, 15)) or _month_overlaps(period, y, month)
                for y in years
            ):
                return True
    return False


def _years(period: Period) -> list[int]:
    """The years a day or month named without one may fall in: the period's first five and its
    last (an open period, "since 1992", runs to the year 9999: every day of the years between is
    inside it, so those years tell nothing more)."""
    assert period.start is not None and period.end is not None
    first, last = period.start.year, period.end.year
    return sorted({*range(first, min(last, first + 4) + 1), last})


def _month_overlaps(period: Period, year: int, month: int) -> bool:
    assert period.start is not None and period.end is not None
    return (year, month) >= (period.start.year, period.start.month) and (year, month) <= (
        period.end.year,
        period.end.month,
    )


DATE_REACH = 6  # words either side of a date that say what happened on it


def dated_event(
    question: Question, text: str, concept_weights: list[float], days_only: bool = False
) -> float:
    """How much of the asked event stands beside a date in the sentence: the weighted share of
    the asked words within a few words of its best date, a bare year counting half ("The
    groundbreaking ceremony was held on Wednesday (February 5, 2025)" dates the groundbreaking;
    "our soju exports, back in 1968" dates something else than the plant asked about)."""
    if not question.concepts:
        return 0.0
    tokens = words(text)
    asked = set().union(*question.concepts)
    days = {str(d) for d in range(1, 32)}
    total = sum(concept_weights) or 1.0
    best = 0.0
    for at, token in enumerate(tokens):
        year = re.fullmatch(r"(?:19|20)\d\d", token) is not None
        if not (year or token in _MONTH_NUMBER):
            continue
        beside = set(tokens[max(0, at - 1) : at + 2])
        day = bool(beside & days) if not year else at > 0 and tokens[at - 1] in days
        if days_only and not day:
            continue
        window = tokens[max(0, at - DATE_REACH) : at + DATE_REACH + 1]
        near = {stem(t) for t in window} | compounds(window, asked)
        share = sum(
            w for g, w in zip(question.concepts, concept_weights, strict=True) if covered(g, near)
        )
        best = max(best, share / total * (1.0 if day else 0.5))
    return best
