"""Small text helpers shared by the pipeline and the queries."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_EXTRA_FOLDS = str.maketrans(
    {"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss"}
)
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def fold(text: str) -> str:
    """ASCII-fold: strip diacritics (Phạm Minh Chính -> Pham Minh Chinh), unify dashes and quotes."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_EXTRA_FOLDS))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.translate(_DASHES).translate(_QUOTES)


def key(text: str) -> str:
    """A comparison key: folded, lower case, words joined by single spaces."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(text).lower()))


def words(text: str) -> list[str]:
    """The lower-case folded words of a text."""
    return words_of_folded(fold(text))


def words_of_folded(folded: str) -> list[str]:
    """words() of a text already folded."""
    return re.findall(r"[a-z0-9]+", folded.lower())


def shorten(text: str, limit: int) -> str:
    """Cut text at a word boundary so it fits in limit characters, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


# Where a clause may end: a comma, semicolon or colon, a dash between words (not in "2024 – 2030"),
# an opening bracket, or before a word that starts a new clause (not after a number: "from
# November 20 to 22" is one range).
_CLAUSE_END = re.compile(
    r"[,;:](?=\s)|(?<!\d)\s[–—-](?=\s(?!\d))|\s\((?=\w)"
    r"|(?<!\d)\s(?=(?:and|but|while|which|who|as|to|during|following|after)\s)"
)


def cut_at_clause(text: str, limit: int) -> str:
    """text whole when it fits, else cut at the last clause boundary (a comma, a dash, ' and ',
    ' which ' …) that leaves at least a third of limit, marked with an ellipsis; at a word else."""
    if len(text) <= limit:
        return text
    window = text[: limit - 1]
    ends = [m.start() for m in _CLAUSE_END.finditer(window) if m.start() >= limit // 3]
    if not ends:
        return shorten(text, limit)
    return window[: ends[-1]].rstrip(",;:–—- ") + "…"


_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ies",
    "ied",
    "ed",
    "ly",
    "s",
)


@cache
def stem(word: str) -> str:
    """A crude English stem ("upgraded", "upgrading" -> "upgrad"; "companies" -> "compan").

    Only used to compare words with words, never shown; a stem keeps at least four letters so
    short words stay themselves. Figures keep their sentences' stems from the reseed: a change
    here bumps models.SCHEMA_VERSION.
    """
    word = word.lower()
    if word.endswith(("sses", "xes", "ches", "shes")) and len(word) >= 7:
        return word[:-2]
    if word.endswith("ss"):
        return word
    for suffix in _SUFFIXES:
        least = 5 if suffix.startswith("ment") else 4  # "documents" stays "document"
        if word.endswith(suffix) and len(word) - len(suffix) >= least:
            word = word[: -len(suffix)]
            break
    if len(word) > 4 and word[-1] in "ey":
        word = word[:-1]
    return word


def stems(text: str) -> str:
    """The distinct stems of a text's words, in order, joined by spaces (stored at reseed)."""
    return " ".join(dict.fromkeys(stem(w) for w in words(text)))
