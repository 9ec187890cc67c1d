from __future__ import annotations

import re

import pytest
from payloads import limit_problems, readable

from bot.core import answer_safely, ask
from bot.slack.blocks import render_blocks
from bot.text import render_text
from store.db import Store

NOISE = [
    "Tuyen Quang",
    "Laos",
    "New Zealand",
    "Switzerland",
    "fixed broadband",
    "vietnam-us",
    "HCM City",
]
NOTHING = re.compile(r"\bno\b.{0,80}\bfound\b")


@pytest.mark.parametrize(
    ("query", "wanted", "unwanted"),
    [
        (
            "/commitment trade",
            ["150 billion", "2030", "opening markets", "free trade agreement"],
            NOISE,
        ),
        ("/commitment trde", ["150 billion"], NOISE),
        ("/commitment labor", ["quotas", "vietnamese workers"], NOISE),
        ("/commitment defense", ["defence"], NOISE),
        ("/commitment south china sea", ["east sea"], NOISE),
        ("/commitment climate", ["climate change adaptation"], [*NOISE, "cop26"]),
        (
            "/visit august",
            ["to lam", "lee jae myung", "seoul", "busan", "august 10-13, 2025"],
            [*NOISE, "gyeongju"],
        ),
        ("/visit october", ["luong cuong", "gyeongju", "october 30, 2025"], [*NOISE, "busan"]),
        ("/visit aug 11", ["to lam"], ["luong cuong"]),
        ("/visit", ["to lam", "luong cuong"], NOISE),
        ("/who to lam", ["general secretary", "state visit"], NOISE),
        ("/who kim hye-kyung", ["spouse of lee jae myung"], NOISE),
        ("/figure trade", ["150 billion usd by 2030"], NOISE),
        ("/figure growth", ["7%"], NOISE),
        ("/search statue", ["ho chi minh"], NOISE),
        ("what did they agree on labor?", ["vietnamese workers"], NOISE),
        ("when did To Lam visit Korea?", ["august 10-13, 2025"], ["august revolution"]),
        ("hello", ["/commitment", "/visit", "/who", "/figure", "/search"], NOISE),
    ],
)
def test_seed_answers(
    seeds_store: Store, query: str, wanted: list[str], unwanted: list[str]
) -> None:
    payload = render_blocks(ask(seeds_store, query))
    text = readable(payload)
    assert limit_problems(payload) == []
    for phrase in wanted:
        assert phrase.lower() in text, phrase
    for phrase in unwanted:
        assert phrase.lower() not in text, phrase


def test_a_commitment_reported_by_four_documents_is_shown_once(seeds_store: Store) -> None:
    answer = ask(seeds_store, "/commitment trade")
    shown = [item for item in answer.items if item.quote and "150 billion" in item.quote]
    assert len(shown) == 1
    assert len(shown[0].sources) == 4


@pytest.mark.parametrize(
    ("query", "what"),
    [
        ("/commitment zzqqxx", "commitments"),
        ("/visit december", "visits"),
        ("/visit 1999", "visits"),
        ("/who zzqqxx", "people"),
        ("/figure zzqqxx", "figures"),
        ("/search zzqqxx", "passages"),
    ],
)
def test_misses_say_nothing_found_and_offer_what_exists(
    seeds_store: Store, query: str, what: str
) -> None:
    answer = ask(seeds_store, query)
    assert answer.empty
    assert f"no {what} found" in readable(render_blocks(answer))


def test_ambiguous_names_are_listed_not_guessed(seeds_store: Store) -> None:
    answer = ask(seeds_store, "/who lee")
    assert [item.title for item in answer.items] == ["Lee Jae Myung", "Lee Shin-jae"]
    assert {s.query for s in answer.suggestions} == {"/who Lee Jae Myung", "/who Lee Shin-jae"}


@pytest.mark.parametrize(
    "command", ["/commitment", "/visit help", "/who", "/figure", "/search", "/commitment help"]
)
def test_empty_argument_or_help_gives_usage(seeds_store: Store, command: str) -> None:
    answer = ask(seeds_store, command)
    name = command.split()[0]
    assert answer.intent == "help"
    shown = readable(render_blocks(answer))
    # The usage's own words name the command (not the echoed query, nor a suggested example).
    assert f"how to use {name}" in shown
    assert re.search(rf"{re.escape(name)} <[a-z]", shown), shown  # its syntax: what it takes


def test_usage_lists_topics_and_visits(seeds_store: Store) -> None:
    assert "trade" in readable(render_blocks(ask(seeds_store, "/commitment")))
    assert "august 10-13, 2025" in readable(render_blocks(ask(seeds_store, "/visit help")))


@pytest.mark.parametrize(
    ("query", "wanted"),
    [
        ("/visit march", ["park sung-ho", "march 5-7, 2026", "hanoi", "phạm minh chính"]),
        ("/visit busan", ["tran minh khoa", "april 14-16, 2026"]),
        ("/commitment investment", ["30 billion", "2030"]),
        ("/who park", ["prime minister of the republic of korea"]),
        ("/who pham minh chinh", ["prime minister"]),
        ("/figure trade", ["86.1 billion usd"]),
        ("/figure tourists", ["5 million korean tourists"]),
        ("/commitment flights", ["direct flights"]),
    ],
)
def test_answers_on_documents_written_for_the_tests(
    data_store: Store, query: str, wanted: list[str]
) -> None:
    text = readable(render_blocks(ask(data_store, query)))
    for phrase in wanted:
        assert phrase.lower() in text, phrase
    for noise in ["thailand", "laos", "cambodia", "singapore", "japan"]:
        assert noise not in text


@pytest.mark.parametrize(
    "query",
    [
        "<!channel> /commitment trade",
        "/commitment <!here> trade",
        "/search <script>alert(1)</script>",
        '/search "statue" AND (',
        "/search NEAR(statue yonsei)",
        "/search statue*",
        "/who '; drop table people; --",
        "/visit \x00\x07\u202e\u200b",
        "/commitment " + "ж" * 600,
        "junk " * 2000,
        "/search <@U123> <#C42|general> <https://evil.example|click>",
    ],
)
def test_hostile_text_gets_a_valid_escaped_answer(seeds_store: Store, query: str) -> None:
    answer = answer_safely(seeds_store, query)
    payload = render_blocks(answer, shareable=True)
    assert limit_problems(payload) == []
    assert answer.intent != "error"
    assert render_text(answer)


def test_long_answers_show_a_page_and_say_how_many_more(seeds_store: Store) -> None:
    first = ask(seeds_store, "/search vietnam")
    assert first.total > len(first.items) and first.remaining > 0
    assert f"and {first.remaining} more" in readable(render_blocks(first))
    second = ask(seeds_store, "/search vietnam", page=2)
    assert second.page == 2
    assert {i.quote for i in second.items}.isdisjoint({i.quote for i in first.items})


def test_missing_store_is_reported_not_created(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(f"sqlite:///{tmp_path / 'missing.db'}")
    answer = answer_safely(store, "/commitment trade")
    assert answer.intent == "error"
    assert "store is unavailable" in answer.notice
    assert not (tmp_path / "missing.db").exists()
