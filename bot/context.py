"""The document around a sentence: what an article is about counts for each of its sentences.

An article says what it is about once ("HiteJinro breaks ground on its plant in Thai Binh") and
then states the facts in sentences that do not repeat it ("The investment is put at about 100
million US dollars."). A question naming the subject and asking for the figure is answered by
the second sentence, in the first one's document. So the documents that hold every asked word
between their title and their sentences lend those words to each of their sentences, at a
discount (`LENT`): a sentence's own words always count more than its article's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from itertools import islice

from sqlalchemy.orm import Session

from bot.asked_for.names import bylined
from bot.knowledge import Knowledge
from bot.question import Question
from bot.stems import covered, stem
from store import evidence, reading
from store.evidence import Candidate
from store.textutil import key, words

LENT = 0.6  # what an asked word counts for when the sentence's article holds it, not the sentence
ABOUT = 0.8  # the weighted share of the asked words a document must hold to lend them
FOCUS = 2  # documents whose other sentences are brought in as candidates
WHOLE_READ = 3  # documents read whole when the sentences found leave every one short of ABOUT


@dataclass(frozen=True)
class DocumentContext:
    """The stems of each focus document (its title and its sentences)."""

    stems: dict[int, frozenset[str]]

    def lends(self, candidate: Candidate) -> frozenset[str]:
        return self.stems.get(candidate.quote.document.id, frozenset())


NONE = DocumentContext({})


def stems_of(text: str) -> set[str]:
    return {stem(t) for t in words(text)} | bylined(text)


def _held(question: Question, stems: set[str] | frozenset[str], weights: list[float]) -> float:
    total = sum(weights) or 1.0
    return (
        sum(w for g, w in zip(question.concepts, weights, strict=True) if covered(g, stems)) / total
    )


def focus(
    session: Session, question: Question, found: list[Candidate], weights: list[float]
) -> tuple[list[Candidate], DocumentContext]:
    """The candidates with the other sentences of the documents most about the question, and
    those documents' stems; unchanged when the question asks about fewer than two words (a
    sentence holding the one word is its own context) or no document holds nearly all of them."""
    if len(question.concepts) < 2 or not found:
        return found, NONE
    by_document: dict[int, set[str]] = defaultdict(set)
    for candidate in found:
        document = candidate.quote.document
        if document.id not in by_document:
            by_document[document.id] |= stems_of(document.title)
        by_document[document.id] |= stems_of(candidate.quote.text)
    share = {d: _held(question, s, weights) for d, s in by_document.items()}
    if max(share.values()) < ABOUT:
        # The sentences found by the rare words may not hold the common ones the article uses
        # elsewhere ("We have more than 4,000 workers in the park." in an interview about the
        # Minh Hung park): read the likeliest documents whole.
        likeliest = sorted(share, key=lambda d: -share[d])[:WHOLE_READ]
        for document_id, rows in reading.walks(session, likeliest).items():
            by_document[document_id] |= {s for _sid, text, _p in rows for s in stems_of(text)}
            share[document_id] = _held(question, by_document[document_id], weights)
    best = max(share.values())
    chosen = [
        d
        for d, v in sorted(share.items(), key=lambda kv: -kv[1])
        if v >= ABOUT and v >= best - 0.05
    ]
    chosen = chosen[:FOCUS]
    if not chosen:
        return found, NONE
    known = {c.quote.sentence_id for c in found}
    more = [i for i in reading.sentences_of(session, chosen) if i not in known]
    extra = evidence.candidates(session, [], also=more) if more else []
    extra = [replace(c, lexical_rank=len(found) + c.lexical_rank) for c in extra]
    whole = [*found, *extra]
    stems = {d: set(by_document[d]) for d in chosen}
    for candidate in extra:
        stems[candidate.quote.document.id] |= stems_of(candidate.quote.text)
    return whole, DocumentContext({d: frozenset(s) for d, s in stems.items()})


def lent_hits(question: Question, own: list[str | None], context: Iterable[str]) -> list[bool]:
    """For each asked word the sentence lacks, whether its document holds it."""
    stems = set(context)
    return [
        hit is None and bool(stems) and covered(g, stems) is not None
        for g, hit in zip(question.concepts, own, strict=True)
    ]


_LEADING_PRONOUN = re.compile(r"^(?:he|she)\b", re.I)


def antecedents(
    session: Session, found: list[Candidate], known: Knowledge
) -> dict[int, frozenset[str]]:
    """The words each candidate says without writing them: the roles of the people it names
    ("Woo met Cuong" is the Korean Speaker meeting the President), and for one opening with
    "He…"/"She…", the name and role of the person named by the last sentence before it that
    names anyone (its subject, the first named, when it names several): "He asked Hyosung to…"
    after "Tho, Chairman of the Ba Ria-Vung Tau People's Committee, …" is the chairman asking."""
    borrowed = {
        c.quote.sentence_id: frozenset(
            s
            for p in c.facts.people
            if p in known.by_id
            for s in stems_of(known.by_id[p].role or "")
        )
        for c in found
        if c.facts.people
    }
    wanted = {c.quote.sentence_id for c in found if _LEADING_PRONOUN.match(c.quote.text)}
    if not wanted:
        return borrowed
    documents = sorted({c.quote.document.id for c in found if c.quote.sentence_id in wanted})
    for rows in reading.walks(session, documents[:8]).values():
        subject: int | None = None
        for sentence_id, text, people in rows:
            if people:
                subject = _first_named(text, people, known)
            elif sentence_id in wanted and subject is not None and subject in known.by_id:
                person = known.by_id[subject]
                borrowed[sentence_id] = frozenset(stems_of(f"{person.name} {person.role or ''}"))
    return borrowed


DATELINED = 40  # as many as the words' lookup finds: an archive has hundreds from one city


def datelined(known: Knowledge, question: Question) -> list[int]:
    """The opening sentences of the newest articles datelined in a city the question names."""
    folded = f" {key(question.text)} "
    found = (i for i, city in known.openings.items() if f" {city} " in folded)
    return list(islice(found, DATELINED))


def with_datelines(
    known: Knowledge, found: list[Candidate], borrowed: dict[int, frozenset[str]]
) -> dict[int, frozenset[str]]:
    """`borrowed`, with each article's opening sentence holding its dateline city: "HANOI, July 9
    (VNA) - … signed two loan agreements" tells what was signed in Hanoi."""
    out = dict(borrowed)
    for candidate in found:
        city = known.openings.get(candidate.quote.sentence_id)
        if city:
            named = stems_of(city) | {city.replace(" ", "")}
            out[candidate.quote.sentence_id] = frozenset(
                out.get(candidate.quote.sentence_id, frozenset()) | named
            )
    return out


def _first_named(text: str, people: frozenset[int], known: Knowledge) -> int | None:
    folded = key(text)

    def at(person: int) -> int:
        names = known.name_words.get(person, frozenset())
        found = [folded.find(w) for w in names if folded.find(w) >= 0]
        return min(found, default=len(folded))

    return min(sorted(people), key=at)
