"""Regressions: each case once failed (found while writing the pipeline tests)."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from store.ingest.clean import clean_document, is_noise, strip_pictographs
from store.ingest.commitments import find_commitment
from store.ingest.dates import find_dates
from store.ingest.extract import extract
from store.ingest.figures import find_figures
from store.ingest.people import PeopleIndex, build_registry, introductions
from store.ingest.read import RawDocument
from store.ingest.relevance import classify
from store.ingest.topics import TopicMatcher


def ex(*texts):
    return extract(
        [
            (RawDocument(f"d{i}.txt", t, hashlib.sha256(t.encode()).hexdigest()), clean_document(t))
            for i, t in enumerate(texts)
        ]
    )


def figs(s):
    return [(f.text, f.unit, f.year, f.deadline) for f in find_figures(s, find_dates(s))]


# B1
def test_end_marker_keeps_the_full_stop():
    assert (
        clean_document("They met.\nThey later met with the press./.\n").paragraphs[-1]
        == "They later met with the press."
    )


def test_short_last_paragraph_with_end_marker_keeps_its_facts():
    e = ex(
        "Korean Prime Minister Park Sung-ho paid an official visit to Vietnam from 5–7 March 2026.\n"
        "The two sides agreed to raise trade to USD 100 billion by 2030./.\n"
    )
    assert [f.mention.text for f in e.figures] == ["100 billion USD"]
    assert len(e.commitments) == 1


# B2
@pytest.mark.parametrize(
    "s,kind,year",
    [
        ("In 2024, Korean firms invested USD 2 billion.", "year", 2024),
        ("By 2030, trade should reach USD 150 billion.", "deadline", 2030),
        ("Since 1992, ties have grown.", "year", 1992),
    ],
)
def test_sentence_initial_year(s, kind, year):
    assert [(d.kind, d.year) for d in find_dates(s)] == [(kind, year)]


def test_sentence_initial_month():
    assert [
        (d.kind, d.month) for d in find_dates("In March, the Prime Minister visited Hanoi.")
    ] == [("month", 3)]


# B3
def test_deadline_year_is_not_a_figure():
    assert figs(
        "Since establishing ties in 1992, the two sides aim to reach USD 150 billion by 2030."
    ) == [("1992", "year", None, None), ("150 billion USD", "USD", None, 2030)]


# B5
def test_clock_time_is_not_a_figure():
    assert figs("The talks ended at 3 p.m. on Monday.") == []


# B6
def test_per_cent():
    assert figs("Trade rose 5.5 per cent.") == [("5.5 per cent", "%", None, None)]


# B7
@pytest.mark.parametrize(
    "s,expected",
    [
        (
            "Minister of Planning and Investment Do Thanh Binh said the visit opened a new chapter.",
            [("Do Thanh Binh", "Minister of Planning and Investment", "vn")],
        ),
        (
            "Minister of Health Dao Hong Lan attended.",
            [("Dao Hong Lan", "Minister of Health", "vn")],
        ),
        (
            "Minister of Science and Technology Nguyen Manh Hung spoke.",
            [("Nguyen Manh Hung", "Minister of Science and Technology", "vn")],
        ),
        (
            "Dr. Kim Sang-woo, Director of the Korea Development Institute, spoke.",
            [("Kim Sang-woo", "Director of the Korea Development Institute", "kr")],
        ),
    ],
)
def test_title_qualifiers(s, expected):
    assert [(i.name, i.role, i.side) for i in introductions(s)] == expected


# B8
def test_accented_spelling_kept_whatever_the_order():
    reg = build_registry(
        ["Prime Minister Pham Minh Chinh met them.", "Prime Minister Phạm Minh Chính received him."]
    )
    assert reg["pham minh chinh"].name == "Phạm Minh Chính"
    assert [m.person for m in PeopleIndex(reg).find("Phạm Minh Chính spoke.")] == [
        "pham minh chinh"
    ]


def test_ascii_short_alias():
    reg = build_registry(["Prime Minister Phạm Minh Chính received him."])
    assert [m.person for m in PeopleIndex(reg).find("Prime Minister Chinh spoke.")] == [
        "pham minh chinh"
    ]


# B9
def test_negated_cue_is_not_a_commitment():
    assert find_commitment("The RoK did not agree to increase labour quotas.", []) is None


# B10
def test_the_two_prime_ministers_are_both_sides():
    c = find_commitment("The two Prime Ministers agreed to raise Korean investment in Vietnam.", [])
    assert c is not None and c.actor == "Both sides"


def test_deadline_without_a_figure():
    e = ex(
        "Korean Prime Minister Park Sung-ho paid an official visit to Vietnam from 5–7 March 2026.\n"
        "The two sides agreed to develop a logistics corridor linking Busan Port with Hai Phong port by 2028.\n"
    )
    (c,) = e.commitments
    assert c.deadline == 2028


# B11
def test_mekong_delta_is_not_multilateral():
    assert TopicMatcher().topics_in("climate change adaptation in the Mekong Delta") == ["climate"]


# B12
@pytest.mark.parametrize(
    "line,noise",
    [
        ("Photo exhibition celebrates 30 years of Vietnam – RoK diplomatic ties", False),
        ("Image of Vietnam in the RoK has improved, the ambassador said.", False),
        ("Photos: Minh Nhat", True),
    ],
)
def test_is_noise_more(line, noise):
    assert is_noise(line) is noise


# B13
def test_degree_sign_kept():
    assert strip_pictographs("It was 5°C in Seoul.") == "It was 5°C in Seoul."


# B14
def test_uk_cross_month_range():
    (v,) = ex(
        "Korean Prime Minister Park Sung-ho paid an official visit to Vietnam from 31 March to 2 April 2026.\n"
    ).visits
    assert (v.start, v.end) == (date(2026, 3, 31), date(2026, 4, 2))


# B15
def test_north_korea_paragraph_off_topic():
    assert [
        r.on_topic
        for r in classify(
            [
                "Vietnam and the RoK held talks.",
                "North Korea fired a missile on Monday, Vietnam said.",
            ],
            None,
        )
    ] == [True, False]


# B16
def test_spouse_appositive():
    assert [
        (i.name, i.role)
        for i in introductions("Choi Yun-ah, spouse of Prime Minister Park, visited a centre.")
    ] == [("Choi Yun-ah", "spouse of Prime Minister Park")]


# B17
def test_same_text_different_bytes_is_a_duplicate(tmp_path):
    from store.ingest.read import read_documents

    text = "Vietnam and the RoK agreed to boost trade.\nThey met in Seoul.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(text.replace("\n", "\r\n").encode())
    (tmp_path / "c.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    docs, _skipped = read_documents(tmp_path)
    assert [d.name for d in docs] == ["a.txt"]
