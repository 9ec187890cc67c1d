"""Evidence for a question: candidate sentences found through the full-text index
(store/fulltext.py), each with the facts it carries (store/sentence_facts.py) and its meaning
vector stored at reseed. Ranking by meaning happens in the bot, over the few candidates here."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from store import models as m
from store.fulltext import matching_ids
from store.queries.records import Quote
from store.queries.texts import quotes
from store.sentence_facts import Facts, facts_and_vectors


@dataclass(frozen=True)
class Candidate:
    quote: Quote
    lexical_rank: int  # 0 = the full-text engine's best
    facts: Facts = field(default_factory=Facts)
    vector: bytes | None = None


def candidates(
    session: Session,
    terms: list[str],
    limit: int = 80,
    also: list[int] | None = None,
    on_topic_only: bool = False,
    every: list[list[str]] | None = None,
) -> list[Candidate]:
    """Sentences matching any term (or a term of every group), plus the `also` ids (a person's
    mentions), with the facts they carry."""
    ids = matching_ids(session, terms, limit, every) if terms or every else []
    extra = [i for i in (also or []) if i not in set(ids)]
    ordered = ids + extra
    found = quotes(session, ordered)
    kept = [i for i in ordered if i in found and (found[i].on_topic or not on_topic_only)]
    facts, vectors = facts_and_vectors(session, kept)
    return [
        Candidate(found[i], rank, facts.get(i, Facts()), vectors.get(i))
        for rank, i in enumerate(kept)
    ]


def before(session: Session, sentence_ids: list[int]) -> dict[int, str]:
    """The sentence just before each one in its paragraph ("It is the first…" needs it)."""
    if not sentence_ids:
        return {}
    wanted = {i - 1 for i in sentence_ids}
    rows = session.execute(
        select(m.Sentence.id, m.Sentence.passage_id, m.Sentence.text).where(
            m.Sentence.id.in_(wanted | set(sentence_ids))
        )
    )
    found = {sid: (passage, text_) for sid, passage, text_ in rows}
    return {
        i: found[i - 1][1]
        for i in sentence_ids
        if i in found and i - 1 in found and found[i - 1][0] == found[i][0]
    }
