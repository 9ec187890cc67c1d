"""Places in a sentence, for where-questions: a visit's place, a place the store knows, or a
capitalised name after a word that places. Pure: text in, yes or no."""

from __future__ import annotations

import re

from bot.asked_for.dates import MONTH_NAMES
from bot.knowledge import Knowledge
from store.evidence import Candidate
from store.ingest.page_lines import place_date
from store.textutil import key

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# A place by its shape: a capitalised name after a word that places ("at King Abdullah Stadium",
# "in Jeddah", "to Quy Nhon"); the places the store knows only boost, they never decide.
_PLACED = re.compile(
    rf"\b(?:at|in|to|near|outside|inside)\s+(?:the\s+)?(?!(?i:{MONTH_NAMES}|{_WEEKDAYS})\b)"
    r"[A-Z][\w'’-]+",
)


_VENUE = re.compile(
    rf"\bat\s+(?:the\s+)?(?!(?i:{MONTH_NAMES}|{_WEEKDAYS})\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+"
)


def placed(text: str, venue: bool = False) -> bool:
    """Whether a sentence places something: a capitalised name after at/in/to (no month or day);
    with `venue`, a name of several words after "at" ("at King Abdullah Sports City Stadium")."""
    return (_VENUE if venue else _PLACED).search(text) is not None


def place_asked(candidate: Candidate, text: str, known: Knowledge) -> bool:
    """For where: a visit's sentence, a known place's name, or a name placed by its shape."""
    folded = f" {key(text)} "
    return (
        bool(candidate.facts.visits)
        or any(f" {p} " in folded for p in known.places if len(p) >= 4)
        or placed(candidate.quote.text)
        or says_dateline(candidate.quote.text)
    )


def says_dateline(text: str) -> bool:
    """A line that is only a place and a date ("Seoul, October 17, 2024"): atop a speech or a
    release, where it was given."""
    return place_date(text.rstrip(".")) is not None
