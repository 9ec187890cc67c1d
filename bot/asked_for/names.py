"""Names in a sentence, by their shape: the name a who-question asks for (a person besides the
asked ones, or any proper name for "which company…"), the agent a passive's "by" introduces,
and the initials of titled words. Pure: text in, a verdict out."""

from __future__ import annotations

import re
from itertools import takewhile

from bot.knowledge import Knowledge
from bot.question import Question
from bot.stems import covered, stem
from store.evidence import Candidate
from store.textutil import key, words

_NAME = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}\b")
_ORGANISATION = re.compile(
    r"\bwhich (?:\w+ )?(?:compan|firm|organi[sz]ation|agenc|bank|group|universit|institution)", re.I
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


def person_asked(question: Question, candidate: Candidate, text: str, known: Knowledge) -> bool:
    """For who: a name besides those the question gives ("who welcomed Hue?")."""
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
        not all(covered(frozenset({stem(w)}), asked) for w in words(name)) for name in agents(text)
    )


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


_BYLINE = re.compile(r"^(?:By|BY|Written by)\s+(\S+)")
_WRITING = frozenset(stem(w) for w in ("write", "wrote", "written", "writer", "author"))


def bylined(text: str) -> frozenset[str]:
    """A byline ("By Park Seo-hyun, chairwoman of …") says who wrote the page: it holds the
    writing a "who wrote the column?" asks about, in the stems the question's words have."""
    match = _BYLINE.match(text)
    return _WRITING if match and _capitalised(match[1]) else frozenset()


def _capitalised(token: str) -> bool:
    return token[:1].isupper() and token[:1].isalpha()


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
