"""What answers do faster at scale stays what they did: a page's figures are checked against all
of them as before, and people are found by id and by the words of their names as before."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from bot.agreement import Stated, differing
from bot.answer import Source
from bot.knowledge import Knowledge
from bot.resolve import topic_match
from store import fulltext
from store.db import Store

MEASURES = ["two-way trade", "two-way trade turnover", "Korean investment", "visitors to Vietnam"]


def _stated(measure: int, value: int, when: int, target: bool, document: int) -> Stated:
    return Stated(
        measure=f"{MEASURES[measure]} reached {value} billion USD",
        value=f"{value} billion USD",
        when=f"by {2020 + when}" if target else f"in {2020 + when}",
        target=target,
        documents=frozenset({document}),
        sources=(Source(f"Article {document}", f"{document}.txt"),),
    )


statements = st.lists(
    st.builds(
        _stated,
        st.integers(0, len(MEASURES) - 1),
        st.integers(80, 82),
        st.integers(3, 5),
        st.booleans(),
        st.integers(1, 6),
    ),
    max_size=12,
)


@settings(max_examples=200, deadline=None)
@given(statements, st.integers(0, 12), st.integers(1, 5))
def test_a_page_is_marked_as_the_whole_list_would_mark_it(
    stated: list[Stated], offset: int, size: int
) -> None:
    whole = differing(stated)
    page = range(offset, min(offset + size, len(stated)))
    assert differing(stated, among=page) == {i: whole[i] for i in page if i in whole}


def test_two_documents_giving_two_deadlines_for_one_target_differ() -> None:
    stated = [_stated(0, 100, 3, True, 1), _stated(0, 100, 5, True, 2), _stated(2, 9, 3, True, 3)]
    marked = differing(stated, among=[0])
    assert list(marked) == [0]
    assert [d.value for d in marked[0]] == ["100 billion USD by 2023", "100 billion USD by 2025"]


def test_people_by_id_are_the_people(seeds_known: Knowledge) -> None:
    assert all(seeds_known.person(p.id) is p for p in seeds_known.people)


@pytest.mark.parametrize("argument", ["parliamentary cooperation", "trde", "labor", "zzqqxx"])
def test_a_topic_matched_again_matches_the_same(seeds_known: Knowledge, argument: str) -> None:
    """Scores are kept per argument; a partial match (which adds its words' scores) leaves the
    kept ones as they were."""
    first = topic_match(argument, seeds_known)
    partial = topic_match(argument, seeds_known, partial=True)
    assert topic_match(argument, seeds_known) == first
    assert topic_match(argument, seeds_known, partial=True) == partial


@pytest.mark.parametrize(
    "terms", [["trade", "korea"], ["vietnam", "korea", "cooperation"], ["visit", "zzqqxx"], ["lam"]]
)
@pytest.mark.parametrize("limit", [1, 3, 40])
def test_sentences_holding_all_the_words_come_as_the_any_word_query_ranks_them(
    seeds_store: Store, terms: list[str], limit: int
) -> None:
    """Enough sentences holding every word: those, in the any-word ranking's order (SQLite; on
    PostgreSQL every one holds each word); too few: the any-word ranking itself."""
    with seeds_store.session() as session:
        found = fulltext.matching_ids(session, terms, limit)
        ranked = fulltext.matching_ids(session, terms, 10_000, every=[terms])
        holding_all = _holding_all(session, terms)
    if len([i for i in ranked if i in holding_all]) >= limit and len(terms) > 1:
        assert set(found) <= holding_all and len(found) == limit
        if seeds_store.database_url.startswith("sqlite"):
            assert found == [i for i in ranked if i in holding_all][:limit]
    else:
        assert found == ranked[:limit]


def _holding_all(session: Session, terms: list[str]) -> set[int]:
    found: set[int] | None = None
    for term in terms:
        ids = set(fulltext.matching_ids(session, [term], 10_000))
        found = ids if found is None else found & ids
    return found or set()
