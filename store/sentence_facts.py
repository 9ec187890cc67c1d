"""The facts each sentence carries (commitments, figures, visits, people) and its stored meaning
vector, read together in one statement."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import LargeBinary, cast, literal, null, select, union_all
from sqlalchemy.orm import Session

from store import fact_models as fm
from store import models as m


@dataclass(frozen=True)
class Facts:
    """The extracted facts a sentence carries (ids), so an answer can show their cards."""

    commitments: tuple[int, ...] = ()
    figures: tuple[int, ...] = ()
    visits: tuple[int, ...] = ()
    people: tuple[int, ...] = ()


# A commitment's quoted sentence is always one of its sources: one index serves both.
_FACT_COLUMNS = (
    ("commitments", fm.CommitmentSource.sentence_id, fm.CommitmentSource.commitment_id),
    ("figures", fm.Figure.sentence_id, fm.Figure.id),
    ("visits", fm.VisitEvent.sentence_id, fm.VisitEvent.visit_id),
    ("visits", fm.CommitmentSource.sentence_id, fm.CommitmentSource.visit_id),
    ("people", fm.PersonMention.sentence_id, fm.PersonMention.person_id),
)
_VECTOR = len(_FACT_COLUMNS)  # the branch of the union that reads the vectors


def facts_and_vectors(
    session: Session, sentence_ids: list[int]
) -> tuple[dict[int, Facts], dict[int, bytes]]:
    """The facts each sentence carries and its meaning vector, in one statement (a union of
    one branch per kind of fact and one for the vectors: one round trip on PostgreSQL)."""
    if not sentence_ids:
        return {}, {}
    wanted = set(sentence_ids)
    no_vector = cast(null(), LargeBinary)
    branches = [
        select(literal(at).label("branch"), sid.label("sentence_id"), fact, no_vector).where(
            sid.in_(wanted)
        )
        for at, (_kind, sid, fact) in enumerate(_FACT_COLUMNS)
    ]
    vectors_of = m.SentenceVector.sentence_id
    branches.append(
        select(literal(_VECTOR), vectors_of, null(), m.SentenceVector.vector).where(
            vectors_of.in_(wanted)
        )
    )
    found: dict[str, dict[int, list[int]]] = {
        k: defaultdict(list) for k in ("commitments", "figures", "visits", "people")
    }
    vectors: dict[int, bytes] = {}
    for branch, sentence_id, fact_id, vector in session.execute(union_all(*branches)):
        if branch == _VECTOR:
            vectors[sentence_id] = bytes(vector)
            continue
        kind = _FACT_COLUMNS[branch][0]
        if fact_id is not None and fact_id not in found[kind][sentence_id]:
            found[kind][sentence_id].append(fact_id)
    facts = {
        sid: Facts(
            tuple(found["commitments"].get(sid, ())),
            tuple(found["figures"].get(sid, ())),
            tuple(found["visits"].get(sid, ())),
            tuple(found["people"].get(sid, ())),
        )
        for sid in sentence_ids
    }
    return facts, vectors
