"""Evidence for a question: candidate sentences from the full-text index, with the facts they carry.

The index holds folded words; a question's words arrive here already stemmed and expanded with
their synonyms (the bot does that), and each term is searched as a prefix, so "upgrad" finds
"upgrade", "upgraded" and "upgrading". Ranking by meaning happens in the bot, over the few
candidates returned here, with the sentence vectors stored at reseed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from sqlalchemy import LargeBinary, cast, func, literal, null, select, text, union_all
from sqlalchemy.orm import Session

from store import models as m
from store.queries.records import Quote
from store.queries.texts import quotes
from store.textutil import words as folded_words

MAX_TERMS = 24


@dataclass(frozen=True)
class Facts:
    """The extracted facts a sentence carries (ids), so an answer can show their cards."""

    commitments: tuple[int, ...] = ()
    figures: tuple[int, ...] = ()
    visits: tuple[int, ...] = ()
    people: tuple[int, ...] = ()


@dataclass(frozen=True)
class Candidate:
    quote: Quote
    lexical_rank: int  # 0 = the full-text engine's best
    facts: Facts = field(default_factory=Facts)
    vector: bytes | None = None


def _prefix_terms(terms: list[str]) -> list[str]:
    clean = [w for raw in terms for w in folded_words(raw)]
    return list(dict.fromkeys(clean))[:MAX_TERMS]


def matching_ids(
    session: Session, terms: list[str], limit: int, every: list[list[str]] | None = None
) -> list[int]:
    """Ids of sentences holding any of the terms (prefixes from 4 letters), best first; with
    `every`, only those holding a term of each group (common words narrowed by each other).

    The sentences holding all the terms come first: when at least `limit` do, they are the
    answer, in the order the any-word query gives them (on SQLite the same terms weigh the same
    either way), and the any-word query, which ranks every sentence holding any one term (a
    common word: a large share of the store), is not run."""
    groups = [_prefix_terms(g) for g in every] if every else [_prefix_terms(terms)]
    groups = [g for g in groups if g]
    if not groups:
        return []
    with _through_the_index(session):
        if len(groups) == 1 and len(groups[0]) > 1:
            together = _ranked(session, [[w] for w in groups[0]], limit)
            if len(together) >= limit:
                return together
        return _ranked(session, groups, limit)


@contextmanager
def _through_the_index(session: Session) -> Iterator[None]:
    """PostgreSQL: the full-text lookups read the matching rows through the GIN index. The
    planner prices testing every row's tsvector (a sequential scan, in parallel) below the
    index's scattered reads, yet at 10,000 documents a prefix query on 5% of the sentences took
    74 ms that way and 16 ms through the index (and no longer at half of them)."""
    if session.get_bind().dialect.name != "postgresql":
        yield
        return
    setting = "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', :to, true)"
    previous = session.execute(text(setting), {"to": "off"}).one()[0]
    try:
        yield
    finally:
        session.execute(text(setting), {"to": previous})


def _ranked(session: Session, groups: list[list[str]], limit: int) -> list[int]:
    """Ids of sentences holding a term of every group, best first."""
    if session.get_bind().dialect.name == "sqlite":
        match = " AND ".join(
            "(" + " OR ".join(f'"{w}"*' if len(w) >= 4 else f'"{w}"' for w in g) + ")"
            for g in groups
        )
        sql = "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH :q ORDER BY rank LIMIT :n"
    else:
        match = " & ".join(
            "(" + " | ".join(f"{w}:*" if len(w) >= 4 else w for w in g) + ")" for g in groups
        )
        sql = (
            "SELECT id FROM sentence_fts WHERE tsv @@ to_tsquery('simple', :q) "
            "ORDER BY ts_rank(tsv, to_tsquery('simple', :q)) DESC, id LIMIT :n"
        )
    return [row[0] for row in session.execute(text(sql), {"q": match, "n": limit})]


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


def term_counts(session: Session, stems: list[str]) -> dict[str, int]:
    """How often the words starting with each stem occur in the store (rare words weigh more).

    One statement, a range sum per stem: on PostgreSQL each statement is a round trip."""
    wanted = sorted({stem for stem in stems if stem})
    if not wanted:
        return {}
    sums = [
        select(func.sum(m.Vocabulary.count))
        .where(m.Vocabulary.term >= stem, m.Vocabulary.term < stem + "\uffff")
        .scalar_subquery()
        for stem in wanted
    ]
    row = session.execute(select(*sums)).one()
    return {stem: int(total or 0) for stem, total in zip(wanted, row, strict=True)}


def total_words(session: Session) -> int:
    """Every indexed word counted once per occurrence."""
    return int(session.scalar(select(func.sum(m.Vocabulary.count))) or 0)


def facts_of(session: Session, sentence_ids: list[int]) -> dict[int, Facts]:
    """Which commitments, figures, visits and people each sentence carries."""
    return facts_and_vectors(session, sentence_ids, with_vectors=False)[0]


def sentence_vectors(session: Session, sentence_ids: list[int]) -> dict[int, bytes]:
    """The meaning vectors stored at reseed, by sentence id (none for a store built without)."""
    return facts_and_vectors(session, sentence_ids, with_facts=False)[1]


# A commitment's quoted sentence is always one of its sources: one index serves both.
_FACT_COLUMNS = (
    ("commitments", m.CommitmentSource.sentence_id, m.CommitmentSource.commitment_id),
    ("figures", m.Figure.sentence_id, m.Figure.id),
    ("visits", m.VisitEvent.sentence_id, m.VisitEvent.visit_id),
    ("visits", m.CommitmentSource.sentence_id, m.CommitmentSource.visit_id),
    ("people", m.PersonMention.sentence_id, m.PersonMention.person_id),
)
_VECTOR = len(_FACT_COLUMNS)  # the branch of the union that reads the vectors


def facts_and_vectors(
    session: Session, sentence_ids: list[int], with_facts: bool = True, with_vectors: bool = True
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
        if with_facts
    ]
    if with_vectors:
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
    return (facts if with_facts else {}), vectors
