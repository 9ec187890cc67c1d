"""People: names introduced by a title or an appositive, their roles, sides and aliases."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache

from store.ingest.relevance import parties_named
from store.lexicon import parties, phrase_pattern, titles
from store.lexicon.gazetteer import Gazetteer, tokens
from store.textutil import fold, key

_TOKEN = r"[A-ZÀ-ỸĐ][^\W\d_]*(?:-[^\W\d_]+)*"
_RUN = re.compile(rf"{_TOKEN}(?: {_TOKEN})*")
_CAPITAL_WORD = r"[A-ZÀ-ỸĐ(][\w()’'&.-]*"
# Words a title's "of …" may hold besides names: "of the Nghe An provincial Party Committee".
_QUALIFIER_WORD = (
    rf"(?:{_CAPITAL_WORD},?|of|the|and|for|on|–|-|&|provincial|municipal|city|district|national|"
    r"central|people's|people’s|general|standing|permanent)"
)
# The qualifier ends on a capitalised word: "Secretary of the" is not a title.
_QUALIFIER = rf"(?:\s+(?P<prep>of|to|for|at)\s+(?:the\s+)?(?:{_QUALIFIER_WORD}\s+)*?(?:{_CAPITAL_WORD}|\([^)]*\)))?"


@dataclass(frozen=True)
class Introduction:
    """A full name seen in a sentence with what the sentence says about the person."""

    name: str
    start: int
    end: int
    role: str | None
    side: str | None
    spouse_of: str | None = None


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


@cache
def _titles() -> tuple[str, ...]:
    return tuple(titles()["titles"])


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(titles()["name_stopwords"])


@cache
def _surnames() -> frozenset[str]:
    return frozenset(s for p in parties() for s in p.surnames)


@cache
def _adjectives() -> dict[str, str]:
    return {adj: p.key for p in parties() for adj in p.adjectives}


@cache
def _title_before() -> re.Pattern[str]:
    adjectives = phrase_pattern(list(_adjectives()))
    title = phrase_pattern(list(_titles())).replace(r"(?<![\w&])", "").replace(r"(?![\w&])", "")
    chain = rf"(?:{title})(?:\s+(?:and|&)\s+(?:{title}))*"
    return re.compile(
        rf"(?P<adj>{adjectives}\s+)?(?P<title>{chain}){_QUALIFIER}\s*(?:\([^)]{{1,20}}\)\s*)?$"
    )  # used with .match(prefix, start): the whole rest of the prefix must be the title


@cache
def _title_after() -> re.Pattern[str]:
    title = phrase_pattern(list(_titles())).replace(r"(?<![\w&])", "").replace(r"(?![\w&])", "")
    # ", Chairman of LG Group,", ", Seoul's Vice Mayor for Administrative Affairs,"
    return re.compile(
        rf"^,\s+(?:the\s+)?(?P<owner>[A-Z][\w-]*['’]s\s+)?"
        rf"(?P<role>(?:{title})(?:\s+(?:and|&)\s+(?:{title}))*(?:\s+(?:of|to|at|for)\s+[^,;.]+)?)[,;.]"
    )


_SPOUSE_AFTER = re.compile(
    r"^,\s+(?:the\s+)?(?:spouse|wife|husband)\s+of\s+(?P<partner>[^,;.]{2,80})[,;.]"
)
_SPOUSE_BEFORE = re.compile(r"\b(?:(?:his|her)\s+(?:spouse|wife|husband)|First Lady)\s+$")
# "President Yoon and his wife …": the partner named just before, by title and short name
_PARTNER_BEFORE = re.compile(
    r"((?:[A-Z][\w.’'-]*\s+){1,4})(?:and|with)\s+(?:his|her|the)?\s*(?:spouse|wife|husband|First Lady)\s+$"
)


def name_runs(sentence: str) -> list[tuple[int, int, str]]:
    """Runs of two to four capitalised words that can be a person's name."""
    runs = []
    for match in _RUN.finditer(sentence):
        tokens = match.group(0).split(" ")
        offset = match.start()
        current: list[tuple[int, str]] = []
        position = offset
        for token in [*tokens, ""]:
            if token and (token not in _stopwords() or _surname_starting_name(token, current)):
                current.append((position, token))
            else:
                if 2 <= len(current) <= 4:
                    start = current[0][0]
                    runs.append(
                        (
                            start,
                            start + len(" ".join(t for _, t in current)),
                            " ".join(t for _, t in current),
                        )
                    )
                current = []
            position += len(token) + 1
    return runs


def _surname_starting_name(token: str, current: list[tuple[int, str]]) -> bool:
    # "To", "Ho", "An" are words or titles elsewhere but family or given names inside a name:
    # "To Lam", "Bui Thanh An".
    return token in _surnames() and (not current or len(current) <= 2)


def introductions(sentence: str) -> list[Introduction]:
    """Names this sentence introduces with a title, an appositive role or as a spouse."""
    found: list[Introduction] = []
    for run_start, end, run in name_runs(sentence):
        name = _from_family_name(run)
        if len(name.split()) == 2 and not _has_family_name(name):
            continue  # "Binh Duong", "External Relations": two words and no family name
        start = run_start + run.index(name)
        prefix = sentence[max(0, start - 160) : start]
        after = _title_after().match(sentence[end:])
        before = _nearest_title(prefix)
        honorific = bool(before and before["title"] in titles()["honorifics"])
        if honorific and after:
            before = None  # "Dr. Kim, Director of …": the appositive says more than "Dr."
        if match := before:
            role = _role_text(match)
            side = _side_from_title(match)
            found.append(Introduction(name, start, end, role, side or _side_from_name(name)))
        elif (match := after) and (honorific or _starts_clause(sentence, start)):
            role = match["role"].strip()
            if match["owner"]:
                role = f"{role} of {match['owner'].strip()[:-2]}"  # "Vice Mayor … of Seoul"
            named = parties_named(role)
            side = next(iter(named)) if len(named) == 1 and " to " not in role else None
            found.append(Introduction(name, start, end, role, side or _side_from_name(name)))
        elif (match := _SPOUSE_AFTER.match(sentence[end:])) and _starts_clause(sentence, start):
            partner_text = match["partner"].strip()
            found.append(
                Introduction(
                    name,
                    start,
                    end,
                    f"spouse of {partner_text}",
                    _side_from_name(name),
                    spouse_of=partner_text,
                )
            )
        elif _SPOUSE_BEFORE.search(prefix):
            named_before = _PARTNER_BEFORE.search(prefix)
            partner = (
                found[-1].name if found else named_before.group(1).strip() if named_before else None
            )
            side = found[-1].side if found else _side_from_name(name)
            role = f"spouse of {partner}" if partner else "spouse"
            found.append(Introduction(name, start, end, role, side, spouse_of=partner))
    return found


def _nearest_title(prefix: str) -> re.Match[str] | None:
    """The title nearest before a name: the last one that runs up to it, not an earlier one whose
    "of …" would swallow another person ("… Hoang Xuan Chien and Vice Minister … Kim Seon-ho")."""
    starts = [m.start() for m in _title_start().finditer(prefix)]
    for index in range(len(starts) - 1, -1, -1):
        match = _title_before().match(prefix, starts[index])
        if match:
            # "Deputy Prime Minister and Minister of …": titles joined by "and" are one role
            while index > 0 and _title_and().fullmatch(prefix, starts[index - 1], starts[index]):
                index -= 1
                match = _title_before().match(prefix, starts[index]) or match
            return match
    return None


@cache
def _title_and() -> re.Pattern[str]:
    title = phrase_pattern(list(_titles()))
    return re.compile(rf"{title}\s+(?:and|&)\s+")


@cache
def _title_start() -> re.Pattern[str]:
    adjectives = phrase_pattern(list(_adjectives()))
    title = phrase_pattern(list(_titles()))
    return re.compile(rf"(?:{adjectives}\s+)?{title}")


def _has_family_name(name: str) -> bool:
    return any(fold(token) in _surnames() for token in name.split())


def _from_family_name(name: str) -> str:
    """Drop words before the family name: "Investment Do Thanh Binh" after "Minister of Planning and"."""
    tokens = name.split()
    surnames = [i for i, token in enumerate(tokens) if fold(token) in _surnames()]
    if surnames and surnames[0] > 0 and len(tokens) - surnames[0] >= 2:
        tokens = tokens[surnames[0] :]
    return " ".join(tokens)


def _starts_clause(sentence: str, start: int) -> bool:
    """A name that opens a clause ("Receiving Jun Young-hyun, Vice Chairman of …" counts too)."""
    before = sentence[:start].rstrip()
    return (
        not before or before.endswith((",", ";", "and", ":", "–", "-")) or len(before.split()) == 1
    )


def _role_text(match: re.Match[str]) -> str:
    text = match.group(0).strip()
    return re.sub(r"\s*\((?:left|right|L|R|centre|center|C|front|second from \w+)\)\s*$", "", text)


def _side_from_title(match: re.Match[str]) -> str | None:
    if match["adj"]:
        return _adjectives().get(match["adj"].strip())
    qualifier = match.group(0)[match.end("title") - match.start() :]
    named = parties_named(qualifier)
    if len(named) == 1:
        (party,) = named
        if match["prep"] == "to":
            return next(p.key for p in parties() if p.key != party)
        return party
    return None


def _side_from_name(name: str) -> str | None:
    first = fold(name.split()[0])
    for party in parties():
        if first in party.surnames:
            return party.key
    return None


def _bare_title(role: str) -> str | None:
    """The title a short reference may use ("President" of "President of the RoK")."""
    for title in sorted(_titles(), key=len, reverse=True):
        if role.endswith(title) or role.startswith(title) or f" {title}" in role:
            return title
    return None


def build_registry(sentences: list[str]) -> dict[str, Person]:
    """People introduced anywhere in these sentences, keyed by their folded name."""
    registry: dict[str, Person] = {}
    for sentence in sentences:
        for intro in introductions(sentence):
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
        every_title = [*_titles(), *titles()["honorifics"]]
        title = phrase_pattern(every_title).replace(r"(?<![\w&])", "").replace(r"(?![\w&])", "")
        self._short = re.compile(rf"(?P<title>{title})\s+(?P<short>{_TOKEN})(?![\w-])")
        self._short_names = set(self._by_short)

    def find(self, sentence: str) -> list[Mention]:
        """Mentions in text order; a full name wins over a short reference inside it."""
        found = [
            Mention(person_key, start, end) for start, end, person_key in self._full.spans(sentence)
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
