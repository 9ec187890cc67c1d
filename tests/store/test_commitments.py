"""Commitments: the cue that makes one, who commits, on which topics; hedges are not commitments."""

from __future__ import annotations

import pytest

from store.ingest.commitments import find_commitment
from store.ingest.extract import Extraction
from store.ingest.topics import TopicMatcher

# (sentence, kind, actor, topics of what is committed to)
CASES = [
    (
        "They also reaffirmed their commitment to facilitating trade and market access for each other's goods.",
        "reaffirmed",
        "Both sides",
        ["trade"],
    ),
    (
        "He pledged to expand official development assistance (ODA) for climate change adaptation.",
        "pledged",
        None,
        ["oda", "climate"],
    ),
    (
        "The two sides agreed to step up cultural, educational and people-to-people exchanges.",
        "agreed",
        "Both sides",
        ["culture", "education", "people"],
    ),
    (
        "The two leaders were unanimous in the expansion of the investment scale.",
        "agreed",
        "Both sides",
        ["investment"],
    ),
    (
        "They shared a common viewpoint on a new strategic vision for economic connectivity.",
        "agreed",
        "Both sides",
        ["economy"],
    ),
    (
        "Vietnam remains committed to deepening investment ties with South Korea.",
        "committed",
        "Vietnam",
        ["investment"],
    ),
    (
        "Both nations aim to reach a bilateral trade turnover of USD 150 billion by 2030.",
        "targeted",
        "Both sides",
        ["trade"],
    ),
    (
        "General Secretary Lam affirmed Vietnam’s readiness to create favourable conditions for Korean investors.",
        "affirmed",
        None,
        ["investment"],
    ),
    (
        "They stressed the importance of maintaining peace and stability in the East Sea.",
        "affirmed",
        "Both sides",
        ["east-sea"],
    ),
    (
        "South Korea will share expertise in developing its entertainment industry.",
        "will",
        "the RoK",
        ["culture"],
    ),
    (
        "The two countries will also study expanding the sectors receiving Vietnamese workers.",
        "will",
        "Both sides",
        ["labour"],
    ),
    (
        "President Cuong suggested the two sides coordinate to reach the bilateral trade target.",
        "proposed",
        None,
        ["trade"],
    ),
    (
        "He also urged Vietnam to create favourable conditions for Korean firms in key infrastructure projects.",
        "proposed",
        None,  # "He": the caller passes the people named before the cue
        ["infrastructure"],
    ),
    (
        "The two sides agreed to open more direct flights and to simplify visa procedures for tourists.",
        "agreed",
        "Both sides",
        ["tourism"],
    ),
]

NOT_COMMITMENTS = [
    "He expressed confidence that Korean businesses will continue to invest in Vietnam.",
    "Prime Minister Chính expressed confidence that the two sides will agree to expand trade.",
    "Vietnamese experts believed that Korean investment will keep rising.",
    "He expects that the two countries will sign a new trade pact.",
    "He is confident that the two countries will sign a new trade pact.",
    "President Lee will lead the RoK to achieve new successes.",
    "The minister said the ministry will review labour rules.",
    "Two-way trade grew strongly last year.",
]


@pytest.fixture(scope="module")
def topics() -> TopicMatcher:
    return TopicMatcher()


@pytest.mark.parametrize(
    ("sentence", "kind", "actor", "topic_keys"), CASES, ids=[c[0][:45] for c in CASES]
)
def test_find_commitment(
    topics: TopicMatcher, sentence: str, kind: str, actor: str | None, topic_keys: list[str]
) -> None:
    found = find_commitment(sentence, [])
    assert found is not None
    assert (found.kind, found.actor) == (kind, actor)
    assert sentence.endswith(found.span)
    assert topics.topics_in(found.span) == topic_keys


@pytest.mark.parametrize("sentence", NOT_COMMITMENTS)
def test_hedges_and_forecasts_are_not_commitments(sentence: str) -> None:
    assert find_commitment(sentence, []) is None


def test_the_first_cue_decides_the_kind() -> None:
    found = find_commitment("The two sides agreed to cooperate and pledged to boost trade.", [])
    assert found is not None
    assert found.kind == "agreed"


def test_people_named_before_the_cue_are_the_actor() -> None:
    found = find_commitment("President Lee pledged to expand ODA.", ["Lee Jae Myung"])
    assert found is not None
    assert found.actor == "Lee Jae Myung"


@pytest.mark.parametrize(
    ("text", "topic_keys"),
    [
        (
            "semiconductor, artificial intelligence (AI), renewable energy and smart city building",
            ["semiconductors", "ai", "energy", "infrastructure"],
        ),
        ("official development assistance (ODA) for climate change adaptation", ["oda", "climate"]),
        ("the Vietnamese community in the RoK and multicultural families", ["people", "community"]),
        ("peace and stability in the East Sea and UNCLOS", ["east-sea"]),
        ("market access for each other's goods", ["trade"]),
        ("the paid leave of an aide", []),  # "aid" only as a whole word; "ai" only in capitals
    ],
)
def test_topics_in(topics: TopicMatcher, text: str, topic_keys: list[str]) -> None:
    assert topics.topics_in(text) == topic_keys


def test_topics_learn_an_alias_a_document_gives() -> None:
    matcher = TopicMatcher()
    matcher.learn(
        [
            "The two sides will cooperate in research and development (R&D) and semiconductors (chips)."
        ]
    )
    matcher.learn(["They discussed peace in the East Sea (aka South China Sea)."])
    assert "South China Sea" in matcher.aliases("east-sea")
    assert matcher.topics_in("freedom of navigation in the South China Sea") == ["east-sea"]


def test_the_same_target_in_two_documents_is_one_commitment(data_extraction: Extraction) -> None:
    (fact,) = [c for c in data_extraction.commitments if c.deadline == 2030]
    assert "investment" in fact.topics
    assert [f.text for f in fact.figures][:1] == ["30 billion USD"]
    documents = {data_extraction.docs[sent.doc].raw.name for sent, _, _ in fact.sources}
    assert documents == {"pm_official_visit_hanoi.txt", "pm_visit_outcomes.txt"}
    assert {kind for _, kind, _ in fact.sources} == {"agreed", "reaffirmed"}


def test_no_commitment_from_a_hedge_or_an_off_topic_passage(data_extraction: Extraction) -> None:
    sources = [sent for fact in data_extraction.commitments for sent, _, _ in fact.sources]
    assert sources
    assert all(sent.on_topic for sent in sources)
    texts = " ".join(sent.text for sent in sources)
    for absent in (
        "expressed confidence",
        "believed",
        "Japan",
        "Cambodia",
        "Singapore",
        "Thailand",
    ):
        assert absent not in texts


def test_money_as_the_subject_commits_to_what_it_will_pay_for() -> None:
    found = find_commitment(
        "The other, 45 million USD, will finance a second campus of the Hanoi University of "
        "Pharmacy in Bac Ninh province.",
        [],
    )
    assert found is not None
    assert found.span.startswith("will finance a second campus")
    # money in an earlier clause is no subject of the "will" that follows
    assert find_commitment("Trade reached 70 billion USD and the weather will be fine.", []) is None
