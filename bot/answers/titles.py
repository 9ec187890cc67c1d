"""A person named by a title alone: "In a policy address at Yonsei University, the General
Secretary placed…" is To Lam's sentence in an article where nobody else is called that.

The titles are the person's own extracted roles (bot/calling.py), never a list.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.calling import titles
from bot.knowledge import Knowledge
from store import evidence
from store.queries import PersonInfo
from store.textutil import key

DOCUMENTS = 8  # the person's documents read, as for "He…" sentences


def named_by_title(
    session: Session, known: Knowledge, person: PersonInfo, documents: list[int]
) -> frozenset[int]:
    """The sentences of the person's documents that call them by a title nobody else named in
    the same document holds."""
    own = titles(person)
    if not own:
        return frozenset()
    found: set[int] = set()
    for document in documents[:DOCUMENTS]:
        rows = evidence.walk(session, [document])
        named = {p for _, _, people in rows for p in people}
        if person.id not in named:
            continue
        others = {
            t for p in named - {person.id} if p in known.by_id for t in titles(known.person(p))
        }
        mine = [t for t in own if not any(o == t or o.endswith(f" {t}") for o in others)]
        if not mine:
            continue
        for sentence_id, text, people in rows:
            folded = f" {key(text)} "
            if person.id not in people and any(f" the {t} " in folded for t in mine):
                found.add(sentence_id)
    return frozenset(found)
