"""Extract step: from clean documents to sentences, people, visits, commitments and figures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from store.ingest.clean import CleanDocument
from store.ingest.commitment_facts import CommitmentFact, commitment_facts
from store.ingest.corpus_types import Doc, Sent
from store.ingest.figures import FigureMention
from store.ingest.mentions import bare_short_names
from store.ingest.people import PeopleIndex, Person, registry_of
from store.ingest.per_document import Prepared, prepare_clean
from store.ingest.read import RawDocument
from store.ingest.topics import TopicMatcher
from store.ingest.visit_facts import date_visits, link_sentences, visit_facts
from store.ingest.visits import (
    Visit,
)


@dataclass
class FigureFact:
    mention: FigureMention
    sentence: Sent
    topics: list[str]


@dataclass
class Extraction:
    docs: list[Doc]
    sents: list[Sent]
    people: dict[str, Person]
    mention_counts: Counter[str]
    visits: list[Visit]
    commitments: list[CommitmentFact]
    figures: list[FigureFact]
    topics: TopicMatcher


def extract(documents: list[tuple[RawDocument, CleanDocument]]) -> Extraction:
    """Every fact the documents state, each tied to the sentence it came from."""
    return extract_prepared([prepare_clean(raw, clean) for raw, clean in documents])


def extract_prepared(prepared: list[Prepared]) -> Extraction:
    """The cross-document half: numbering, people, topics, visits, commitments and figures' topics
    over documents that went through the per-document steps (store/ingest/per_document.py)."""
    docs, sents = _number(prepared)
    on_topic = [s for s in sents if s.on_topic]
    # a caption names who is pictured (a person /who finds), never a visit's activity or date
    named = [s for s in sents if s.on_topic or s.caption]
    people = registry_of(s.introductions for s in named)
    index = PeopleIndex(people)
    topics = TopicMatcher()
    topics.learn([s.text for s in on_topic])
    mention_counts: Counter[str] = Counter()
    for sent in named:
        sent.mentions = index.find(sent.text)
    for sent in on_topic:
        sent.topics = topics.with_learned(sent.text, sent.topics)
    by_doc: dict[int, list[Sent]] = {}
    for sent in on_topic:  # one pass: a reseed stays linear in the number of documents
        by_doc.setdefault(sent.doc, []).append(sent)
    for own in by_doc.values():
        bare_short_names([s.text for s in own], [s.mentions for s in own], people)
    for sent in named:
        mention_counts.update({m.person for m in sent.mentions})
    visits = visit_facts(docs, on_topic, people)
    links = link_sentences(docs, on_topic, visits)
    date_visits(docs, visits)
    commitments = commitment_facts(on_topic, people, topics, links)
    figures = [
        FigureFact(
            f,
            s,
            topics.topics_in(f.measure)
            or topics.topics_in(s.text[max(0, f.start - 80) : f.end + 40]),
        )
        for s in on_topic
        for f in s.figures
    ]
    return Extraction(docs, sents, people, mention_counts, visits, commitments, figures, topics)


def _number(prepared: list[Prepared]) -> tuple[list[Doc], list[Sent]]:
    """Documents, passages and sentences numbered across the corpus, in the documents' order."""
    docs: list[Doc] = []
    sents: list[Sent] = []
    passages_before = 0
    for doc_index, document in enumerate(prepared):
        doc = Doc(doc_index, document.raw, document.clean, document.title, document.passages)
        doc.vocabulary = document.vocabulary
        docs.append(doc)
        for sent in document.sents:
            sent.id = len(sents) + 1
            sent.doc = doc_index
            sent.passage = passages_before + sent.passage + 1  # ids count from 1
            sents.append(sent)
        passages_before += len(document.passages)
    return docs, sents
