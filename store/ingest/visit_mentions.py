"""Visit mentions: in one sentence, who travels where, of which kind, when, and who hosts.

A visit is named by a noun ("an official visit to", "working trip") or by a verb of travel
("touched down in", "flew to", "led a delegation to", "was received by", "toured"); the visitor
is the clause's subject, whoever it is, and the place any city or province named with it.
"""

from __future__ import annotations

import re
from functools import cache

from store.ingest.continuation import countries_in
from store.ingest.corpus_types import Sent, VisitMention
from store.ingest.people import Person
from store.ingest.visit_places import places_in, visit_dates
from store.ingest.visit_travel import TRAVEL, host_of, receptions, speech_pattern, travel_mention
from store.lexicon import cues, parties, parties_named

_POSSESSIVE = re.compile(r"^['’]s\b")


@cache
def _kind_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (k["kind"], re.compile(rf"\b{k['pattern']}\b", re.IGNORECASE))
        for k in cues()["visit_kinds"]
    ]


def _other(party: str) -> str:
    return next(p.key for p in parties() if p.key != party)


# Verbs of travel: the visitor is the clause's subject, the place follows the verb.
_DURATION = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[- ]day\b", re.IGNORECASE
)
_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}


def find_visit_mentions(sent: Sent, people: dict[str, Person]) -> list[VisitMention]:
    """The visits a sentence speaks of, each with its visitor (a visit without one is not a fact)."""
    if not sent.mentions:
        return []  # every visit has a visitor named in its sentence
    found: list[VisitMention] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _kind_patterns():
        for match in pattern.finditer(sent.text):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            taken.append(match.span())
            mention = _visit_mention(sent, people, kind, match.start(), match.end())
            if mention:
                found.append(mention)
    if not found:
        found += receptions(sent, people)
    if not found:
        for match in TRAVEL.finditer(sent.text):
            mention = travel_mention(sent, people, match)
            if mention:
                found.append(mention)
                break
    for mention in found:
        duration = _DURATION.search(sent.text)
        if duration:
            number = duration["n"].lower()
            mention.days = int(number) if number.isdigit() else _NUMBERS[number]
    return found


_SUBJECT_PREFIX = re.compile(r"(?:(?:[A-Z][\w.’'()-]*|of|the|and|for|on)\s+){0,12}")


def _visit_mention(
    sent: Sent, people: dict[str, Person], kind: str, start: int, end: int
) -> VisitMention | None:
    text = sent.text
    after = re.split(r"\b(?:by|from|at|with|on|in \d|,|;)\b", text[end : end + 80])[0]
    named = parties_named(after) if re.match(r"\s+(?:to|in)\b", after) else set()
    if re.match(r"\s+(?:to|in)\b", after) and not named and countries_in(after):
        return None  # "an official visit to Laos": a trip to a third country
    stated = next(iter(named)) if len(named) == 1 else None
    visitor = _visitor(sent, people, start, end, stated)
    if visitor is None:
        return None
    partner = people[visitor].spouse_of
    if partner and any(people[m.person].name == partner for m in sent.mentions):
        visitor = next(m.person for m in sent.mentions if people[m.person].name == partner)
    side = people[visitor].side
    destination = stated or (_other(side) if side else None)
    if destination is None or destination == side:
        return None
    host = host_of(sent, people, destination, visitor)
    dates = visit_dates(sent, start, end) or visit_dates(sent, start, end, before_too=True)
    return VisitMention(visitor, destination, host, kind, sent, dates, places_in(sent, destination))


def _visitor(
    sent: Sent, people: dict[str, Person], start: int, end: int, destination: str | None
) -> str | None:
    """Who makes the visit: "X's visit", "visit … by X", "X, who is on a visit", or X paying a visit "to" somewhere.

    A bare "the visit" names no visitor here: such sentences are tied to their document's visit later.
    """
    text = sent.text
    mentions = sent.mentions
    for m in mentions:
        near = m.end <= start and start - m.end <= 40 and "," not in text[m.end : start]
        if near and _POSSESSIVE.match(text[m.end :]):
            return m.person
    if re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$", text[max(0, start - 30) : start]):
        earlier = [
            m
            for m in mentions
            if m.end <= start
            and (destination is None or people[m.person].side != destination)
            and _SUBJECT_PREFIX.fullmatch(text[: m.start])
        ]
        if earlier:  # "Chang said the purpose of his trip was …": the subject, who travels
            return earlier[0].person
    by = re.search(r"^[^,;.]{0,50}?\bby\s+", text[end : end + 80])
    if by:
        after_by = end + by.end()
        for m in mentions:
            if after_by <= m.start <= after_by + 45:
                return m.person
    if re.search(r"\bformer['’]s\b", text[:start]) and mentions:
        return mentions[0].person
    earlier = [m for m in mentions if m.end <= start]
    if earlier and re.match(
        r"^\s*(?:\([^)]*\))?\s*,\s*who\b[^,;]{0,60}$", text[earlier[-1].end : start]
    ):
        return earlier[-1].person  # "… Minister Lee Jung-sik, who is on a working visit to Vietnam"
    if not re.match(r"\s+(?:to|in)\s", text[end : end + 5]):
        return None
    before = [
        m
        for m in earlier
        if "invitation of" not in text[max(0, m.start - 20) : m.start]
        and not speech_pattern().search(text[m.end : start])
    ]
    travelling = [m for m in before if destination is None or people[m.person].side != destination]
    return travelling[0].person if travelling else None
