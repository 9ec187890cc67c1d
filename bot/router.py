"""Free text or a command line -> Route(intent, argument, score). Pure: no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.knowledge import Knowledge, routing
from bot.resolve import find_person_in, topic_match
from bot.visit_terms import visit_terms
from store.textutil import fold

INTENTS = ("commitment", "visit", "who", "figure", "search", "help")
_SLACK_LINK = re.compile(r"<([@#!][^>|]*)(?:\|([^>]*))?>|<(https?://[^>|]*)(?:\|([^>]*))?>")


@dataclass(frozen=True)
class Route:
    intent: str
    argument: str
    score: float
    command: bool  # typed as a slash command


def strip_markup(text: str) -> str:
    """Slack links and mentions become their labels; user, channel and broadcast mentions vanish."""

    def label(match: re.Match[str]) -> str:
        return match.group(2) or match.group(4) or match.group(3) or ""

    return _SLACK_LINK.sub(label, text)


def clean_line(line: str) -> str:
    """One line of printable text, markup and control characters removed, spaces folded."""
    line = strip_markup(line)
    line = "".join(c if c.isprintable() else " " for c in line)
    return re.sub(r"\s+", " ", line).strip()


def route(line: str, known: Knowledge) -> Route:
    """Which command answers this line, and with which argument."""
    line = clean_line(line)
    if line.startswith("/"):
        return _command(line)
    return _free_text(line, known)


def _command(line: str) -> Route:
    word, _, argument = line[1:].partition(" ")
    names = {
        alias: intent for intent, aliases in routing()["commands"].items() for alias in aliases
    }
    match = process.extractOne(
        fold(word).lower(),
        list(names),
        scorer=fuzz.ratio,
        score_cutoff=routing()["thresholds"]["command"],
    )
    if match is None:
        return Route("help", line, 0.0, True)
    return Route(names[match[0]], argument.strip(), float(match[1]), True)


def _phrases(text: str, phrases: list[str]) -> list[str]:
    return [p for p in phrases if re.search(rf"(?<![\w']){re.escape(p)}(?![\w'])", text)]


def _free_text(line: str, known: Knowledge) -> Route:
    text = fold(line).lower()
    data = routing()
    person = find_person_in(text, known)
    for intent in ("figure", "who", "commitment", "visit", "search"):
        found = _phrases(text, data["intents"][intent])
        if found:
            if person and intent in ("who", "visit"):
                return Route(intent, person.name, 95.0, False)
            return Route(intent, _argument(text, found, keep_parties=intent == "who"), 90.0, False)
    if person:
        return Route("who", person.name, 85.0, False)
    argument = _argument(text, [])
    greeting = _phrases(text, data["greetings"])
    if not argument or (greeting and len(argument.split()) <= 1):
        return Route("help", argument, 100.0 if greeting else 0.0, False)
    if find_person_in(argument, known):
        return Route("who", argument, 80.0, False)
    if topic_match(argument, known).keys:
        return Route("commitment", argument, 80.0, False)
    terms = visit_terms(argument, known)
    if terms.months or terms.years or terms.places:
        return Route("visit", argument, 80.0, False)
    return Route("search", argument, 50.0, False)


def _argument(text: str, intent_phrases: list[str], keep_parties: bool = False) -> str:
    """What is left of a question once intent words, stop words and party names are gone.

    keep_parties: "who is the Korean ambassador" needs its "Korean".
    """
    data = routing()
    for phrase in sorted(intent_phrases, key=len, reverse=True):
        text = re.sub(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", " ", text)
    drop = set(data["stop_words"]) | (set() if keep_parties else set(data["party_words"]))
    words = [w for w in re.findall(r"[\w'’-]+", text) if w.strip("'’-") and w not in drop]
    return " ".join(words)
