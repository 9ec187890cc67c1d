"""Extract step: from clean documents to sentences, people, visits, commitments and figures."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from store.ingest.clean import CleanDocument
from store.ingest.commitment_facts import CommitmentFact, commitment_facts
from store.ingest.corpus_types import Doc, Sent
from store.ingest.dates import find_dates
from store.ingest.figures import FigureMention, find_figures
from store.ingest.mentions import bare_short_names
from store.ingest.page_lines import stamp_date
from store.ingest.people import PeopleIndex, Person, build_registry
from store.ingest.read import RawDocument
from store.ingest.relative_dates import relative_dates
from store.ingest.relevance import Relevance, classify
from store.ingest.segment import split_sentences
from store.ingest.topics import TopicMatcher
from store.ingest.visit_facts import date_visits, link_sentences, visit_facts
from store.ingest.visits import (
    Visit,
)
from store.textutil import shorten


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
    docs, sents = _segment(documents)
    on_topic = [s for s in sents if s.on_topic]
    people = build_registry([s.text for s in on_topic])
    index = PeopleIndex(people)
    topics = TopicMatcher()
    topics.learn([s.text for s in on_topic])
    mention_counts: Counter[str] = Counter()
    published = [_published(doc) for doc in docs]
    for sent in sents:
        sent.dates = find_dates(sent.text)
        if published[sent.doc] is not None:
            sent.dates += relative_dates(sent.text, published[sent.doc], sent.dates)
            sent.dates.sort(key=lambda d: d.start)
        if sent.on_topic:
            sent.figures = [] if sent.heading else find_figures(sent.text, sent.dates)
            sent.mentions = index.find(sent.text)
            sent.topics = topics.topics_in(sent.text)
    by_doc: dict[int, list[Sent]] = {}
    for sent in on_topic:  # one pass: a reseed stays linear in the number of documents
        by_doc.setdefault(sent.doc, []).append(sent)
    for own in by_doc.values():
        bare_short_names([s.text for s in own], [s.mentions for s in own], people)
    for sent in on_topic:
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


def _published(doc: Doc) -> date | None:
    """The article's own date: its page stamp, else a dateline date that states its year."""
    if doc.clean.published is not None:
        return doc.clean.published
    stamp = stamp_date(doc.clean.dated) if doc.clean.dated else None
    return stamp[0] if stamp else None


def _segment(documents: list[tuple[RawDocument, CleanDocument]]) -> tuple[list[Doc], list[Sent]]:
    docs: list[Doc] = []
    sents: list[Sent] = []
    passage_id = 0
    for doc_index, (raw, clean) in enumerate(documents):
        title = clean.title or shorten(clean.paragraphs[0] if clean.paragraphs else raw.name, 90)
        doc = Doc(doc_index, raw, clean, title)
        docs.append(doc)
        relevances = classify(clean.paragraphs, clean.tail_start)
        for index in clean.captions:  # searchable, citable, but never the source of a fact
            relevances[index] = Relevance(False, "photo caption")
        for paragraph, relevance in zip(clean.paragraphs, relevances, strict=True):
            heading = paragraph[-1] not in '.!?"”’:;)' and len(paragraph.split()) <= 15
            doc.passages.append((paragraph, relevance.on_topic, heading, relevance.reason))
            passage_id += 1
            for ordinal, text in enumerate(split_sentences(paragraph)):
                sents.append(
                    Sent(
                        len(sents) + 1,
                        doc_index,
                        passage_id,
                        ordinal,
                        text,
                        relevance.on_topic,
                        heading,
                    )
                )
    return docs, sents
