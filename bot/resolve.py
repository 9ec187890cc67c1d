"""Match an argument against what the store knows: topics, people, places, months and years."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.knowledge import Knowledge, routing
from store.lexicon import parties, titles
from store.queries import PersonInfo
from store.textutil import key


def normalise(argument: str) -> str:
    """Folded, lower-case words with British spellings ('labor' -> 'labour')."""
    spellings = routing()["spellings"]
    return " ".join(spellings.get(w, w) for w in key(argument).split())


def expand(argument: str) -> str:
    """Abbreviations spelt out ('pm' -> 'prime minister', 'na chairman' -> 'national assembly chairman')."""
    abbreviations = routing()["abbreviations"]
    return " ".join(abbreviations.get(w, w) for w in normalise(argument).split() if len(w) > 1)


def _threshold(name: str) -> int:
    return int(routing()["thresholds"][name])


@dataclass(frozen=True)
class TopicMatch:
    keys: tuple[str, ...]
    score: float
    ranked: tuple[str, ...]  # every topic key, closest first, for "did you mean"

    def closest(self, known: Knowledge, kind: str, count: int = 3) -> list[str]:
        """The closest topic keys that have commitments (kind 'commitments') or figures."""
        counted = [k for k in self.ranked if getattr(known.topic(k), kind) and k not in self.keys]
        return counted[:count]


def topic_match(argument: str, known: Knowledge, partial: bool = False) -> TopicMatch:
    """The topics an argument names: exactly, in the plural, or with a typo (not for 2–3 letters)."""
    query = normalise(argument)
    if not query:
        return TopicMatch((), 0.0, ())
    whole = _topic_scores(query, known)
    if partial and max(whole.values(), default=0) < _threshold("topic") and " " in query:
        # "parliamentary cooperation": the telling word alone may name the topic
        generic = set(routing()["generic_words"])
        for word in query.split():
            if word not in generic and len(word) > 3:
                for topic_key, score in _topic_scores(word, known).items():
                    whole[topic_key] = max(whole.get(topic_key, 0), score - 1)
    ranked = sorted(whole.items(), key=lambda kv: -kv[1])
    top = ranked[0][1] if ranked else 0.0
    cutoff = _threshold("topic")
    gap = _threshold("ambiguity_gap")
    keys = tuple(k for k, s in ranked if s >= cutoff and s >= top - gap)
    return TopicMatch(keys, top, tuple(k for k, _ in ranked))


_KEPT_SCORES = 256


def _topic_scores(query: str, known: Knowledge) -> dict[str, float]:
    kept = known.scores.get(query)
    if kept is None:
        kept = _scores(query, known)
        if len(known.scores) >= _KEPT_SCORES:  # a worker lives long: forget rather than grow
            known.scores.clear()
        known.scores[query] = kept
    return dict(kept)


def _scores(query: str, known: Knowledge) -> dict[str, float]:
    best: dict[str, float] = {}
    for alias, topic_key in known.topic_aliases.items():
        score = _alias_score(query, alias)
        if score > best.get(topic_key, -1):
            best[topic_key] = score
    return best


def _alias_score(query: str, alias: str) -> float:
    if query == alias or query.rstrip("s") == alias.rstrip("s"):
        return 100.0
    if len(query) <= 3 or len(alias) <= 3:
        return 0.0
    return max(float(fuzz.ratio(query, alias)), _typo_score(query, alias))


def _typo_score(query: str, alias: str) -> float:
    """One slip (a swapped, missing, extra or wrong letter; two in a long word) is still the word."""
    allowed = 1 if len(alias) < 8 else 2
    return (
        90.0 if DamerauLevenshtein.distance(query, alias, score_cutoff=allowed) <= allowed else 0.0
    )


@dataclass(frozen=True)
class PersonMatch:
    people: tuple[PersonInfo, ...]  # one: found; several: ambiguous
    closest: tuple[PersonInfo, ...] = ()


def person_match(argument: str, known: Knowledge) -> PersonMatch:
    """The person an argument names, the several it may name, or the closest names."""
    query = key(argument)
    if not query:
        return PersonMatch(())
    exact = known.person_aliases.get(query) or known.person_aliases.get(query.replace(" ", ""))
    if exact:
        return PersonMatch((known.person(exact),))
    words = set(query.split()) - _title_words() - set(routing()["abbreviations"])
    containing = [p for p in known.people if words and words <= known.name_words[p.id]]
    if containing:
        return PersonMatch(tuple(sorted(containing, key=lambda p: -p.mentions)))
    by_role = _by_role(expand(argument), known)
    if by_role:
        return PersonMatch(by_role)
    scored = process.extract(query, list(known.person_aliases), scorer=fuzz.ratio, limit=10)
    by_person: dict[int, float] = {}
    for alias, score, _ in scored:
        person_id = known.person_aliases[alias]
        by_person[person_id] = max(score, by_person.get(person_id, 0))
    ranked = sorted(by_person.items(), key=lambda kv: -kv[1])
    if ranked and ranked[0][1] >= _threshold("person"):
        top = ranked[0][1]
        chosen = [known.person(pid) for pid, s in ranked if s >= top - _threshold("ambiguity_gap")]
        return PersonMatch(tuple(chosen))
    closest = tuple(known.person(pid) for pid, s in ranked[:3] if s >= _threshold("suggestion"))
    return PersonMatch((), closest)


@cache
def _title_words() -> frozenset[str]:
    """Words of titles ("pm", "president", "minister"), dropped when a name is asked with its title."""
    return frozenset(w for title in titles()["titles"] for w in key(title).split()) - {
        "and",
        "of",
        "the",
    }


def _by_role(query: str, known: Knowledge) -> tuple[PersonInfo, ...]:
    """People whose role (and side) has every word asked: "korean ambassador", "defence minister"."""
    ignored = set(routing()["stop_words"]) - {"foreign"}
    sides = {key(adjective): p.name for p in parties() for adjective in (*p.adjectives, *p.aliases)}
    wanted = [w for w in query.split() if w not in ignored]
    if not wanted or not set(wanted) & _title_words():
        return ()
    found = []
    for person in known.people:
        described = set(expand(" ".join(filter(None, (person.role, *person.other_roles)))).split())
        side = key(person.side or "")
        # Both sides of the comparison went through expand(), spellings and abbreviations alike.
        if all(w in described or (w in sides and key(sides[w]) == side) for w in wanted):
            found.append(person)
    return tuple(sorted(found, key=lambda p: -p.mentions))


def find_person_in(text: str, known: Knowledge) -> PersonInfo | None:
    """The first person named in a sentence by a full alias (not a bare family name).

    "when did Luong Cuong hold talks with Lee Jae Myung?" is about Luong Cuong: the earliest
    name wins, the longest alias where two start at the same place.
    """
    words = key(text).split()
    for start in range(len(words)):  # the earliest name wins, its longest alias first
        for length in range(min(6, len(words) - start), 0, -1):
            alias = " ".join(words[start : start + length])
            if len(alias) >= 5:
                person_id = known.person_aliases.get(alias)
                if person_id is not None:
                    return known.person(person_id)
    return None


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
    if word in known.months:
        return known.months[word]
    if len(word) < 4:
        return None
    match = process.extractOne(
        word, list(known.months), scorer=fuzz.ratio, score_cutoff=_threshold("month")
    )
    return known.months[match[0]] if match else None


def _place(text: str, known: Knowledge) -> str | None:
    if text in known.places:
        return known.places[text]
    if len(text) < 4:
        return None
    match = process.extractOne(
        text, list(known.places), scorer=fuzz.ratio, score_cutoff=_threshold("place")
    )
    return known.places[match[0]] if match else None
