"""Segment step: paragraphs into sentences, without splitting at abbreviations, initials or decimals."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "no",
        "nos",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "gen",
        "col",
        "lt",
        "sen",
        "rep",
        "gov",
        "corp",
        "inc",
        "ltd",
        "co",
        "jr",
        "sr",
        "vs",
        "etc",
        "approx",
        "est",
        "dept",
        "univ",
        "fig",
        "vol",
        "ed",
        "eds",
        "op",
        "cf",
        "al",
        "e.g",
        "i.e",
        "u.s",
        "u.k",
        "a.m",
        "p.m",
    ]
)
_BOUNDARY = re.compile(r"([.!?]+)([\"”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9À-Ỹ])")


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, in order, each stripped."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        before = paragraph[start : match.start()]
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        if match.group(1) == "." and _is_abbreviation(last_word):
            continue
        end = match.end(2)
        sentences.append(paragraph[start:end].strip())
        start = match.end()
    rest = paragraph[start:].strip()
    if rest:
        sentences.append(rest)
    return [s for s in sentences if s]


def _is_abbreviation(word: str) -> bool:
    bare = word.strip('("“‘').lower()
    if bare in _ABBREVIATIONS:
        return True
    # An initial ("J.") or a dotted acronym ("U.S", "e.g") never ends a sentence here.
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", bare)) and len(bare.replace(".", "")) <= 3
