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
        # Vietnamese: thành phố (city), thị xã (town), thị trấn (township): "TP. Hồ Chí Minh"
        "tp",
        "tx",
        "tt",
    ]
)
# A paragraph's list marker ("1. Quota", "b. Candidates", "IV. Schedule") opens its text.
_MARKER = re.compile(r"(?:\d{1,2}|[a-zA-Z]|[IVXivx]{1,4})")
_BOUNDARY = re.compile(r"([.!?]+)([\"”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9À-Ỹ])")
# No real sentence is this long (the longest in the seeds is under 450 characters). Longer runs,
# a crafted 50 KB line or a table flattened into one line, are cut into pieces at clause marks so
# that every extractor works on bounded text and a reseed stays linear in its input.
MAX_SENTENCE = 600
_PIECE_BREAKS = ("; ", ", ", " ")


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, in order, each stripped."""
    sentences: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        # Only the word before the mark: a window, so a run of "Mr. Mr. Mr." stays linear.
        window = paragraph[max(start, match.start() - 40) : match.start()].split()
        last_word = window[-1] if window else ""
        if match.group(1) == "." and _is_abbreviation(last_word):
            continue
        if match.group(1) == "." and start == 0 and _MARKER.fullmatch(paragraph[: match.start()]):
            continue
        end = match.end(2)
        sentences += bounded(paragraph[start:end].strip())
        start = match.end()
    sentences += bounded(paragraph[start:].strip())
    return [s for s in sentences if s]


def bounded(sentence: str, limit: int = MAX_SENTENCE) -> list[str]:
    """The sentence itself, or pieces of at most limit characters cut at clause marks, then spaces."""
    pieces: list[str] = []
    while len(sentence) > limit:
        cut = -1
        for mark in _PIECE_BREAKS:
            cut = sentence.rfind(mark, limit // 2, limit)
            if cut != -1:
                cut += len(mark) - 1
                break
        if cut == -1:
            cut = limit - 1  # one long token: cut it where it must be
        pieces.append(sentence[: cut + 1].strip())
        sentence = sentence[cut + 1 :].strip()
    if sentence:
        pieces.append(sentence)
    return pieces


def _is_abbreviation(word: str) -> bool:
    bare = word.strip('("“‘').lower()
    if bare in _ABBREVIATIONS:
        return True
    # An initial ("J.") or a dotted acronym ("U.S", "e.g") never ends a sentence here.
    return bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", bare)) and len(bare.replace(".", "")) <= 3
