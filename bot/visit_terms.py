"""A /visit argument read as what it names: months (typos allowed), a day, years, a country, a
city or region, people; whatever is left is searched for."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from rapidfuzz import fuzz, process

from bot.knowledge import Knowledge
from bot.resolve import normalise, person_match, threshold
from store.lexicon import parties
from store.queries import PersonInfo
from store.textutil import key

T = TypeVar("T")


@dataclass
class VisitTerms:
    months: set[int] = field(default_factory=set)
    day: int | None = None
    years: set[int] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    people: tuple[PersonInfo, ...] = ()
    rest: list[str] = field(default_factory=list)
    destinations: set[str] = field(default_factory=set)  # a country named: visits to it


# The countries as people name them beyond the lexicon's aliases (which also list capitals).
_COUNTRY_NAMES = {
    "vn": ("Vietnam", "Viet Nam"),
    "kr": ("Korea", "South Korea", "RoK", "Republic of Korea", "the RoK"),
}


def visit_terms(argument: str, known: Knowledge) -> VisitTerms:
    """Months (typos allowed), a day, years, places and people in a /visit argument."""
    terms = VisitTerms()
    words = normalise(argument).split()
    leftover: list[str] = []
    for word in words:
        if re.fullmatch(r"(?:19|20)\d\d", word):
            terms.years.add(int(word))
        elif re.fullmatch(r"\d{1,2}(?:st|nd|rd|th)?", word):
            terms.day = int(re.sub(r"\D", "", word))
        elif (month := _month(word, known)) is not None:
            terms.months.add(month)
        else:
            leftover.append(word)
    rest = " ".join(leftover)
    named = {key(w): p.name for p in parties() for w in (p.name, *_COUNTRY_NAMES.get(p.key, ()))}
    aliases = {key(a): p.name for p in parties() for a in p.aliases if len(key(a)) > 2}
    countries = aliases | named
    # A capital stands for its country in the aliases ("Seoul said…"), but `/visit seoul` asks
    # for the city when visits record it as a place.
    if rest in countries and (rest in named or rest not in known.places):
        terms.destinations.add(countries[rest])
    elif rest:
        place = _place(rest, known)
        if place:
            terms.places.add(place)
        else:
            people = person_match(rest, known).people
            terms.people = people
            if not people:
                terms.rest = leftover
    return terms


def _month(word: str, known: Knowledge) -> int | None:
    return _spelled(word, known.months, "month")


def _place(text: str, known: Knowledge) -> str | None:
    return _spelled(text, known.places, "place")


def _spelled(text: str, table: Mapping[str, T], kind: str) -> T | None:
    """The value of text's key in table, or of the key it misspells (words of 4 letters or more)."""
    if text in table:
        return table[text]
    if len(text) < 4:
        return None
    match = process.extractOne(text, list(table), scorer=fuzz.ratio, score_cutoff=threshold(kind))
    return table[match[0]] if match else None
