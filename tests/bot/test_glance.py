"""Answers read at a glance, checked on `ask --json` payloads: each title is the fact's substance,
the notification text carries the first facts, long items are cut at clauses, every fact says how
many documents report it, documents that disagree are shown side by side, targets get a progress
bar, sources link to the article. Every payload passes slack_sdk's Block Kit models and our own
limit checks. tests/glance holds documents written for these tests (a target given as "by 2023"
in one article and "by 2025" in another, an actual figure for 2024, an article with its URL, a
visit given as November 20 to 22 by one agency and as November 21 to 23 by another, whose page
dates only its stamp line says in full)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from payloads import limit_problems
from slack_sdk.models.blocks import Block

from store.reseed import reseed

ROOT = Path(__file__).resolve().parents[2]
GLANCE = ROOT / "tests" / "glance"


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("glance")
    urls = {"seeds": f"sqlite:///{folder / 'seeds.db'}", "glance": f"sqlite:///{folder / 'g.db'}"}
    reseed(urls["seeds"], ROOT / "seeds")
    reseed(urls["glance"], GLANCE)
    return urls


@cache
def _ask(database_url: str, query: str, *options: str) -> str:
    """`python -m bot ask [options] QUERY` (`--json` unless other options are given)."""
    env = {**os.environ, "DATABASE_URL": database_url, "SLACK_BOT_TOKEN": ""}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", *(options or ("--json",)), query],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,  # hang guard
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def ask_json(stores: dict[str, str], store: str, query: str, page: int = 1) -> dict[str, Any]:
    """`python -m bot ask --json --page N QUERY` on one of the stores, checked against Block Kit."""
    options = ("--json",) if page == 1 else ("--json", "--page", str(page))
    payload: dict[str, Any] = json.loads(_ask(stores[store], query, *options))
    for block in payload["blocks"]:
        Block.parse(block).validate_json()  # slack_sdk's own models: types, lengths, counts
    assert limit_problems(payload) == []
    return payload


def titles(payload: dict[str, Any]) -> list[str]:
    """The bold first lines of the item sections."""
    found = []
    for block in payload["blocks"]:
        text = block.get("text", {}).get("text", "") if block["type"] == "section" else ""
        if match := re.match(r"\*([^*\n]+)\*", text):
            found.append(match.group(1))
    return found


def quiet_lines(payload: dict[str, Any]) -> list[str]:
    """The context elements that are not the sources line."""
    return [
        element["text"]
        for block in payload["blocks"]
        if block["type"] == "context"
        for element in block["elements"]
        if not element["text"].startswith(("Sources:", "…and"))
    ]


def test_each_title_is_the_facts_substance(stores: dict[str, str]) -> None:
    payload = ask_json(stores, "seeds", "/commitment trade")
    shown = titles(payload)
    assert shown[0] == "Raising two-way trade turnover to 150 billion USD by 2030"
    assert len(set(shown)) == len(shown) and not any(t.startswith("Agreed by") for t in shown)
    first_quiet = quiet_lines(payload)[1]  # after the summary ("2 commitments")
    assert first_quiet.startswith(
        "Agreed by both sides · state visit of To Lam, August 10–13, 2025"
    )


def test_the_notification_text_carries_the_first_facts(stores: dict[str, str]) -> None:
    text = ask_json(stores, "seeds", "/commitment trade")["text"]
    lines = text.split("\n")
    assert len(lines) == 2
    assert "Raising two-way trade turnover to 150 billion USD by 2030" in lines[0]
    assert "Agreed by both sides" in lines[0] and "Agreed by both sides\nAgreed" not in text
    visit = ask_json(stores, "seeds", "/visit august")["text"]
    assert "State visit of To Lam to the RoK" in visit and "August 10–13, 2025" in visit


def test_a_passages_notification_is_what_it_says_not_its_documents_title(
    stores: dict[str, str],
) -> None:
    text = ask_json(stores, "seeds", "/search statue")["text"]
    assert "inauguration of a statue of President Ho Chi Minh" in text
    assert "elevates bilateral substantive cooperation" not in text


def test_long_items_are_cut_at_a_clause_and_visits_say_when_where_who_once(
    stores: dict[str, str],
) -> None:
    payload = ask_json(stores, "seeds", "/visit august")
    card = next(
        b["text"]["text"] for b in payload["blocks"] if "• " in b.get("text", {}).get("text", "")
    )
    bullets = [line[2:] for line in card.split("\n") if line.startswith("• ")]
    assert bullets and not any("more reported" in b for b in bullets[:3])
    # The signings lead the card, before the ordinary activities.
    assert "exchange of 10 cooperation documents" in bullets[0]
    assert "signing of 50 cooperation agreements" in bullets[1]
    person = bullets_of(ask_json(stores, "glance", "/who kim young-hoon"))
    assert person and not any(re.search(r"\d…$", b) for b in person)  # "from November 20…"
    for bullet in bullets + person:
        if bullet.endswith("…"):
            cut = bullet.removesuffix("…")
            assert not cut.endswith((" ", ",")) and re.search(r"\w$", cut), bullet
    [who] = [q for q in quiet_lines(payload) if "Visitor:" in q]
    assert who.count("Visitor:") == 1 and "Host: Lee Jae Myung" in who
    assert "Seoul, Busan" in who and "August 10–13, 2025" in who
    assert "year inferred" in who  # the seeds give this visit's year only elsewhere


def test_every_fact_says_how_many_documents_report_it(stores: dict[str, str]) -> None:
    commitments = quiet_lines(ask_json(stores, "seeds", "/commitment trade"))
    assert commitments[1].endswith("Reported by 4 documents")
    assert commitments[2].endswith("Single source")
    figures = quiet_lines(ask_json(stores, "glance", "/figure trade"))
    assert all(q.endswith(("Single source", "documents")) for q in figures[1:])


def test_documents_that_disagree_are_shown_side_by_side(stores: dict[str, str]) -> None:
    payload = ask_json(stores, "glance", "/figure trade")
    differing = [
        b["text"]["text"]
        for b in payload["blocks"]
        if "Sources differ" in b.get("text", {}).get("text", "")
    ]
    assert len(differing) == 2  # each of the two statements is marked
    line = next(x for x in differing[0].split("\n") if "Sources differ" in x)
    assert "*100 billion USD by 2023* (Vietnam and RoK set trade goal at talks in Hanoi" in line
    assert "*100 billion USD by 2025* (Korean firms eye bigger role in Vietnam trade" in line
    commitments = json.dumps(ask_json(stores, "glance", "/commitment trade"), ensure_ascii=False)
    assert commitments.count("Sources differ") == 2 and "*100 billion USD by 2025* (" in commitments
    # the same target stated twice is corroboration, not a conflict
    seeds = json.dumps(ask_json(stores, "seeds", "/figure trade"))
    assert "Sources differ" not in seeds and "Reported by 4 documents" in seeds


def test_a_visit_whose_days_documents_give_differently_shows_both(
    stores: dict[str, str],
) -> None:
    payload = ask_json(stores, "glance", "/visit november")
    [who] = [q for q in quiet_lines(payload) if "Visitor: Kim Young-hoon" in q]
    assert who.startswith("November 20–22, 2026 or November 21–23, 2026")
    [line] = [
        x
        for b in payload["blocks"]
        for x in b.get("text", {}).get("text", "").split("\n")
        if "Sources differ" in x
    ]
    vna, yonhap = line.split(" · ")
    assert vna.startswith(
        ":warning: Sources differ: *November 20–22, 2026* (Korean labour minister"
    )
    assert "(VNA, November 20, 2026)" in vna and "(Yonhap" not in vna
    assert yonhap.startswith("*November 21–23, 2026* (Labor minister Kim visits Vietnam")
    assert "Sources differ: November 20–22, 2026 (" in _ask(
        stores["glance"], "/visit november", "--page", "1"
    )
    # the same visit given the same days by two documents, or a day of it, is no conflict
    assert "Sources differ" not in _ask(stores["seeds"], "/visit")


def test_a_source_is_dated_by_its_page_stamp(stores: dict[str, str]) -> None:
    """A dateline without a year ("SEOUL, Nov. 23 (Yonhap)") under a stamp line that has one."""
    shown = json.dumps(ask_json(stores, "glance", "/visit november"), ensure_ascii=False)
    assert (
        "Labor minister Kim visits Vietnam to discuss foreign workers (Yonhap, November 23, 2026)"
        in shown
    )
    assert "Published:" not in shown


def test_search_passages_and_people_say_how_many_documents_report_them(
    stores: dict[str, str],
) -> None:
    search = ask_json(stores, "seeds", "/search trade turnover")
    counted = quiet_lines(search)[1:]
    assert counted and all(q.endswith(("Single source", "documents")) for q in counted)
    # a passage stating the trade target carries the commitment's corroboration
    assert "Reported by 4 documents" in counted
    person = quiet_lines(ask_json(stores, "seeds", "/who vu ho"))
    assert person == ["Single source"]
    lee = quiet_lines(ask_json(stores, "seeds", "/who lee jae myung"))
    assert lee[0].startswith("Reported by") and int(lee[0].split()[2]) >= 4


def test_a_target_shows_how_far_the_latest_actual_has_come(stores: dict[str, str]) -> None:
    shown = json.dumps(ask_json(stores, "glance", "/figure trade"), ensure_ascii=False)
    assert "81.5 bn (2024) ▓▓▓▓▓░░░░░ 150 bn (2030)`  54% of the target" in shown
    # no actual figure before the deadline in the seeds: no bar
    assert "▓" not in json.dumps(ask_json(stores, "seeds", "/figure trade"), ensure_ascii=False)


def bullets_of(payload: dict[str, Any]) -> list[str]:
    return [
        line[2:]
        for block in payload["blocks"]
        for line in block.get("text", {}).get("text", "").split("\n")
        if line.startswith("• ")
    ]


def test_a_visits_further_activities_open_on_the_next_pages(stores: dict[str, str]) -> None:
    first = ask_json(stores, "seeds", "/visit august")
    *shown, more = bullets_of(first)
    assert len(shown) == 6 and more == "…and 14 more activities (on the next pages)"
    assert first["text"].endswith("Seoul, Busan (+2 more pages of its activities)")
    [button] = [
        e
        for b in first["blocks"]
        if b["type"] == "actions"
        for e in b["elements"]
        if e["action_id"] == "show_more"
    ]
    assert json.loads(button["value"].replace("&quot;", '"')) == {"q": "/visit august", "p": 2}
    pages = [first]
    pages += [ask_json(stores, "seeds", "/visit august", page) for page in (2, 3)]
    assert titles(pages[1]) == ["State visit of To Lam to the RoK: more activities"]
    assert "activities 7–16 of 20" in quiet_lines(pages[1])[1]
    assert "activities 17–20 of 20" in quiet_lines(pages[2])[1]
    assert not any(
        p["type"] == "actions" and any(e["action_id"] == "show_more" for e in p["elements"])
        for p in pages[2]["blocks"]
    )
    every = [b for p in pages for b in bullets_of(p) if not b.startswith("…and")]
    assert len(every) == 20 and len(set(every)) == 20
    # Among several visits, a card names the query that opens its visit alone, as a button too.
    listed = ask_json(stores, "seeds", "/visit")
    assert "…and 14 more activities (/visit To Lam August 2025)" in bullets_of(listed)
    assert '"q": "/visit To Lam August 2025"' in json.dumps(listed).replace("&quot;", '"').replace(
        '\\"', '"'
    )


def test_a_source_links_to_the_article_when_it_gives_its_address(stores: dict[str, str]) -> None:
    shown = json.dumps(ask_json(stores, "glance", "/commitment trade"), ensure_ascii=False)
    link = "<https://en.vietnamplus.vn/vietnam-rok-set-trade-goal/150001.vnp|Vietnam and RoK set"
    assert link in shown and "(VNA, March 12, 2019)" in shown
    assert "Source: VNA" not in shown  # the Source line is the link, not text


@pytest.mark.parametrize(
    "query",
    ["/commitment trade", "/visit", "/visit august", "/figure trade", "/who lee", "/search trade"],
)
def test_payloads_pass_block_kit(stores: dict[str, str], query: str) -> None:
    for store in ("seeds", "glance"):
        payload = ask_json(stores, store, query)
        assert payload["text"].strip() and len(payload["blocks"]) <= 50
