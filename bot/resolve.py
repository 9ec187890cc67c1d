"""Match an argument against what the store knows: topics and people (a /visit argument's
months, places and people: bot/visit_terms.py)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein

from bot.knowledge import Knowledge, routing
from bot.roles import joined_roles
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


def threshold(name: str) -> int:
    """A matching threshold of the router's data file (topic, person, month, place…)."""
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
    if partial and max(whole.values(), default=0) < threshold("topic") and " " in query:
        # "parliamentary cooperation": the telling word alone may name the topic
        generic = set(routing()["generic_words"])
        for word in query.split():
            if word not in generic and len(word) > 3:
                for topic_key, score in _topic_scores(word, known).items():
                    whole[topic_key] = max(whole.get(topic_key, 0), score - 1)
    ranked = sorted(whole.items(), key=lambda kv: -kv[1])
    top = ranked[0][1] if ranked else 0.0
    cutoff = threshold("topic")
    gap = threshold("ambiguity_gap")
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
    """Each topic's best alias score: 100 for the alias or its plural, else (neither of 3 letters
    or fewer) the fuzzy ratio, or 90 for one slip (a swapped, missing, extra or wrong letter; two
    in a long word). The aliases are scored in one pass of rapidfuzz's C loop."""
    aliases = list(known.topic_aliases)
    short = len(query) <= 3
    ratios = {} if short else _all_scores(query, aliases, fuzz.ratio, None)
    # one slip allowed in a short alias, two in a long one: at most two, filtered below
    slips = {} if short else _all_scores(query, aliases, DamerauLevenshtein.distance, 2)
    plain = query.rstrip("s")
    best: dict[str, float] = {}
    for at, (alias, topic_key) in enumerate(known.topic_aliases.items()):
        if query == alias or plain == alias.rstrip("s"):
            score = 100.0
        elif short or len(alias) <= 3:
            score = 0.0
        else:
            typo = 90.0 if slips.get(at, 3) <= (1 if len(alias) < 8 else 2) else 0.0
            score = max(float(ratios[at]), typo)
        if score > best.get(topic_key, -1):
            best[topic_key] = score
    return best


def _all_scores(
    query: str, choices: list[str], scorer: Callable[..., float], cutoff: float | None
) -> dict[int, float]:
    """scorer(query, choice) of every choice (within cutoff), by the choice's index."""
    found = process.extract(query, choices, scorer=scorer, score_cutoff=cutoff, limit=None)
    return {at: score for _choice, score, at in found}


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
    if ranked and ranked[0][1] >= threshold("person"):
        top = ranked[0][1]
        chosen = [known.person(pid) for pid, s in ranked if s >= top - threshold("ambiguity_gap")]
        return PersonMatch(tuple(chosen))
    closest = tuple(known.person(pid) for pid, s in ranked[:3] if s >= threshold("suggestion"))
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
    if not {w for w in query.split() if w not in ignored} & _title_words():
        return ()
    # "mayor" is not a vice mayor's role, "vice mayor" is
    wanted = [w for w in joined_roles(query).split() if w not in ignored]
    if not wanted:
        return ()
    found = []
    roles = _described(known)
    for person in known.people:
        described, side = roles[person.id]
        # Both sides of the comparison went through expand(), spellings and abbreviations alike.
        if all(w in described or (w in sides and key(sides[w]) == side) for w in wanted):
            found.append(person)
    return tuple(sorted(found, key=lambda p: -p.mentions))


_building = threading.Lock()


def _described(known: Knowledge) -> dict[int, tuple[frozenset[str], str]]:
    """Each person's roles as expanded words, and side (built once per store build)."""
    if len(known.described) < len(known.people):
        with _building:
            if len(known.described) < len(known.people):
                built = {
                    p.id: (
                        frozenset(
                            joined_roles(
                                expand(" ".join(filter(None, (p.role, *p.other_roles))))
                            ).split()
                        ),
                        key(p.side or ""),
                    )
                    for p in known.people
                }
                known.described.update(built)  # at once: a reader sees all of it or none
    return known.described


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
