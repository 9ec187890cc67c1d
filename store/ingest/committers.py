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
# A company or body as subject: "HiteJinro aims to", "South Korean conglomerate Hyosung Group plans",
# "b) Hà Nam province will facilitate" (a named place or body and the lower-case word for what it is).
_BODY_NOUN = (
    r"province|city|county|district|commune|town|municipality|government|administration|"
    r"authorities|council|committee|company|group|corporation|ministry|association|union"
)
_ORG_SUBJECT = re.compile(
    rf"(?P<org>(?:[A-Z][\w&.'’-]{{0,30}}\s+){{0,4}}[A-Z][\w&.'’-]{{1,30}}(?:\s+(?:{_BODY_NOUN}))?)\s+"
    r"(?:(?:also|has|have|had|is|are|was|were|then|now|further)\s+)*$"
)
_NOT_ORGS = frozenset(
    re.findall(
        r"\S+",
        "He She It They We I The This That These Those There Here Both Under In On At For But And",
    )
)
# A name that is the object of the clause, not its subject: "told X", "meeting with X", "led by X".
_OBJECT_BEFORE = re.compile(
    r"(?:\b(?:told|met|meeting|meets|receiv\w+|welcom\w+|host\w*|invitation\s+of)|"
    r"(?:^|\s)[a-z][\w’'-]*\s+(?:with|to|by|of|on|from|for))"  # not a title's "Minister of"
    r"\s+(?:(?:[A-Z][\w.’'()-]*|of|the|and|for)\s+){0,8}$"
)
# "X and Y signed", "X, who attended, and Deputy Minister Y signed": two subjects joined.
_JOINED = re.compile(
    r"^(?:\s*\([^)]*\))?(?:,[^,;]{0,120},)?\s+(?:and|&)\s+(?:[\w.’'()-]+\s+){0,8}$"
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


def named_committer(sent: Sent, cue_start: int, people: dict[str, Person]) -> str | None:
    """The person or people named as the subject before a commitment's verb: the last named one
    who is no object ("Meeting X, Y asked", "Z told W that"), with the one joined to it by "and"."""
    text = sent.text
    before = [m for m in sent.mentions if m.end <= cue_start]
    subjects = [
        m for m in before if not _OBJECT_BEFORE.search(text[max(0, m.start - 80) : m.start])
    ]
    chosen = subjects or before
    if not chosen:
        return None
    relative = [m for m in before if re.match(r"\s*,\s*who\b[^,;]*$", text[m.end : cue_start])]
    if relative:  # "… a courtesy call on Minister X, who hoped …": X hopes
        return people[relative[-1].person].name
    last = chosen[-1]
    names = [people[last.person].name]
    earlier = [m for m in chosen[:-1] if m.person != last.person]
    if earlier and _JOINED.match(text[earlier[-1].end : last.start]):
        names.insert(0, people[earlier[-1].person].name)
    return " and ".join(names)
