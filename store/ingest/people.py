"""People: the registry of everyone the documents introduce, with their roles, side and spouse.

Who counts as a person, and with which role, is decided sentence by sentence in
`introductions.py`; here the introductions of every document are gathered by folded name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from store.ingest.introductions import Introduction, introductions
from store.ingest.mentions import Mention, PeopleIndex
from store.lexicon import titles
from store.textutil import fold, key

__all__ = [
    "Introduction",
    "Mention",
    "PeopleIndex",
    "Person",
    "build_registry",
    "introductions",
    "registry_of",
]


@dataclass
class Person:
    name: str
    side: str | None
    roles: Counter[str] = field(default_factory=Counter)
    spouse_of: str | None = None
    short_titles: set[str] = field(default_factory=set)

    @property
    def role(self) -> str | None:
        """The most formal role: the most often stated, then the longest."""
        if not self.roles:
            return None
        return max(self.roles, key=lambda r: (self.roles[r], len(r)))

    @property
    def short_name(self) -> str:
        """What people call them after the first mention: a Vietnamese given name, a Korean surname."""
        tokens = self.name.split()
        return tokens[0] if self.side == "kr" else tokens[-1]

    def aliases(self) -> set[str]:
        """Every way the name may be typed: folded, without spaces, with titles."""
        found = {
            self.name,
            fold(self.name),
            self.name.replace(" ", ""),
            fold(self.name).replace(" ", ""),
        }
        found.add(fold(self.name).replace("-", " "))
        for title in self.short_titles:
            found.add(f"{title} {self.short_name}")
        return {a for a in found if a}


def _bare_title(role: str) -> str | None:
    """The title a short reference may use ("President" of "President of the RoK")."""
    for title in sorted(titles()["titles"], key=len, reverse=True):
        if role.endswith(title) or role.startswith(title) or f" {title}" in role:
            return title
    return None


def build_registry(sentences: list[str]) -> dict[str, Person]:
    """People introduced anywhere in these sentences, keyed by their folded name."""
    return registry_of(introductions(sentence) for sentence in sentences)


def registry_of(introduced: Iterable[list[Introduction]]) -> dict[str, Person]:
    """The registry of the introductions found in sentences (each sentence's list, in order)."""
    registry: dict[str, Person] = {}
    for found in introduced:
        for intro in found:
            person = registry.setdefault(key(intro.name), Person(name=intro.name, side=intro.side))
            if person.side is None:
                person.side = intro.side
            if fold(person.name) == person.name != intro.name:
                person.name = intro.name  # the same name with its diacritics: keep those
            if intro.role and not intro.role.startswith(tuple(titles()["honorifics"])):
                person.roles[intro.role] += 1
            if intro.spouse_of:
                person.spouse_of = intro.spouse_of
            if intro.role and (bare := _bare_title(intro.role)):
                person.short_titles.add(bare)
    _resolve_partners(registry)
    return registry


def _resolve_partners(registry: dict[str, Person]) -> None:
    """'spouse of Prime Minister Park' -> the registry's Park Sung-ho."""
    by_name = {p.name for p in registry.values()}
    for person in registry.values():
        partner = person.spouse_of
        if not partner or partner in by_name:
            continue
        words = partner.split()
        last = fold(words[-1]) if words else ""
        matches = [
            p
            for p in registry.values()
            if p is not person and (key(p.name) == key(partner) or fold(p.short_name) == last)
        ]
        if len(matches) == 1:
            person.spouse_of = matches[0].name
            person.side = person.side or matches[0].side
            person.roles = Counter({f"spouse of {matches[0].name}": 1})
