"""Visits: visitor, host, kind, dates (with the year inferred across documents), places, events."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from store.ingest.extract import Extraction
from store.ingest.visits import Visit

Extract = Callable[..., Extraction]

ARRIVAL = (
    "Korean Prime Minister Park Sung-ho paid an official visit to Vietnam from 5–7 March "
    "at the invitation of Prime Minister Phạm Minh Chính.\n"
)
TALKS = "On 6 March morning, Prime Minister Phạm Minh Chính held talks with Prime Minister Park in Hanoi.\n"
YEAR_ELSEWHERE = "The official visit to Vietnam by Korean Prime Minister Park Sung-ho in March 2026 was a success.\n"


def _by_visitor(extraction: Extraction) -> dict[str, Visit]:
    visits = {extraction.people[v.visitor].name: v for v in extraction.visits}
    assert len(visits) == len(extraction.visits)
    return visits


def _name(extraction: Extraction, person: str | None) -> str | None:
    return extraction.people[person].name if person else None


def test_the_visits_of_the_test_documents(data_extraction: Extraction) -> None:
    visits = _by_visitor(data_extraction)
    assert sorted(visits) == ["Park Sung-ho", "Tran Minh Khoa"]

    pm = visits["Park Sung-ho"]
    assert (pm.destination, pm.kind) == ("vn", "official visit")
    assert (pm.start, pm.end, pm.year) == (date(2026, 3, 5), date(2026, 3, 7), 2026)
    assert _name(data_extraction, pm.host) == "Phạm Minh Chính"
    assert pm.places == ["Hanoi"]

    trip = visits["Tran Minh Khoa"]
    assert (trip.destination, trip.kind) == ("kr", "working trip")
    assert (trip.start, trip.end, trip.year) == (date(2026, 4, 14), date(2026, 4, 16), 2026)
    assert trip.places == ["Busan"]


def test_a_year_stated_only_in_another_document(data_extraction: Extraction) -> None:
    pm = _by_visitor(data_extraction)["Park Sung-ho"]
    assert "March 2026" in pm.year_note
    assert "Outcomes of the Korean Prime Minister" in pm.year_note
    (doc,) = [d for d in data_extraction.docs if d.raw.name == "pm_official_visit_hanoi.txt"]
    assert doc.reference_year == 2026
    assert doc.year_note and "visit" in doc.year_note


def test_dated_activities_and_outcomes_of_a_visit(data_extraction: Extraction) -> None:
    pm = _by_visitor(data_extraction)["Park Sung-ho"]
    dated = {day: sent.text for sent, day, _ in pm.events if day}
    assert dated[date(2026, 3, 6)].startswith("On 6 March morning")
    outcomes = [sent.text for sent, day, rank in pm.events if rank == 1]
    assert any("signing of 12 cooperation agreements" in text for text in outcomes)
    for sent, day, _ in pm.events:
        assert sent.on_topic
        assert day is None or pm.start <= day <= pm.end  # type: ignore[operator]


def test_a_visit_is_reported_by_every_document_that_reports_it(data_extraction: Extraction) -> None:
    pm = _by_visitor(data_extraction)["Park Sung-ho"]
    names = {data_extraction.docs[d].raw.name for d in pm.documents}
    assert names == {"pm_official_visit_hanoi.txt", "pm_visit_outcomes.txt"}


def test_no_visit_from_someone_who_speaks_of_the_visit(data_extraction: Extraction) -> None:
    visitors = {data_extraction.people[v.visitor].name for v in data_extraction.visits}
    assert not visitors & {"Yoon Dae-sik", "Do Thanh Binh", "Vu Ho", "Choi Yun-ah"}


def test_no_visit_from_an_off_topic_passage(data_extraction: Extraction) -> None:
    for visit in data_extraction.visits:
        assert visit.destination in ("vn", "kr")
        assert all(m.sentence.on_topic for m in visit.mentions)
        assert all(sent.on_topic for sent in visit.linked)


def test_the_year_from_another_document_in_either_order(extract_texts: Extract) -> None:
    for texts in ((ARRIVAL + TALKS, YEAR_ELSEWHERE), (YEAR_ELSEWHERE, ARRIVAL + TALKS)):
        extraction = extract_texts(*texts)
        (visit,) = extraction.visits
        assert (visit.start, visit.end, visit.year) == (date(2026, 3, 5), date(2026, 3, 7), 2026)
        assert "March 2026" in visit.year_note
        assert _name(extraction, visit.host) == "Phạm Minh Chính"
        assert visit.places == ["Hanoi"]


def test_the_year_inferred_from_other_dates_of_the_document(extract_texts: Extract) -> None:
    extraction = extract_texts(
        "Vietnamese State President Luong Cuong met Korean President Lee Jae Myung in Gyeongju on "
        "October 30 afternoon, during his working trip to the RoK.\n"
        "They reviewed the agreements reached during the state visit to the RoK by General Secretary "
        "To Lam in August 2025.\n"
    )
    visits = _by_visitor(extraction)
    trip = visits["Luong Cuong"]
    assert (trip.kind, trip.destination) == ("working trip", "kr")
    assert (trip.start, trip.end, trip.year) == (date(2025, 10, 30), date(2025, 10, 30), 2025)
    assert "inferred" in trip.year_note
    assert trip.places == ["Gyeongju"]
    assert _name(extraction, trip.host) == "Lee Jae Myung"
    assert (visits["To Lam"].kind, visits["To Lam"].year) == ("state visit", 2025)


def test_without_any_year_a_visit_has_no_dates(extract_texts: Extract) -> None:
    (visit,) = extract_texts(ARRIVAL).visits
    assert visit.year is None
    assert (visit.start, visit.end) == (None, None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Minister of Foreign Affairs Bui Thanh Son said the visit deepened trust between Vietnam and the RoK.",
        "During the visit, Prime Minister Phạm Minh Chính and Prime Minister Park agreed to boost trade.",
        "Vietnamese Ambassador to the RoK Vu Ho described the visit as a milestone.",
        "Prime Minister Phạm Minh Chính will pay an official visit to Laos next week.",
    ],
)
def test_no_visit_is_invented(extract_texts: Extract, sentence: str) -> None:
    extraction = extract_texts(ARRIVAL.replace("5–7 March", "5–7 March 2026") + sentence + "\n")
    assert [(_name(extraction, v.visitor), v.destination) for v in extraction.visits] == [
        ("Park Sung-ho", "vn")
    ]


@pytest.mark.parametrize(
    ("sentence", "visitor", "destination", "kind"),
    [
        (
            "Minister of Industry and Trade Tran Minh Khoa paid a working trip to Busan on April 14, 2026.",
            "Tran Minh Khoa",
            "kr",
            "working trip",
        ),
        (
            "Party General Secretary To Lam’s state visit to the Republic of Korea ended on August 13, 2025.",
            "To Lam",
            "kr",
            "state visit",
        ),
        (
            "The official visit to Vietnam by Korean Prime Minister Park Sung-ho in March 2026 was a success.",
            "Park Sung-ho",
            "vn",
            "official visit",
        ),
        (
            "Korean Prime Minister Park Sung-ho and his spouse Choi Yun-ah paid an official visit to Vietnam "
            "on 5 March 2026.",
            "Park Sung-ho",
            "vn",
            "official visit",
        ),
        (  # a reception: the guest delegation's leader, after the commas of its description
            "On May 2, 2024, Vice Chairman of the Quillan People's Committee Nguyen Van Tho welcomed "
            "a delegation from Ulsong county in Gyeongsangbuk province, Republic of Korea, led by "
            "Min Dal-seo, the county's head.",
            "Min Dal-seo",
            "vn",
            "visit",
        ),
    ],
)
def test_visitor_destination_and_kind(
    extract_texts: Extract, sentence: str, visitor: str, destination: str, kind: str
) -> None:
    extraction = extract_texts(sentence + "\n")
    (visit,) = extraction.visits
    assert (_name(extraction, visit.visitor), visit.destination, visit.kind) == (
        visitor,
        destination,
        kind,
    )


def test_the_most_formal_kind_wins(extract_texts: Extract) -> None:
    extraction = extract_texts(
        "Party General Secretary To Lam began a visit to the RoK on August 10, 2025.\n"
        "General Secretary Lam’s state visit to the RoK continued in Busan on August 13.\n"
    )
    (visit,) = extraction.visits
    assert visit.kind == "state visit"
    assert visit.places == ["Busan"]


def test_a_dateline_dates_the_visit_before_any_other_year_in_the_article(
    extract_texts: Extract,
) -> None:
    # The visit's own dates carry no year; another full date in its sentence (2022) must not
    # win over the dateline's year.
    article = (
        "Vietnamese minister visits Busan\n"
        "Busan, March 6, 2026 (VNA) – Minister of Industry and Trade Tran Minh Khoa is paying a "
        "working trip to Busan from March 5–7, his first since a visit on June 2, 2022.\n"
    )
    (visit,) = extract_texts(article).visits
    assert (visit.start, visit.end, visit.year) == (date(2026, 3, 5), date(2026, 3, 7), 2026)
    assert visit.year_note and "dateline" in visit.year_note


def test_a_visit_placed_only_in_the_country_takes_the_dateline_city(extract_texts: Extract) -> None:
    article = (
        "Deputy ministers hold strategic dialogue\n"
        "Last updated: November 01, 2023 - 22:05\n"
        "HÀ NỘI — Foreign Minister Bùi Thanh Sơn on Wednesday received First Vice Minister of "
        "Foreign Affairs of the Republic of Korea (RoK) Chang Ho-jin, who is in Việt Nam to "
        "co-chair the fifth strategic dialogue.\n"
    )
    (visit,) = extract_texts(article).visits
    assert visit.places == ["Hanoi"]
