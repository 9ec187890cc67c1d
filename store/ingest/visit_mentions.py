"""Visit mentions: in one sentence, who travels where, of which kind, when, and who hosts.

A visit is named by a noun ("an official visit to", "working trip") or by a verb of travel
("touched down in", "flew to", "led a delegation to", "was received by", "toured"); the visitor
is the clause's subject, whoever it is, and the place any city or province named with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from store.ingest.continuation import countries_in
from store.ingest.corpus_types import Sent
from store.ingest.dates import DateMention
from store.ingest.names import party_of_place
from store.ingest.people import Person
from store.ingest.relevance import parties_named
from store.lexicon import cues, months, parties, phrase_pattern
from store.textutil import fold

_POSSESSIVE = re.compile(r"^['’]s\b")


@dataclass
class VisitMention:
    visitor: str
    destination: str
    host: str | None
    kind: str
    sentence: Sent
    dates: list[DateMention]
    places: list[str] = field(default_factory=list)
    days: int | None = None  # "a three-day visit"


@cache
def _kind_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (k["kind"], re.compile(rf"\b{k['pattern']}\b", re.IGNORECASE))
        for k in cues()["visit_kinds"]
    ]


@cache
def _speech_pattern() -> re.Pattern[str]:
    return re.compile(phrase_pattern(cues()["speech_verbs"]), re.IGNORECASE)


def _other(party: str) -> str:
    return next(p.key for p in parties() if p.key != party)


# Verbs of travel: the visitor is the clause's subject, the place follows the verb.
_TRAVEL = re.compile(
    r"\b(?:arriv(?:ed|es|ing)\s+(?:in|at)|touch(?:ed|es)\s+down\s+in|land(?:ed|s)\s+in|"
    r"fl(?:ew|ies|ying)\s+(?:in)?to|travel(?:l?ed|s)\s+to|head(?:ed|s)\s+(?:to|for)|"
    r"(?:led|leads|leading)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}?delegation\s+to|"
    r"tour(?:ed|s)|visit(?:ed|s|ing)|(?:was|were)\s+received\s+by|"
    r"(?:was|were|is|are)\s+(?:in|on\s+a\s+trip\s+to)|(?:came|went|returned)\s+to)\b",
    re.IGNORECASE,
)
_LED_BY = re.compile(r"\b(?:delegation|team|group|mission)\b[^;.]{0,80}?\bled\s+by\s+$", re.I)
_NOT_SUBJECT = re.compile(
    r"\b(?:invitation\s+of|with|by|met|and|to|of|from|for)\s+(?:\S+\s+){0,4}$"
)
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
_PLACE_RUN = re.compile(
    r"^\s*(?:the\s+)?(?P<place>[A-ZÀ-ỸĐ][\w’'-]{1,30}(?:\s+[A-ZÀ-ỸĐ][\w’'-]{1,30}){0,3})"
)


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
        found += _receptions(sent, people)
    if not found:
        for match in _TRAVEL.finditer(sent.text):
            mention = _travel_mention(sent, people, match)
            if mention:
                found.append(mention)
                break
    for mention in found:
        duration = _DURATION.search(sent.text)
        if duration:
            number = duration["n"].lower()
            mention.days = int(number) if number.isdigit() else _NUMBERS[number]
    return found


def _travel_mention(
    sent: Sent, people: dict[str, Person], match: re.Match[str]
) -> VisitMention | None:
    """ "X touched down in Hanoi", "a delegation led by X flew to Seoul", "X was received by Y"."""
    text = sent.text
    start, end = match.span()
    clause_start = max(text.rfind(";", 0, start), text.rfind(":", 0, start)) + 1
    earlier = [m for m in sent.mentions if clause_start <= m.start and m.end <= start]
    led = [m for m in earlier if _LED_BY.search(text[max(0, m.start - 120) : m.start])]
    subjects = led or [
        m
        for m in earlier
        if not _NOT_SUBJECT.search(text[max(0, m.start - 40) : m.start])
        and not _speech_pattern().search(text[m.end : start])
    ]
    if not subjects:
        return None
    visitor = subjects[0].person
    place = _place_after(text[end : end + 80])
    destination = party_of_place(place) if place else None
    side = people[visitor].side
    if destination is None or destination == side:
        return None  # "toured the factory": no place named, or a trip at home
    host = None
    if "received" in match.group(0).lower():
        after = [m for m in sent.mentions if m.start >= end and m.person != visitor]
        host = after[0].person if after else None
    host = host or _host(sent, people, destination, visitor)
    places = [place] if place and not parties_named(place) - _city_parties(place) else []
    dates = _visit_dates(sent, start, end, before_too=True)
    return VisitMention(visitor, destination, host, "visit", sent, dates, places)


_RECEIVE = re.compile(
    r"\b(?:receiv(?:ed|es|ing)|welcom(?:ed|es|ing)|host(?:ed|s|ing))\s+(?!by\b)", re.I
)
# Only titles before a name that opens its sentence: the subject "his visit" refers to.
_SUBJECT_PREFIX = re.compile(r"(?:(?:[A-Z][\w.’'()-]*|of|the|and|for|on)\s+){0,12}")
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
_RESIDENT = re.compile(r"\b(?:ambassador|consul|chargé|attaché)", re.IGNORECASE)


def _receptions(sent: Sent, people: dict[str, Person]) -> list[VisitMention]:
    """ "Y received X in Hanoi", "Receiving the delegation led by X, Y said": X visits Y's side.
    A resident ambassador received at home is no visit."""
    match = _RECEIVE.search(sent.text)
    if not match:
        return []
    text = sent.text
    after = [
        m
        for m in sent.mentions
        if match.end() <= m.start <= match.end() + 120 and "," not in text[match.end() : m.start]
    ]
    guests = [m for m in after if _LED_BY.search(text[max(0, m.start - 120) : m.start])] or after[
        :1
    ]
    if not guests:
        return []
    visitor = guests[0].person
    guest = people[visitor]
    if _RESIDENT.search(guest.role or "") or _RESIDENT.search(text[match.end() : guests[0].start]):
        return []
    hosts = [m for m in sent.mentions if m.person != visitor and people[m.person].side]
    host_side = next(
        (people[m.person].side for m in hosts if people[m.person].side != guest.side), None
    )
    destination = host_side if host_side in {p.key for p in parties()} else None
    if destination is None or destination == guest.side:
        return []  # a host of known side, other than the guest's, says where the visit is
    host = next((m.person for m in hosts if people[m.person].side == destination), None)
    place = re.search(r"\bin\s+(?=[A-ZÀ-ỸĐ])", text[match.end() :])
    named = _place_after(text[match.end() + place.end() :]) if place else None
    places = [named] if named and party_of_place(named) == destination else []
    dates = _visit_dates(sent, match.start(), match.end(), before_too=True)
    return [VisitMention(visitor, destination, host, "visit", sent, dates, places)]


def _place_after(after: str) -> str | None:
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


def _city_parties(place: str) -> set[str]:
    return {p.key for p in parties() if fold(place) in {fold(c) for c in p.cities}}


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
    host = _host(sent, people, destination, visitor)
    dates = _visit_dates(sent, start, end) or _visit_dates(sent, start, end, before_too=True)
    return VisitMention(visitor, destination, host, kind, sent, dates, places_in(sent, destination))


_PLACE_CUE = re.compile(r"\b(?:in|to|at|visited|toured|from)\s+(?=[A-ZÀ-ỸĐ])")


def places_in(sent: Sent, destination: str) -> list[str]:
    """Places of the destination a sentence names after "in", "to", "visited" (no list needed:
    "Lang Vien", "Gyeongsangbuk-do"); names of people are not places."""
    found: list[str] = []
    for cue in _PLACE_CUE.finditer(sent.text):
        if any(m.start <= cue.end() < m.end for m in sent.mentions):
            continue
        place = _place_after(sent.text[cue.end() : cue.end() + 60])
        if (
            place
            and place not in found
            and not parties_named(place) - _city_parties(place)
            and party_of_place(place) == destination
        ):
            found.append(place)
    return found


# Before a visit phrase a comma may sit between ("on Thursday, opening a three-day visit").
_BEFORE_BREAK = re.compile(r"[;]|\b(?:since|after|before|when|while|which|that|following)\b")
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:since|after|before|when|while|which|that|following)\b")


def _visit_dates(sent: Sent, start: int, end: int, before_too: bool = False) -> list[DateMention]:
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
        and not _speech_pattern().search(text[m.end : start])
    ]
    travelling = [m for m in before if destination is None or people[m.person].side != destination]
    return travelling[0].person if travelling else None


def _host(sent: Sent, people: dict[str, Person], destination: str, visitor: str) -> str | None:
    invitation = re.search(r"invitation of\s+", sent.text)
    candidates = [
        m for m in sent.mentions if m.person != visitor and people[m.person].side == destination
    ]
    if invitation:
        invited = [
            m
            for m in sent.mentions
            if m.start >= invitation.end()
            and m.person != visitor
            and people[m.person].side in (destination, None)
        ]
        if invited:
            return invited[0].person
        named = re.match(r"[A-ZÀ-ỸĐ][^\W\d_]+", sent.text[invitation.end() :])
        if named:  # "at the invitation of Son": a short name alone
            short = fold(named.group(0))
            hosts = [
                k
                for k, p in people.items()
                if p.side == destination and fold(p.short_name) == short
            ]
            if len(hosts) == 1:
                return hosts[0]
    return candidates[0].person if candidates else None
