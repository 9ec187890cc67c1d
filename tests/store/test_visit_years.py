"""A visit's year and days, from what the article says (issue 16's mutation run).

Written for the mutants that survived tests/store/test_visits.py: which stated year dates a
visit (the dateline's first, then a full date of the visit's month in a sentence about it, never
one of another month), and a first day plus a length ("a three-day visit") or a last day.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from store.ingest.extract import Extraction

Extract = Callable[..., Extraction]

ARRIVAL = (
    "Korean Prime Minister Park Sung-ho paid an official visit to Vietnam from 5–7 March "
    "at the invitation of Prime Minister Phạm Minh Chính.\n"
)
TITLE = "Korean Prime Minister Park Sung-ho paid an…"  # the first line, cut to 48 characters


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        (
            "During the visit, on 6 March 2026, Prime Minister Park Sung-ho signed a trade deal in Hanoi.",
            "6 March 2026",
        ),
        (
            "Prime Minister Park Sung-ho's visit, from 5 to 7 March 2026, is his first to Vietnam.",
            "from 5 to 7 March 2026",
        ),
        (
            "Prime Minister Park Sung-ho's visit in March 2026 is his first to Vietnam.",
            "March 2026",
        ),
    ],
)
def test_a_year_stated_with_a_date_of_the_visits_month_dates_it(
    extract_texts: Extract, sentence: str, stated: str
) -> None:
    # The visit's own days (5–7 March) come first, without a year: the next full date is used.
    (visit,) = extract_texts(ARRIVAL + sentence + "\n").visits
    assert (visit.year, visit.start, visit.end) == (2026, date(2026, 3, 5), date(2026, 3, 7))
    assert visit.year_note == f"from “{stated}” in “{TITLE}”"


def test_a_year_stated_with_a_date_of_another_month_does_not_date_the_visit(
    extract_texts: Extract,
) -> None:
    sentence = (
        "During the visit, Prime Minister Park Sung-ho reviewed the deals signed on 2 June 2022."
    )
    (visit,) = extract_texts(ARRIVAL + sentence + "\n").visits
    assert (visit.year, visit.start, visit.end) == (None, None, None)


def test_the_dateline_wins_over_a_full_date_of_the_same_month(extract_texts: Extract) -> None:
    article = (
        "Vietnamese minister visits Busan\n"
        "Busan, March 6, 2026 (VNA) – Minister of Industry and Trade Tran Minh Khoa is paying a "
        "working trip to Busan from March 5–7, his first since a visit in March 2022.\n"
    )
    (visit,) = extract_texts(article).visits
    assert (visit.year, visit.start, visit.end) == (2026, date(2026, 3, 5), date(2026, 3, 7))
    assert visit.year_note == "inferred from the dateline of “Vietnamese minister visits Busan”"


ARRIVED = "Korean President Lee Jae Myung arrived in Hanoi on March 5, 2026"


@pytest.mark.parametrize(
    ("text", "end"),
    [
        (f"{ARRIVED}, beginning a three-day state visit to Vietnam.\n", date(2026, 3, 7)),
        (
            f"{ARRIVED} for a state visit to Vietnam.\n"
            "President Lee Jae Myung left Hanoi on March 8, 2026, ending the state visit to Vietnam.\n",
            date(2026, 3, 8),
        ),
    ],
)
def test_a_first_day_and_a_length_or_a_last_day(
    extract_texts: Extract, text: str, end: date
) -> None:
    (visit,) = extract_texts(text).visits
    assert (visit.start, visit.end) == (date(2026, 3, 5), end)


RECALLED = (
    "Prime Minister Park Sung-ho recalled the agreement the two governments reached in June 2022.\n"
)


@pytest.mark.parametrize(
    ("sentence", "stated"),
    [
        (
            "The Vietnam–Korea business forum in Hanoi ran from 5 to 7 March 2026.",
            "from 5 to 7 March 2026",
        ),
        ("Two-way trade grew by a fifth in March 2026.", "March 2026"),
    ],
)
def test_a_range_or_a_month_of_the_visits_month_in_a_sentence_about_it_dates_it(
    extract_texts: Extract, sentence: str, stated: str
) -> None:
    # Not a report of the visit itself (those date it first): a sentence linked to it.
    (visit,) = extract_texts(ARRIVAL + sentence + "\n").visits
    assert (visit.year, visit.start, visit.end) == (2026, date(2026, 3, 5), date(2026, 3, 7))
    assert visit.year_note == f"from “{stated}” in “{TITLE}”"


def test_a_month_of_another_month_is_not_said_to_have_dated_the_visit(
    extract_texts: Extract,
) -> None:
    # The article's latest full date is all there is: the note says the year was inferred.
    (visit,) = extract_texts(ARRIVAL + RECALLED).visits
    assert visit.year == 2022
    assert visit.year_note == f"inferred from other dates in “{TITLE}”"


@pytest.mark.parametrize(
    ("activity", "stated"),
    [
        (
            "On 6 March 2026, Prime Minister Park Sung-ho signed a trade deal in Hanoi.",
            "6 March 2026",
        ),
        (
            "From 6 to 7 March 2026, Prime Minister Park Sung-ho attended a business forum in Hanoi.",
            "6 to 7 March 2026",
        ),
    ],
)
def test_the_month_of_a_visit_reported_without_one_comes_from_its_dated_activities(
    extract_texts: Extract, activity: str, stated: str
) -> None:
    # Its report names no month: the March activity dates the visit, not the earlier "June 2022".
    article = (
        "Korean Prime Minister Park Sung-ho arrived in Hanoi on Thursday, beginning a three-day "
        "official visit to Vietnam.\n" + RECALLED + activity + "\n"
    )
    (visit,) = extract_texts(article).visits
    assert visit.year == 2026
    assert visit.year_note == f"from “{stated}” in “Korean Prime Minister Park Sung-ho arrived in…”"
    assert visit.start == date(2026, 3, 6)


def test_a_date_stamp_dates_the_visit_when_the_dateline_leaves_out_the_year(
    extract_texts: Extract,
) -> None:
    article = (
        "Korean PM visits Vietnam\n"
        "Published: 2026-03-06 15:05\n"
        "Hanoi, March 6 (VNA) – Korean Prime Minister Park Sung-ho is paying an official visit to "
        "Vietnam from 5–7 March at the invitation of Prime Minister Phạm Minh Chính.\n"
    )
    (visit,) = extract_texts(article).visits
    assert (visit.year, visit.start) == (2026, date(2026, 3, 5))
    assert visit.year_note == "inferred from the dateline of “Korean PM visits Vietnam”"


def test_an_article_without_a_date_of_its_own_takes_the_year_of_the_visit_it_reports(
    extract_texts: Extract,
) -> None:
    # Its reference year is what "last month" in it is read against; a dated article keeps its own.
    dated = (
        "Hanoi, March 8, 2026 (VNA) – Korean Prime Minister Park Sung-ho paid an official visit "
        "to Vietnam from 5–7 March 2026.\n"
    )
    extraction = extract_texts(dated, ARRIVAL)
    (visit,) = extraction.visits
    stated = "from “from 5–7 March 2026” in “Korean Prime Minister Park Sung-ho paid an…”"
    assert (visit.year, visit.year_note) == (2026, stated)
    first, second = extraction.docs
    assert (first.reference_year, first.year_note) == (
        2026,
        "the dateline of “Korean Prime Minister Park Sung-ho paid an…”",
    )
    assert (second.reference_year, second.year_note) == (
        2026,
        f"year of the visit it reports ({stated})",
    )


def test_a_visit_takes_its_year_from_the_dateline_of_another_article_about_it(
    extract_texts: Extract,
) -> None:
    later = (
        "Seoul, March 9, 2026 (Yonhap) – Prime Minister Park Sung-ho said the trade deal he signed "
        "in Hanoi would double exports.\n"
    )
    (visit,) = extract_texts(ARRIVAL, later).visits
    assert (visit.year, visit.start) == (2026, date(2026, 3, 5))
    assert visit.year_note == (
        "inferred from the dateline of “Prime Minister Park Sung-ho said the trade…”"
    )


@pytest.mark.parametrize(
    "dated",
    [
        "On 6 March 2026, Prime Minister Park Sung-ho signed a trade deal in Hanoi.",
        "From 6 to 7 March 2026, Prime Minister Park Sung-ho attended a business forum in Hanoi.",
    ],
)
def test_a_visit_without_a_year_takes_the_latest_full_date_of_its_article(
    extract_texts: Extract, dated: str
) -> None:
    planned = (
        "Vietnamese Minister of Industry and Trade Tran Minh Khoa will pay a working trip to Busan "
        "in late November.\n"
    )
    _, trip = extract_texts(ARRIVAL + dated + "\n" + planned).visits
    assert (trip.year, trip.dates_text) == (2026, "November 2026")
    assert trip.year_note == f"inferred from other dates in “{TITLE}”"
