"""People: names introduced by titles or appositives, their roles, sides, spouses and spellings."""

from __future__ import annotations

import pytest

from store.ingest.extract import Extraction
from store.ingest.people import PeopleIndex, build_registry, introductions
from store.textutil import fold, key

# (sentence, [(name, role, side, spouse_of), ...])
INTRODUCTIONS = [
    (
        "Party General Secretary To Lam met the press.",
        [("To Lam", "Party General Secretary", "vn", None)],
    ),
    (
        "General Secretary of the Communist Party of Vietnam Central Committee To Lam arrived.",
        [
            (
                "To Lam",
                "General Secretary of the Communist Party of Vietnam Central Committee",
                "vn",
                None,
            )
        ],
    ),
    (
        "Deputy Prime Minister and Minister of Foreign Affairs Bui Thanh Son said so.",
        [("Bui Thanh Son", "Deputy Prime Minister and Minister of Foreign Affairs", "vn", None)],
    ),
    (
        "Minister of Industry and Trade Tran Minh Khoa paid a working trip to Busan.",
        [("Tran Minh Khoa", "Minister of Industry and Trade", "vn", None)],
    ),
    (
        "Lee Shin-jae, Chairman of the RoK – Vietnam Friendship Association, praised the group.",
        [("Lee Shin-jae", "Chairman of the RoK – Vietnam Friendship Association", "kr", None)],
    ),
    (
        "Park Sung-ho, Prime Minister of the RoK, arrived in Hanoi.",
        [("Park Sung-ho", "Prime Minister of the RoK", "kr", None)],
    ),
    (
        "Yoon Dae-sik, Mayor of Busan, welcomed the delegation.",
        [("Yoon Dae-sik", "Mayor of Busan", "kr", None)],
    ),
    (
        "At a meeting, Professor and translator Ahn Kyong-hwan expressed pride.",
        [("Ahn Kyong-hwan", "Professor and translator", "kr", None)],
    ),
    (
        "President of the Republic of Korea Lee Jae Myung welcomed him.",
        [("Lee Jae Myung", "President of the Republic of Korea", "kr", None)],
    ),
    (
        "Korean President Lee Jae Myung and his spouse Kim Hye-kyung welcomed them.",
        [
            ("Lee Jae Myung", "Korean President", "kr", None),
            ("Kim Hye-kyung", "spouse of Lee Jae Myung", "kr", "Lee Jae Myung"),
        ],
    ),
    (
        "Vietnamese Ambassador to the RoK Vu Ho said so.",
        [("Vu Ho", "Vietnamese Ambassador to the RoK", "vn", None)],
    ),
    (
        "Ambassador to the RoK Vu Ho said so.",
        [("Vu Ho", "Ambassador to the RoK", "vn", None)],
    ),
    (
        "Korean Ambassador to Vietnam Choi Young-sam attended.",
        [("Choi Young-sam", "Korean Ambassador to Vietnam", "kr", None)],
    ),
    (
        "Mayor of Busan Yoon Dae-sik welcomed the delegation.",
        [("Yoon Dae-sik", "Mayor of Busan", "kr", None)],
    ),
    (
        "Prime Minister Phạm Minh Chính received him.",
        [("Phạm Minh Chính", "Prime Minister", "vn", None)],
    ),
    (  # a predicate headed by a role, as a column's or a profile's last line says it
        "Odette Quimby is a contributing columnist for the Quillan Herald.",
        [("Odette Quimby", "contributing columnist for the Quillan Herald", None, None)],
    ),
]

NO_PEOPLE = [
    "The Vietnam Innovation Network met in Seoul.",
    "The National Museum of Korea opened a new hall.",
    "Busan Port and Hai Phong port will cooperate.",
    "Investors flocked to Binh Duong and Dong Thap last year.",  # places, not people
    "The Department of External Relations Director Song Ha said so.",
    "Tourists crowded Ha Long Bay and Nguyen Hue Street.",
    "Hana Micron and Samsung Display expanded their plants.",
]


@pytest.mark.parametrize(
    ("sentence", "people"), INTRODUCTIONS, ids=[c[0][:45] for c in INTRODUCTIONS]
)
def test_introductions(sentence: str, people: list[tuple[str, str, str, str | None]]) -> None:
    found = [(i.name, i.role, i.side, i.spouse_of) for i in introductions(sentence)]
    assert found == people
    for intro in introductions(sentence):
        assert sentence[intro.start : intro.end] == intro.name


@pytest.mark.parametrize("sentence", NO_PEOPLE)
def test_places_and_bodies_are_not_people(sentence: str) -> None:
    assert [i.name for i in introductions(sentence) if i.name != "Song Ha"] == []


# Names no list holds, recognised by their shape or by the role around them.
BY_SHAPE = [
    ("Lee Jae Myung thanked the guests.", [("Lee Jae Myung", None, "kr")]),
    ("Gwak Tae-hoon arrived late.", [("Gwak Tae-hoon", None, "kr")]),
    ("Nguyễn Thị Quỳnh Giao opened the fair.", [("Nguyễn Thị Quỳnh Giao", None, "vn")]),
    ("Ton That Khiem spoke first.", [("Ton That Khiem", None, None)]),
    ("Tuan Hai scored twice.", [("Tuan Hai", None, None)]),
    ("The goal came from striker Dinh Bac.", [("Dinh Bac", "striker", "vn")]),
    (
        "Hallyu Robotics CEO Yeom Ji-hwan announced the plan.",
        [("Yeom Ji-hwan", "Hallyu Robotics CEO", "kr")],
    ),
    (
        "The deal was signed by Marta Oliveira, head of procurement at Lusitano Grid, and others.",
        [("Marta Oliveira", "head of procurement at Lusitano Grid", None)],
    ),
    (
        "Japanese coach Haruto Sato praised the team.",
        [("Haruto Sato", "Japanese coach", "Japanese")],
    ),
    (
        "Vietnam's head coach Kim Dong-gil picked the squad.",
        [("Kim Dong-gil", "Vietnam's head coach", "vn")],
    ),
]


@pytest.mark.parametrize(("sentence", "people"), BY_SHAPE, ids=[c[0][:40] for c in BY_SHAPE])
def test_people_by_the_shape_of_their_names(
    sentence: str, people: list[tuple[str, str | None, str | None]]
) -> None:
    assert [(i.name, i.role, i.side) for i in introductions(sentence)] == people


@pytest.mark.parametrize("accented_first", [True, False])
def test_both_spellings_are_one_person_with_the_accented_name(accented_first: bool) -> None:
    sentences = [
        "Prime Minister Phạm Minh Chính received him.",
        "Prime Minister Pham Minh Chinh met them.",
    ]
    registry = build_registry(sentences if accented_first else sentences[::-1])
    assert list(registry) == ["pham minh chinh"]
    person = registry["pham minh chinh"]
    assert person.name == "Phạm Minh Chính"
    assert {"Phạm Minh Chính", "Pham Minh Chinh"} <= person.aliases()
    assert person.roles["Prime Minister"] == 2
    index = PeopleIndex(registry)
    for sentence in ("Phạm Minh Chính spoke.", "Pham Minh Chinh spoke."):
        assert [m.person for m in index.find(sentence)] == ["pham minh chinh"]


@pytest.mark.parametrize(
    ("accented", "ascii_folded"),
    [
        ("Phạm Minh Chính", "Pham Minh Chinh"),
        ("Đà Nẵng", "Da Nang"),
        ("Nguyễn Thị Thanh Hà", "Nguyen Thi Thanh Ha"),
        ("Lương Cường", "Luong Cuong"),
        ("Tô Lâm", "To Lam"),
    ],
)
def test_fold(accented: str, ascii_folded: str) -> None:
    assert fold(accented) == ascii_folded
    assert key(accented) == key(ascii_folded) == ascii_folded.lower()


@pytest.fixture(scope="module")
def index() -> PeopleIndex:
    return PeopleIndex(
        build_registry(
            [
                "Party General Secretary To Lam met the press.",
                "Korean President Lee Jae Myung and his spouse Kim Hye-kyung welcomed them.",
                "Prime Minister Phạm Minh Chính received him.",
                "Lee Shin-jae, Chairman of the RoK – Vietnam Friendship Association, praised the group.",
            ]
        )
    )


@pytest.mark.parametrize(
    ("sentence", "person", "said"),
    [
        ("General Secretary Lam stated that talks went well.", "to lam", "Lam"),
        ("Mr. To Lam’s agenda was rich.", "to lam", "To Lam"),
        ("The Party chief thanked President Lee for his welcome.", "lee jae myung", "Lee"),
        ("Madame Kim joined the tour.", "kim hye kyung", "Kim"),
        ("Pham Minh Chinh spoke first.", "pham minh chinh", "Pham Minh Chinh"),
        ("Phạm Minh Chính spoke first.", "pham minh chinh", "Phạm Minh Chính"),
        ("Prime Minister Chính spoke first.", "pham minh chinh", "Chính"),
        ("Mr. Chính spoke first.", "pham minh chinh", "Chính"),
        ("Lee Shin jae spoke first.", "lee shin jae", "Lee Shin jae"),
    ],
)
def test_people_are_found_by_name_and_alias(
    index: PeopleIndex, sentence: str, person: str, said: str
) -> None:
    mentions = index.find(sentence)
    assert [(m.person, sentence[m.start : m.end]) for m in mentions] == [(person, said)]


def test_a_short_name_two_people_share_is_not_guessed() -> None:
    index = PeopleIndex(
        build_registry(
            [
                "Korean President Lee Jae Myung welcomed them.",
                "Lee Shin-jae, Chairman of the RoK – Vietnam Friendship Association, praised the group.",
            ]
        )
    )
    assert [m.person for m in index.find("President Lee spoke.")] == ["lee jae myung"]
    assert index.find("Mr. Lee spoke.") == []


def test_the_people_of_the_test_documents(data_extraction: Extraction) -> None:
    people = {p.name: p for p in data_extraction.people.values()}
    assert people["Park Sung-ho"].side == "kr"
    assert people["Park Sung-ho"].role == "Prime Minister of the Republic of Korea (RoK)"
    assert people["Phạm Minh Chính"].side == "vn"
    assert "Pham Minh Chinh" not in people  # one person, whichever spelling a document uses
    assert people["Choi Yun-ah"].spouse_of == "Park Sung-ho"
    assert people["Choi Yun-ah"].side == "kr"
    assert people["Tran Minh Khoa"].role == "Minister of Industry and Trade"
    assert people["Yoon Dae-sik"].role == "Mayor of Busan"
    assert people["Vu Ho"].side == "vn"
    assert people["Do Thanh Binh"].side == "vn"  # the name starts at the family name
    assert "Prime Minister Park" in people["Park Sung-ho"].aliases()
    assert "Minister Khoa" in people["Tran Minh Khoa"].aliases()
