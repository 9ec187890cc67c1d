"""Smaller edges a hostile pass found: partly corrupted stores, absurd headers, odd payloads.

Each gets a clear answer: a 503 from /healthz, a 4xx for a request, never a 500 with a traceback.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from urllib.parse import urlencode

import pytest
from support import SlackClient, signature

from store.db import Store


def _page_size(store_file: Path) -> int:
    header = store_file.read_bytes()[:100]
    size = int.from_bytes(header[16:18], "big")
    return 65536 if size == 1 else size


def test_healthz_says_503_on_a_partly_corrupted_store_and_200_once_restored(
    seeded: Store,
    store_file: Path,
    serve: Callable[[str], AbstractContextManager[SlackClient]],
) -> None:
    with serve(seeded.database_url) as slack:
        assert slack.request("GET", "/healthz").status == 200
        original = store_file.read_bytes()
        page = _page_size(store_file)
        middle = len(original) // 2 // page * page
        store_file.write_bytes(
            original[:middle] + os.urandom(2 * page) + original[middle + 2 * page :]
        )
        health = slack.request("GET", "/healthz")
        assert health.status == 503, health.text
        assert "unavailable" in health.text
        store_file.write_bytes(original)  # restored from a backup, in place
        assert slack.request("GET", "/healthz").status == 200


def _signed_post(
    slack: SlackClient, body: bytes, content_type: str, timestamp: str
) -> tuple[int, str]:
    headers = {
        "Content-Type": content_type,
        "X-Slack-Request-Timestamp": timestamp,
        "X-Slack-Signature": signature(body, timestamp),
    }
    reply = slack.request("POST", "/slack/events", body, headers)
    return reply.status, reply.text


@pytest.mark.parametrize(
    "timestamp",
    ["9" * 4000, "1" + "0" * 3999, "0" * 4000 + str(int(time.time())), "-" + "9" * 30, "+1"],
    ids=["nines", "power-of-ten", "zero-padded-now", "negative", "plus-sign"],
)
def test_an_absurd_timestamp_header_is_refused_with_401(
    seeded: Store,
    serve: Callable[[str], AbstractContextManager[SlackClient]],
    caplog: pytest.LogCaptureFixture,
    timestamp: str,
) -> None:
    body = urlencode({"command": "/visit", "text": "august", "user_id": "U1"}).encode()
    with serve(seeded.database_url) as slack, caplog.at_level(logging.INFO):
        status, text = _signed_post(slack, body, "application/x-www-form-urlencoded", timestamp)
    assert status == 401, text
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"


@pytest.mark.parametrize(
    "payload",
    [
        {"type": "view_submission", "user": {"id": "U1"}, "view": {"id": "V1"}},
        {"type": "view_submission", "user": {"id": "U1"}, "view": {}},
        {"type": "view_submission", "user": {"id": "U1"}, "view": "not a view"},
        {"type": "view_submission", "user": {"id": "U1"}},
        {"type": "view_closed", "user": {"id": "U1"}, "view": {}},
        {"type": "shortcut", "user": {"id": "U1"}},
        {"type": "block_suggestion", "user": {"id": "U1"}},
    ],
    ids=[
        "view-without-type",
        "empty-view",
        "view-not-a-dict",
        "no-view",
        "closed-empty",
        "shortcut",
        "suggest",
    ],
)
def test_a_signed_interaction_missing_its_parts_gets_a_clean_answer(
    seeded: Store,
    serve: Callable[[str], AbstractContextManager[SlackClient]],
    caplog: pytest.LogCaptureFixture,
    payload: dict[str, object],
) -> None:
    body = urlencode({"payload": json.dumps(payload)}).encode()
    with serve(seeded.database_url) as slack, caplog.at_level(logging.INFO):
        status, text = _signed_post(
            slack, body, "application/x-www-form-urlencoded", str(int(time.time()))
        )
    assert status < 500, text
    assert "Traceback" not in text
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"
