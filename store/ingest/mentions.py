"""Mentions: the registry's people found in a sentence, by full name or by title and short name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from store.ingest.names import TOKEN, is_place
from store.lexicon import phrase_pattern, titles
from store.lexicon.gazetteer import Gazetteer, tokens
from store.textutil import fold

if TYPE_CHECKING:
    from store.ingest.people import Person


@dataclass(frozen=True)
class Mention:
    person: str  # registry key
    start: int
    end: int


class PeopleIndex:
    """Finds the registry's people in a sentence, by full name or by title and short name."""

    def __init__(self, registry: dict[str, Person]) -> None:
        self.registry = registry
        names: dict[str, str] = {}
        for person_key, person in registry.items():
            for alias in (person.name, fold(person.name), person.name.replace("-", " ")):
                names[alias] = person_key
        self._full = Gazetteer.of(names.items(), case_sensitive=True)
        self._by_short: dict[str, list[str]] = {}
        for person_key, person in registry.items():
            self._by_short.setdefault(fold(person.short_name), []).append(person_key)
        every_title = [*titles()["titles"], *titles()["honorifics"]]
        title = phrase_pattern(every_title).replace(r"(?<![\w&])", "").replace(r"(?![\w&])", "")
        self._short = re.compile(rf"(?P<title>{title})\s+(?P<short>{TOKEN})(?![\w-])")
        self._short_names = set(self._by_short)

    def find(self, sentence: str) -> list[Mention]:
        """Mentions in text order; a full name wins over a short reference inside it."""
        found = [
            Mention(person_key, start, end)
            for start, end, person_key in self._full.spans(sentence)
            if not is_place("", sentence[end : end + 30])  # "Ho Chi Minh City" is not the man
        ]
        if self._short_names.isdisjoint(tokens(fold(sentence))):
            return found
        for match in self._short.finditer(sentence):
            start, end = match.span("short")
            if any(m.start <= start < m.end for m in found):
                continue
            short_key = self._resolve_short(match["short"], match["title"])
            if short_key:
                found.append(Mention(short_key, start, end))
        return sorted(found, key=lambda m: m.start)

    def _resolve_short(self, short: str, title: str) -> str | None:
        candidates = self._by_short.get(fold(short), [])
        if len(candidates) == 1:
            return candidates[0]
        titled = [c for c in candidates if title in self.registry[c].short_titles]
        if len(titled) == 1:
            return titled[0]
        return None


_CAPITALISED = re.compile(r"(?<![\w’'-])[A-ZÀ-ỸĐ][^\W\d_]{1,20}(?![\w-])")
_CAPITAL_BEFORE = re.compile(r"[A-ZÀ-ỸĐ][\w’'-]*\s$")
_CAPITAL_AFTER = re.compile(r"^\s[A-ZÀ-ỸĐ]")


def bare_short_names(
    texts: list[str], mentions: list[list[Mention]], registry: dict[str, Person]
) -> None:
    """Within one document, "Woo said", "Sơn urged": the short name alone of someone the
    document names in full, when no one else it names shares it. Added to mentions in place."""
    named = {m.person for found in mentions for m in found}
    by_short: dict[str, list[str]] = {}
    for person_key in sorted(named):
        by_short.setdefault(fold(registry[person_key].short_name), []).append(person_key)
    unique = {short: keys[0] for short, keys in by_short.items() if len(keys) == 1}
    if not unique:
        return
    for text, found in zip(texts, mentions, strict=True):
        added = False
        for match in _CAPITALISED.finditer(text):
            short_key = unique.get(fold(match.group(0)))
            start, end = match.span()
            if short_key is None or any(m.start <= start < m.end for m in found):
                continue
            if _CAPITAL_BEFORE.search(text[max(0, start - 30) : start]) or _CAPITAL_AFTER.match(
                text[end : end + 2]
            ):
                continue  # part of a longer name or place: "Son La", "Tan Son Nhat"
            found.append(Mention(short_key, start, end))
            added = True
        if added:
            found.sort(key=lambda m: m.start)
