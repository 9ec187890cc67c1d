"""Visits told by a verb of travel ("touched down in", "led a delegation to") or a reception
("Y received X in Hanoi"): the visitor is the clause's subject or the guest, whoever it is."""

from __future__ import annotations

import re
from functools import cache

from store.ingest.corpus_types import Sent, VisitMention
from store.ingest.names import party_of_place
from store.ingest.people import Person
from store.ingest.visit_places import place_after, visit_dates
from store.lexicon import city_parties, cues, parties, parties_named, phrase_pattern
from store.textutil import fold


@cache
def speech_pattern() -> re.Pattern[str]:
    return re.compile(phrase_pattern(cues()["speech_verbs"]), re.IGNORECASE)


TRAVEL = re.compile(
    r"\b(?:arriv(?:ed|es|ing)\s+(?:in|at)|touch(?:ed|es)\s+down\s+in|land(?:ed|s)\s+(?:in|at)|"
    r"fl(?:ew|ies|ying)\s+(?:in)?to|travel(?:l?ed|s)\s+to|head(?:ed|s)\s+(?:to|for)|"
    r"(?:led|leads|leading)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}?delegation\s+to|"
    r"tour(?:ed|s)|visit(?:ed|s|ing)|(?:was|were)\s+received\s+by|"
    r"(?:was|were|is|are)\s+(?:in|on\s+a\s+trip\s+to)|(?:came|went|returned)\s+to)\b",
    re.IGNORECASE,
)
_LED_BY = re.compile(r"\b(?:delegation|team|group|mission)\b[^;.]{0,120}?\bled\s+by\s+$", re.I)
LED_REACH = 160  # characters before a leader's name that may hold "a delegation from … led by"
_NOT_SUBJECT = re.compile(
    r"\b(?:invitation\s+of|with|by|met|and|to|of|from|for)\s+(?:\S+\s+){0,4}$"
)


def travel_mention(
    sent: Sent, people: dict[str, Person], match: re.Match[str]
) -> VisitMention | None:
    """ "X touched down in Hanoi", "a delegation led by X flew to Seoul", "X was received by Y"."""
    text = sent.text
    start, end = match.span()
    clause_start = max(text.rfind(";", 0, start), text.rfind(":", 0, start)) + 1
    earlier = [m for m in sent.mentions if clause_start <= m.start and m.end <= start]
    led = [m for m in earlier if _LED_BY.search(text[max(0, m.start - LED_REACH) : m.start])]
    subjects = led or [
        m
        for m in earlier
        if not _NOT_SUBJECT.search(text[max(0, m.start - 40) : m.start])
        and not speech_pattern().search(text[m.end : start])
    ]
    if not subjects:
        return None
    visitor = subjects[0].person
    place = place_after(text[end : end + 80])
    destination = party_of_place(place) if place else None
    side = people[visitor].side
    if destination is None or destination == side:
        return None  # "toured the factory": no place named, or a trip at home
    host = None
    if "received" in match.group(0).lower():
        after = [m for m in sent.mentions if m.start >= end and m.person != visitor]
        host = after[0].person if after else None
    host = host or host_of(sent, people, destination, visitor)
    places = [place] if place and not parties_named(place) - city_parties(place) else []
    dates = visit_dates(sent, start, end, before_too=True)
    return VisitMention(visitor, destination, host, "visit", sent, dates, places)


_RECEIVE = re.compile(
    r"\b(?:receiv(?:ed|es|ing)|welcom(?:ed|es|ing)|host(?:ed|s|ing))\s+(?!by\b)", re.I
)
# Only titles before a name that opens its sentence: the subject "his visit" refers to.
_RESIDENT = re.compile(r"\b(?:ambassador|consul|chargé|attaché)", re.IGNORECASE)


def receptions(sent: Sent, people: dict[str, Person]) -> list[VisitMention]:
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
    # "welcomed a delegation from Yeongdong county, Chungcheongbuk province, led by X": the
    # delegation's leader, however many commas its description holds
    led = [
        m
        for m in sent.mentions
        if match.end() <= m.start <= match.end() + 2 * LED_REACH
        and _LED_BY.search(text[max(match.end(), m.start - LED_REACH) : m.start])
    ]
    guests = led[:1] or after[:1]
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
    named = place_after(text[match.end() + place.end() :]) if place else None
    places = [named] if named and party_of_place(named) == destination else []
    dates = visit_dates(sent, match.start(), match.end(), before_too=True)
    return [VisitMention(visitor, destination, host, "visit", sent, dates, places)]


def host_of(sent: Sent, people: dict[str, Person], destination: str, visitor: str) -> str | None:
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
