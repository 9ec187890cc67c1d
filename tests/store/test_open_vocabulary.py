"""Open-vocabulary extraction: facts about people, places and titles that no lexicon holds.

Every name, title, place and topic below is invented for these tests (and absent from
`store/lexicon/`): what is found, is found by shape and context, never by a list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from store.ingest.clean import clean_document
from store.ingest.extract import Extraction
from store.ingest.page_lines import is_caption, is_interface, stamp_date, without_editor_notes
from store.ingest.relative_dates import relative_dates
from store.lexicon import load

MAYOR_TRIP = """Yeoncheon mayor opens orchard partnership in the Central Highlands
Local News | 2025-11-22 10:41
Share  Print  A-  A+
(ATTN: ADDS quote in para 4)
Gwak Tae-hoon (L) shakes hands with Ton That Khiem in Lang Vien. Photo: Tuy Lam Daily
LANG VIEN — Gwak Tae-hoon, Mayor of Yeoncheon-si in the Republic of Korea, touched down in Lang Vien on Thursday, opening a four-day working visit to Vietnam at the invitation of Ton That Khiem, Chairman of the People's Committee of Lang Vien province.
The two sides agreed to set up a persimmon grading centre in Lang Vien by 2027.
He pledged to send 40 orchard technicians to the province next year.
The mayor also highlighted the potential of dried persimmon exports.
Ton That Khiem said the province hoped to double persimmon shipments to 12,000 tonnes by 2028.
By Minh Chau
"""

DELEGATION = """Lang Vien leaders head to Gyeonggi for drone talks
Politics | Friday, October 10, 2025 - 08:15
A delegation of Lang Vien province led by Hoang Bao Tram, Vice Chairwoman of the provincial People's Committee, flew to Suwon on Monday for talks on agricultural drones.
Receiving the delegation led by Hoang Bao Tram, Park Eun-gyeol, CEO of Skyfarm Aero, said the firm would open a drone pilot school in Lang Vien.
"""


@pytest.fixture(scope="module")
def extraction(extract_texts: Callable[..., Extraction]) -> Extraction:
    return extract_texts(MAYOR_TRIP, DELEGATION)


@pytest.fixture(scope="module")
def extract_texts() -> Callable[..., Extraction]:
    import hashlib

    from store.ingest.extract import extract
    from store.ingest.read import RawDocument

    def run(*texts: str) -> Extraction:
        return extract(
            [
                (
                    RawDocument(f"d{i}.txt", t, hashlib.sha256(t.encode()).hexdigest()),
                    clean_document(t),
                )
                for i, t in enumerate(texts)
            ]
        )

    return run


def test_the_names_are_in_no_lexicon() -> None:
    everything = str([load(n) for n in ("parties", "titles", "topics", "countries", "cues")])
    for word in ("Gwak", "Khiem", "Yeoncheon", "Lang Vien", "persimmon", "Skyfarm", "Eun-gyeol"):
        assert word not in everything


def test_people_by_shape_with_their_roles_and_sides(extraction: Extraction) -> None:
    people = {p.name: p for p in extraction.people.values()}
    assert people["Gwak Tae-hoon"].role == "Mayor of Yeoncheon-si in the Republic of Korea"
    assert people["Gwak Tae-hoon"].side == "kr"
    assert people["Ton That Khiem"].role.startswith("Chairman of the People's Committee")
    assert people["Park Eun-gyeol"].role == "CEO of Skyfarm Aero"
    assert people["Park Eun-gyeol"].side == "kr"
    assert people["Hoang Bao Tram"].side == "vn"
    assert "Lang Vien" not in people and "Minh Chau" not in people  # a place, a byline


def test_a_mayors_visit_dated_from_the_page_stamp(extraction: Extraction) -> None:
    (visit,) = [
        v for v in extraction.visits if extraction.people[v.visitor].name == "Gwak Tae-hoon"
    ]
    assert visit.destination == "vn"
    assert visit.kind == "working visit"
    assert (visit.start, visit.end) == (date(2025, 11, 20), date(2025, 11, 23))  # Thursday, 4 days
    assert visit.year == 2025
    assert "Lang Vien" in visit.places
    assert extraction.people[visit.host or ""].name == "Ton That Khiem"


def test_a_delegation_led_by_a_vice_chairwoman_flies_to_a_korean_city(
    extraction: Extraction,
) -> None:
    (visit,) = [
        v for v in extraction.visits if extraction.people[v.visitor].name == "Hoang Bao Tram"
    ]
    assert visit.destination == "kr"
    assert visit.places[:1] == ["Suwon"]
    assert visit.start == date(2025, 10, 6)  # "on Monday" before Friday, October 10


def test_noise_never_becomes_a_fact(extraction: Extraction) -> None:
    first = extraction.docs[0]
    texts = [p[0] for p in first.passages]
    assert not any("Share" in t or "ATTN" in t or "2025-11-22" in t for t in texts)
    caption = next(p for p in first.passages if "shakes hands" in p[0])
    assert caption[1] is False and caption[3] == "photo caption"  # kept, searchable, no facts
    assert first.clean.author == "Minh Chau"
    quoted = [s.text for c in extraction.commitments for s, _, _ in c.sources]
    assert not any("shakes hands" in q for q in quoted)


def test_commitments_on_subjects_no_topic_list_holds(extraction: Extraction) -> None:
    quoted = {s.text: c for c in extraction.commitments for s, _, _ in c.sources}
    assert any("persimmon grading centre" in q for q in quoted)
    assert any("40 orchard technicians" in q for q in quoted)
    assert not any("highlighted the potential" in q for q in quoted)  # a remark, not a pledge


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Politics & Law | Thursday, November 20, 2025 - 21:14", date(2025, 11, 20)),
        ("2025-11-22 10:41", date(2025, 11, 22)),
        ("Updated: 22/11/2025 10:41 GMT+7", date(2025, 11, 22)),
        ("SGGP | Monday, September 25, 2023, 20:47", date(2023, 9, 25)),
        ("Posted: Nov. 21, 2025 | Business", date(2025, 11, 21)),
        ("Updated 2025-11-19T08:30:00+07:00", date(2025, 11, 19)),
        ("The fair opened on November 20, 2025 and drew crowds.", None),
        ("The plant opened in Jan. 2020 and employs 5,000 people.", None),
    ],
)
def test_page_date_stamps(line: str, expected: date | None) -> None:
    found = stamp_date(line)
    assert (found[0] if found else None) == expected


@pytest.mark.parametrize(
    ("sentence", "today", "day"),
    [
        ("He arrived on Friday.", date(2025, 11, 22), date(2025, 11, 21)),  # a Saturday paper
        ("He arrived on Saturday.", date(2025, 11, 22), date(2025, 11, 22)),
        ("He will arrive on Monday.", date(2025, 11, 22), date(2025, 11, 24)),
        # a past clause in a sentence about what will be (a Tuesday paper)
        (
            "X will no longer coach the team, officials said on Monday.",
            date(2026, 1, 13),
            date(2026, 1, 12),
        ),
        ("On Monday, the delegation will tour the plant.", date(2026, 1, 13), date(2026, 1, 19)),
        ("They met yesterday.", date(2025, 3, 1), date(2025, 2, 28)),
    ],
)
def test_weekdays_resolve_against_the_article_date(sentence: str, today: date, day: date) -> None:
    (found,) = relative_dates(sentence, today, [])
    assert (found.year, found.month, found.day) == (day.year, day.month, day.day)


def test_last_month_and_this_week() -> None:
    found = relative_dates(
        "Talks began last month and ended earlier this week.", date(2025, 1, 9), []
    )
    assert [(d.kind, d.year, d.month) for d in found] == [("month", 2024, 12), ("month", 2025, 1)]


def test_page_lines() -> None:
    assert is_interface("Share  Print  A-  A+")
    assert not is_interface("Share prices rose.")
    assert (
        without_editor_notes("(ATTN: ADDS quote in para 4) The talks ended.") == "The talks ended."
    )
    assert is_caption("Gwak Tae-hoon (L) shakes hands with his host. VNA Photo")
    assert not is_caption("The two sides held talks in Seoul.")


def test_pronouns_and_descriptions_resolve_to_the_committer(extraction: Extraction) -> None:
    actors = {s.text[:30]: c.actor for c in extraction.commitments for s, _, _ in c.sources}
    assert actors["He pledged to send 40 orchard "] == "Gwak Tae-hoon"
    assert actors["The two sides agreed to set up"] == "Both sides"


def test_a_company_commits_and_a_short_name_alone_is_its_person(
    extract_texts: Callable[..., Extraction],
) -> None:
    found = extract_texts(
        "Orchard deal signed\n"
        "Skyfarm Aero will supply 30 spraying drones to Lang Vien cooperatives by June 2026.\n"
        "Ton That Khiem, Chairman of the People's Committee of Lang Vien province, met the firm.\n"
        "Khiem said the province would lease land to the company.\n"
        "The chairman pledged to simplify procedures for orchard investors.\n"
    )
    actors = {s.text[:20]: c.actor for c in found.commitments for s, _, _ in c.sources}
    assert actors["Skyfarm Aero will su"] == "Skyfarm Aero"
    assert actors["The chairman pledged"] == "Ton That Khiem"
    khiem = next(s for s in found.sents if s.text.startswith("Khiem said"))
    assert [found.people[m.person].name for m in khiem.mentions] == ["Ton That Khiem"]


def test_the_same_commitment_in_other_words_is_one_reported_by_two_documents(
    extract_texts: Callable[..., Extraction],
) -> None:
    first = (
        "Yeoncheon mayor in Lang Vien\n"
        "Gwak Tae-hoon, Mayor of Yeoncheon-si, paid a working visit to Vietnam on November 20-22, 2025.\n"
        "The two sides agreed to build a persimmon grading centre and a cold storage depot in Lang Vien province.\n"
    )
    second = (
        "Persimmon depot for Lang Vien\n"
        "Mayor Gwak Tae-hoon of Yeoncheon-si was on a working visit to Vietnam from November 20-22, 2025.\n"
        "They agreed that a cold storage depot and a persimmon grading centre would be built in Lang Vien province.\n"
    )
    found = extract_texts(first, second)
    merged = [c for c in found.commitments if "persimmon" in c.sources[0][0].text]
    assert len(merged) == 1
    assert len({s.doc for s, _, _ in merged[0].sources}) == 2


def test_a_price_in_us_dollars_does_not_make_a_paragraph_about_the_united_states() -> None:
    from store.ingest.relevance import classify

    (relevance,) = classify(
        ["The two governments signed a contract for 12 river ferries worth 40 million US dollars."],
        None,
    )
    assert relevance.on_topic


def test_korean_family_names_spelt_outside_the_syllable_pattern() -> None:
    # "Park" and "Ahn" are not romanised syllables by the pattern, yet the commonest spellings.
    from store.ingest.people import build_registry

    sentence = "HANOI -- When Park Hang-seo landed at the airport, few people knew his name."
    assert "park hang seo" in build_registry([sentence])
