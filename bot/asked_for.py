"""What each kind of question asks a sentence to hold: a number among the asked words for how
many, an amount for how much, a date for when, a span for how long, a place for where, a name
besides the asked ones for who, the asked verb for "what did X…". Pure: text in, yes or no.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import takewhile

from bot.knowledge import Knowledge
from bot.periods import Period
from bot.question import Question
from bot.shape import counted_noun
from bot.stems import compounds, covered, stem
from store.evidence import Candidate
from store.lexicon import months
from store.textutil import key, words

_MONTHS = "|".join(sorted(months(), key=len, reverse=True))
_YEAR = r"\b(?:19|20)\d\d\b"
_DATE = re.compile(
    rf"{_YEAR}|\b(?:{_MONTHS})\b\.?(?:\s+\d{{1,2}}\b)?|\b\d{{1,2}}\s+(?:{_MONTHS})\b", re.I
)
_AMOUNT = re.compile(
    r"(?:\b(?:usd|us\$|vnd|krw|won|dollars?|euros?|percent|per cent|billion|million|trillion)\b|[$%₫₩])",
    re.I,
)
_NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(?:thousands?|hundreds?|dozens?|millions?)\b"
    r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty)"
    r"\s+(?!of\b|or\b|and\b|to\b)[a-z]",  # "three Korean doctors", not "two of them"
    re.I,
)
_DURATION = re.compile(
    rf"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a|several)\s*(?:-\s*)?"
    rf"(?:days?|weeks?|months?|years?|nights?|hours?|minutes?)\b|\b(?:by|until|till|through)\s+{_YEAR}|"
    rf"{_YEAR}\s*(?:-|–|to)\s*{_YEAR}|\b(?:{_MONTHS})\s+\d{{1,2}}\s*[-–]\s*\d{{1,2}}\b|\bfrom\s+(?:{_MONTHS})",
    re.I,
)
_SHARE_ASKED = re.compile(r"\bwhat (?:share|percentage|proportion)\b|\bpercent", re.I)
_SHARE = re.compile(r"%|\bper ?cent\b|\bpercentage points?\b", re.I)
# Words of money in a how-much question; without one, a measure answers ("how much land")
_MONEY_ASKED = re.compile(
    r"\b(?:cost|costs|spend|spent|invest\w*|fund\w*|worth|revenue|price|paid|pay|loan|aid|"
    r"oda|money|budget|capital|trade|export\w*|import\w*|sales?|profit|income|salary|wages?|"
    r"turnover|value|dollars?|usd|vnd|won|earn\w*|raise\w*|grant\w*|donat\w*)\b",
    re.I,
)
_MEASURE = re.compile(
    r"\b(?:hectares?|ha|acres?|square (?:metres?|meters?|kilometres?|kilometers?)|sq ?m|m2|km2|"
    r"tonnes?|tons?|kilograms?|kg|megawatts?|mw|gigawatts?|gw|kwh|litres?|liters?|cubic|"
    r"kilometres?|kilometers?|km|metres?|meters?|teu)\b",
    re.I,
)
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}\b")
_ORGANISATION = re.compile(
    r"\bwhich (?:\w+ )?(?:compan|firm|organi[sz]ation|agenc|bank|group|universit|institution)", re.I
)


_MONTH_NUMBER = {name: number for name, number in months().items()}
_DAY_MONTH = re.compile(
    rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTHS})\b|({_MONTHS})\b\.?\s+(\d{{1,2}})\b)(?:,?\s+((?:19|20)\d\d))?",
    re.I,
)


# A year as a sentence writes it: looked up once per sentence, not once per year of an open
# period ("since 1992" runs to the last year a date can have).
_FOUR_DIGITS = re.compile(r"\b\d{4}\b")


def mentions_period(text: str, period: Period) -> bool:
    """Whether a sentence names a day (or, for a span of months, a month) within the period."""
    for m in _DAY_MONTH.finditer(text):
        day = int(m[1] or m[4])
        month = _MONTH_NUMBER[(m[2] or m[3]).lower()]
        if period.months and not period.start:
            if month in period.months:
                return True
            continue
        if period.start is None or period.end is None:
            continue
        year = int(m[5]) if m[5] else None
        for candidate_year in [year] if year else range(period.start.year, period.end.year + 1):
            try:
                if period.contains(date(candidate_year, month, day)):
                    return True
            except ValueError:
                continue
    if period.start and period.end and (period.start.month, period.start.day) == (1, 1):
        whole = range(period.start.year, period.end.year + 1)  # whole years: "in 2027"
        if (period.end.month, period.end.day) == (12, 31) and any(
            int(y) in whole for y in _FOUR_DIGITS.findall(text)
        ):
            return True
    if period.start and period.end and (period.end - period.start).days >= 27:
        for m in re.finditer(rf"\b({_MONTHS})\b\.?(?:\s+((?:19|20)\d\d))?", text, re.I):
            month = _MONTH_NUMBER[m[1].lower()]
            year = int(m[2]) if m[2] else None
            years = [year] if year else range(period.start.year, period.end.year + 1)
            if any(
                period.contains(date(y, month, 15)) or _month_overlaps(period, y, month)
                for y in years
            ):
                return True
    return False


def _month_overlaps(period: Period, year: int, month: int) -> bool:
    assert period.start is not None and period.end is not None
    return (year, month) >= (period.start.year, period.start.month) and (year, month) <= (
        period.end.year,
        period.end.month,
    )


_TITLED = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][a-z]+){1,5}\b")


def initials(text: str) -> set[str]:
    """The initials of each run of capitalised words, so a question's "FTA" finds "Free Trade
    Agreement" and "ODA" finds "Official Development Assistance"."""
    found = set()
    for match in _TITLED.finditer(text):
        letters = [w[0] for w in match[0].split() if w[0].isupper()]
        for start in range(len(letters) - 1):  # "the ASEAN-Korea Free Trade Agreement"
            found.add("".join(letters[start:]).lower())
    return found


def _counts(text: str) -> bool:
    """A number that is not a year or a day of a month."""
    plain = _DATE.sub(" ", text)
    return bool(_NUMBER.search(plain))


_AMOUNT_WORD = re.compile(r"^(?:\d+|thousands?|hundreds?|millions?|billions?|trillions?)$")
# A count may be written out ("a nine-member team"); an amount of money rarely is.
_COUNT_WORD = re.compile(
    r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|"
    r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty|thousands?|hundreds?|dozens?|millions?|billions?)$"
)
NUMBER_REACH = 8  # words either side of a number that say what it counts or measures


def _number_of_asked(question: Question, text: str, number: re.Pattern[str]) -> bool:
    """Whether some number in the sentence sits among the asked words ("350,000 Vietnamese are
    living…" for "how many Vietnamese live…"), not only elsewhere in it ("10 documents…,
    including labour" does not count workers). A sentence holding none of the asked words (its
    article lends them: "The investment is put at…") is about its article's subject."""
    if not question.concepts:
        return True
    tokens = words(_DATE.sub(" ", text))
    stems = [stem(t) for t in tokens]
    if not any(covered(g, set(stems)) for g in question.concepts):
        return True
    for at, token in enumerate(tokens):
        if number.match(token):
            near = set(stems[max(0, at - NUMBER_REACH) : at + NUMBER_REACH + 1])
            if any(covered(g, near) for g in question.concepts):
                return True
    return False


COUNTED_REACH = 3  # words between a number and the noun it counts ("56 businesses")


def _counted_beside(question: Question, text: str) -> bool:
    """For "how many X…": a sentence holding X counts X with a number right beside it ("Of the
    56 businesses operating there…"), not a number of something else near it ("on 192 hectares,
    with an investment of…" for businesses); "the number of X … reached N" counts X too."""
    counted = counted_noun(question)
    if counted is None:
        return True
    tokens = words(_DATE.sub(" ", text))
    stems = [stem(t) for t in tokens]
    group = question.concepts[counted]
    held = [at for at, s in enumerate(stems) if covered(group, {s})]
    if not held or re.search(r"\bnumber of\b", text, re.I):
        return True
    return any(
        _COUNT_WORD.match(tokens[at])
        and any(
            0 < h - at <= COUNTED_REACH  # "56 businesses"
            # "the businesses numbered 56", not "an investment of $9.7 million"
            or (0 < at - h <= COUNTED_REACH and not _UNIT_AFTER.match(" ".join(tokens[at + 1 :])))
            for h in held
        )
        for at in range(len(tokens))
    )


_UNIT_AFTER = re.compile(
    r"(?:\d+ )?(?:thousand|million|billion|trillion|percent|per cent|usd|vnd|krw|won|dollars?|"
    r"hectares?|tonnes?|tons?|km|metres?|meters?)\b",
    re.I,
)


def asked_for(question: Question, candidate: Candidate, text: str, known: Knowledge) -> bool:
    kind = question.kind
    if kind == "how_many":
        return (
            _counts(text)
            and _number_of_asked(question, text, _COUNT_WORD)
            and _counted_beside(question, text)
        )
    if kind == "how_much":
        if _SHARE_ASKED.search(question.text):  # "what share…", "what percentage…"
            return bool(_SHARE.search(text)) and _number_of_asked(question, text, _AMOUNT_WORD)
        # "how much land…" asks for a measure, "how much did it cost" for money
        amount = _AMOUNT.search(text) or (
            not _MONEY_ASKED.search(question.text) and _MEASURE.search(text)
        )
        return bool(amount) and _counts(text) and _number_of_asked(question, text, _AMOUNT_WORD)
    if kind == "when":  # a weekday is stored with the day it means: "on Wednesday (March 13, 2024)"
        return bool(_DATE.search(text))
    if kind == "how_long":
        return bool(_DURATION.search(text))
    if kind == "where":
        folded = f" {key(text)} "
        return (
            bool(candidate.facts.visits)
            or any(f" {p} " in folded for p in known.places if len(p) >= 4)
            or placed(candidate.quote.text)
        )
    if kind == "who":  # a name besides those the question gives ("who welcomed Hue?")
        asked_person = question.person.id if question.person else None
        if any(p != asked_person for p in candidate.facts.people):
            return True
        asked = {s for group in question.concepts for s in group}
        if _ORGANISATION.search(question.text):  # "which company…": any proper name answers
            return any(
                not any(covered(frozenset({stem(w)}), asked) for w in words(name[0]))
                for name in _NAME.finditer(text)
            )
        # "who…" asks for a person (a caption names known people without mentions), not a
        # stadium or a ministry
        return any(
            person != asked_person
            and not all(covered(frozenset({stem(w)}), asked) for w in known.name_words[person])
            for person in _known_names(text, known)
            if person in known.name_words
        ) or any(
            not all(covered(frozenset({stem(w)}), asked) for w in words(name))
            for name in agents(text)
        )
    if kind == "what_did" and question.action:
        return bool(covered(question.action, {stem(t) for t in words(text)}))
    if kind in ("what_did", "outcomes"):
        return bool(candidate.facts.commitments)
    return True


AGENT_LEAD = 3  # words between "by" and the name ("by Korean expert Park Chae-soon")


def agents(text: str) -> list[str]:
    """The names a passive verb's "by" introduces ("were coached by César Hernández González",
    "was received by Nguyễn Văn Thọ"): two to four capitalised words, in any script, within a
    few words of "by"; whoever the extractor did not know, the sentence says who did it."""
    tokens = text.replace(",", " , ").replace(".", " . ").split()
    found = []
    for at, token in enumerate(tokens):
        if token.lower() != "by":
            continue
        for start in range(at + 1, min(at + 2 + AGENT_LEAD, len(tokens))):
            run = list(takewhile(_capitalised, tokens[start : start + 4]))
            if len(run) >= 2:
                found.append(" ".join(run))
                break
            if tokens[start] in (",", "."):
                break
    return found


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and token[:1].isalpha()


_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
# A place by its shape: a capitalised name after a word that places ("at King Abdullah Stadium",
# "in Jeddah", "to Quy Nhon"); the places the store knows only boost, they never decide.
_PLACED = re.compile(
    rf"\b(?:at|in|to|near|outside|inside)\s+(?:the\s+)?(?!(?i:{_MONTHS}|{_WEEKDAYS})\b)"
    r"[A-Z][\w'’-]+",
)


_VENUE = re.compile(
    rf"\bat\s+(?:the\s+)?(?!(?i:{_MONTHS}|{_WEEKDAYS})\b)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+"
)


def placed(text: str, venue: bool = False) -> bool:
    """Whether a sentence places something: a capitalised name after at/in/to (no month or day);
    with `venue`, a name of several words after "at" ("at King Abdullah Sports City Stadium")."""
    return (_VENUE if venue else _PLACED).search(text) is not None


def _known_names(text: str, known: Knowledge) -> tuple[int, ...]:
    """The people a sentence names that the store knows (a caption carries no mentions)."""
    found = []
    for match in _NAME.finditer(text):
        parts = key(match[0]).split()
        spans = (
            " ".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 2, len(parts) + 1)
        )
        found += [known.person_aliases[s] for s in spans if s in known.person_aliases]
    return tuple(found)


DATE_REACH = 6  # words either side of a date that say what happened on it


def dated_event(
    question: Question, text: str, concept_weights: list[float], days_only: bool = False
) -> float:
    """How much of the asked event stands beside a date in the sentence: the weighted share of
    the asked words within a few words of its best date, a bare year counting half ("The
    groundbreaking ceremony was held on Wednesday (February 5, 2025)" dates the groundbreaking;
    "our soju exports, back in 1968" dates something else than the plant asked about)."""
    if not question.concepts:
        return 0.0
    tokens = words(text)
    asked = set().union(*question.concepts)
    days = {str(d) for d in range(1, 32)}
    total = sum(concept_weights) or 1.0
    best = 0.0
    for at, token in enumerate(tokens):
        year = re.fullmatch(r"(?:19|20)\d\d", token) is not None
        if not (year or token in _MONTH_NUMBER):
            continue
        beside = set(tokens[max(0, at - 1) : at + 2])
        day = bool(beside & days) if not year else at > 0 and tokens[at - 1] in days
        if days_only and not day:
            continue
        window = tokens[max(0, at - DATE_REACH) : at + DATE_REACH + 1]
        near = {stem(t) for t in window} | compounds(window, asked)
        share = sum(
            w for g, w in zip(question.concepts, concept_weights, strict=True) if covered(g, near)
        )
        best = max(best, share / total * (1.0 if day else 0.5))
    return best
