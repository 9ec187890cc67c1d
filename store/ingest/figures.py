"""Figures: amounts, counts, percentages and milestone years, with what they measure."""

from __future__ import annotations

import re
from dataclasses import dataclass

from store.ingest.continuation import countries_in
from store.ingest.dates import DateMention
from store.lexicon import parties_named

_QUALIFIER = r"(?:(?P<qual>(?i:over|more than|nearly|almost|about|around|some|approximately|up to|at least|less than|under|roughly))\s+)?"
_CURRENCY = r"(?:USD|US\$|\$|VND|KRW|EUR|€|won|dong|euros?|dollars?)"
_SCALE = r"(?:thousand|million|billion|trillion|bn)"
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_FIGURE = re.compile(
    rf"{_QUALIFIER}(?P<pre>{_CURRENCY}\s?)?(?P<num>{_NUMBER})(?:\s?(?P<scale>{_SCALE}))?"
    rf"(?:\s?(?P<post>{_CURRENCY}))?(?P<pct>\s?%|\s+per\s?cent)?(?![\w.,]?\d)"
)
_ORDINAL = re.compile(r"^(?:st|nd|rd|th)\b")
# Words that end the noun phrase a bare number counts.
_NOUN_STOP = frozenset(
    re.findall(
        r"\S+",
        "a about across among an and are as at attended between by came during each employed "
        "fell for from grew had has have in increased into is last live lived living next of on "
        "or over per reached rose since studying than that the these this those through to "
        "totaling totalling valued visited was went were which who will with work worked "
        "working worth would year years now roughly plus along inland northeast northwest "
        "southeast southwest before after may can could should must your "
        "our their its his her away spent",
    )
)
_MILESTONE = re.compile(
    r"\b(?:establish\w*|since|founded|launched|signed|upgraded?|elevat\w*)\b", re.I
)


@dataclass(frozen=True)
class FigureMention:
    text: str  # "150 billion USD", "over 350,000", "1992"
    value: float
    unit: str  # "USD", "%", "people", "year", the counted noun
    measure: str  # what it measures, in the document's words
    year: int | None
    deadline: int | None
    start: int
    end: int


_DIGIT = re.compile(r"\d")
_SHARE_PRICE = re.compile(
    r"\bshares?\s+(?:closed|rose|fell|opened|ended|gained|lost|jumped|dropped|traded)\b|"
    r"\b(?:bourse|KRX|KOSPI|KOSDAQ|VN-Index)\b",
)
# Work per sentence stays bounded (issue 13): no real sentence states more figures than this.
MAX_FIGURES = 12
DEADLINE_REACH = (
    10  # words between a figure and the year it is due by ("150 billion USD in … by 2030")
)
_CLOCK = re.compile(r"^\s*(?:a\.?\s?m\b|p\.?\s?m\b|o['’]clock|:\d\d|h\d\d)", re.IGNORECASE)


def find_figures(sentence: str, dates: list[DateMention]) -> list[FigureMention]:
    """Figures in a sentence, skipping numbers that belong to dates, times, ordinals and names.

    A figure's year or deadline is the one that follows it before the next figure.
    """
    if not _DIGIT.search(sentence) or _SHARE_PRICE.search(sentence):
        return []  # a share price is market noise, not a fact of the relationship
    taken = [(d.start, d.end) for d in dates if d.kind != "year"]
    matches = []
    for match in _FIGURE.finditer(sentence):
        start, end = match.span()
        if any(start < b and a < end for a, b in taken) or _ORDINAL.match(sentence[end:]):
            continue
        if sentence[max(0, start - 1) : start].isalpha() or sentence[end : end + 1] in ("-",):
            continue
        if re.search(r"[A-Za-z]-$|\d[-–]$", sentence[max(0, start - 3) : start]):
            continue  # a model name (KF-21, FA-50) or a score (3-2)
        if not _CLOCK.match(sentence[end:]):
            matches.append(match)
        if len(matches) == MAX_FIGURES:
            break  # a list or table of numbers, not a sentence: its first figures are enough
    years = [d for d in dates if d.kind == "year"]
    found: list[FigureMention] = []
    for index, match in enumerate(matches):
        start, end = match.span()
        limit = matches[index + 1].start() if index + 1 < len(matches) else len(sentence)
        _left, right = _clause_bounds(sentence, start, end)
        # Its deadline comes from its own clause only, never from another figure's, and within a
        # few words: "10,000 firms … contribute to the city's goal of … by 2045" sets no target
        # for the firms.
        deadline = next(
            (
                d.year
                for d in dates
                if d.kind == "deadline"
                and end <= d.start < min(right, limit)
                and len(sentence[end : d.start].split()) <= DEADLINE_REACH
            ),
            None,
        )
        year = next((d.year for d in years if end <= d.start < min(right, limit)), None)
        if year is None and deadline is None:  # "In 2024 firms invested …", "… in 2024 up 8.5%"
            earlier = [
                d
                for d in years
                if d.end <= start and not _MILESTONE.search(_clause(sentence, d.start, d.end))
            ]
            year = earlier[-1].year if earlier else None
        mention = _figure(sentence, match, year, deadline)
        if mention:
            found.append(mention)
    return found


def _figure(
    sentence: str, match: re.Match[str], year: int | None, deadline: int | None
) -> FigureMention | None:
    number = match["num"]
    value = float(number.replace(",", ""))
    scale = match["scale"]
    currency = (match["pre"] or match["post"] or "").strip()
    percent = bool(match["pct"])
    start, end = match.span()
    if re.fullmatch(r"(?:1[89]|20)\d\d", number) and not (scale or currency or percent):
        if not _MILESTONE.search(sentence):
            return None
        return FigureMention(
            number, value, "year", _clause(sentence, start, end), None, None, start, end
        )
    if value.is_integer() and value < 2 and not (scale or currency or percent):
        return None
    multiplier = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
    value *= multiplier.get(scale or "", 1)
    if percent:
        unit = "%"
    elif currency:
        unit = {"$": "USD", "US$": "USD", "dollar": "USD", "dollars": "USD"}.get(
            currency, currency.upper() if len(currency) <= 3 else currency
        )
    else:
        unit = _counted_noun(sentence[end:])
        if not unit and not (scale or "," in number or value >= 1000):
            return None
    text = match.group(0).strip()
    if match["pre"] and not match["post"]:
        text = f"{match['qual'] + ' ' if match['qual'] else ''}{number}{' ' + scale if scale else ''} {unit}"
    if unit and unit not in ("%", "year") and not currency:
        text = f"{text} {unit}"
    own_year = year if year != deadline else None
    return FigureMention(
        text, value, unit, _clause(sentence, start, end), own_year, deadline, start, end
    )


def _counted_noun(after: str) -> str:
    """The noun phrase a bare number counts: '10 cooperation documents' -> 'cooperation documents'.

    It ends on its plural head ("2,000 Korean businesses operate") or a unit ("60 km inland"); a
    name right after the number ("Trang Due 3 Industrial Park") is no counted noun.
    """
    if after[:1] not in (" ", "\u00a0") or after[1:2] == "(":
        return ""
    words: list[str] = []
    found = re.findall(r"[A-Za-z][\w'’-]*", after[:60])
    for index, word in enumerate(found):
        lower = word.lower()
        if lower in _NOUN_STOP or (words and lower.endswith(("ing", "ed"))):
            break
        following = found[index + 1] if index + 1 < len(found) else ""
        if word[0].isupper() and not _describes(word, following):
            if not words:
                return ""  # "3 Industrial Park", "30 Views": part of a name
            if not words[-1][0].isupper():
                break  # "1,000 railway engineers PM Chinh …": a name starts a new phrase
        words.append(word)
        if len(words) == 3 or lower in _UNITS or (len(lower) > 3 and _PLURAL.search(lower)):
            break
    return " ".join(words)


_UNITS = frozenset(["km", "m", "kg", "ha", "km2", "m2", "mw", "gw", "kwh", "cm", "mm"])
_PLURAL = re.compile(r"(?<![su])s$|people$")


def _describes(word: str, following: str) -> bool:
    """A capitalised word that may open a counted noun: an adjective before a common noun
    ("Marlovian growers", "K9 howitzers"), or a side ("South Korean companies")."""
    return (
        following[:1].islower()
        or bool(parties_named(word) or countries_in(word))
        or word in ("South", "North")
    )


def _clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the clause around a span starts and ends (commas, semicolons, dashes, brackets)."""
    left = max(sentence.rfind(mark, 0, start) for mark in (",", ";", ":", "–", " — ", "("))
    rights = [
        i
        for i in (sentence.find(mark, end) for mark in (",", ";", ":", "–", " — ", ")"))
        if i != -1
    ]
    return left + 1, min(rights) if rights else len(sentence)


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around a figure, as its description."""
    left, right = _clause_bounds(sentence, start, end)
    clause = sentence[left:right].strip(" .")
    if len(clause) < 25:
        clause = sentence.strip()
    return clause
