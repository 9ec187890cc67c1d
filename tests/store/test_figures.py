"""Figures: amounts, counts, percentages and milestone years, and what they measure."""

from __future__ import annotations

import pytest

from store.ingest.dates import find_dates
from store.ingest.figures import FigureMention, find_figures


def _figures(sentence: str) -> list[FigureMention]:
    return find_figures(sentence, find_dates(sentence))


# (sentence, [(text, value, unit, year, deadline), ...])
CASES = [
    (
        "Holvik said that about 3,000 Korean firms operating in Tessaly are making a real "
        "contribution to the province's goal of becoming a high-income economy by 2045.",
        [("about 3,000 Korean firms", 3000, "Korean firms", None, None)],
    ),
    (
        "Both sides aim to raise two-way trade to 150 billion USD by 2030.",
        [("150 billion USD", 150e9, "USD", None, 2030)],
    ),
    (
        "Both nations aim to reach a bilateral trade turnover of USD 150 billion by 2030.",
        [("150 billion USD", 150e9, "USD", None, 2030)],
    ),
    (
        "The two Prime Ministers agreed to raise Korean investment in Vietnam to USD 30 billion by 2030.",
        [("30 billion USD", 30e9, "USD", None, 2030)],
    ),
    (
        "Currently, over 350,000 Vietnamese are living in the RoK.",
        [("over 350,000 Vietnamese", 350_000, "Vietnamese", None, None)],
    ),
    (
        "Noting that 5 million citizens of Vietnam and the RoK visited each other's country in 2024, "
        "both leaders agreed to boost tourism.",
        [("5 million citizens", 5e6, "citizens", 2024, None)],
    ),
    (
        "President Lee congratulated Vietnam on its economic growth of over 7%.",
        [("over 7%", 7, "%", None, None)],
    ),
    (
        "Since establishing diplomatic relations in 1992, Vietnam and the RoK have built a close partnership.",
        [("1992", 1992, "year", None, None)],
    ),
    (
        "The two leaders witnessed the exchange of 10 cooperation documents between ministries.",
        [("10 cooperation documents", 10, "cooperation documents", None, None)],
    ),
    (
        "The visit saw the signing of 50 cooperation agreements between ministries.",
        [("50 cooperation agreements", 50, "cooperation agreements", None, None)],
    ),
    (
        "Two-way trade reached USD 150.5 billion in 2024.",
        [("150.5 billion USD", 150.5e9, "USD", 2024, None)],
    ),
    (
        "Korean firms invested $2.5 billion in 2023.",
        [("2.5 billion USD", 2.5e9, "USD", 2023, None)],
    ),
    ("Exports rose 12.3 percent in 2024.", [("12.3 percent", 12.3, "%", 2024, None)]),
    (
        "Nearly 5 million Korean tourists came to Vietnam in 2024.",
        [("Nearly 5 million Korean tourists", 5e6, "Korean tourists", 2024, None)],
    ),
    (
        "Over 3,500 Vietnamese workers are employed in the city.",
        [("Over 3,500 Vietnamese workers", 3500, "Vietnamese workers", None, None)],
    ),
    (
        "Two-way trade reached 86.1 billion USD in 2024, up 8.5% year on year.",
        [("86.1 billion USD", 86.1e9, "USD", 2024, None), ("8.5%", 8.5, "%", 2024, None)],
    ),
]

NOT_FIGURES = [
    "The talks were held on August 11, 2025.",
    "The state visit took place from August 10–13.",
    "The Prime Minister paid an official visit to Vietnam from 5–7 March.",
    "The talks in Gyeongju took place on October 30 afternoon.",
    "It was the 14th National Party Congress.",
    "The 2nd round of talks began.",
    "He attended the 80th anniversary of the August Revolution (August 19).",
    "They upheld the 1982 United Nations Convention on the Law of the Sea (UNCLOS).",
    "The APEC Economic Leaders’ Week 2025 was held in Gyeongju.",
    "The COP26 commitments and the G20 agenda were reviewed.",
    "Ties deepened in 2024.",
    "Trade should reach the target by 2030.",
    "Delegates for the 2025–2030 term were approved.",
    "Both sides agreed on one goal.",
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:45] for c in CASES])
def test_find_figures(sentence: str, expected: list[tuple[object, ...]]) -> None:
    found = _figures(sentence)
    assert [(f.text, f.unit, f.year, f.deadline) for f in found] == [
        (text, unit, year, deadline) for text, _, unit, year, deadline in expected
    ]
    assert [f.value for f in found] == pytest.approx([value for _, value, *_ in expected])
    for figure in found:
        assert sentence[figure.start : figure.end].strip()
        assert figure.measure in sentence


@pytest.mark.parametrize("sentence", NOT_FIGURES)
def test_no_figure_from_a_date_an_ordinal_or_a_name(sentence: str) -> None:
    assert _figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "Both nations aim to reach a bilateral trade turnover of USD 150 billion by 2030.",
            "trade turnover",
        ),
        ("Currently, over 350,000 Vietnamese are living in the RoK.", "living in the RoK"),
        (
            "President Lee congratulated Vietnam on its economic growth of over 7%.",
            "economic growth",
        ),
        (
            "Since establishing diplomatic relations in 1992, the two countries grew closer.",
            "diplomatic relations",
        ),
    ],
)
def test_a_figure_says_what_it_measures(sentence: str, words: str) -> None:
    (figure,) = _figures(sentence)
    assert words in figure.measure
