"""Uploads racing each other, on each backend: one is added, the other told why not, in words.

Never "the bot's records are unavailable" for a race, and never "Added" for an upload another one
overwrote at the same moment.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable

import pytest

from store.ingest.read import RawDocument
from store.state import StateStore
from store.state.querylog import Asked
from store.state.uploads import UploadRaced

HANG_GUARD_SECONDS = 60.0
RACERS = 6


def _document(name: str, text: str) -> RawDocument:
    return RawDocument(name, text, hashlib.sha256(text.encode()).hexdigest())


@pytest.fixture
def state(backend: str, make_store_url: Callable[[str], Callable[[str], str]]) -> StateStore:
    return StateStore.open(make_store_url(backend)("races"))


def _race(state: StateStore, documents: list[RawDocument]) -> list[object]:
    """Every document added at once from its own thread (each first reading what the name holds,
    as the Slack layer does); what each add returned or raised."""
    outcomes: list[object] = [None] * len(documents)
    start = threading.Barrier(len(documents))

    def add(index: int, document: RawDocument) -> None:
        replacing = state.uploads.content_of(document.name)
        start.wait(HANG_GUARD_SECONDS)
        try:
            outcomes[index] = state.uploads.add(document, 10, "U1", replacing=replacing)
        except Exception as error:  # what the racer was told
            outcomes[index] = error

    threads = [
        threading.Thread(target=add, args=(i, d), daemon=True) for i, d in enumerate(documents)
    ]
    for each in threads:
        each.start()
    for each in threads:
        each.join(HANG_GUARD_SECONDS)
        assert not each.is_alive(), "hang guard: an upload never finished"
    return outcomes


def _added(outcomes: list[object]) -> int:
    return sum(1 for o in outcomes if isinstance(o, bool))


def _raced(outcomes: list[object]) -> list[UploadRaced]:
    raced = [o for o in outcomes if not isinstance(o, bool)]
    assert all(isinstance(o, UploadRaced) for o in raced), raced
    return raced  # type: ignore[return-value]


def test_the_same_name_with_different_texts_adds_exactly_one(state: StateStore) -> None:
    documents = [_document("same.txt", f"Article number {i} about trade.\n") for i in range(RACERS)]
    outcomes = _race(state, documents)
    assert _added(outcomes) == 1
    raced = _raced(outcomes)
    assert len(raced) == RACERS - 1
    assert all("a moment ago" in str(r) for r in raced)
    [kept] = state.uploads.listing()
    winner = documents[[isinstance(o, bool) for o in outcomes].index(True)]
    assert kept.sha256 == winner.sha256  # the one told "added" is the one kept


def test_the_same_text_under_different_names_adds_exactly_one(state: StateStore) -> None:
    text = "One article sent under several names.\n"
    outcomes = _race(state, [_document(f"copy-{i}.txt", text) for i in range(RACERS)])
    assert _added(outcomes) == 1
    [kept] = state.uploads.listing()
    assert all(f"duplicate of uploads/{kept.name}" in str(r) for r in _raced(outcomes))


def test_the_same_document_twice_at_once_is_added_once(state: StateStore) -> None:
    document = _document("twice.txt", "The same file, shared twice.\n")
    outcomes = _race(state, [document, document])
    assert _added(outcomes) == 1
    [raced] = _raced(outcomes)
    assert "already added" in str(raced)


def test_replacing_an_upload_someone_just_replaced_is_refused(state: StateStore) -> None:
    state.uploads.add(_document("doc.txt", "First version.\n"), 10, "U1", replacing=None)
    seen = state.uploads.content_of("doc.txt")
    state.uploads.add(_document("doc.txt", "Second version.\n"), 10, "U2", replacing=seen)
    with pytest.raises(UploadRaced, match="a moment ago"):
        state.uploads.add(_document("doc.txt", "Third version.\n"), 10, "U3", replacing=seen)
    [kept] = state.uploads.listing()
    assert kept.uploaded_by == "U2"


def test_a_question_with_a_nul_keeps_its_log_row(state: StateStore) -> None:
    asked = Asked("/visit aug\x00ust", "command", "visit", 1.0, 1, False, 12, "a" * 16)
    state.log_question(asked, "someone", keep_seconds=3600)
    report = state.report(since=0)
    assert report.questions == 1, report
