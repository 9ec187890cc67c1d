"""A person named by a title alone: "In a policy address at Yonsei University, the General
Secretary placed…" is To Lam's sentence in an article where nobody else is called that.

The titles are the person's own extracted roles (bot/calling.py), never a list.
"""

from __future__ import annotations

from bot.calling import heads, titles
from bot.knowledge import Knowledge
from store.queries import PersonInfo
from store.reading import WalkRow
from store.textutil import key

DOCUMENTS = 8  # the person's documents read, as for "He…" sentences


def named_by_title(
    known: Knowledge, person: PersonInfo, walked: dict[int, list[WalkRow]]
) -> frozenset[int]:
    """The sentences of the person's documents (`walked`: reading.walks of them) that call
    them by a title nobody else named in the same document holds."""
    own = titles(person) | heads(person)
    if not own:
        return frozenset()
    found: set[int] = set()
    for rows in walked.values():
        named = {p for _, _, people in rows for p in people}
        if person.id not in named:
            continue
        others = {
            t
            for p in named - {person.id}
            if p in known.by_id
            for t in titles(known.person(p)) | heads(known.person(p))
        }
        mine = [t for t in own if not any(o == t or o.endswith(f" {t}") for o in others)]
        if not mine:
            continue
        for sentence_id, text, people in rows:
            folded = f" {key(text)} "
            if person.id not in people and any(f" the {t} " in folded for t in mine):
                found.add(sentence_id)
    return frozenset(found)


def holder_called(known: Knowledge, walked: list[WalkRow], text: str) -> PersonInfo | None:
    """The person a sentence calls by a title only they hold among the people its document
    (`walked`: its sentences, reading.walks) names ("the General Secretary placed…" -> To
    Lam), if any."""
    named = {p for _, _, people in walked for p in people}
    held = {p: titles(known.person(p)) for p in named if p in known.by_id}
    folded = f" {key(text)} "
    found = [
        p
        for p, own in held.items()
        if any(
            f" the {t} " in folded
            and not any(
                o == t or o.endswith(f" {t}") for q, ts in held.items() if q != p for o in ts
            )
            for t in own
        )
    ]
    return known.person(found[0]) if len(found) == 1 else None
