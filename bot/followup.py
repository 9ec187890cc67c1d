"""A message in a thread the bot has answered, read against the thread's last question.

"more" continues the last answer; "and in October?" asks the last question for another month or
year; "and investment?" asks the last kind of question about something else; "who signed it?"
puts the last answer's subject where the pronoun is (its first item: "who signed during the state
visit of To Lam to the RoK in August 2025?"; "he" is the visitor or the person), or, when the
answer has none, the last question's. A message that is a whole question of its own is answered
as it is. Pure: the thread's context comes in, a query line and a page go out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.answer import Item
from bot.knowledge import Knowledge
from bot.resolve import find_person_in
from bot.router import clean_line, route
from store.lexicon import months as month_names

MORE = frozenset(["more", "next", "show more", "more please", "continue", "go on", "and more"])
# Words that open an elliptical follow-up: "and in October?", "what about Busan?"
_LEAD = re.compile(
    r"^(?:and|also|but|then|ok(?:ay)?|so)\b[\s,]*(?:what|how)?\s*(?:about\b)?\s*"
    r"|^(?:what|how) about\b\s*",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(r"^(?:in|during|for|on|of|from|about|with)\s+", re.IGNORECASE)
_QUESTION = re.compile(
    r"^(?:who|what|when|where|which|why|how|did|does|do|is|are|was|were)\b", re.I
)
_YEAR = r"(?:19|20)\d\d"
_PRONOUN = re.compile(r"\b(?:it|that|this|those|these)\b(?=\s*[?!.]*$)|\b(?:it|that)\b", re.I)
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|they|them)\b", re.I)
_ONE_PERSON = re.compile(r"\b(?:he|she|him|her)\b", re.I)  # "they" may be both sides
# Words after which "it" is the occasion itself ("when was it?", "what was agreed at it?", "who
# attended it?"); after any other verb, what was done during it ("who signed it?").
_OCCASION_ITSELF = re.compile(
    r"(?:^|\s)(?:is|was|were|are|be|been|about|of|on|at|in|from|for|after|before|during|to|"
    r"with|attend\w*|host\w*|lead\w*|led|join\w*|make|made|pay|paid|organi[sz]\w*|"
    r"cover\w*|end\w*|beg[ia]n\w*|start\w*|conclud\w*|cancel\w*|postpon\w*)\s+$",
    re.I,
)
_SHORT = 3  # a message of at most this many words with no question of its own is elliptical


@dataclass(frozen=True)
class FollowUp:
    """What to answer: a query line and its page."""

    query: str
    page: int


def _no_subject() -> Item | None:
    return None


def read_in_thread(
    text: str,
    previous: str,
    previous_page: int,
    known: Knowledge,
    subject: Callable[[], Item | None] = _no_subject,
) -> FollowUp:
    """The query a thread message asks, given the question last answered in the thread (and, only
    asked for when the message has a pronoun, the first item of the answer it got)."""
    line = clean_line(text)
    bare = line.strip(" ?!.").lower()
    if bare in MORE:
        return FollowUp(previous, previous_page + 1)
    if not bare or line.startswith("/") or not previous:
        return FollowUp(line, 1)
    if _PRONOUN.search(line) or _ONE_PERSON.search(line):
        item = subject()
        if item is not None and (about := _about(line, item)):
            return FollowUp(about, 1)
        # an answer without a person to point at (sentences): the one its question named
        named = find_person_in(previous, known) if _ONE_PERSON.search(line) else None
        if named is not None:
            return FollowUp(_ONE_PERSON.sub(named.name, line, count=1), 1)
    last = route(previous, known)
    if last.argument:
        # "he"/"she" after a question about a person; "it"/"that" after anything
        pronoun = _PERSON_PRONOUN if last.intent == "who" else _PRONOUN
        if pronoun.search(line):
            return FollowUp(pronoun.sub(last.argument, line, count=1), 1)
    lead = _LEAD.match(line)
    rest = (line[lead.end() :] if lead else line).strip(" ?!.,")
    rest = _PREPOSITION.sub("", rest)
    own_question = _QUESTION.search(rest) or route(rest, known).score >= 90
    if rest and not own_question and (lead or len(rest.split()) <= _SHORT):
        period = _period_words(rest)
        if period:
            return FollowUp(_with_period(previous, period), 1)
        if last.intent != "help":  # the last kind of question, about something else
            return FollowUp(f"/{last.intent} {rest}", 1)
    return FollowUp(line, 1)


def _about(line: str, item: Item) -> str | None:
    """line with its pronoun replaced by what item is about, or None when it has nothing for it."""
    if item.person and _ONE_PERSON.search(line):
        return _ONE_PERSON.sub(item.person, line, count=1)
    match = _PRONOUN.search(line)
    if not item.about or match is None:
        return None
    thing = item.about
    if item.occasion and not _OCCASION_ITSELF.search(line[: match.start()]):
        thing = f"during {thing}"
    return line[: match.start()] + thing + line[match.end() :]


def _period_words(text: str) -> str | None:
    """text when it names only a period ("October", "2024", "October 2024"), else None."""
    words = text.lower().split()
    if words and all(re.fullmatch(_YEAR, w) or w in month_names() for w in words):
        return text
    return None


def _with_period(previous: str, period: str) -> str:
    """previous with its months and years replaced by period (or period added when it had none)."""
    names = sorted(month_names(), key=len, reverse=True)
    pattern = re.compile(rf"\b(?:{'|'.join(map(re.escape, names))}|{_YEAR})\b", re.IGNORECASE)
    words = pattern.split(previous)
    if len(words) == 1:
        return f"{previous.rstrip(' ?!.')} {period}"
    replaced = pattern.sub("\0", previous, count=0)
    # The first month or year becomes the new period; the others go with it.
    replaced = replaced.replace("\0", period, 1).replace("\0", "")
    return re.sub(r"\s+([?!.,])", r"\1", re.sub(r"\s+", " ", replaced)).strip()
