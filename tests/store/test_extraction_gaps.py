"""Extraction gaps found on held-out articles, each with names, places and titles of no list."""

from __future__ import annotations

from collections.abc import Callable

from store.ingest.clean import clean_document
from store.ingest.extract import Extraction
from store.ingest.people import introductions

Extract = Callable[..., Extraction]


def test_a_title_set_off_by_commas_before_the_name() -> None:
    (intro,) = introductions(
        "Speaking to reporters, Vietnam's Ambassador to the RoK, Đào Khải Quân, said the trip mattered."
    )
    assert (intro.name, intro.role, intro.side) == ("Đào Khải Quân", "Ambassador to the RoK", "vn")


def test_a_pronoun_is_never_part_of_a_role() -> None:
    intros = introductions(
        "About 90 guests came, among them Morvanta chief executive Seo Gwang-rim, and others."
    )
    assert [(i.name, i.role) for i in intros] == [("Seo Gwang-rim", "Morvanta chief executive")]


def test_a_dateline_in_capitals_is_no_person(extract_texts: Extract) -> None:
    found = extract_texts(
        "Sister cities\n"
        "VAN PHONG, Vietnam, Dec. 2 (Yonhap) -- The South Korean city of Dangjin-si and the "
        "Vietnamese town of Van Phong signed a twinning deal, Mayor Ko Han-byeol said.\n"
    )
    assert "van phong" not in found.people
    assert "ko han byeol" in found.people


def test_a_visit_to_a_third_country_is_no_visit_of_the_parties(extract_texts: Extract) -> None:
    found = extract_texts(
        "Korean Speaker Bae Dong-hwi paid an official visit to Vietnam on 3 May 2026 at the "
        "invitation of Chairman Lưu Quang Tiến.\n\n"
        "Chairman Lưu Quang Tiến will pay an official visit to Mongolia next week.\n"
    )
    assert [(v.visitor, v.destination) for v in found.visits] == [("bae dong hwi", "vn")]


def test_a_headline_of_the_two_parties_is_no_dateline() -> None:
    doc = clean_document(
        "Vietnam – RoK Orchard Forum: growers pledge to swap seedlings\n"
        "DALVEN, June 3 (VNA) - Growers from both countries met at the forum.\n"
        "They agreed to swap seedlings next year.\n"
    )
    assert doc.title == "Vietnam – RoK Orchard Forum: growers pledge to swap seedlings"
    assert doc.dateline == "DALVEN"
    assert doc.paragraphs[0] == "Growers from both countries met at the forum."


def test_a_mixed_case_dateline_with_a_dash_still_counts() -> None:
    doc = clean_document(
        "Growers meet in the north\nBrelmont – A delegation of growers arrived on Monday.\nThey toured farms.\n"
    )
    assert doc.dateline == "Brelmont"
    assert doc.paragraphs[0] == "A delegation of growers arrived on Monday."
