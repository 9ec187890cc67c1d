"""Typed read functions over the store; every caller goes through these, never through SQL."""

from store.queries.commitment_queries import (
    commitment_candidates,
    commitments,
    commitments_at,
    count_commitments,
    quoted_stems,
    quoted_texts,
)
from store.queries.figure_queries import figures
from store.queries.overview import overview
from store.queries.persons import people, person_keys
from store.queries.records import (
    OVERVIEW_VISITS,
    SOURCES_SHOWN,
    CommitmentInfo,
    DocRef,
    FigureInfo,
    PersonInfo,
    Quote,
    StoreOverview,
    TopicInfo,
    VisitEventInfo,
    VisitInfo,
)
from store.queries.reports import documents_naming, sentence_reports
from store.queries.texts import (
    document_sentences,
    latest_day,
    mentions_of,
    mentions_on_topic,
    opening_datelines,
    quotes,
    reseed_stamp,
    search,
    sentences_before,
    topics,
    vocabulary,
)
from store.queries.visit_queries import VisitFilter, count_visits, places, visits, visits_of

__all__ = [
    "OVERVIEW_VISITS",
    "SOURCES_SHOWN",
    "CommitmentInfo",
    "DocRef",
    "FigureInfo",
    "PersonInfo",
    "Quote",
    "StoreOverview",
    "TopicInfo",
    "VisitEventInfo",
    "VisitFilter",
    "VisitInfo",
    "commitment_candidates",
    "commitments",
    "commitments_at",
    "count_commitments",
    "count_visits",
    "document_sentences",
    "documents_naming",
    "figures",
    "latest_day",
    "mentions_of",
    "mentions_on_topic",
    "opening_datelines",
    "overview",
    "people",
    "person_keys",
    "places",
    "quoted_stems",
    "quoted_texts",
    "quotes",
    "reseed_stamp",
    "search",
    "sentence_reports",
    "sentences_before",
    "topics",
    "visits",
    "visits_of",
    "vocabulary",
]
