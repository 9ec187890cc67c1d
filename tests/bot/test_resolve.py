from __future__ import annotations

import pytest

from bot.knowledge import Knowledge
from bot.resolve import person_match, topic_match
from bot.visit_terms import visit_terms


@pytest.mark.parametrize(
    ("argument", "topic"),
    [
        ("trade", "trade"),
        ("trde", "trade"),
        ("labour", "labour"),
        ("labor", "labour"),
        ("workers", "labour"),
        ("defense", "defence"),
        ("semicondutor", "semiconductors"),
        ("semiconductors", "semiconductors"),
        ("ai", "ai"),
        ("AI", "ai"),
        ("artificial inteligence", "ai"),
        ("south china sea", "east-sea"),
        ("oda", "oda"),
        ("apec", "multilateral"),
    ],
)
def test_topics(seeds_known: Knowledge, argument: str, topic: str) -> None:
    assert topic in topic_match(argument, seeds_known).keys


@pytest.mark.parametrize("argument", ["zzqqxx", "xy", "", "a"])
def test_topic_misses(seeds_known: Knowledge, argument: str) -> None:
    assert topic_match(argument, seeds_known).keys == ()


@pytest.mark.parametrize(
    ("argument", "names"),
    [
        ("to lam", ["To Lam"]),
        ("tolam", ["To Lam"]),
        ("To Lâm", ["To Lam"]),
        ("lee", ["Lee Jae Myung", "Lee Shin-jae"]),
        ("lee jae-myung", ["Lee Jae Myung"]),
        ("bui thanh son", ["Bui Thanh Son"]),
        ("kim hye kyung", ["Kim Hye-kyung"]),
        ("luong cuongg", ["Luong Cuong"]),
        ("president lee", ["Lee Jae Myung"]),
    ],
)
def test_people(seeds_known: Knowledge, argument: str, names: list[str]) -> None:
    assert sorted(p.name for p in person_match(argument, seeds_known).people) == sorted(names)


def test_unknown_person_offers_nothing_found(seeds_known: Knowledge) -> None:
    assert person_match("zzqqxx", seeds_known).people == ()


@pytest.mark.parametrize(
    ("argument", "months", "day", "years", "places"),
    [
        ("august", {8}, None, set(), set()),
        ("agust", {8}, None, set(), set()),
        ("aug 13", {8}, 13, set(), set()),
        ("13 aug", {8}, 13, set(), set()),
        ("2025", set(), None, {2025}, set()),
        ("october 2025", {10}, None, {2025}, set()),
        ("busan", set(), None, set(), {"Busan"}),
        ("gyeongju", set(), None, set(), {"Gyeongju"}),
        ("gyeongu", set(), None, set(), {"Gyeongju"}),
    ],
)
def test_visit_terms(
    seeds_known: Knowledge,
    argument: str,
    months: set[int],
    day: int | None,
    years: set[int],
    places: set[str],
) -> None:
    terms = visit_terms(argument, seeds_known)
    assert (terms.months, terms.day, terms.years, terms.places) == (months, day, years, places)


@pytest.mark.parametrize(
    ("argument", "topic"),
    [("tarde", "trade"), ("semiconducter", "semiconductors"), ("eductaion", "education")],
)
def test_one_slip_is_still_the_topic(seeds_known: Knowledge, argument: str, topic: str) -> None:
    assert topic in topic_match(argument, seeds_known).keys


@pytest.mark.parametrize(
    ("argument", "names"),
    [
        ("the korean president", ["Lee Jae Myung"]),
        ("vietnamese ambassador", ["Vu Ho"]),
        ("president lee", ["Lee Jae Myung"]),
        ("korean ambassador", []),
    ],
)
def test_people_by_role_and_side(seeds_known: Knowledge, argument: str, names: list[str]) -> None:
    assert [p.name for p in person_match(argument, seeds_known).people] == names
