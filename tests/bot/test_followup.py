"""Reading a reply in a thread against the thread's last question (pure: no Slack, no state)."""

from __future__ import annotations

import pytest

from bot.followup import FollowUp, read_in_thread
from bot.knowledge import Knowledge


@pytest.mark.parametrize(
    ("previous", "page", "reply", "expected"),
    [
        ("/visit august", 1, "more", FollowUp("/visit august", 2)),
        ("/visit august", 2, "Next.", FollowUp("/visit august", 3)),
        ("/visit august", 1, "and in October?", FollowUp("/visit October", 1)),
        ("/visit august 2025", 1, "what about 2024?", FollowUp("/visit 2024", 1)),
        (
            "who visited Seoul in August?",
            1,
            "and in Oct?",
            FollowUp("who visited Seoul in Oct?", 1),
        ),
        ("/commitment trade", 1, "and in 2024?", FollowUp("/commitment trade 2024", 1)),
        ("/commitment trade", 1, "and investment?", FollowUp("/commitment investment", 1)),
        ("what did they agree on trade?", 1, "and on labour?", FollowUp("/commitment labour", 1)),
        ("/figure trade", 1, "what about tourism", FollowUp("/figure tourism", 1)),
        ("/commitment trade", 1, "who signed it?", FollowUp("who signed trade?", 1)),
        (
            "/who lee",
            1,
            "what did he say about trade?",
            FollowUp("what did lee say about trade?", 1),
        ),
        ("/who lee", 1, "and To Lam?", FollowUp("/who To Lam", 1)),
        # a question of its own, or a command, is answered as it is
        ("/visit august", 1, "who is Vu Ho?", FollowUp("who is Vu Ho?", 1)),
        ("/visit august", 1, "/commitment trade", FollowUp("/commitment trade", 1)),
    ],
)
def test_a_reply_is_read_against_the_last_question(
    seeds_known: Knowledge, previous: str, page: int, reply: str, expected: FollowUp
) -> None:
    assert read_in_thread(reply, previous, page, seeds_known) == expected
