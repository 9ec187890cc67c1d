from __future__ import annotations

import pytest

from store.lexicon.gazetteer import Gazetteer

PLACES = Gazetteer.of(
    [
        ("Korea", "kr"),
        ("South Korea", "kr"),
        ("North Korea", "-"),
        ("Viet Nam", "vn"),
        ("RoK", "kr"),
    ],
    case_sensitive=True,
)
TOPICS = Gazetteer.of(
    [
        ("semiconductor", "chips"),
        ("AI", "ai"),
        ("digital infrastructure", "digital"),
        ("infrastructure", "infra"),
    ],
    plural=True,
)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("South Korea and Viet Nam", ["kr", "vn"]),
        ("North Korea fired a missile", []),
        ("talks in North", []),
        ("ties with Korea", ["kr"]),
        ("the RoK", ["kr"]),
        ("korea in lower case", []),
        ("", []),
    ],
)
def test_longest_phrases_only_and_blocked_words(text: str, values: list[str]) -> None:
    assert PLACES.longest(text) == values


def test_spans_are_character_offsets() -> None:
    assert PLACES.spans("Visit to South Korea.") == [(9, 20, "kr")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Semiconductors and ai", ["chips"]),
        ("semiconductors and AI", ["chips", "ai"]),
        ("digital infrastructure", ["digital", "infra"]),
    ],
)
def test_acronyms_match_as_written_and_overlaps_all_count(text: str, values: list[str]) -> None:
    assert TOPICS.values(text) == values
