"""Shapes of article, written for these tests with people, places and bodies in no list (Min
Dal-seo, the Ulsong Kelp Union, Le Quoc Hoa, Tay Quillan, Tam Sang): the first person of a speech
whose title names its speaker, and the rest of a paragraph a speaker's label opens, are the
speaker's; a place named like a person ("in Tam Sang") is the place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from asking import Asker, answers_over

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def answer(make_store_url: Callable[[str], Callable[[str], str]], backend: str) -> Asker:
    return answers_over(make_store_url(backend), "shapes", ROOT / "tests" / "shapes")


def test_what_a_speaker_proposed_in_the_first_person(answer: Callable[[str], str]) -> None:
    said = answer("What did Min Dal-seo propose?")
    assert "shared drying plant" in said


def test_a_quoted_we_of_someone_else_is_not_the_speakers(answer: Callable[[str], str]) -> None:
    said = answer("What did Min Dal-seo say?")
    assert "ready to start at once" not in said


def test_the_rest_of_a_labelled_paragraph_is_the_speakers(answer: Callable[[str], str]) -> None:
    said = answer("What did Le Quoc Hoa propose?")
    assert "dredge the eastern channel" in said


def test_a_place_named_like_a_person_is_the_place(answer: Callable[[str], str]) -> None:
    said = answer("When will the noodle plant in Tam Sang open?")
    assert "june 2025" in said and "seoul" not in said.split("sources")[0]


def test_what_a_columnist_argues_in_the_first_person(answer: Callable[[str], str]) -> None:
    said = answer("What does Odette Quimby argue?")
    assert "sell their surplus" in said


def test_who_wrote_a_column_is_its_columnist(answer: Callable[[str], str]) -> None:
    said = answer("/who Odette Quimby")
    assert "columnist" in said


def test_a_speakers_i_names_them_for_any_question(answer: Callable[[str], str]) -> None:
    said = answer("When did Min Dal-seo found the union?")
    assert "2009" in said.split("sources")[0] and "2011" not in said.split("sources")[0]


def test_who_wrote_a_page_is_its_byline(answer: Callable[[str], str]) -> None:
    said = answer("Who wrote about the looms of Dunmere?")
    assert "no people found" not in said and "ines marrow" in said.split("sources")[0]
