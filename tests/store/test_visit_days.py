"""A visit's dated activities, places and dates as shown, from what the article says (issue 16's
mutation run over store/ingest/visit_facts.py: the survivors each case is written for).

The visit's own dates are not an activity on its first day; activities on its first and last day
are kept and ordered by day, whatever order the article tells them in; a place spelled two ways
is one place; the dates line reads "March 5–7, 2026", "March 5–7 (year not stated)", "March 2026"
or "2026" as the article allows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from store.ingest.extract import Extraction

Extract = Callable[..., Extraction]

VISIT = (
    "Korean Prime Minister Park Sung-ho paid an official visit to Vietnam from 5–7 March 2026 "
    "at the invitation of Prime Minister Phạm Minh Chính.\n"
)
LAST_DAY = "On 7 March, Prime Minister Park Sung-ho visited a factory in Bac Ninh.\n"
FORUM = (
    "The Vietnam–Korea business forum, which Prime Minister Park Sung-ho opened, ran from 6 to 7 "
    "March in Ha Noi.\n"
)
FIRST_DAY = (
    "On 5 March, Prime Minister Park Sung-ho held talks with Prime Minister Phạm Minh Chính in "
    "Hanoi.\n"
)


def test_dated_activities_from_the_first_to_the_last_day_in_order_of_day(
    extract_texts: Extract,
) -> None:
    (visit,) = extract_texts(VISIT + LAST_DAY + FORUM + FIRST_DAY).visits
    assert (visit.start, visit.end) == (date(2026, 3, 5), date(2026, 3, 7))
    events = [(day, rank, sent.text.split(",")[0]) for sent, day, rank in visit.events]
    assert events == [
        (date(2026, 3, 5), 0, "On 5 March"),
        (date(2026, 3, 6), 0, "The Vietnam–Korea business forum"),  # a range: its first day
        (date(2026, 3, 7), 0, "On 7 March"),
    ]  # and not the visit's own "from 5–7 March 2026", which would open the list on March 5


def test_a_place_spelled_two_ways_is_one_place(extract_texts: Extract) -> None:
    report = VISIT.replace("to Vietnam", "to Ha Noi")
    (visit,) = extract_texts(report + LAST_DAY + FIRST_DAY).visits
    assert visit.places == ["Hanoi", "Bac Ninh"]  # "Ha Noi" and "Hanoi": the lexicon's spelling
    (visit,) = extract_texts(VISIT + LAST_DAY + FORUM + FIRST_DAY).visits
    assert visit.places == ["Bac Ninh", "Hanoi"]


@pytest.mark.parametrize(
    ("article", "shown"),
    [
        (VISIT, "March 5–7, 2026"),
        (VISIT.replace(" 2026", ""), "March 5–7 (year not stated)"),
        (
            "Korean Prime Minister Park Sung-ho paid an official visit to Vietnam in March 2026.\n",
            "March 2026",
        ),
        (
            "Busan, March 6, 2026 (VNA) – Minister of Industry and Trade Tran Minh Khoa is paying "
            "a working trip to Busan.\n",
            "2026",
        ),
    ],
)
def test_the_dates_as_shown(extract_texts: Extract, article: str, shown: str) -> None:
    (visit,) = extract_texts(article).visits
    assert visit.dates_text == shown


def test_a_visit_is_dated_by_its_own_report_before_other_sentences_about_it(
    extract_texts: Extract,
) -> None:
    article = (
        "Two-way trade grew by a fifth in March 2026.\n"
        "Korean Prime Minister Park Sung-ho paid an official visit to Vietnam from 5 to 7 March 2026.\n"
    )
    (visit,) = extract_texts(article).visits
    assert visit.year == 2026
    assert visit.year_note == (
        "from “from 5 to 7 March 2026” in “Two-way trade grew by a fifth in March 2026.”"
    )


def test_a_heading_about_the_visit_is_not_one_of_its_activities(extract_texts: Extract) -> None:
    article = (
        "Korean PM visits Vietnam\n"
        "Hanoi, March 6, 2026 (VNA) – Korean Prime Minister Park Sung-ho paid an official visit to "
        "Vietnam from 5–7 March at the invitation of Prime Minister Phạm Minh Chính.\n"
        "Park Sung-ho opens business forum in Hanoi\n"
        "On 6 March, Prime Minister Park Sung-ho signed a trade deal with Vietnam.\n"
    )
    (visit,) = extract_texts(article).visits
    assert any(sent.heading for sent in visit.linked)  # the heading is about the visit
    assert [(day, sent.text[:10]) for sent, day, _ in visit.events] == [
        (date(2026, 3, 6), "On 6 March")
    ]
