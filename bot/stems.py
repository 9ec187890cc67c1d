"""Word stems and paraphrase groups, shared by the question parser and the ranking. Pure."""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise

from store.textutil import stem


@cache
def _groups() -> tuple[frozenset[str], ...]:
    data = json.loads(resources.files("bot").joinpath("paraphrases.json").read_text("utf-8"))
    return tuple(frozenset(stem(w) for w in group) for group in data["groups"])


@lru_cache(maxsize=4096)  # asked for every word of every candidate sentence; the groups are fixed
def variants(word: str) -> frozenset[str]:
    """The stems of a word and of every word that says the same ("pledge" -> promise, vow…)."""
    own = stem(word)
    # a short plural keeps its "s" in the stem ("jobs"): its singular finds its group
    forms = {own, own[:-1]} if own.endswith("s") and not own.endswith("ss") else {own}
    found = {own}
    for group in _groups():
        if forms & group:
            found |= group
    return frozenset(found)


@cache
def _phrases() -> tuple[tuple[str, str], ...]:
    data = json.loads(resources.files("bot").joinpath("paraphrases.json").read_text("utf-8"))
    return tuple(sorted(data.get("phrases", {}).items(), key=lambda kv: -len(kv[0])))


def rephrase(folded: str) -> str:
    """Multi-word paraphrases read as the words they stand for ("first lady" -> "spouse")."""
    padded = f" {folded} "
    for phrase, meaning in _phrases():
        padded = padded.replace(f" {phrase} ", f" {meaning} ")
    return padded.strip()


def covered(group: frozenset[str], stems: set[str] | frozenset[str]) -> str | None:
    """The stem among `stems` that matches a concept (exactly, or one a prefix of the other:
    "visitor" and "visit", "urged" and "urge")."""
    initials = _initials(group)
    for s in stems:
        if s[:1] not in initials:  # a match (equal, or one a prefix of the other) shares it
            continue
        for g in group:
            if s == g or _extends(s, g) or _extends(g, s):
                return s
    return None


@lru_cache(maxsize=4096)
def _initials(group: frozenset[str]) -> frozenset[str]:
    return frozenset(g[:1] for g in group)


@lru_cache(maxsize=1024)  # a question's few concepts, each tried on hundreds of figures
def covering(group: frozenset[str]) -> re.Pattern[str]:
    """What `covered` finds, as a pattern over stems joined by spaces (as stored at reseed): a
    stem of the group, one of them plus an ending, or one's beginning long enough to count."""
    alternatives = set()
    for g in group:
        if not _TOKEN.fullmatch(g):  # only its beginnings can be a stem ("prime minist")
            alternatives |= {re.escape(g[:n]) for n in _shortened(g) if _TOKEN.fullmatch(g[:n])}
            continue
        ending = "[a-z0-9]*" if len(g) >= 5 else "[a-z0-9]{0,2}" if len(g) >= 3 else ""
        alternatives.add(re.escape(g) + ending)
        alternatives |= {re.escape(g[:n]) for n in _shortened(g)}
    if not alternatives:
        return re.compile("(?!)")
    return re.compile(r"(?<![^ ])(?:" + "|".join(sorted(alternatives)) + r")(?![^ ])")


_TOKEN = re.compile("[a-z0-9]+")


def _shortened(word: str) -> list[int]:
    """The lengths of the beginnings of a word that the word `_extends`."""
    return [n for n in range(3, len(word)) if n >= 5 or len(word) - n <= 2]


def _extends(longer: str, shorter: str) -> bool:
    """A word that is another plus an ending the stemmer left on ("urged" and "urge")."""
    if not longer.startswith(shorter):
        return False
    return len(shorter) >= 5 or (len(shorter) >= 3 and len(longer) - len(shorter) <= 2)


@cache
def _beside_a_name() -> re.Pattern[str] | None:
    data = json.loads(resources.files("bot").joinpath("paraphrases.json").read_text("utf-8"))
    listed = data.get("beside_a_name", {}).get("words", [])
    if not listed:
        return None
    word = "(?i:" + "|".join(re.escape(w) for w in listed) + ")"
    name = r"[A-ZÀ-ỸĐ][a-zà-ỹđ][\w’'-]*"
    return re.compile(
        rf"(?<=[a-zà-ỹđ,] ){name}(?:['’]s)?\s+(?P<a>{word})s?\b"  # "the Korean capital"
        rf"|\b(?P<b>{word})s?\s*,?\s+(?:of\s+(?:the\s+)?)?{name}"  # "the capital, Hanoi"
    )


def other_senses(text: str) -> set[str]:
    """Stems of words used in their other sense in this text ("the Korean capital" is a city): a
    question's paraphrase does not reach them, only the word itself does."""
    pattern = _beside_a_name()
    found = {stem(m["a"] or m["b"]) for m in pattern.finditer(text)} if pattern else set()
    if _CALL_ON.search(text) and not _CALL_ON_TO.search(text):
        found.add(stem("call"))  # "to call on the State President" pays a visit, asks nothing
    return found


# "call on X" visits X; "call on X to do Y" asks X to do it
_CALL_ON = re.compile(r"\bcall(?:s|ed|ing)?\s+on\b", re.I)
_CALL_ON_TO = re.compile(r"\bcall(?:s|ed|ing)?\s+on\b[^.;:]*?\bto\s+[a-z]", re.I)


def compounds(tokens: list[str], asked: set[str]) -> set[str]:
    """The asked stems a closed compound holds ("groundbreaking" holds "ground" and "break" for
    "break ground"): a word made of two asked words, one after the other, stands for both; and
    an asked word written as two ("Ha Noi", "Hai Phong" for "Hanoi", "Haiphong")."""
    long = [s for s in asked if len(s) >= 4]
    found = {a + b for a, b in pairwise(tokens) if a + b in asked}
    for token in tokens:
        if len(token) < 8:
            continue
        for head in long:
            if not token.startswith(head):
                continue
            tails = {t for t in long if t != head and token[len(head) :].startswith(t)}
            if tails:
                found |= {head, *tails}
    return found
