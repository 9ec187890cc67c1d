"""Free text or a command line -> a typed Question. Pure: no I/O (Knowledge is read, not queried).

What is asked (kind), about what (concepts: each content word with its paraphrases), by whom
(person), where (place), when (period) and with which verb (action). Commands are typed
questions too: `/figure trade` asks how much, `/visit august` asks when. The route (which
family of facts answers first, and with which argument) comes from bot/router.py, so there is
one way a line becomes an intent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.calling import called, subject, titles
from bot.knowledge import Knowledge, routing
from bot.periods import Period, parse_period
from bot.question_words import (
    ACTIONS,
    ASKED_AS,
    EVENT_FRAMES,
    FRAMED_KINDS,
    GENERIC,
    KIND_WORDS,
    QUESTION_WORDS,
    RELATIONS,
    according_to,
    closing_verb,
    kind_of,
    source_of,
)
from bot.resolve import find_person_in, normalise, topic_match
from bot.router import Route, clean_line, route
from bot.stems import rephrase, stem, variants
from bot.word_runs import acronyms, counted_words
from store.lexicon import months as month_names
from store.lexicon import parties
from store.queries import PersonInfo
from store.textutil import fold, key


@dataclass(frozen=True)
class Question:
    """A line, typed: what it asks for and about what."""

    text: str  # the line, markup removed
    kind: str  # help|command|when|where|who|how_many|how_much|how_long|what_did|outcomes|yes_no|list|search
    route: Route  # the fact family that answers first, and its argument
    concepts: tuple[frozenset[str], ...] = ()  # content words: each word's stems and paraphrases
    words: tuple[str, ...] = ()  # the content words as asked (for bold and "No … found for")
    soft: frozenset[str] = frozenset()  # stems that help ranking but are not the subject
    action: frozenset[str] = frozenset()  # the asked verb's stems (pledge ~ promise ~ vow)
    subjects: tuple[str, ...] = ()  # several topics asked at once ("labour and tourism")
    # With several subjects, a sentence answers by covering any one of them: the concepts' indexes
    alternatives: tuple[tuple[int, ...], ...] = ()
    person: PersonInfo | None = None
    place: str | None = None
    period: Period | None = None
    # "…, according to Woo?": the concepts naming whose word is asked; another's figure is not
    source: tuple[int, ...] = ()

    @property
    def command(self) -> bool:
        return self.route.command

    def search_terms(self) -> list[str]:
        """Every stem worth looking up in the full-text index (a period's month names too)."""
        terms = [t for group in self.concepts for t in sorted(group)]
        return terms + sorted(self.action) + sorted(self.soft) + month_terms(self.period)


def parse(line: str, known: Knowledge, latest: date | None = None) -> Question:
    """The typed question a line asks (latest: the newest article's date, for "last month")."""
    text = clean_line(line)
    chosen = route(text, known)
    if chosen.intent == "help" and not chosen.command:
        return Question(text, "help", chosen)
    body = chosen.argument if chosen.command else text
    folded = rephrase(key(body))
    kind = "command" if chosen.command else kind_of(folded)
    if kind == "search" and chosen.intent == "commitment":
        kind = "list"
    person = find_person_in(body, known)
    if kind == "what_did":  # what X said, not the Y X said it to
        person = subject(body, known) or person
    if person is None and not chosen.command:  # "the General Secretary's visit", "Madame Ly"
        person = called(body, known)
    place = _place(folded, known)
    period = parse_period(rephrase(fold(body).lower()), latest)
    counted = counted_words(key(body)) if kind == "how_many" else frozenset()
    words, soft, action = _words(folded, person, place, period, known, kind, counted)
    if kind not in RELATIONS:  # the verb is what is asked about ("how much will they invest")
        words += [w for w in folded.split() if variants(w) & action and w not in words]
        action = set()
    # "when did Lee visit Hanoi?" is about Hanoi (its telling word: "nang" of "da nang"),
    # unless asked in one word ("Haiphong" for Hai Phong: a sentence's "Hai Phong" holds it)
    if (
        place
        and kind != "outcomes"
        and place in known.places.values()
        and key(place).replace(" ", "") not in words
    ):
        words.append(max(key(place).split(), key=len))
    cited = according_to(body) if kind in ("how_many", "how_much") else set()
    if cited and "according" in words:
        words.remove("according")  # the attribution is asked as a source, not as a word
    closing = closing_verb(folded, kind)
    if closing in words[1:]:  # the counted noun comes first: never that
        words.remove(closing)
        soft |= variants(closing)
    shortened = acronyms(folded, words, soft)
    concepts = tuple(variants(w) | shortened.get(w, frozenset()) for w in words)
    subjects = _subjects(body, known, kind)
    alternatives = tuple(
        tuple(i for i, w in enumerate(words) if w in subject.split()) for subject in subjects
    )
    return Question(
        text=text,
        kind=kind,
        route=chosen,
        concepts=concepts,
        words=tuple(words),
        soft=frozenset(soft),
        action=frozenset(action),
        subjects=subjects,
        alternatives=tuple(a for a in alternatives if a),
        person=person,
        place=place,
        period=period,
        source=source_of(words, concepts, cited),
    )


def month_terms(period: Period | None) -> list[str]:
    """The names of the months a period spans (at most a year's), for finding its sentences."""
    if period is None:
        return []
    numbers = set(period.months)
    if period.start and period.end and (period.end - period.start).days < 366:
        year, month = period.start.year, period.start.month
        while (year, month) <= (period.end.year, period.end.month):
            numbers.add(month)
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    names = month_names()
    return sorted(n for n, number in names.items() if number in numbers and len(n) > 3)


def _place(folded: str, known: Knowledge) -> str | None:
    """A city or region the store knows, or one of the two countries, named in the text."""
    padded = f" {folded} "
    for place_key in sorted(known.places, key=len, reverse=True):
        if len(place_key) >= 3 and f" {place_key} " in padded:
            return known.places[place_key]
    # A country: the last one named ("how many Vietnamese live in Korea?" asks about Korea);
    # adjectives ("Vietnamese") describe people, not places.
    last: tuple[int, str] | None = None
    for party in parties():
        for alias in party.aliases:
            if alias in party.adjectives or alias.endswith("s"):
                continue
            at = padded.rfind(f" {key(alias)} ")
            if at >= 0 and (last is None or at > last[0]):
                last = (at, party.name)
    return last[1] if last else None


def _words(
    folded: str,
    person: PersonInfo | None,
    place: str | None,
    period: Period | None,
    known: Knowledge,
    kind: str = "",
    counted: frozenset[str] = frozenset(),
) -> tuple[list[str], set[str], set[str]]:
    """(content words, soft stems, action stems) of a question.

    A question about a relation ("what did X tell…") asks about its verb, even one that is a
    framing word elsewhere ("tell me about…"); "what did X pledge at his talks with Y" asks
    about the first verb only (the talks are the occasion: they rank, they do not decide)."""
    relation = kind in RELATIONS
    data = routing()
    spellings = data["spellings"]
    # The person however called: a name, an alias, a title, a part of the name ("Madame Ly")
    calling: tuple[str, ...] = ()
    if person:
        calling = (person.name, *person.aliases, *sorted(titles(person), key=len, reverse=True))
        calling += tuple(key(person.name).split())
    for taken in (*calling, place or ""):
        if taken:
            folded = re.sub(rf"\b{re.escape(key(taken))}\b", " ", folded)
    if period:
        folded = folded.replace(key(period.text), " ")  # the period is asked as a period
        if period.start and period.end:  # and so is its year ("january-may 2023")
            first, last = period.start.year, period.end.year
            folded = re.sub(
                r"\b(?:19|20)\d\d\b", lambda y: " " if first <= int(y[0]) <= last else y[0], folded
            )
    stop = set(data["stop_words"]) | QUESTION_WORDS
    party = set(data["party_words"])
    # "how many projects…" counts projects: the counted noun is asked, however generic
    generic = (set(data["generic_words"]) - counted) | GENERIC | KIND_WORDS
    action_stems = {stem(a) for a in ACTIONS}
    words: list[str] = []
    soft: set[str] = set()
    action: set[str] = set()
    for raw in folded.split():
        word = spellings.get(raw, raw)
        if relation and word in stop and variants(word) & action_stems and not action:
            action |= variants(word)
            continue
        if word in stop or len(word) < 2:
            continue
        framing = kind in FRAMED_KINDS and word in EVENT_FRAMES
        if word in party or word in generic or framing:
            soft.add(stem(word))
            continue
        family = variants(word)
        if kind == "what_did" and word in ASKED_AS:  # what a city wants is what it hopes for
            family |= variants(ASKED_AS[word])
        if family & action_stems:
            if kind == "what_did" and action and not family & action:
                soft |= family
            else:
                action |= family
            continue
        words.append(word)
    return list(dict.fromkeys(words)), soft, action


def _subjects(body: str, known: Knowledge, kind: str = "") -> tuple[str, ...]:
    """Topics asked together ("labour and tourism", "ports, shipbuilding and steel"); a request
    for passages ("tell me about…") asks about things of several words each as well, known
    topics or not ("teacher training and the film festival in Seoul")."""
    parts = re.split(r",|\band\b|&|/", normalise(body))
    found = []
    for part in parts:
        content, _soft, _action = _words(key(part), None, None, None, known)
        rest = " ".join(content)
        if rest and (
            topic_match(rest, known, partial=True).keys or (kind == "search" and len(content) >= 2)
        ):
            found.append(rest)
    return tuple(found) if len(found) >= 2 else ()
