"""Answers the articles hold in words other than the question's, from an article written for
these tests whose people, places and companies are in no list (Sunwol Textiles, Kim Boi, the
Dong Me park, Ryu Ha-neul): an event "held" where it "took place", a share asked of a percentage,
a count that leaves its noun to the sentence before, and a visit card that does not say what
was asked giving way to the sentence that does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from asking import Asker, answers_over

from bot.answers.retrieval import _pairs
from bot.knowledge import Knowledge
from bot.question import parse
from bot.stems import stem, variants

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def answer(make_store_url: Callable[[str], Callable[[str], str]], backend: str) -> Asker:
    return answers_over(
        make_store_url(backend), "recall_answers", ROOT / "tests" / "recall_answers"
    )


def test_a_verb_framing_an_event_is_not_asked_of_where_and_when(seeds_known: Knowledge) -> None:
    for line in ("where was the Dong Me kite fair held?", "when did the kite fair take place?"):
        question = parse(line, seeds_known)
        assert "held" not in question.words and stem("held") in question.soft
    assert "held" in parse("was the kite fair held twice?", seeds_known).words


def test_a_share_is_asked_as_a_percentage(seeds_known: Knowledge) -> None:
    assert parse("what proportion of output comes from Kim Boi?", seeds_known).kind == "how_much"
    assert stem("percent") in variants("share") and stem("percent") in variants("proportion")


def test_an_irregular_past_says_the_asked_verb() -> None:
    assert stem("paid") in variants("pay") and stem("spent") in variants("spend")


def test_where_an_event_was_held_is_where_it_took_place(answer: Callable[[str], str]) -> None:
    said = answer("where was the Kim Boi kite fair held?")
    assert "dong me riverside park" in said and "no places found" not in said


def test_which_edition_is_answered_by_the_sentence_naming_it(answer: Callable[[str], str]) -> None:
    said = answer("which edition of the Kim Boi kite fair was it?")
    assert "second kim boi kite fair" in said and "no passages found" not in said


def test_a_share_is_answered_by_a_percentage(answer: Callable[[str], str]) -> None:
    assert "45 percent" in answer("what share of Kim Boi's industrial output do Korean firms make?")


def test_a_count_without_its_noun_counts_what_the_sentence_before_names(
    answer: Callable[[str], str],
) -> None:
    assert "more than 160" in answer("how many Korean workshops are there in Kim Boi?")


def test_a_visit_card_gives_way_to_the_sentence_saying_what_was_asked(
    answer: Callable[[str], str],
) -> None:
    said = answer("what did Ryu Ha-neul tour in Kim Boi?")
    assert "dyeing plant" in said and "visit of ryu ha-neul" not in said
    assert "visit of ryu ha-neul" in answer("when did Ryu Ha-neul visit Kim Boi?")


def test_the_counted_noun_is_asked_however_generic(seeds_known: Knowledge) -> None:
    assert "projects" in parse("how many projects does Sunwol run in Kim Boi?", seeds_known).words
    assert "projects" not in parse("what projects did Sunwol fund?", seeds_known).words


def test_an_event_in_a_place_is_dated_by_its_sentence_not_a_visit_there(
    answer: Callable[[str], str],
) -> None:
    said = answer("when did the kite fair in Kim Boi take place?")
    assert "june 8, 2024" in said and "visit of ryu ha-neul" not in said


def test_a_run_of_asked_words_is_found_by_its_initials(seeds_known: Knowledge) -> None:
    question = parse("how much foreign direct investment went to Kim Boi?", seeds_known)
    assert all("fdi" in question.concepts[question.words.index(w)] for w in ("foreign", "direct"))
    oda = parse("how much official development assistance did Kim Boi get?", seeds_known)
    assert "oda" in oda.concepts[oda.words.index("official")]
    assert "korean" not in parse("how many Korean projects are there?", seeds_known).words
    assert "projects" in parse("how many Korean projects are there?", seeds_known).words


def test_two_of_the_three_rarest_words_look_a_sentence_up() -> None:
    rarest = [["gimha"], ["grant"], ["paid", "pay"]]
    assert _pairs(rarest) == [rarest[:2], [rarest[0], rarest[2]], [rarest[1], rarest[2]]]
    assert _pairs(rarest[:2]) == [rarest[:2]]
