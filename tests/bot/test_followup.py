"""Reading a reply in a thread against the thread's last question (pure: no Slack, no state)."""

from __future__ import annotations

import pytest

from bot.answer import Item
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


VISIT = Item(
    title="State visit of To Lam to the RoK",
    about="the state visit of To Lam to the RoK in August 2025",
    person="To Lam",
    occasion=True,
)
COMMITMENT = Item(
    title="Raising two-way trade turnover to 150 billion USD by 2030",
    about="raising two-way trade turnover to 150 billion USD by 2030",
)


@pytest.mark.parametrize(
    ("previous", "shown", "reply", "expected"),
    [
        (
            "/visit august",
            VISIT,
            "who signed it?",
            "who signed during the state visit of To Lam to the RoK in August 2025?",
        ),
        (
            "/visit august",
            VISIT,
            "when was it?",
            "when was the state visit of To Lam to the RoK in August 2025?",
        ),
        (
            "/visit august",
            VISIT,
            "what was agreed at it?",
            "what was agreed at the state visit of To Lam to the RoK in August 2025?",
        ),
        ("/visit august", VISIT, "what did he say?", "what did To Lam say?"),
        (
            "/commitment trade",
            COMMITMENT,
            "who agreed to it?",
            "who agreed to raising two-way trade turnover to 150 billion USD by 2030?",
        ),
        # an answer with nothing to point at: the last question's words, as before
        ("/commitment trade", None, "who signed it?", "who signed trade?"),
        # …and for he or she, the person the last question named
        (
            "who signed during the state visit of To Lam to the RoK in August 2025?",
            None,
            "what did he say?",
            "what did To Lam say?",
        ),
        # no pronoun: the answer is not asked for
        ("/visit august", VISIT, "and in October?", "/visit October"),
    ],
)
def test_a_pronoun_means_what_the_last_answer_was_about(
    seeds_known: Knowledge, previous: str, shown: Item | None, reply: str, expected: str
) -> None:
    asked: list[str] = []

    def subject() -> Item | None:
        asked.append(previous)
        return shown

    assert read_in_thread(reply, previous, 1, seeds_known, subject) == FollowUp(expected, 1)
    assert len(asked) == (0 if reply == "and in October?" else 1)
