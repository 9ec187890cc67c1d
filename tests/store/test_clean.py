"""The clean step: scraping debris removed, sentences and metadata kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from store.ingest.clean import clean_document, is_noise, strip_pictographs

BODY = "They agreed to boost trade and investment."

# (what is wrong, a document with that debris, the paragraphs it must clean to)
NOISE = [
    (
        "emoji glued to the agency",
        f"Seoul (VNA)💙 – The two sides held talks.\n{BODY}\n",
        ["The two sides held talks.", BODY],
    ),
    (
        "pictograph from a rare plane",
        f"Hanoi (VNA) 𒐪– The two sides held talks.\n{BODY}\n",
        ["The two sides held talks.", BODY],
    ),
    (
        "emoji opening a sentence",
        f"🌄 Following the talks, the two leaders met the press.\n{BODY}\n",
        ["Following the talks, the two leaders met the press.", BODY],
    ),
    (
        "emoji inside a sentence",
        f"The RoK regards Vietnam as a core partner 🤝 in the region.\n{BODY}\n",
        ["The RoK regards Vietnam as a core partner in the region.", BODY],
    ),
    (
        "flags and a variation selector",
        f"🇻🇳🇰🇷 Vietnam and the RoK signed ✈️ an aviation deal.\n{BODY}\n",
        ["Vietnam and the RoK signed an aviation deal.", BODY],
    ),
    (
        "image file name",
        f"The two sides held talks.\n530066810_30807069502241485_2861863943063555682_n.jpg\n{BODY}\n",
        ["The two sides held talks.", BODY],
    ),
    (
        "image file name with a space in it",
        "The two sides held talks.\n"
        "vnapotaltongbithutolamgapgolanhdao8205608 17550025330491398564284.jpg\n"
        f"{BODY}\n",
        ["The two sides held talks.", BODY],
    ),
    (
        "upper-case image names",
        f"The two sides held talks.\nIMG_4821.JPG\n20260415_busan_port.png\n{BODY}\n",
        ["The two sides held talks.", BODY],
    ),
    (
        "caption with a bracketed credit",
        "The two sides held talks.\n"
        "Party General Secretary To Lam (L) and Korean President Lee Jae Myung (Photo: VNA)\n"
        f"{BODY}\n",
        # kept as a caption (searchable, never the source of a fact), without its credit
        [
            "The two sides held talks.",
            "Party General Secretary To Lam and Korean President Lee Jae Myung",
            BODY,
        ],
    ),
    (
        "caption with a trailing credit",
        "The two sides held talks.\n"
        "Party Chief To Lam meets leaders of major South Korean corporations. Photo: Vietnam News Agency\n"
        f"{BODY}\n",
        [
            "The two sides held talks.",
            "Party Chief To Lam meets leaders of major South Korean corporations.",
            BODY,
        ],
    ),
    (
        "credit alone on a line",
        f"The two sides held talks.\nPhoto: Minh Nhat\n{BODY}\n",
        ["The two sides held talks.", BODY],
    ),
    (
        "table debris",
        f"The two sides held talks.\n    |\n |\n|\n| | |\n│\n{BODY}\n",
        ["The two sides held talks.", BODY],
    ),
    (
        "Source trailer",
        f"The two sides held talks.\n{BODY}\nSource: VNA\n",
        ["The two sides held talks.", BODY],
    ),
    (
        "a line repeated by the page",
        f"The two sides held talks.\n{BODY}\nThe two sides held talks.\n",
        ["The two sides held talks.", BODY],
    ),
    (
        "non-breaking and doubled spaces",
        f"The two\u00a0sides   held\ttalks.\n{BODY}\n",
        ["The two sides held talks.", BODY],
    ),
]


@pytest.mark.parametrize(("debris", "text", "paragraphs"), NOISE, ids=[n[0] for n in NOISE])
def test_debris_is_removed_and_sentences_are_kept(
    debris: str, text: str, paragraphs: list[str]
) -> None:
    assert clean_document(text).paragraphs == paragraphs


def test_the_end_marker_is_removed_and_ends_the_article() -> None:
    doc = clean_document(
        "The two sides held talks.\n"
        "They later met with the press to brief on the outcomes of their talks./.\n"
        "Laos and Cambodia agreed to boost border trade.\n"
    )
    assert (
        doc.paragraphs[1]
        == "They later met with the press to brief on the outcomes of their talks."
    )
    assert doc.tail_start == 2


@pytest.mark.parametrize("heading", ["Related news", "RELATED NEWS", "Read more:", "See also"])
def test_a_related_news_heading_starts_the_tail(heading: str) -> None:
    doc = clean_document(f"The two sides held talks.\n{BODY}\n{heading}\nLaos grows fast.\n")
    assert doc.paragraphs == ["The two sides held talks.", BODY, "Laos grows fast."]
    assert doc.tail_start == 2


@pytest.mark.parametrize(
    ("first_line", "dateline", "agency"),
    [
        ("Seoul (VNA) – The two sides held talks.", "Seoul", "VNA"),
        ("Seoul (VNA)💙 – The two sides held talks.", "Seoul", "VNA"),
        ("Seoul, March 9 (VNA) – The two sides held talks.", "Seoul", "VNA"),
        ("HCM City (VNA) – The two sides held talks.", "HCM City", "VNA"),
        ("Busan (Yonhap) — The two sides held talks.", "Busan", "Yonhap"),
        ("Hanoi (VNA) - The two sides held talks.", "Hanoi", "VNA"),
        ("VELMORA, Vietnam — The two sides held talks.", "VELMORA", None),
        ("ORSAN, South Korea – The two sides held talks.", "ORSAN", None),
        (
            "TAN QUILL, Vietnam, Dec. 21 (Yonhap) -- The two sides held talks.",
            "TAN QUILL",
            "Yonhap",
        ),
    ],
)
def test_the_dateline_becomes_metadata(first_line: str, dateline: str, agency: str | None) -> None:
    doc = clean_document(f"{first_line}\n{BODY}\n")
    assert (doc.dateline, doc.agency) == (dateline, agency)
    assert doc.paragraphs == ["The two sides held talks.", BODY]


@pytest.mark.parametrize(
    "first_line",
    ["Vietnam, Korea – a new era of ties.", "Velmora, Vietnam – a province on the rise."],
)
def test_two_parties_or_a_place_in_lower_case_open_no_dateline(first_line: str) -> None:
    doc = clean_document(f"{first_line}\n{BODY}\n")
    assert doc.dateline is None


@pytest.mark.parametrize(
    ("last_line", "author"), [("Thu Hang", "Thu Hang"), ("By Minh Anh", "Minh Anh")]
)
def test_a_byline_becomes_the_author(last_line: str, author: str) -> None:
    doc = clean_document(f"The two sides held talks.\n{BODY}\n{last_line}\n")
    assert doc.author == author
    assert doc.paragraphs == ["The two sides held talks.", BODY]


def test_a_source_trailer_becomes_the_agency() -> None:
    doc = clean_document(f"The two sides held talks.\n{BODY}\nSource: VNA\n")
    assert doc.agency == "VNA"
    assert doc.removed == ["Source: VNA"]


@pytest.mark.parametrize(
    ("line", "url", "agency"),
    [
        (
            "Source: https://en.vietnamplus.vn/talks-12345.vnp",
            "https://en.vietnamplus.vn/talks-12345.vnp",
            None,
        ),
        ("Source: VNA https://vnanet.vn/en/a/1.html", "https://vnanet.vn/en/a/1.html", "VNA"),
        (
            "Source: Yonhap (https://en.yna.co.kr/view/AEN1)",
            "https://en.yna.co.kr/view/AEN1",
            "Yonhap",
        ),
        ("https://www.mofa.gov.vn/en/news/1", "https://www.mofa.gov.vn/en/news/1", None),
        ("Read more: <https://example.org/article?id=7>", "https://example.org/article?id=7", None),
    ],
)
def test_a_source_or_address_line_becomes_the_documents_link(
    line: str, url: str, agency: str | None
) -> None:
    doc = clean_document(f"Hanoi and Seoul held talks\n{BODY}\nThey met again.\n{line}\n")
    assert doc.url == url and doc.agency == agency
    assert all("http" not in paragraph for paragraph in doc.paragraphs)


@pytest.mark.parametrize(
    "stamp",
    [
        "Published: 2025-11-22 15:05 | Updated: 2025-11-22 16:40",
        "Center of Overseas Labor (COLAB), Ministry of Home Affairs, Hanoi | Posted 22/11/2025 09:30 | Views: 18,204",
    ],
)
def test_a_page_stamp_dates_the_document_and_is_not_text(stamp: str) -> None:
    doc = clean_document(f"Hanoi and Seoul held talks\n{stamp}\n{BODY}\nThey met again.\n")
    assert doc.published is not None and doc.published.isoformat() == "2025-11-22"
    assert doc.title == "Hanoi and Seoul held talks" and stamp not in doc.paragraphs


def test_an_address_inside_a_sentence_stays_text() -> None:
    sentence = "Details are at https://example.org/plan for those interested."
    doc = clean_document(f"Hanoi and Seoul held talks\n{BODY}\n{sentence}\n")
    assert doc.url is None and sentence in doc.paragraphs


def test_a_first_line_without_a_full_stop_is_the_title() -> None:
    doc = clean_document(
        f"Vietnam and the RoK boost trade ties\nThe two sides held talks.\n{BODY}\n"
    )
    assert doc.title == "Vietnam and the RoK boost trade ties"
    assert doc.paragraphs == ["The two sides held talks.", BODY]


def test_a_first_sentence_is_not_a_title() -> None:
    doc = clean_document(f"The two sides held talks.\n{BODY}\n")
    assert doc.title is None


def test_a_test_document_comes_out_clean(data_dir: Path) -> None:
    doc = clean_document((data_dir / "pm_official_visit_hanoi.txt").read_text(encoding="utf-8"))
    assert (
        doc.title
        == "RoK Prime Minister’s official visit to Vietnam opens a new chapter for investment"
    )
    assert (doc.dateline, doc.agency, doc.author) == ("Hanoi", "VNA", None)
    text = "\n".join(doc.paragraphs)
    for debris in ("🇰🇷", "🤝", ".jpg", "Photo:", "|", "./.", "Nhat Bac", "(VNA)"):
        assert debris not in text
    assert doc.paragraphs[0].startswith(
        "Prime Minister of the Republic of Korea (RoK) Park Sung-ho"
    )
    assert "a core partner in its foreign policy" in text
    assert doc.tail_start is not None
    assert doc.paragraphs[doc.tail_start].startswith(
        "Prime Minister Phạm Minh Chính will pay an official visit to Laos"
    )


def test_a_test_document_gives_its_byline(data_dir: Path) -> None:
    doc = clean_document((data_dir / "pm_visit_outcomes.txt").read_text(encoding="utf-8"))
    assert (doc.dateline, doc.agency, doc.author) == ("Seoul", "VNA", "Thu Hang")
    assert "Thu Hang" not in doc.paragraphs


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("VNA)💙 – talks", "VNA) – talks"),
        ("(VNA) 𒐪– talks", "(VNA) – talks"),
        ("🌄 Following", " Following"),
        ("Phạm Minh Chính in Đà Nẵng", "Phạm Minh Chính in Đà Nẵng"),
        ("서울 and 부산", "서울 and 부산"),
        ("“USD 150 billion” – 7% – €5 – 30,000₫", "“USD 150 billion” – 7% – €5 – 30,000₫"),
        ("keycap 1️⃣ and ZWJ 👨‍👩‍👧 family", "keycap 1 and ZWJ  family"),
    ],
)
def test_strip_pictographs(text: str, kept: str) -> None:
    assert strip_pictographs(text) == kept


@pytest.mark.parametrize(
    ("line", "noise"),
    [
        ("530066810_30807069502241485_2861863943063555682_n.jpg", True),
        ("c4f949571b42931cca53.jpg", True),
        ("IMG_4821.JPG", True),
        ("banner.webp", True),
        ("Photo: Minh Nhat", True),
        ("Image: VNA", True),
        ("Illustrative photo", True),
        ("At the talks between the two leaders. (Photo: VNA)", True),
        ("Party Chief To Lam at the inauguration. Photo: Minh Nhat", True),
        ("The photo exhibition opened in Hanoi on March 3.", False),
        ("Photographers from both countries attended the ceremony.", False),
        ("Imagery from the satellites was shared by both sides.", False),
        (
            "The ministry posted the plan as plan.jpg together with other files on its website.",
            False,
        ),
        ("The two sides agreed to boost trade.", False),
    ],
)
def test_is_noise(line: str, noise: bool) -> None:
    assert is_noise(line) is noise


@pytest.mark.parametrize(
    "section",
    [
        "ECONOMY — Fisheries",
        "Home > News > Provinces",
        "Ulsong County Portal > News > External affairs",
        "MARKETS – COMMODITIES",
        "PRESS RELEASE — Office of the Quillan People's Committee",
    ],
)
def test_a_section_line_above_the_headline_is_not_the_title(section: str) -> None:
    doc = clean_document(
        f"{section}\nKelp growers of Ulsong sign a drying pact\n"
        "[Print] [Email] [Like 12] [Font A- A+]\nThe two sides held talks.\n{BODY}\n".replace(
            "{BODY}", BODY
        )
    )
    assert doc.title == "Kelp growers of Ulsong sign a drying pact"
    assert doc.paragraphs == ["The two sides held talks.", BODY]


def test_a_headline_with_a_dash_between_places_is_still_the_title() -> None:
    doc = clean_document(f"Ulsong – Quillan kelp forum opens\nThe two sides held talks.\n{BODY}\n")
    assert doc.title == "Ulsong – Quillan kelp forum opens"


@pytest.mark.parametrize(
    "heading",
    ["Other news", "More from Opinion", "Tin cùng chuyên mục / Other news"],
)
def test_other_headings_of_a_links_tail_start_it(heading: str) -> None:
    doc = clean_document(f"The two sides held talks.\n{BODY}\n{heading}\nLaos grows fast.\n")
    assert doc.paragraphs == ["The two sides held talks.", BODY, "Laos grows fast."]
    assert doc.tail_start == 2


def test_a_byline_before_a_date_stamp_names_the_author() -> None:
    doc = clean_document(
        "Why Ulsong should share its kelp\nBy Odette Quimby | Quillan Herald | March 3, 2024\n"
        f"The two sides held talks.\n{BODY}\n"
    )
    assert doc.author == "Odette Quimby" and doc.dated == "March 3, 2024"
    assert doc.paragraphs == ["The two sides held talks.", BODY]


@pytest.mark.parametrize(
    ("line", "place", "written"),
    [
        ("Torvik, March 3, 2023", "Torvik", "March 3, 2023"),
        ("Ban Quillo, 14 April 2021", "Ban Quillo", "14 April 2021"),
        ("TAN VARRO, Dec. 21, 2023.", "TAN VARRO", "Dec. 21, 2023"),
    ],
)
def test_a_place_and_date_line_places_and_dates_the_page(
    line: str, place: str, written: str
) -> None:
    doc = clean_document(f"Address by Governor Ilsan Varro at the Orchid Forum\n{line}\n{BODY}\n")
    assert (doc.dateline, doc.dated) == (place, written)
    assert doc.published is not None
    assert line in doc.paragraphs  # kept: it is the line that says where the words were given


@pytest.mark.parametrize(
    "line",
    [
        "Thursday, March 3, 2023",
        "By Ilsan Varro, March 3, 2023",
        "Economy | Thursday, March 3, 2023 - 15:30",
        "Torvik, March 3, 2023 - the orchid growers met.",
    ],
)
def test_a_weekday_a_byline_or_a_sentence_is_no_place_line(line: str) -> None:
    doc = clean_document(f"Address by Governor Ilsan Varro at the Orchid Forum\n{line}\n{BODY}\n")
    assert doc.dateline != line.split(",")[0]


def test_a_place_line_dates_a_page_with_no_stamp_and_yields_to_one() -> None:
    stamped = clean_document(
        f"Orchid Forum opens\nMarch 5, 2023 - 10:00\nTorvik, March 3, 2023\n{BODY}\n"
    )
    assert (stamped.dateline, str(stamped.published)) == ("Torvik", "2023-03-05")
