"""Numbers a sentence must hold for how many and how much: a count among the asked words and
beside the counted noun, an amount of money, a share or a measure. Pure: text in, yes or no."""

from __future__ import annotations

import re

from bot.asked_for.dates import DATE
from bot.question import Question
from bot.shape import counted_noun
from bot.stems import covered, stem
from store.textutil import words

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


def _counts(text: str) -> bool:
    """A number that is not a year or a day of a month."""
    plain = DATE.sub(" ", text)
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
    tokens = words(DATE.sub(" ", text))
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
    tokens = words(DATE.sub(" ", text))
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


def counts_asked(question: Question, text: str) -> bool:
    """For how many: a count of the asked thing, beside the noun it counts."""
    return (
        _counts(text)
        and _number_of_asked(question, text, _COUNT_WORD)
        and _counted_beside(question, text)
    )


def amount_asked(question: Question, text: str) -> bool:
    """For how much: a share when a share is asked, else an amount of money or a measure."""
    if _SHARE_ASKED.search(question.text):  # "what share…", "what percentage…"
        return bool(_SHARE.search(text)) and _number_of_asked(question, text, _AMOUNT_WORD)
    # "how much land…" asks for a measure, "how much did it cost" for money
    amount = _AMOUNT.search(text) or (
        not _MONEY_ASKED.search(question.text) and _MEASURE.search(text)
    )
    return bool(amount) and _counts(text) and _number_of_asked(question, text, _AMOUNT_WORD)
