"""Relevance: passages about the Vietnam – RoK relationship, and those that are not."""

from __future__ import annotations

import pytest

from store.ingest.extract import Extraction
from store.ingest.relevance import classify, document_is_relevant
from store.lexicon import parties_named

BUSAN_TRIP = "minister_busan_trip.txt"
PM_VISIT = "pm_official_visit_hanoi.txt"
PM_OUTCOMES = "pm_visit_outcomes.txt"


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Vietnam and the RoK", {"vn", "kr"}),
        ("Viet Nam and the Republic of Korea", {"vn", "kr"}),
        ("Vietnamese workers in South Korea", {"vn", "kr"}),
        ("talks in Hanoi", {"vn"}),
        ("a forum in Seoul", {"kr"}),
        ("a working trip to Busan", {"kr"}),
        ("Korean investors", {"kr"}),
        ("North Korea and Vietnam", {"vn"}),
        ("the DPRK", set()),
        ("Japan and Laos", set()),
    ],
)
def test_parties_named(text: str, parties: set[str]) -> None:
    assert parties_named(text) == parties


BODY = [
    "Prime Minister Park Sung-ho paid an official visit to Vietnam.",  # 0 one party, article body
    "The two sides agreed to boost trade.",  # 1 no party named, article body
    "Vietnam and Japan agreed to train engineers.",  # 2 a third country
    "He met Korean businesses in Hanoi.",  # 3 both parties
    "The results of the visit to the RoK are among news highlights on August 14.",  # 4 a news digest
]
TAIL = [
    "Vietnam and Cambodia agreed to raise two-way trade.",  # 5 a third country, in the tail
    "Prime Minister Chinh urged Hanoi to keep growth high.",  # 6 one party, in the tail
    "The Prime Minister chaired a meeting on growth.",  # 7 no party, in the tail
    "Vietnam and the RoK agreed to cooperate on tourism.",  # 8 both parties: on topic even in the tail
]


def test_classify() -> None:
    result = classify(BODY + TAIL, tail_start=len(BODY))
    assert [r.on_topic for r in result] == [
        True,
        True,
        False,
        True,
        False,
        False,
        False,
        False,
        True,
    ]
    assert "Japan" in result[2].reason
    assert result[4].reason == "news digest"
    assert "Cambodia" in result[5].reason
    assert result[6].reason == result[7].reason == "related-news tail"


def test_without_a_tail_only_third_countries_and_digests_are_off_topic() -> None:
    result = classify(TAIL, tail_start=None)
    assert [r.on_topic for r in result] == [False, True, True, True]


def test_document_is_relevant() -> None:
    assert document_is_relevant(["Vietnam and", "the RoK agreed."])
    assert not document_is_relevant(["Vietnam and Laos agreed to boost trade."])


def _passages(extraction: Extraction, name: str) -> list[tuple[str, bool, bool, str]]:
    (doc,) = [d for d in extraction.docs if d.raw.name == name]
    return doc.passages


@pytest.mark.parametrize(
    ("name", "off_topic"),
    [
        (
            PM_VISIT,
            [
                "Vietnam and Japan also agreed last month",
                "Prime Minister Phạm Minh Chính will pay an official visit to Laos",
                "Vietnam and Cambodia agreed",
                "Japan pledged 500 million USD",
                "Prime Minister Phạm Minh Chính urged Hanoi",
                "Prime Minister Phạm Minh Chính welcomes",  # a photo caption, kept for search
            ],
        ),
        (PM_OUTCOMES, ["Meanwhile, Vietnam and Singapore agreed"]),
        (
            BUSAN_TRIP,
            [
                "Thailand and Malaysia pledged",
                "Minister Tran Minh Khoa will attend an energy forum",
                "Minister Tran Minh Khoa at Busan Port",  # a photo caption, kept for search
            ],
        ),
    ],
)
def test_off_topic_passages_of_the_test_documents(
    data_extraction: Extraction, name: str, off_topic: list[str]
) -> None:
    passages = _passages(data_extraction, name)
    assert [text for text, on_topic, _, _ in passages if not on_topic] == [
        text for text, _, _, _ in passages if text.startswith(tuple(off_topic))
    ]
    assert len([p for p in passages if not p[1]]) == len(off_topic)


def test_the_tail_after_the_end_marker_is_off_topic(data_extraction: Extraction) -> None:
    (doc,) = [d for d in data_extraction.docs if d.raw.name == PM_VISIT]
    tail = doc.passages[doc.clean.tail_start :]
    assert [text[:30] for text, *_ in tail] == [
        "Prime Minister Phạm Minh Chính",
        "Vietnam and Cambodia agreed to",
        "Japan pledged 500 million USD ",
        "Prime Minister Phạm Minh Chính",
    ]
    assert not any(on_topic for _, on_topic, _, _ in tail)


def test_sentences_inherit_the_relevance_of_their_passage(data_extraction: Extraction) -> None:
    passages = [p for doc in data_extraction.docs for p in doc.passages]
    for sent in data_extraction.sents:
        text, on_topic, _, _ = passages[sent.passage - 1]
        assert sent.text in text
        assert sent.on_topic == on_topic


MATCH_REPORT = [
    # The lead names both parties; the story then passes through third countries.
    "DANBURY -- Vietnam beat South Korea 2-1 on Sunday under coach Orvald Brisk-Tannen.",
    "Brisk-Tannen's side had lost 1-0 to Peru in the group stage before a long trip home.",
    "The run did not end there, and the squad went on to win a friendly tournament in Chile.",
    "Peru's keeper Tolvo Marandi was sent off in the rematch, which Vietnam won easily.",
    # Not the article any more: a new country opens the sentence, a list line, a label.
    "Meanwhile, Vietnam and Norway agreed to train football coaches next year.",
    "- Norway names new coach for spring friendlies",
    "More in Sports: Chile sign a new striker | Norway top their group",
    # A new item with a dateline of its own, on a tag page.
    "Oslo (VNA) – The Norwegian coach and his Vietnamese guests visited three academies.",
]


def test_a_story_passing_through_third_countries_stays_on_topic() -> None:
    result = classify(MATCH_REPORT, tail_start=None)
    assert [r.on_topic for r in result] == [True, True, True, True, False, False, False, False]
    assert "Norway" in result[4].reason


def test_third_country_paragraphs_after_the_tail_stay_off_topic() -> None:
    result = classify(MATCH_REPORT[:4], tail_start=1)
    assert [r.on_topic for r in result] == [True, False, False, False]
