"""`/attache` answered in process: the refusal, help and status, as the listeners get them.

Written for the mutants that survived the Slack-level tests (README "Mutation testing"): who is
refused and how it is logged, help being the core's usage plus one item, status with and without
the bot's records.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import ADMIN, OwnApp

from bot.answer import Answer
from bot.core import answer_safely
from bot.slack.attache import (
    EVERYONE_ITEM,
    MAINTAINERS,
    AttacheRequest,
    attache_answer,
    help_answer,
    refuse,
)
from bot.slack.background import Background
from bot.slack.reseeding import Reseeder
from store.db import Store
from store.ingest.read import RawDocument
from store.state import StateStore
from store.state.querylog import Asked
from store.state.reseeds import ReseedRecord

Ask = Callable[..., Answer]
HANG_GUARD_SECONDS = (
    60.0  # a hang guard, not a speed test: a reseed of tests/data in the background
)


@pytest.fixture
def ask(own: OwnApp, tmp_path: Path) -> Iterator[Ask]:
    """ask(text, user=..., state=..., store=...) -> what /attache answers, in this process."""
    background = Background()

    def ask(
        text: str,
        user: str = "U777",
        state: StateStore | None = own.state,
        store: Store | None = None,
    ) -> Answer:
        request = AttacheRequest(
            store or Store.open(own.settings.database_url),
            own.settings,
            state,
            user,
            Reseeder(),
            background,
            lambda _answer: None,
        )
        return attache_answer(request, text)

    yield ask
    background.wait_idle(30)


def missing_store(tmp_path: Path) -> Store:
    return Store.open(f"sqlite:///{tmp_path / 'missing' / 'store.db'}")


def test_a_refusal_names_the_action_within_100_characters_and_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    action = "/attache " + "x" * 150
    refused = refuse(action, "U7")
    assert (refused.query, refused.intent) == (action, "help")
    assert refused.heading == action[:100]
    assert refused.notice == f"`{action[:100]}` is for the maintainers (ADMIN_USER_IDS) only."
    assert any(f"refused {action} for user U7" in r.getMessage() for r in caplog.records)
    labelled = refuse("adding documents", "U7", "Adding documents")
    assert labelled.heading == "Adding documents"
    assert labelled.notice == "Adding documents is for the maintainers (ADMIN_USER_IDS) only."


def test_help_is_the_core_usage_and_one_item_for_everyone(store: Store) -> None:
    core = answer_safely(store, "/attache help")
    assert any("/commitment" in line for item in core.items for line in item.lines)
    everyone = help_answer(store)
    assert everyone.notice == core.notice
    assert everyone.items == (*core.items, EVERYONE_ITEM)
    # One page holds it all: the extra item is counted and shown.
    assert (everyone.total, everyone.page_size) == (core.total + 1, core.page_size + 1)
    maintainer = help_answer(store, "First.", maintainer=True)
    assert maintainer.notice == "\n\n".join(n for n in ("First.", core.notice) if n)
    assert maintainer.items == (*core.items, MAINTAINERS)


def test_help_with_the_store_unavailable_is_the_error_alone(tmp_path: Path) -> None:
    answer = help_answer(missing_store(tmp_path), maintainer=True)
    assert answer.intent == "error"
    assert MAINTAINERS not in answer.items and EVERYONE_ITEM not in answer.items


def test_status_without_a_store_says_so(ask: Ask, tmp_path: Path) -> None:
    answer = ask("status", store=missing_store(tmp_path))
    assert (answer.query, answer.intent) == ("/attache status", "error")


def test_status_without_the_bots_records_still_answers(ask: Ask) -> None:
    answer = ask("status", state=None)
    assert answer.intent != "error"
    assert [item.title for item in answer.items] == ["The store", "Last reseed"]


def test_status_counts_the_uploads_and_names_a_failed_reseed_from_slack(
    ask: Ask, own: OwnApp
) -> None:
    _upload(own)
    now = time.time()
    own.state.reseeds.record(ReseedRecord(now - 5, now, f"slack:{ADMIN}", "failed", "boom"))
    answer = ask("status")
    uploads = next(item for item in answer.items if item.title == "Uploads")
    assert uploads.lines[0].startswith("1 document uploaded from Slack; 1 not in the store yet")
    assert "the last reseed from Slack" in answer.notice and "failed" in answer.notice


def test_help_and_an_unknown_word(ask: Ask, own: OwnApp) -> None:
    store = Store.open(own.settings.database_url)
    assert ask("help").notice == help_answer(store).notice  # no notice of its own
    word = "d" * 80
    assert f"I don't know `/attache {word[:50]}`." in ask(word).notice


def _upload(own: OwnApp, name: str = "upload.txt") -> None:
    text = "Hanoi, May 2, 2026 — Vietnam and the Republic of Korea agreed on trade in Seoul."
    digest = hashlib.sha256(text.encode()).hexdigest()
    own.state.uploads.add(RawDocument(name, text, digest), len(text), ADMIN, replacing=None)


def test_the_report_covers_the_last_week_for_a_maintainer(ask: Ask, own: OwnApp) -> None:
    asked = Asked("/visit august", "command", "visit", 1.0, 2, False, 40, "a1")
    own.state.log_question(asked, "someone", keep_seconds=90 * 86400)
    report = ask("report", user=ADMIN)
    assert report.query == "/attache report"
    assert report.summary.startswith("1 questions from 1 people")


def test_a_removal_is_logged_with_who_and_a_miss_lists_the_uploads(
    ask: Ask, own: OwnApp, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.slack.attache")
    _upload(own)
    missed = ask("remove nope.txt", user=ADMIN)
    assert "No upload named *nope.txt* found" in missed.notice and "upload.txt" in missed.notice
    removed = ask("remove upload.txt", user=ADMIN)
    assert removed.notice.startswith("Removed upload.txt.")
    assert any(r.getMessage() == f"upload upload.txt removed by {ADMIN}" for r in caplog.records)
    assert own.state.uploads.listing() == []


@pytest.mark.parametrize("word", ["report", "documents", "remove upload.txt"])
def test_without_the_bots_records_a_maintainer_is_told_so(ask: Ask, word: str) -> None:
    answer = ask(word, user=ADMIN, state=None)
    assert (answer.query, answer.intent) == (f"/attache {word.split()[0]}", "error")
    assert answer.heading == "The bot's records are unavailable"


def test_a_reseed_from_slack_is_recorded_in_the_bots_records(ask: Ask, own: OwnApp) -> None:
    started = ask("reseed", user=ADMIN)
    assert started.intent != "error"
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while not own.state.reseeds.latest() and time.monotonic() < deadline:
        time.sleep(0.1)
    latest = own.state.reseeds.latest()
    assert latest and latest[0].by == f"slack:{ADMIN}" and latest[0].outcome == "ok"
