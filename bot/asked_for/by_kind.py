"""Whether a sentence holds what its question's kind asks for: a number among the asked words
for how many, an amount for how much, a date for when, a span for how long, a place for where,
a name besides the asked ones for who, the asked verb for "what did X…". Pure: text in, yes or no.
"""

from __future__ import annotations

from bot.asked_for.dates import DATE, DURATION
from bot.asked_for.names import person_asked
from bot.asked_for.numbers import amount_asked, counts_asked
from bot.asked_for.places import place_asked
from bot.knowledge import Knowledge
from bot.question import Question
from bot.speech_acts import implied
from bot.stems import covered, stem, variants
from store.evidence import Candidate
from store.textutil import words


def asked_for(question: Question, candidate: Candidate, text: str, known: Knowledge) -> bool:
    """Whether the sentence holds what its question's kind asks for (True for other kinds)."""
    kind = question.kind
    if kind == "how_many":
        return counts_asked(question, text)
    if kind == "how_much":
        return amount_asked(question, text)
    if kind == "when":  # a weekday is stored with the day it means: "on Wednesday (March 13, 2024)"
        return bool(DATE.search(text))
    if kind == "how_long":
        return bool(DURATION.search(text))
    if kind == "where":
        return place_asked(candidate, text, known)
    if kind == "who":  # a name besides those the question gives ("who welcomed Hue?")
        return person_asked(question, candidate, text, known)
    if kind == "what_did" and question.action:
        if covered(question.action, {stem(t) for t in words(text)}) or implied(
            question.action, text
        ):
            return True
        # what a place wants is also what it plans and commits to
        return bool(question.action & variants("hope") and candidate.facts.commitments)
    if kind in ("what_did", "outcomes"):
        return bool(candidate.facts.commitments)
    return True
