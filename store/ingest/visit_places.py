"""Where and when a visit happens: the places named with it and the dates of its own clause."""

from __future__ import annotations

import re

from store.ingest.corpus_types import Sent
from store.ingest.dates import DateMention
from store.ingest.names import party_of_place
from store.lexicon import city_parties, months, parties_named

_PLACE_RUN = re.compile(
    r"^\s*(?:the\s+)?(?P<place>[A-ZÀ-ỸĐ][\w’'-]{1,30}(?:\s+[A-ZÀ-ỸĐ][\w’'-]{1,30}){0,3})"
)


_NOT_PLACES = frozenset(
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "The",
        "This",
        "That",
        "His",
        "Her",
        "Their",
        "Its",
        "A",
        "An",
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "President",
        "Prime",
        "Minister",
    ]
)


def place_after(after: str) -> str | None:
    """The place a verb of travel names: 'in Hà Nội on Thursday' -> 'Hà Nội'."""
    match = _PLACE_RUN.match(after)
    if not match:
        return None
    words = match["place"].split()
    while words and words[-1] in ("On", "In", "For", "And", "With"):
        words.pop()
    if not words or words[0].lower().rstrip(".") in months() or words[0] in _NOT_PLACES:
        return None  # "in April", "on Monday", "in The …"
    return " ".join(words)


_PLACE_CUE = re.compile(r"\b(?:in|to|at|visited|toured|from)\s+(?=[A-ZÀ-ỸĐ])")


def places_in(sent: Sent, destination: str) -> list[str]:
    """Places of the destination a sentence names after "in", "to", "visited" (no list needed:
    "Lang Vien", "Gyeongsangbuk-do"); names of people are not places."""
    found: list[str] = []
    for cue in _PLACE_CUE.finditer(sent.text):
        if any(m.start <= cue.end() < m.end for m in sent.mentions):
            continue
        place = place_after(sent.text[cue.end() : cue.end() + 60])
        if (
            place
            and place not in found
            and not parties_named(place) - city_parties(place)
            and party_of_place(place) == destination
        ):
            found.append(place)
    return found


# Before a visit phrase a comma may sit between ("on Thursday, opening a three-day visit").
_BEFORE_BREAK = re.compile(r"[;]|\b(?:since|after|before|when|while|which|that|following)\b")
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:since|after|before|when|while|which|that|following)\b")


def visit_dates(sent: Sent, start: int, end: int, before_too: bool = False) -> list[DateMention]:
    """The dates that belong to this visit: a range, or a date in the visit's own clause
    (a verb of travel takes one just before it too: "on Thursday touched down in …")."""
    dates = [d for d in sent.dates if d.kind in ("range", "day", "month")]
    ranges = [d for d in dates if d.kind == "range"]
    if len(ranges) == 1:
        return ranges
    text = sent.text
    if before_too:
        near = [
            d
            for d in dates
            if (end <= d.start <= end + 70 and not _CLAUSE_BREAK.search(text[end : d.start]))
            or (start - 80 <= d.end <= start and not _BEFORE_BREAK.search(text[d.end : start]))
        ]
        if near:
            return near[:1]
    # Only dates after the visit phrase: one before it belongs to whatever the sentence said first.
    return [
        d
        for d in dates
        if d.start >= end and d.start - end <= 70 and not _CLAUSE_BREAK.search(text[end : d.start])
    ]


def dateline_city(dateline: str | None, destination: str) -> str | None:
    """The city of an article's dateline ("HÀ NỘI —") when it lies in the visit's destination:
    where a visit happens that the text places only in the country ("who is in Việt Nam")."""
    if not dateline:
        return None
    city = dateline.strip(" —–-,").title() if dateline.isupper() else dateline.strip(" —–-,")
    if not city or parties_named(city) - city_parties(city):
        return None  # "VIỆT NAM —" names a country, not a city
    return city if party_of_place(city) == destination else None
