"""Roles around a name: a title before it, an appositive after it, and the side a role points to.

Two ways, one answer: the titles of `titles.json` ("Deputy Prime Minister and Minister of Foreign
Affairs") are matched with their qualifiers; any other noun phrase headed by a role noun ("head
coach", "chairman of Hana Micron", "a worker from Nghe An") is taken as it is written. A role
noun is one of `role_nouns` or any word shaped like an agent noun, so no list decides alone.
"""

from __future__ import annotations

import re
from functools import cache

from store.lexicon import country_gazetteer, parties, parties_named, phrase_pattern, titles
from store.textutil import fold

_CAPITAL_WORD = r"[A-ZÀ-ỸĐ(][\w()’'&.-]{0,40}"
# Words a title's "of …" may hold besides names: "of the Nghe An provincial Party Committee".
_QUALIFIER_WORD = (
    rf"(?:{_CAPITAL_WORD},?|of|the|and|for|on|–|-|&|provincial|municipal|city|district|national|"
    r"central|people's|people’s|general|standing|permanent)"
)
# The qualifier ends on a capitalised word: "Secretary of the" is not a title.
_QUALIFIER = (
    rf"(?:\s+(?P<prep>of|to|for|at)\s+(?:the\s+)?(?:{_QUALIFIER_WORD}\s+){{0,12}}?"
    rf"(?:{_CAPITAL_WORD}|\([^)]{{0,40}}\)))?"
)
# Words that end a role phrase read backwards from a name, or open a clause after it.
_BREAK = frozenset(
    re.findall(
        r"\S+",
        "the a an and or but with by for to from at in on of as when while after before said says "
        "told met meets meeting received receives welcomed thanked invited including include "
        "includes like according between among during whom who which that this these those his "
        "her their its our my your also then than is was were are be been being has have had will "
        "would can could may not both each every all led chaired visited accompanied joined under "
        "over about per via into where yesterday today tonight tomorrow last next new said: them "
        "him us me it they we he she you",
    )
)
_AGENT = re.compile(r"[a-z]{2,}(?:er|or|ist|ian|ant|ent|eer|ee)s?$")
_POSITION = re.compile(r"\s*\((?:left|right|L|R|centre|center|C|front|second from \w+)\)\s*$")


@cache
def title_words() -> frozenset[str]:
    every = [*titles()["titles"], *titles()["role_nouns"]]
    return frozenset(w.lower().rstrip(".") for t in every for w in t.split())


def is_role_noun(word: str) -> bool:
    """'coach', 'Chairman', 'CEO', 'researchers' — listed, or shaped like an agent noun."""
    bare = word.strip("’'").lower().rstrip(".")
    return bare in title_words() or bool(_AGENT.fullmatch(bare))


def _lexicon_titles() -> str:
    return (
        phrase_pattern(list(titles()["titles"]))
        .replace(r"(?<![\w&])", "")
        .replace(r"(?![\w&])", "")
    )


@cache
def adjectives() -> dict[str, str]:
    return {adj: p.key for p in parties() for adj in p.adjectives}


@cache
def title_before() -> re.Pattern[str]:
    adjective = phrase_pattern(list(adjectives()))
    title = _lexicon_titles()
    chain = rf"(?:{title})(?:\s+(?:and|&)\s+(?:{title}))*"
    return re.compile(
        rf"(?P<adj>{adjective}\s+)?(?P<title>{chain}){_QUALIFIER}\s*(?:\([^)]{{1,20}}\)\s*)?$"
    )  # used with .match(prefix, start): the whole rest of the prefix must be the title


@cache
def title_after() -> re.Pattern[str]:
    title = _lexicon_titles()
    # ", Chairman of LG Group,", ", Seoul's Vice Mayor for Administrative Affairs,"
    return re.compile(
        rf"^,\s+(?:the\s+)?(?P<owner>[A-Z][\w-]{{0,40}}['’]s\s+)?"
        rf"(?P<role>(?:{title})(?:\s+(?:and|&)\s+(?:{title}))*(?:\s+(?:of|to|at|for)\s+[^,;.]{{1,120}})?)[,;.]"
    )


@cache
def _title_and() -> re.Pattern[str]:
    return re.compile(rf"{phrase_pattern(list(titles()['titles']))}\s+(?:and|&)\s+")


@cache
def _title_start() -> re.Pattern[str]:
    adjective = phrase_pattern(list(adjectives()))
    return re.compile(rf"(?:{adjective}\s+)?{phrase_pattern(list(titles()['titles']))}")


def nearest_title(prefix: str) -> re.Match[str] | None:
    """The title nearest before a name: the last one that runs up to it, not an earlier one whose
    "of …" would swallow another person ("… Hoang Xuan Chien and Vice Minister … Kim Seon-ho")."""
    starts = [m.start() for m in _title_start().finditer(prefix)]
    for index in range(len(starts) - 1, -1, -1):
        match = title_before().match(prefix, starts[index])
        if match:
            # "Deputy Prime Minister and Minister of …": titles joined by "and" are one role
            while index > 0 and _title_and().fullmatch(prefix, starts[index - 1], starts[index]):
                index -= 1
                match = title_before().match(prefix, starts[index]) or match
            return match
    return None


def title_text(match: re.Match[str]) -> str:
    return _POSITION.sub("", match.group(0).strip())


def side_of_title(match: re.Match[str]) -> str | None:
    if match["adj"]:
        return adjectives().get(match["adj"].strip())
    qualifier = match.group(0)[match.end("title") - match.start() :]
    return side_of_role(qualifier, to_means_other=match["prep"] == "to")


def side_of_role(role: str, to_means_other: bool | None = None) -> str | None:
    """The party a role names ("Korean", "of Vietnam"; "Ambassador to Vietnam" is the other one),
    else a third country it names ("Japanese coach" -> "Japanese")."""
    named = parties_named(role)
    if len(named) == 1:
        (party,) = named
        if (
            to_means_other
            if to_means_other is not None
            else re.search(r"\bto\s+(?:the\s+)?\S+$", role)
        ):
            return next((p.key for p in parties() if p.key != party), None)
        return party
    if not named and (others := country_gazetteer().longest(fold(role))):
        return others[0][:40]
    return None


def open_role_before(prefix: str) -> str | None:
    """'head coach', 'Hana Micron CEO', "Vietnam's striker": the noun phrase just before a name,
    when its last word is a role noun."""
    words = prefix.rstrip().split(" ")[-6:]
    if not words or not words[-1] or not is_role_noun(words[-1]):
        return None
    if words[-1][-1:] in ',;:)("”“':
        return None
    role: list[str] = []
    for word in reversed(words):
        if word.lower() in _BREAK or word[-1:] in ',;:"”“(' or not word[:1].isalpha():
            break
        if word.endswith(("ed", "ing")) and word[:1].islower() and not is_role_noun(word):
            break
        role.insert(0, word)
    return " ".join(role) if role else None


_APPOSITIVE = re.compile(
    r"^(?:,\s+(?:\d{1,3},\s+)?(?:(?:the|a|an)\s+)?|\s+(?:is|was)\s+(?:the|a|an)\s+)"
    r"(?P<role>[^,;:\"“”]{2,120}?)(?=\s*[,;:.]|\s+(?:who|said|says)\b|$)"
)


def open_role_after(after: str) -> str | None:
    """', chairman of Hana Micron,' ', 42, a worker from Nghe An,': an appositive headed by a role;
    ' is a contributing columnist for Tuoitrenews.': a predicate so headed."""
    match = _APPOSITIVE.match(after)
    if not match:
        return None
    role = match["role"].strip()
    words = role.split()
    if not words or words[0].lower() in _BREAK:
        return None
    head = re.split(r"\s+(?:of|at|for|to|in|with|from|on)\s+", role, maxsplit=1)[0].split()
    if not head or not is_role_noun(head[-1]) or len(head) > 6:
        return None
    return role
