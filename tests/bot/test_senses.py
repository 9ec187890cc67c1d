from __future__ import annotations

from datetime import date

import pytest

from bot.elsewhere import elsewhere
from bot.knowledge import Knowledge
from bot.question import parse
from bot.stems import other_senses

LATEST = date(2025, 10, 30)


@pytest.mark.parametrize(
    "text",
    [
        "He was impressed by the way the Korean capital runs its traffic.",
        "He arrived in the capital, Hanoi, on Monday.",
        "Hanoi, the capital of Vietnam, hosted the talks.",
    ],
)
def test_capital_beside_a_place_is_a_city(text: str) -> None:
    assert other_senses(text) == {"capital"}


@pytest.mark.parametrize(
    "text",
    [
        "The firm raised its capital to 5 million USD.",
        "Registered capital of VND 10 billion was approved.",
        "FDI capital rose last year.",
    ],
)
def test_capital_as_money_keeps_its_paraphrases(text: str) -> None:
    assert other_senses(text) == set()


def test_a_sentence_about_another_country_or_city_is_elsewhere(seeds_known: Knowledge) -> None:
    question = parse("how many Vietnamese nurses went to work in Korea?", seeds_known, LATEST)
    assert elsewhere(question, "Recruiting 200 nursing care workers for Japan.", seeds_known)
    assert not elsewhere(question, "Some 200 nurses went to Korea, not Japan.", seeds_known)
    assert not elsewhere(question, "Two-way trade came to US$79 billion.", seeds_known)
    question = parse("did Korea fund a metro line in Hanoi?", seeds_known, LATEST)
    assert elsewhere(question, "Ho Chi Minh City will link its metro lines.", seeds_known)
    assert not elsewhere(
        question, "Hanoi and Ho Chi Minh City will build metro lines.", seeds_known
    )
    assert not elsewhere(question, "The city will build metro lines.", seeds_known)
