"""Whose role a who-question asks about, said with a possessive ("who coaches South Korea's U-23
team?", "who is Vietnam's ambassador to Korea?"), and whether a sentence gives the role to that
owner ("Korea, coached by Lee Min-sung") rather than to another ("Kim, in charge of Vietnam's
U-23 team"). Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.question import Question
from bot.stems import covered, stem
from store.lexicon import parties
from store.textutil import key

_POSSESSED = re.compile(r"\bwho (\w+) (?:the )?((?:\w+ ){1,3}?)s ((?:\w+ ?)+)$")
_NATIONAL = re.compile(r"\bwho (is|was|are|were) the (.+)$")


def _possessive(asked: str) -> tuple[str, str, str] | None:
    """("coaches", "south korea", "u 23 team") of "who coaches south korea s u 23 team"."""
    match = _POSSESSED.search(asked)
    return (match[1], match[2].strip(), match[3]) if match else None


def _national(asked: str) -> tuple[str, str, str] | None:
    """("is", "korean", "ambassador to vietnam") of "who is the korean ambassador to vietnam":
    the owner said by its adjective."""
    match = _NATIONAL.search(asked)
    if match is None:
        return None
    for adjective in sorted(_adjectives(), key=len, reverse=True):
        if match[2].startswith(f"{adjective} "):
            return match[1], adjective, match[2][len(adjective) + 1 :]
    return None


_PHRASE_END = re.compile(r"\b(?:to|of|in|at|for|on|against|during|since|from|with)\b")
_POSSESSIVES = frozenset({"their", "its", "his", "her"})
NEAR = 4  # words between a role and the name of its owner ("Korea, coached by Lee")


@dataclass(frozen=True)
class OwnedRole:
    role: int  # the asked concept naming the role or the deed
    names: tuple[tuple[str, ...], ...]  # the owner's names, as words
    adjectives: tuple[tuple[str, ...], ...]  # "Vietnamese ambassador": only right before the role
    others: tuple[tuple[str, ...], ...]  # every name of the other party (of both, for a firm)


def _words_of(names: set[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(n.split()) for n in sorted(names) if n)


def owned_role(question: Question) -> OwnedRole | None:
    """The asked role (or deed) and its owner, when a who-question says it with a possessive."""
    if question.kind != "who":
        return None
    asked = key(question.text)
    found = _possessive(asked) or _national(asked)
    if found is None:
        return None
    verb, owner, rest = found
    if verb in ("is", "was", "are", "were"):
        phrase = _PHRASE_END.split(rest)[0].split()
        roles = [w for w in phrase if w in question.words and not w.isdigit()]
        role = roles[-1] if roles else None
    else:
        role = verb if verb in question.words else None
    if role is None:
        return None
    names, adjectives, others = {owner}, set(), set()
    for party in parties():
        aliases = {key(a) for a in party.aliases}
        if owner in aliases:
            names |= aliases - {key(a) for a in party.adjectives}
            adjectives |= {key(a) for a in party.adjectives}
        else:
            others |= aliases
    return OwnedRole(
        question.words.index(role), _words_of(names), _words_of(adjectives), _words_of(others)
    )


def _adjectives() -> set[str]:
    return {key(a) for party in parties() for a in party.adjectives}


def _owning(names: tuple[tuple[str, ...], ...], tokens: list[str]) -> list[int]:
    """Where the names stand as an owner: not after "to" or "in" ("Ambassador to the RoK" is
    not the RoK's ambassador)."""
    return [
        j
        for j in _starts(names, tokens)
        if not (
            tokens[max(0, j - 2) : j][-1:] in (["to"], ["in"])
            or tokens[max(0, j - 2) : j] in (["to", "the"], ["in", "the"])
        )
    ]


def _starts(names: tuple[tuple[str, ...], ...], tokens: list[str]) -> list[int]:
    return [
        j for name in names for j in range(len(tokens)) if tuple(tokens[j : j + len(name)]) == name
    ]


def other_owner(question: Question, owned: OwnedRole, tokens: list[str]) -> bool:
    """Whether a sentence does not give the asked role to the asked owner: it does not say the
    role ("Kim's team lost…"), or each time it says it another owner is named beside it ("head
    coach of the Vietnamese team", "their coach" after "Vietnam" opens the sentence, "Vietnam's
    youth team, whose coach…") and the asked one is not ("Korea, coached by…", "Vietnamese
    Ambassador"). A role said with no owner beside it leaves the owner to its article ("Minister
    of National Defence General Phan…")."""
    roles = [i for i, t in enumerate(tokens) if covered(question.concepts[owned.role], {stem(t)})]
    if not roles:
        return True
    names, others = _owning(owned.names, tokens), _owning(owned.others, tokens)
    ending = {j + len(a) for a in owned.adjectives for j in _starts((a,), tokens)}
    first = min([*names, *others], default=-1)
    theirs = _possessed(question, owned.others, tokens)
    for i in roles:
        if i in ending or any(abs(i - j) <= NEAR for j in names):
            return False
        pointing = any(t in _POSSESSIVES for t in tokens[max(0, i - 2) : i])
        if pointing and first in names:  # "their coach": the party the sentence opens on
            return False
        if (pointing and first in others) or any(abs(i - j) <= NEAR for j in others) or theirs:
            continue
        return False  # nobody's role said beside it
    return True


def _possessed(question: Question, names: tuple[tuple[str, ...], ...], tokens: list[str]) -> bool:
    """Whether the sentence gives an asked thing to one of `names` ("Vietnam's youth team")."""
    asked = frozenset().union(*question.concepts)
    for name in names:
        for j in _starts((name,), tokens):
            after = j + len(name)
            if tokens[after : after + 1] == ["s"] and any(
                covered(asked, {stem(t)}) for t in tokens[after + 1 : after + 4]
            ):
                return True
    return False
