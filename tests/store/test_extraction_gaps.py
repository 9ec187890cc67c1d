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


def test_a_counted_noun_ends_on_its_head() -> None:
    from store.ingest.figures import find_figures

    units = [
        f.unit
        for f in find_figures(
            "Some 2,400 Marlovian growers operate there, the farm spans 6,100 square metres "
            "roughly, and the river is 35 km inland.",
            [],
        )
    ]
    assert units == ["Marlovian growers", "square metres", "km"]


def test_scores_share_prices_and_names_with_numbers_are_no_figures() -> None:
    from store.ingest.figures import find_figures

    assert find_figures("Dorvik beat Tallamo 4-3 away in the second leg.", []) == []
    assert (
        find_figures("Quillon shares closed 2.7 percent higher at 31,450 won on Friday.", []) == []
    )
    assert find_figures("Work starts at Brenna 4 Industrial Park next month.", []) == []


def test_market_quote_lines_are_noise() -> None:
    from store.ingest.page_lines import is_ticker

    assert is_ticker("Quillon Tech 041275.KQ 1.12% | Brava-Index 1,004.10 0.3% | USD/XYZ 3,210")
    assert is_ticker("(Quillon Tech KRX: 041275 1.8%)")
    assert not is_ticker("Two-way trade rose 8.5% to 86.1 billion USD in 2024.")


def test_a_list_of_links_is_off_topic() -> None:
    from store.ingest.relevance import classify

    result = classify(
        [
            "Vietnam and the RoK agreed to build an orchard institute in Dalven.",
            "More in Business: Vietnam, RoK open orchard fair | Korean growers visit Dalven",
        ],
        None,
    )
    assert [r.on_topic for r in result] == [True, False]
    assert result[1].reason == "a list of links"


def test_the_committer_is_the_subject_not_the_person_met(extract_texts: Extract) -> None:
    found = extract_texts(
        "Korean Minister Ryu Dal-hwan paid an official visit to Vietnam on 3 May 2026.\n\n"
        "Meeting Ryu Dal-hwan, Chairman of the Orchard Council, Deputy Minister Đặng Quế Lâm "
        "pledged to open three seedling farms.\n\n"
        "Governor Seo Min-tae and Chairman Lưu Quang Tiến agreed to exchange orchard delegations.\n"
    )
    actors = {c.sources[0][0].text[:7]: c.actor for c in found.commitments}
    assert actors["Meeting"] == "Đặng Quế Lâm"
    assert actors["Governo"] == "Seo Min-tae and Lưu Quang Tiến"


def test_a_relative_date_is_quoted_with_the_date_it_stands_for(extract_texts: Extract) -> None:
    found = extract_texts(
        "Orchard growers land in Jeju\n"
        "2024-03-08 10:00\n"
        "The first orchard growers from Dalven arrived in Korea on Tuesday under a seasonal "
        "scheme. More will come next month.\n"
    )
    shown = [s.shown for s in found.sents if "orchard" in s.text or "More" in s.text]
    assert shown == [
        "The first orchard growers from Dalven arrived in Korea on Tuesday (March 5, 2024) under "
        "a seasonal scheme.",
        "More will come next month (April 2024).",
    ]
    assert "(March 5, 2024)" in found.docs[0].passages[0][0]


def test_a_company_named_after_a_nationality_commits(extract_texts: Extract) -> None:
    found = extract_texts(
        "Korean orchard group Morvanta Holdings plans to build a seedling plant in Vietnam.\n"
    )
    assert [c.actor for c in found.commitments] == ["Morvanta Holdings"]


def test_a_title_opening_a_run_and_a_team_coached_by() -> None:
    (coach,) = introductions("Coach Aurelio Mendrane's side had lost 2-0 to Chile a week before.")
    assert (coach.name, coach.role) == ("Aurelio Mendrane", "Coach")
    (other,) = introductions("Dalvenia, coached by Ko Han-byeol, lost 1-0 in the semi-final.")
    assert (other.name, other.role) == ("Ko Han-byeol", "coach of Dalvenia")


def test_landing_at_an_airport_is_a_trip(extract_texts: Extract) -> None:
    found = extract_texts(
        "HANOI -- When Korean coach Seo Gwang-rim landed at Noi Bai airport in October 2019, "
        "few people knew his name.\n"
    )
    assert [(v.visitor, v.destination) for v in found.visits] == [("seo gwang rim", "vn")]


def test_a_labelled_headline_and_a_pager() -> None:
    doc = clean_document(
        "PHOTOS: Lanterns and kites fill Brelmont Square at the Orchard Festival\n"
        "[◀ Prev]  1 / 6  [Next ▶]   ⤢ Full screen\n"
        "Crowds gather in Brelmont Square on Saturday for the festival's opening day.\n"
        "Photo: Ha Lanh\n"
    )
    assert doc.title == "Lanterns and kites fill Brelmont Square at the Orchard Festival"
    assert doc.paragraphs == [
        "Crowds gather in Brelmont Square on Saturday for the festival's opening day."
    ]


def test_what_a_commitment_is_about_and_who_gives_it(extract_texts: Extract) -> None:
    found = extract_texts(
        "Official development assistance (ODA) from the Republic of Korea to Vietnam through "
        "the Dalven Fund will rise to 7 million USD this year.\n"
    )
    (fact,) = found.commitments
    assert (fact.actor, fact.topics) == ("the RoK", ["oda"])


def test_a_yearless_dateline_takes_the_year_of_the_same_day_in_the_text(
    extract_texts: Extract,
) -> None:
    found = extract_texts(
        "Dalven win the Orchard Cup\n"
        "BRELMONT, Feb. 9 (Yonhap) -- Dalven won the Orchard Cup on Sunday. Their coach was "
        "hired in May last year.\n"
        "Coach Ko Han-byeol lifts the cup in Brelmont on Feb. 9, 2025. (Yonhap)\n"
    )
    shown = [s.shown for s in found.sents if "Dalven won" in s.text or "hired" in s.text]
    assert shown == [
        "Dalven won the Orchard Cup on Sunday (February 9, 2025).",
        "Their coach was hired in May last year (May 2024).",
    ]
