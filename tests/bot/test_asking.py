"""Questions in plain words, answered evidence-first over the seeds; honest misses say so."""

from __future__ import annotations

import re

import pytest
from payloads import texts

from bot.core import ask
from bot.slack.blocks import render_blocks
from store.db import Store

NOTHING = re.compile(r"\bno\b.{0,80}\bfound\b", re.I | re.S)


def _answer(store: Store, line: str) -> str:
    payload = render_blocks(ask(store, line))
    return " ".join(texts(payload)).replace("*", "")


@pytest.mark.parametrize(
    ("line", "wanted", "unwanted"),
    [
        # what is asked for: a date, a place, a person, a figure of the asked kind
        ("when did To Lam visit Korea?", ["August 10–13, 2025"], []),
        ("when did Luong Cuong hold talks with Lee Jae Myung?", ["October 30"], ["Busan"]),
        ("when were diplomatic relations established?", ["1992"], []),
        ("where did Luong Cuong go in Korea?", ["Gyeongju"], []),
        ("how many Vietnamese live in Korea?", ["350,000"], []),
        ("how many people visited each other's country in 2024?", ["5 million"], ["150 billion"]),
        ("how many cooperation documents were exchanged?", ["10 cooperation documents"], []),
        ("how much trade do they aim for by 2030?", ["150 billion"], []),
        ("who is the wife of Lee Jae Myung?", ["Kim Hye-kyung"], []),
        # what did X say/propose/promise: X's own words first
        ("what did Luong Cuong propose?", ["proposed"], []),
        ("what did Lee Jae Myung promise?", ["Lee"], []),
        # the outcomes of an occasion named by its place or month
        ("what was agreed in Gyeongju?", ["Luong Cuong"], ["Busan"]),
        ("what was agreed in August?", ["To Lam"], ["Gyeongju"]),
        # paraphrase: upgrade ~ elevation, live ~ reside, firms ~ enterprises
        ("when was the partnership upgraded?", ["December 2022"], []),
        ("how many Vietnamese reside in Korea?", ["350,000"], []),
        ("what did they agree for Korean firms?", ["enterprises"], []),
        # yes/no with evidence: the sentence that says so
        ("did they agree on renewable energy?", ["renewable energy"], []),
        ("did they unveil a statue?", ["Ho Chi Minh"], []),
        # dates as people write them
        ("what happened on 11/08/2025?", ["To Lam"], []),
        ("what happened in Gyeongju in late October?", ["Luong Cuong"], []),
        ("/visit 30/10/2025", ["Luong Cuong"], ["Busan"]),
    ],
)
def test_questions_get_the_fact_that_answers_them(
    seeds_store: Store, line: str, wanted: list[str], unwanted: list[str]
) -> None:
    answer = _answer(seeds_store, line)
    for phrase in wanted:
        assert phrase in answer
    for phrase in unwanted:
        assert phrase not in answer
    assert not NOTHING.search(answer)


@pytest.mark.parametrize(
    ("line", "unwanted"),
    [
        ("did they agree on nuclear power?", ["renewable energy"]),
        ("did they talk about hydrogen?", ["renewable energy"]),
        ("will Korea fund the Hanoi metro?", []),
        ("what did Zorblax Quintero promise about moon cheese?", []),
        ("did they discuss space exploration?", []),
        ("when did Lee Jae Myung visit Hanoi?", ["Gyeongju"]),
        ("how many K9 howitzers will Vietnam buy?", []),
        ("/commitment zzqqxx", []),
    ],
)
def test_misses_say_so_and_never_substitute(
    seeds_store: Store, line: str, unwanted: list[str]
) -> None:
    answer = _answer(seeds_store, line)
    assert NOTHING.search(answer)
    for phrase in unwanted:
        assert phrase not in answer


def test_a_yes_no_miss_says_the_articles_do_not_mention_it(seeds_store: Store) -> None:
    answer = _answer(seeds_store, "did they agree on nuclear power?")
    assert "don't mention" in answer
    assert "/commitment energy" in " ".join(
        s.query for s in ask(seeds_store, "did they agree on nuclear power?").suggestions
    )


def test_several_subjects_each_get_an_answer(seeds_store: Store) -> None:
    answer = _answer(seeds_store, "what did they agree on trade and culture?")
    assert "150 billion" in answer
    assert re.search(r"Cultur\w+ Cent", answer)
