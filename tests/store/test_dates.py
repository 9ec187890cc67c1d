"""Dates in a sentence: days, ranges, months, years and deadlines, as written."""

from __future__ import annotations

import pytest

from store.ingest.dates import DateMention, find_dates, format_day


def _shape(mention: DateMention) -> tuple[object, ...]:
    return (
        mention.kind,
        mention.text,
        mention.month,
        mention.day,
        mention.end_month,
        mention.end_day,
        mention.year,
        mention.part_of_day,
    )


# (sentence, [(kind, text, month, day, end_month, end_day, year, part_of_day), ...])
CASES = [
    ("They met in Seoul on August 11.", [("day", "August 11", 8, 11, None, None, None, None)]),
    (
        "The visit lasted August 10 – 13.",
        [("range", "August 10 – 13", 8, 10, 8, 13, None, None)],
    ),
    ("He visited the RoK August 10-13.", [("range", "August 10-13", 8, 10, 8, 13, None, None)]),
    (
        "The state visit ran from August 10–13 at the invitation of President Lee.",
        [("range", "from August 10–13", 8, 10, 8, 13, None, None)],
    ),
    (
        "The talks were held in Gyeongju city on October 30 afternoon.",
        [("day", "October 30 afternoon", 10, 30, None, None, None, "afternoon")],
    ),
    (
        "Ties were elevated in December 2022.",
        [("month", "December 2022", 12, None, None, None, 2022, None)],
    ),
    (
        "5 million citizens visited each other's country in 2024.",
        [("year", "in 2024", None, None, None, None, 2024, None)],
    ),
    (
        "They aim at 150 billion USD by 2030.",
        [("deadline", "by 2030", None, None, None, None, 2030, None)],
    ),
    (
        "They aim at 150 billion USD by the end of 2030.",
        [("deadline", "by the end of 2030", None, None, None, None, 2030, None)],
    ),
    ("The Prime Minister arrived on 5 March.", [("day", "5 March", 3, 5, None, None, None, None)]),
    (
        "The talks were held on 6 March morning.",
        [("day", "6 March morning", 3, 6, None, None, None, "morning")],
    ),
    (
        "He paid an official visit to Vietnam from 5–7 March.",
        [("range", "from 5–7 March", 3, 5, 3, 7, None, None)],
    ),
    (
        "The trip ran from April 14–16, 2026 in Busan.",
        [("range", "from April 14–16, 2026", 4, 14, 4, 16, 2026, None)],
    ),
    (
        "The visit ran from August 10 to 13.",
        [("range", "from August 10 to 13", 8, 10, 8, 13, None, None)],
    ),
    (
        "The forum ran from March 31 to April 2.",
        [("range", "from March 31 to April 2", 3, 31, 4, 2, None, None)],
    ),
    ("They met on August 11, 2025.", [("day", "August 11, 2025", 8, 11, None, None, 2025, None)]),
    ("They met on Aug. 11.", [("day", "Aug. 11", 8, 11, None, None, None, None)]),
    ("The visit is planned in March.", [("month", "in March", 3, None, None, None, None, None)]),
    (
        "The agreements reached during the State visit to the RoK in August 2025.",
        [("month", "August 2025", 8, None, None, None, 2025, None)],
    ),
    (
        "Ties were established in 1992 and trade should reach USD 150 billion by 2030.",
        [
            ("year", "in 1992", None, None, None, None, 1992, None),
            ("deadline", "by 2030", None, None, None, None, 2030, None),
        ],
    ),
    (
        "The 80th anniversary of the August Revolution (August 19) and National Day (September 2).",
        [
            ("day", "August 19", 8, 19, None, None, None, None),
            ("day", "September 2", 9, 2, None, None, None, None),
        ],
    ),
]

NOT_DATES = [
    "Trade may grow 5 percent.",
    "The 14th National Party Congress met.",
    "They signed 50 cooperation agreements.",
    "Over 350,000 Vietnamese live in the RoK.",
    "The August Revolution is a national memory.",
    "It is the 2nd visit of the year.",
    "He met them on February 30.",
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_find_dates(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert [_shape(m) for m in find_dates(sentence)] == expected


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_no_date_where_there_is_none(sentence: str) -> None:
    assert find_dates(sentence) == []


def test_offsets_point_at_the_text() -> None:
    sentence = "Talks in Gyeongju on October 30 afternoon ended with a press briefing."
    (mention,) = find_dates(sentence)
    assert sentence[mention.start : mention.end] == mention.text


def test_period() -> None:
    (mention,) = find_dates("Delegates for the 2025–2030 term met.")
    assert (mention.kind, mention.year, mention.end_year) == ("period", 2025, 2030)


@pytest.mark.parametrize(
    ("month", "day", "year", "text"),
    [
        (8, 11, 2025, "August 11, 2025"),
        (12, None, 2022, "December 2022"),
        (10, 30, None, "October 30"),
    ],
)
def test_format_day(month: int, day: int | None, year: int | None, text: str) -> None:
    assert format_day(month, day, year) == text
