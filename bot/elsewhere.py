"""Whether a sentence is about another place than the one a question names: a sentence on
workers for a third country does not answer "how many nurses went to work in Korea?", one on
Ho Chi Minh City's metro does not answer "did Korea fund a metro line in Hanoi?"."""

from __future__ import annotations

import calendar
import re
from functools import cache

from bot.knowledge import Knowledge
from bot.question import Question
from store.lexicon import city_parties, country_gazetteer, load, parties_named
from store.textutil import fold, key


def elsewhere(question: Question, text: str, known: Knowledge) -> bool:
    """The question places what it asks in a country and the sentence names a third country and
    neither party, or in a city and the sentence names other cities and not it; a sentence
    naming no place may still answer."""
    place = question.place
    # "Vietnamese nurses … in Korea": a question on both parties, placed in one of them
    # ("Vietnamese players", "for Vietnam … in Bangkok" ask about one party, perhaps abroad)
    asked = parties_named(place) - city_parties(place) if place else set()
    if asked and len(parties_named(question.text)) >= 2:
        third = _countries(text)
        if third and not parties_named(text) & asked and not third & _countries(question.text):
            return True
    if place is None or place not in known.places.values() or _is_a_country(place):
        return False
    folded = f" {key(text)} "
    if f" {key(place)} " in folded or _joined(place) in folded.replace(" ", ""):
        return False  # "Thua Thien Hue" names Hue, "Hà Nội" Hanoi
    # "what does HCM City want to learn from Seoul's metro?": Seoul is no other place
    named = _cities(folded, known) - _cities(f" {key(question.text)} ", known)
    return bool(named) and place not in named


def _cities(folded: str, known: Knowledge) -> set[str]:
    """The places (not countries) the store knows that a folded, padded text names."""
    named = {name for k, name in known.places.items() if len(k) >= 4 and f" {k} " in folded}
    return {n for n in named if not _is_a_country(n)}


def _countries(text: str) -> set[str]:
    """The third countries a text names ("US$" is a currency)."""
    plain = re.sub(r"\bU\.?S\.?\s?(?:\$|dollars?\b)", "$", text)
    # country names only: a demonym may begin a place's name ("Thai Binh")
    return {c for c in country_gazetteer().longest(fold(plain)) if c in _country_names()}


@cache
def _country_names() -> frozenset[str]:
    return frozenset(load("countries")["countries"])


def _joined(place: str) -> str:
    joined = key(place).replace(" ", "")
    return joined if len(joined) >= 5 else f" {joined} "


def _is_a_country(place: str) -> bool:
    return bool(parties_named(place) - city_parties(place))


# A name after "in": capitalised words ("in Tra Vinh"), not "in May" ("at" names firms too)
_NAMED_AT = re.compile(r"\bin ((?:[A-Z][a-z][\w'-]*)(?: [A-Z][a-z][\w'-]*)*)")
_CALENDAR = frozenset(
    key(" ".join((*calendar.month_name, *calendar.month_abbr, *calendar.day_name))).split()
)


def unlisted_place(question: Question, known: Knowledge) -> tuple[str, ...]:
    """The words of a place the question names after "in" that no list knows ("how much has X
    invested in Tra Vinh?"): a sentence answers only if it or its article names it, word for
    word, one on another place's figures does not (a listed place is checked by `elsewhere`)."""
    for match in _NAMED_AT.finditer(fold(question.text)):
        name = key(match[1])
        if name in known.places or parties_named(match[1]) or set(name.split()) & _CALENDAR:
            continue
        if set(name.split()) & set(question.words):  # asked about, not "in VND"
            return tuple(name.split())
    return ()
