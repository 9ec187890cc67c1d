"""Which direct messages bring a document, and who may bring one, decided in process.

Written for the mutants that survived the Slack-level upload tests (README "Mutation testing"):
a question is never taken for a document, nor a document for a question, and everyone outside
ADMIN_USER_IDS is refused with the same words and a log line naming them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from slack_sdk import WebClient
from support import ADMIN

from bot.config import Settings
from bot.core import MAX_QUERY_CHARS
from bot.slack.uploads import Sender, document_answer

SOMEONE = "U777"


def sender(settings: Settings, user: str) -> Sender:
    """A sender whose DM never gets as far as storing anything (no state, no Web API calls)."""
    return Sender(user, replace(settings, admin_user_ids=frozenset({ADMIN})), None, WebClient())


def dm(text: str, **more: Any) -> dict[str, Any]:
    return {"type": "message", "channel_type": "im", "user": SOMEONE, "text": text, **more}


FILE = {"id": "F1", "name": "notes.txt", "filetype": "text", "size": 10}


@pytest.mark.parametrize(
    "event",
    [
        dm("what did they agree on trade?"),
        dm("x" * MAX_QUERY_CHARS),  # as long as a question may be
        dm("what about these?", files=[FILE]),  # files, but not a file share
        dm("what about this?", subtype="file_share", files="F1"),  # files not as Slack lists them
        {"type": "message", "user": SOMEONE},  # no text at all
    ],
)
@pytest.mark.parametrize("user", [SOMEONE, ADMIN])
def test_a_question_is_a_question_from_anyone(settings: Settings, event: Any, user: str) -> None:
    assert document_answer(event, sender(settings, user)) is None


@pytest.mark.parametrize(
    "event",
    [dm("add: Hanoi, May 2 — trade."), dm("x", subtype="file_share", files=[FILE])],
)
def test_someone_else_bringing_a_document_is_refused_and_logged(
    settings: Settings, event: Any, caplog: pytest.LogCaptureFixture
) -> None:
    answer = document_answer(event, sender(settings, SOMEONE))
    assert answer is not None
    assert answer.heading == "Adding documents"
    assert answer.notice == "Adding documents is for the maintainers (ADMIN_USER_IDS) only."
    assert any(
        r.getMessage().startswith(f"refused adding documents for user {SOMEONE}")
        for r in caplog.records
    )


def test_a_long_message_from_someone_else_is_a_question(settings: Settings) -> None:
    """Only a maintainer's long message is taken for a pasted document."""
    assert document_answer(dm("x" * (MAX_QUERY_CHARS + 1)), sender(settings, SOMEONE)) is None
