"""Wire-style relative dates ("on Friday", "yesterday", "last month", "earlier this week"),
resolved against the article's own date (its date stamp or a dated dateline)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from store.ingest.dates import DateMention, format_day

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(
    r"\b(?:(?P<which>last|next|this|on|on\s+last|since|until|by)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"(?:\s+(?P<part>morning|afternoon|evening|night))?\b(?!,?\s+(?:[A-Z][a-z]+\.?\s+)?\d)"
)
_RELATIVE = re.compile(
    r"\b(?P<phrase>yesterday|today|tomorrow|tonight|"
    r"(?:earlier|later)\s+this\s+(?:week|month|year)|(?:last|this|next)\s+(?:week|month|year))\b",
    re.IGNORECASE,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_OF_YEAR = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+(?P<which>last|this|next)\s+year\b"
)
_FUTURE = re.compile(
    r"\b(?:will|is to|are to|is due|are due|scheduled|set to|next)\b", re.IGNORECASE
)


def relative_dates(
    sentence: str, today: date | None, taken: list[DateMention]
) -> list[DateMention]:
    """The relative dates of a sentence as dated mentions (none without the article's date)."""
    if today is None:
        return []
    spans = [(d.start, d.end) for d in taken]
    found: list[DateMention] = []
    future = _FUTURE.search(sentence) is not None
    for match in _WEEKDAY.finditer(sentence):
        if any(match.start() < b and a < match.end() for a, b in spans):
            continue
        to_come = future and not _told_as_past(sentence, match.start())
        day = _weekday(today, _WEEKDAYS.index(match["weekday"].lower()), match["which"], to_come)
        found.append(
            DateMention(
                "day",
                match.start(),
                match.end(),
                match.group(0),
                day.month,
                day.day,
                year=day.year,
                part_of_day=match["part"],
            )
        )
    yearless = [(d.start, d.end) for d in taken if d.kind == "month" and d.year is None]
    for match in _MONTH_OF_YEAR.finditer(sentence):  # "in May last year": the month's year
        if any(match.start() < b and a < match.end() for a, b in spans if (a, b) not in yearless):
            continue
        step = {"last": -1, "next": 1}.get(match["which"].lower(), 0)
        month = _MONTHS.index(match["month"].lower()[:3]) + 1
        found.append(
            DateMention(
                "month", match.start(), match.end(), match.group(0), month, year=today.year + step
            )
        )
        spans.append(match.span())
    for match in _RELATIVE.finditer(sentence):
        if any(match.start() < b and a < match.end() for a, b in spans):
            continue
        mention = _relative(
            match["phrase"].lower(), today, match.start(), match.end(), match.group(0)
        )
        if mention:
            found.append(mention)
    return found


# A clause ends at these: "…will no longer be trained by X, officials said on Monday" tells of
# Monday in the past though the sentence speaks of what will be.
_CLAUSE_END = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_PAST_VERB = re.compile(
    r"\b(?:\w+ed|said|told|met|went|came|made|held|gave|took|began|left|saw|spoke|wrote|"
    r"paid|led|sent|won|lost|flew|struck|signed|was|were)\s+(?:(?:on|last)\s+)?$",
    re.IGNORECASE,
)


def _told_as_past(sentence: str, at: int) -> bool:
    """Whether the weekday at `at` stands right after a past-tense verb of a clause that holds
    no word of what is to come ("officials said on Monday", "went on Thursday")."""
    clause_start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, at)), default=0)
    clause = sentence[clause_start:at]
    return _FUTURE.search(clause) is None and _PAST_VERB.search(clause) is not None


def _weekday(today: date, weekday: int, which: str | None, future: bool) -> date:
    """The nearest such weekday: before the article's date, or after it for what is to come."""
    which = (which or "").split()[-1] if which else ""
    if which == "next" or (future and which not in ("last", "since")):
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    back = (today.weekday() - weekday) % 7
    if which == "last" and back == 0:
        back = 7
    return today - timedelta(days=back)


def _relative(phrase: str, today: date, start: int, end: int, text: str) -> DateMention | None:
    words = phrase.split()
    if phrase in ("yesterday", "today", "tonight", "tomorrow"):
        shift = {"yesterday": -1, "tomorrow": 1}.get(phrase, 0)
        day = today + timedelta(days=shift)
        return DateMention("day", start, end, text, day.month, day.day, year=day.year)
    unit, which = words[-1], words[0]
    step = {"last": -1, "next": 1}.get(which, 0)
    if unit == "year":
        return DateMention("year", start, end, text, year=today.year + step)
    if unit == "week":
        day = today + timedelta(days=7 * step)
        return DateMention("month", start, end, text, day.month, year=day.year)
    month = today.month + step
    year = today.year + (month - 1) // 12
    return DateMention("month", start, end, text, (month - 1) % 12 + 1, year=year)


def with_dates(sentence: str, relative: list[DateMention]) -> str:
    """The sentence as quoted: each relative date followed by the date it stands for, so an answer
    shows it ("on Thursday (July 13, 2023)")."""
    for mention in sorted(relative, key=lambda d: d.start, reverse=True):
        if mention.kind == "year" and mention.year:
            written = str(mention.year)
        elif mention.month:
            written = format_day(mention.month, mention.day, mention.year)
        else:
            continue
        sentence = f"{sentence[: mention.end]} ({written}){sentence[mention.end :]}"
    return sentence
