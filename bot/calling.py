"""How a question calls a person without a full name: by a title only they hold ("the General
Secretary's state visit") or by one part of their name after a capitalised word ("Madame Ly"). Pure: the titles come from the people's own extracted roles, never a list.
"""

from __future__ import annotations

import re
import threading
from collections import defaultdict
from functools import lru_cache

from bot.knowledge import Knowledge
from store.lexicon import parties
from store.queries import PersonInfo
from store.textutil import key

# A bare part of a name stands for the person most mentioned under it, when they are mentioned
# at least this many times as often as the next person sharing it ("Lee": Lee Jae Myung).
DOMINANT = 3.0


@lru_cache(maxsize=8192)
def titles(person: PersonInfo) -> frozenset[str]:
    """The titles a person goes by, folded, of two words or more (a bare "the President" may be
    anyone's): the head of each role ("General Secretary" of "General Secretary of the
    Communist Party…") and its last two words."""
    found = set()
    for role in (person.role, *person.other_roles):
        if not role or not role[:1].isupper():
            continue
        written = re.split(r"\s+(?:of|to|for|at|in)\s+|,|\(", role)[0].split()
        head = key(" ".join(written)).split()
        for title in (head, head[-2:]):
            if len(title) >= 2:
                found.add(" ".join(title))
        # "the Korean Speaker", "the Vietnamese ambassador": the title's noun (capitalised: a
        # "KOICA volunteer" holds no title) after the adjective of the side the person speaks
        # for, however the role itself is worded
        if head and written[-1][:1].isupper():
            found |= {f"{adjective} {head[-1]}" for adjective in _adjectives(person.side)}
    return frozenset(found)


@lru_cache(maxsize=8192)
def heads(person: PersonInfo) -> frozenset[str]:
    """The one-word titles a person goes by ("speaker" of "Speaker of the National Assembly"):
    anyone's in a store, but within one article often only theirs ("The Speaker travelled…")."""
    found = set()
    for role in (person.role, *person.other_roles):
        if role and role[:1].isupper():
            head = key(re.split(r"\s+(?:of|to|for|at|in)\s+|,|\(", role)[0]).split()
            found.update(head[-1:])
    return frozenset(found)


@lru_cache(maxsize=16)
def _adjectives(side: str | None) -> tuple[str, ...]:
    """The adjectives of the party a side names ("the RoK" -> "korean", "south korean")."""
    return tuple(key(a) for p in parties() if side == p.name for a in p.adjectives)


_building = threading.Lock()


def title_holders(known: Knowledge) -> dict[str, frozenset[int]]:
    """Each title anyone goes by -> who holds it (built once per store build)."""
    if not known.title_holders:
        with _building:
            if not known.title_holders:
                holders: dict[str, set[int]] = defaultdict(set)
                for person in known.people:
                    for title in titles(person):
                        holders[title].add(person.id)
                known.name_and_place_words.update(
                    {w for words in known.name_words.values() for w in words}
                    | {w for place in known.places for w in place.split()}
                )
                # one update of a finished dict: a reader sees none of it or all of it
                known.title_holders.update({t: frozenset(ids) for t, ids in holders.items()})
    return known.title_holders


def called(text: str, known: Knowledge) -> PersonInfo | None:
    """The one person a text calls by a title or a capitalised part of a name, if any."""
    by_title = _called_by_title(key(text).split(), title_holders(known))
    taken = known.name_and_place_words  # a first word that names someone or somewhere
    if len(by_title) == 1:
        return known.person(by_title.pop())
    if by_title:
        return None
    # "Madame Ly": a capitalised word that names nobody and no place, then one part of a name,
    # then no further capitalised word ("Bac Giang", "Mang Me Di Bo" are names of their own)
    for match in re.finditer(r"\b([A-Z][a-z]+)\.? ([A-Z][a-z]+)\b(?! [A-Z])", text):
        if key(match[1]) in taken or _AT_PLACE.search(text[: match.start()]):
            continue  # "the factory in Vinh Phuc": a place, whatever person is called Phuc
        holder = _holder(key(match[2]), known)
        if holder:
            return holder
    return None


_AT_PLACE = re.compile(r"\b(?:in|at|near|across|around)\s+$", re.I)
_SUBJECT = re.compile(
    r"\b(?:did|does|do|will|would|has|have|had|can|could)\s+([A-Z][a-z]+)\b(?!\s+[A-Z])"
)


def subject(text: str, known: Knowledge) -> PersonInfo | None:
    """The person a question's subject calls by a part of the name: "what did Lee promise Luong
    Cuong?" is about what Lee promised, whoever else it names in full."""
    match = _SUBJECT.search(text)
    return _holder(key(match[1]), known) if match else None


def _holder(part: str, known: Knowledge) -> PersonInfo | None:
    """The person a part of a name stands for: its only holder, or the one mentioned far more."""
    holders = sorted(
        (p for p in known.people if part in known.name_words[p.id]), key=lambda p: -p.mentions
    )
    if holders and (len(holders) == 1 or holders[0].mentions >= DOMINANT * holders[1].mentions):
        return holders[0]
    return None


_ASKING = frozenset({"which", "what"})


def _called_by_title(words: list[str], holders: dict[str, frozenset[int]]) -> set[int]:
    """The people whose titles the words use to call someone: every run of words that is a
    title, unless asked for ("which Korean actor stars in…" asks for the title's holder)."""
    found: set[int] = set()
    for start in range(len(words)):
        if _ASKING & set(words[max(0, start - 2) : start]):
            continue
        for end in range(start + 2, len(words) + 1):
            found |= holders.get(" ".join(words[start:end]), frozenset())
    return found


def named(text: str, known: Knowledge) -> list[PersonInfo]:
    """Everyone a text names by a full alias, in order ("Lee Jae Myung and To Lam")."""
    words = key(text).split()
    found: list[PersonInfo] = []
    start = 0
    while start < len(words):
        for length in range(min(6, len(words) - start), 0, -1):
            alias = " ".join(words[start : start + length])
            person_id = known.person_aliases.get(alias) if len(alias) >= 5 else None
            if person_id is not None:
                if all(p.id != person_id for p in found):
                    found.append(known.person(person_id))
                start += length - 1
                break
        start += 1
    return found
