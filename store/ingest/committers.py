"""Who commits: the subject of the commitment's clause, whoever it is.

A named person, a party, "the two sides", a company ("Hyosung Group plans to …"), or a pronoun
or description ("He pledged …", "The vice minister promised …") resolved to the person it stands
for: the last subject of the same paragraph, or the person of the document whose role and side
the description names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.ingest.corpus_types import Sent
from store.ingest.people import Person
from store.ingest.roles import adjectives, is_role_noun

_PRONOUN = re.compile(
    r"^\s*(?:(?:and|but|while)\s+)?(?:He|She|he|she)\b(?:\s+(?:also|then|further|later|once\s+again))?\s*$"
)
_DESCRIPTION = re.compile(
    r"^\s*[Tt]he\s+(?P<adj>[A-Z][\w’'-]+\s+)?(?P<noun>[a-z][\w-]+(?:\s+[a-z][\w-]+){0,2}?)"
    r"(?:\s+(?:also|then|further|later))?\s*$"
)
# A company or body as subject: "HiteJinro aims to", "South Korean conglomerate Hyosung Group plans".
_ORG_SUBJECT = re.compile(
    r"(?P<org>(?:[A-Z][\w&.'’-]{0,30}\s+){0,4}[A-Z][\w&.'’-]{1,30})\s+"
    r"(?:(?:also|has|have|had|is|are|was|were|then|now|further)\s+)*$"
)
_NOT_ORGS = frozenset(
    [
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "The",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "Here",
        "Both",
        "Under",
        "In",
        "On",
        "At",
        "For",
        "But",
        "And",
    ]
)


@dataclass
class Paragraphs:
    """The subjects met so far, per paragraph and per document, in reading order."""

    people: dict[str, Person]
    subjects: dict[int, list[str]] = field(default_factory=dict)  # passage -> person keys
    last_subject: dict[int, str] = field(default_factory=dict)  # document -> person key
    named: dict[int, list[str]] = field(default_factory=dict)  # document -> person keys

    def read(self, sent: Sent) -> None:
        """Note who a sentence names, its subject first (a name within its opening words)."""
        keys = [m.person for m in sent.mentions]
        self.named.setdefault(sent.doc, []).extend(keys)
        opening = [m.person for m in sent.mentions if m.start <= 60]
        if opening:
            self.subjects.setdefault(sent.passage, []).append(opening[0])
            self.last_subject[sent.doc] = opening[0]

    def resolve(self, sent: Sent, subject: str) -> str | None:
        """The person a pronoun or a description in a clause's subject stands for."""
        if _PRONOUN.match(subject):
            # the paragraph's last subject; a paragraph that opens with "He" continues the last
            earlier = self.subjects.get(sent.passage) or [self.last_subject.get(sent.doc, "")]
            return self.people[earlier[-1]].name if earlier[-1] else None
        match = _DESCRIPTION.match(subject)
        if not match or not is_role_noun(match["noun"].split()[-1]):
            return None
        noun = match["noun"].lower()
        side = adjectives().get((match["adj"] or "").strip())
        for person_key in reversed(
            self.subjects.get(sent.passage, []) + self.named.get(sent.doc, [])
        ):
            person = self.people[person_key]
            roles = " ".join(person.roles).lower()
            if noun.split()[-1] in roles and (side is None or person.side == side):
                return person.name
        return None


def organisation_subject(before: str) -> str | None:
    """A capitalised company or body just before the commitment's verb, not a pronoun."""
    clause = re.split(r"[,;:]| that ", before)[-1]
    match = _ORG_SUBJECT.search(clause)
    if not match:
        return None
    words = match["org"].split()
    while words and words[0] in _NOT_ORGS:
        words.pop(0)
    return " ".join(words) if words else None
