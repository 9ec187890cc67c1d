"""The whole reseed over tests/data: what the store holds, and that the same documents give the same rows."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import aliased

from store import fact_models as fm
from store import models as m
from store.db import Store
from store.reseed import reseed
from store.textutil import key

Dump = Callable[[Store], dict[str, list[tuple[object, ...]]]]

DEBRIS = (
    "🇰🇷",
    "🤝",
    "🌊",
    ".jpg",
    ".JPG",
    ".png",
    "Photo:",
    "(Photo",
    "|",
    "./.",
    "Source: VNA",
    "Thu Hang",
)


def test_the_summary(data_store: Store) -> None:
    with data_store.session() as session:
        summary = json.loads(
            session.scalars(select(m.Meta.value).where(m.Meta.key == "summary")).one()
        )
        assert session.get(m.Meta, "reseeded_at") is not None
    assert (summary["documents"], summary["visits"], summary["skipped"]) == (3, 2, [])
    assert summary["off_topic_passages"] == 10  # two of them photo captions


def test_documents_keep_their_original_text_and_metadata(data_store: Store, data_dir: Path) -> None:
    with data_store.session() as session:
        documents = session.scalars(select(m.Document).order_by(m.Document.name)).all()
        rows = [(d.name, d.agency, d.author, d.dateline, d.reference_year) for d in documents]
        for document in documents:
            assert document.original_text == (data_dir / document.name).read_text(encoding="utf-8")
    assert rows == [
        ("minister_busan_trip.txt", "VNA", None, "Busan", 2026),
        ("pm_official_visit_hanoi.txt", "VNA", None, "Hanoi", 2026),
        ("pm_visit_outcomes.txt", "VNA", "Thu Hang", "Seoul", 2026),
    ]


def test_passages_are_clean(data_store: Store) -> None:
    with data_store.session() as session:
        passages = session.scalars(select(m.Passage.text)).all()
        sentences = session.scalars(select(m.Sentence.text)).all()
    assert passages
    for debris in DEBRIS:
        assert not [p for p in passages if debris in p], debris
        assert not [s for s in sentences if debris in s], debris


def test_the_visits(data_store: Store) -> None:
    visitor, host = aliased(fm.Person), aliased(fm.Person)
    query = (
        select(
            visitor.name,
            host.name,
            fm.Visit.destination,
            fm.Visit.kind,
            fm.Visit.start,
            fm.Visit.end,
            fm.Visit.year,
            fm.Visit.places,
        )
        .join(visitor, fm.Visit.visitor_id == visitor.id)
        .outerjoin(host, fm.Visit.host_id == host.id)
        .order_by(fm.Visit.start)
    )
    with data_store.session() as session:
        visits = [tuple(row) for row in session.execute(query)]
    assert visits == [
        (
            "Park Sung-ho",
            "Phạm Minh Chính",
            "Vietnam",
            "official visit",
            "2026-03-05",
            "2026-03-07",
            2026,
            "Hanoi",
        ),
        (
            "Tran Minh Khoa",
            None,
            "the RoK",
            "working trip",
            "2026-04-14",
            "2026-04-16",
            2026,
            "Busan",
        ),
    ]


def test_the_commitment_topics(data_store: Store) -> None:
    with data_store.session() as session:
        topics = set(session.scalars(select(fm.CommitmentTopic.topic)))
    assert {"investment", "oda", "climate", "tourism", "infrastructure", "labour"} <= topics


def test_one_target_reported_twice_is_one_commitment_with_two_sources(data_store: Store) -> None:
    with data_store.session() as session:
        (target,) = session.scalars(
            select(fm.Commitment).where(fm.Commitment.deadline == 2030)
        ).all()
        sources = session.execute(
            select(m.Sentence.document_id, fm.CommitmentSource.kind, fm.Visit.kind)
            .join(m.Sentence, fm.CommitmentSource.sentence_id == m.Sentence.id)
            .join(fm.Visit, fm.CommitmentSource.visit_id == fm.Visit.id)
            .where(fm.CommitmentSource.commitment_id == target.id)
            .order_by(m.Sentence.id)
        ).all()
        topics = set(
            session.scalars(
                select(fm.CommitmentTopic.topic).where(
                    fm.CommitmentTopic.commitment_id == target.id
                )
            )
        )
        assert target.figures.splitlines() == ["30 billion USD"]
        assert target.first_day == "2026-03-05"
    assert [(kind, visit) for _, kind, visit in sources] == [
        ("agreed", "official visit"),
        ("reaffirmed", "official visit"),
    ]
    assert len({document for document, _, _ in sources}) == 2
    assert "investment" in topics


def test_the_figures(data_store: Store) -> None:
    with data_store.session() as session:
        figures = session.execute(
            select(fm.Figure.text, fm.Figure.value, fm.Figure.unit, fm.Figure.deadline)
        ).all()
    found = {(t, v, u, d) for t, v, u, d in figures}
    assert ("30 billion USD", 30e9, "USD", 2030) in found
    assert ("12 cooperation agreements", 12, "cooperation agreements", None) in found
    assert ("over 3,500 Vietnamese workers", 3500, "Vietnamese workers", None) in found
    assert ("over 300,000 Vietnamese", 300_000, "Vietnamese", None) in found
    # the last sentence before "./." keeps its facts
    assert ("86.1 billion USD", 86.1e9, "USD", None) in found
    assert ("8.5%", 8.5, "%", None) in found
    assert [v for t, v, u, d in figures if t == "30 billion USD"] == [30e9, 30e9]


@pytest.mark.parametrize(
    ("table", "sentence_column"),
    [
        (fm.VisitEvent, fm.VisitEvent.sentence_id),
        (fm.CommitmentSource, fm.CommitmentSource.sentence_id),
        (fm.Commitment, fm.Commitment.quote_sentence_id),
        (fm.Figure, fm.Figure.sentence_id),
    ],
)
def test_nothing_off_topic_reaches_the_facts(
    data_store: Store, table: type, sentence_column: object
) -> None:
    query = (
        select(func.count())
        .select_from(table)
        .join(m.Sentence, sentence_column == m.Sentence.id)
        .where(m.Sentence.on_topic.is_(False))
    )
    with data_store.session() as session:
        assert session.scalar(select(func.count()).select_from(table))
        assert session.scalar(query) == 0


def test_nothing_from_the_tail_or_third_countries_in_the_figures(data_store: Store) -> None:
    with data_store.session() as session:
        values = set(session.scalars(select(fm.Figure.value)))
        measures = " ".join(session.scalars(select(fm.Figure.measure)))
        quotes = " ".join(
            session.scalars(
                select(m.Sentence.text).join(
                    fm.CommitmentSource, fm.CommitmentSource.sentence_id == m.Sentence.id
                )
            )
        )
    assert not values & {1000, 20e9, 500e6, 8}  # Japan, Cambodia, Japan, the tail's growth target
    for country in ("Japan", "Laos", "Cambodia", "Singapore", "Thailand", "Malaysia"):
        assert country not in measures
        assert country not in quotes


def test_off_topic_passages_are_kept_and_marked(data_store: Store) -> None:
    with data_store.session() as session:
        off = session.execute(
            select(m.Passage.text, m.Passage.relevance).where(m.Passage.on_topic.is_(False))
        ).all()
    reasons = {text.split()[0]: why for text, why in off}
    assert len(off) == 10
    assert reasons["Thailand"].startswith("about")
    assert sum(why == "photo caption" for _, why in off) == 2
    assert any(why == "related-news tail" for _, why in off)


def test_people_and_their_folded_names(data_store: Store) -> None:
    with data_store.session() as session:
        person = session.scalars(
            select(fm.Person).where(fm.Person.folded == "pham minh chinh")
        ).one()
        aliases = set(
            session.scalars(
                select(fm.PersonAlias.alias).where(fm.PersonAlias.person_id == person.id)
            )
        )
        spouse = session.scalars(select(fm.Person).where(fm.Person.name == "Choi Yun-ah")).one()
        partner = session.get(fm.Person, spouse.spouse_of)
        assert (person.name, person.side) == ("Phạm Minh Chính", "Vietnam")
        assert partner is not None
        assert partner.name == "Park Sung-ho"
    assert {"Phạm Minh Chính", "Pham Minh Chinh"} <= aliases


@pytest.mark.parametrize(
    ("query", "spelt"), [("chinh", "Chính"), ("pham", "Phạm"), ("busan", "Busan")]
)
def test_full_text_search_folds_diacritics(data_store: Store, query: str, spelt: str) -> None:
    with data_store.session() as session:
        ids = session.scalars(
            text("SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH :q"), {"q": query}
        ).all()
        found = session.scalars(select(m.Sentence.text).where(m.Sentence.id.in_(ids))).all()
        every = session.scalars(select(m.Sentence.text)).all()
    assert sorted(found) == sorted(s for s in every if query in key(s).split())
    assert any(spelt in s for s in found)


def test_reseeding_twice_gives_the_same_rows(store_url: str, data_dir: Path, dump: Dump) -> None:
    reseed(store_url, data_dir)
    first = dump(Store.open(store_url))
    reseed(store_url, data_dir)
    assert dump(Store.open(store_url)) == first
    assert first["visits"] and first["commitments"] and first["figures"]


def test_the_same_documents_give_the_same_rows_in_another_store(
    store_url: str, data_store: Store, data_dir: Path, dump: Dump
) -> None:
    reseed(store_url, data_dir)
    assert dump(Store.open(store_url)) == dump(data_store)


def test_a_broken_folder_loads_the_rest(
    store_url: str, broken_seeds: Path, broken_skips: dict[str, str], data_store: Store, dump: Dump
) -> None:
    summary = reseed(store_url, broken_seeds)
    assert sorted(s["name"] for s in summary.skipped) == sorted(broken_skips)
    rows = dump(Store.open(store_url))
    expected = dump(data_store)
    assert sorted(str(name) for _, name, _ in rows.pop("skipped_files")) == sorted(broken_skips)
    expected.pop("skipped_files")
    assert rows == expected
