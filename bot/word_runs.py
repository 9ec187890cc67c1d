"""Runs of a question's words that name one thing: the initials of a run ("foreign direct
investment" is FDI) and the words naming what "how many" counts. Pure."""

from __future__ import annotations

import re

from bot.stems import stem

ACRONYM_WORDS = (3, 4)  # "foreign direct investment" is FDI; two words' initials say too little


def acronyms(folded: str, words: list[str], soft: set[str]) -> dict[str, frozenset[str]]:
    """Each asked word standing in a run of three or four words asked or generic, with the run's
    initials: "foreign direct investment" is said "FDI" as often as in full, and a sentence
    saying it so holds its words ("official development assistance" is ODA)."""
    asked = set(words) | {t for t in folded.split() if stem(t) in soft}
    tokens = folded.split()
    found: dict[str, set[str]] = {}
    for size in ACRONYM_WORDS:
        for at in range(len(tokens) - size + 1):
            run = tokens[at : at + size]
            if all(t in asked for t in run):
                for word in set(run) & set(words):
                    found.setdefault(word, set()).add("".join(t[0] for t in run))
    return {w: frozenset(a) for w, a in found.items()}


_COUNTED = re.compile(r"\b(?:how many|number of)((?: \w+){1,3})")
_AFTER_COUNTED = frozenset(["of", "are", "is", "was", "were", "did", "do", "does", "have", "has"])


def counted_words(folded: str) -> frozenset[str]:
    """The words naming what "how many" counts ("how many Korean projects are…")."""
    match = _COUNTED.search(folded)
    if match is None:
        return frozenset()
    named = []
    for token in match[1].split():
        if token in _AFTER_COUNTED:
            break
        named.append(token)
    return frozenset(named)
