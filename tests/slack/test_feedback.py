"""👍/👎 on every answer, the query log (people as salted hashes, kept for a while) and
`/attache report` for the admins."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool
from support import ADMIN, BOT_USER_ID, FakeSlack, OwnApp

from bot.config import ConfigError, Settings
from store.state import StateStore, state_url
from store.state.querylog import Asked


def vote_buttons(payload: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        element["action_id"]: element
        for block in payload["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["action_id"].startswith("vote_")
    }


def state_rows(own: OwnApp, sql: str) -> list[tuple[Any, ...]]:
    """Rows of the state as stored (read around the app's own code), on either backend."""
    engine = create_engine(state_url(own.settings.database_url), poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


@pytest.mark.parametrize("query", ["/visit", "/who nguyen", "/figure zzzz"])
def test_every_answer_carries_both_votes(own: OwnApp, query: str) -> None:
    command, _, text = query.partition(" ")
    buttons = vote_buttons(own.slack.command(command, text).json())
    assert set(buttons) == {"vote_up", "vote_down"}
    assert all(b["accessibility_label"] for b in buttons.values())


def test_help_and_apologies_carry_no_votes(own: OwnApp) -> None:
    assert vote_buttons(own.slack.command("/visit", "help").json()) == {}
    assert vote_buttons(own.slack.command("/attache", "status").json()) == {}


def test_one_vote_per_person_and_answer_acknowledged_quietly(
    own: OwnApp, fake_slack: FakeSlack
) -> None:
    buttons = vote_buttons(own.slack.command("/visit", "").json())
    for action_id, user in [
        ("vote_up", "U1001"),
        ("vote_down", "U1001"),
        ("vote_down", "U1001"),
        ("vote_down", "U1002"),
    ]:
        value = buttons[action_id]["value"]
        assert own.slack.press(action_id, value, fake_slack.response_url(), user=user).status == 200
    acks = fake_slack.of("response_url")
    assert len(acks) == 4
    assert all(
        a.params["response_type"] == "ephemeral" and a.params["replace_original"] is False
        for a in acks
    )
    assert "Thanks" in acks[0].params["text"]
    votes = state_rows(own, "SELECT user_hash, vote FROM answer_votes ORDER BY vote")
    assert [v for _, v in votes] == [-1, -1]  # U1 changed their mind; U2 voted once
    assert not any(user in str(votes) for user in ("U1001", "U1002"))


def test_the_query_log_keeps_route_score_results_latency_and_a_salted_hash(
    own: OwnApp, fake_slack: FakeSlack
) -> None:
    own.slack.command("/visit", "", user="U42")
    own.slack.event(
        {
            "type": "app_mention",
            "user": "U42",
            "text": f"<@{BOT_USER_ID}> hello there what",
            "ts": "1.1",
            "channel": "C1",
        },
        f"Ev{uuid.uuid4().hex[:10]}",
    )
    own.slack.event(
        {
            "type": "message",
            "channel_type": "im",
            "user": "U43",
            "text": "/figure zzzz",
            "ts": "1.2",
            "channel": "D1",
        },
        f"Ev{uuid.uuid4().hex[:10]}",
    )
    rows = state_rows(
        own,
        "SELECT source, query, intent, score, results, empty, latency_ms, user_hash FROM query_log ORDER BY id",
    )
    assert [r[:3] for r in rows] == [
        ("command", "/visit", "visit"),
        ("mention", "hello there what", rows[1][2]),
        ("dm", "/figure zzzz", "figure"),
    ]
    assert rows[0][3] == 100 and rows[0][4] >= 1 and rows[0][5] == 0 and rows[0][6] >= 0
    assert rows[2][5] == 1  # "No figures found"
    hashes = [r[7] for r in rows]
    assert hashes[0] == hashes[1] != hashes[2] and "U42" not in hashes[0] and len(hashes[0]) == 32
    [(salt,)] = state_rows(own, "SELECT value FROM state_meta WHERE key = 'query_log_salt'")
    assert len(salt) == 64


def test_a_configured_salt_is_used_instead_of_the_generated_one(tmp_path: Path) -> None:
    state = StateStore.open(f"sqlite:///{tmp_path / 'store.db'}")
    generated = state.queries.user_hash("U1")
    assert state.queries.user_hash("U1") == generated  # stable
    assert state.queries.user_hash("U1", "pepper-from-the-environment") != generated
    assert (
        StateStore.open(f"sqlite:///{tmp_path / 'store.db'}").queries.user_hash("U1") == generated
    )


def test_old_questions_and_votes_are_pruned(tmp_path: Path) -> None:
    state = StateStore.open(f"sqlite:///{tmp_path / 'store.db'}")
    asked = Asked("/visit", "command", "visit", 100, 3, False, 12, "a1")
    day = 24 * 3600
    state.log_question(asked, "h1", keep_seconds=90 * day, now=1_000 * day)
    state.votes.record("a1", "h1", "/visit", 1, up=False, now=1_000 * day)
    state.prune_every = 0
    state.log_question(asked, "h2", keep_seconds=90 * day, now=1_091 * day)
    report = state.report(0)
    assert report.questions == 1 and report.down == 0


@pytest.mark.parametrize(("raw", "days"), [("", 90), ("30", 30), ("3650", 3650)])
def test_retention_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, raw: str, days: int
) -> None:
    monkeypatch.setenv("QUERY_LOG_RETENTION_DAYS", raw)
    assert Settings.from_env().query_log_days == days


@pytest.mark.parametrize("raw", ["0", "-5", "ninety", "1e3", "99999"])
def test_a_bad_retention_is_named(monkeypatch: pytest.MonkeyPatch, raw: str) -> None:
    monkeypatch.setenv("QUERY_LOG_RETENTION_DAYS", raw)
    with pytest.raises(ConfigError, match="QUERY_LOG_RETENTION_DAYS"):
        Settings.from_env()


def test_the_report_counts_the_most_asked_unanswered_unsure_and_voted_down(
    own: OwnApp, fake_slack: FakeSlack
) -> None:
    for query, times in [("/visit", 3), ("/figure zzzz", 2), ("/commitment qqqq", 1)]:
        command, _, text = query.partition(" ")
        for n in range(times):
            own.slack.command(command, text, user=f"U100{n}")
    own.slack.event(
        {
            "type": "message",
            "channel_type": "im",
            "user": "U9",
            "text": "banana bread recipe",
            "ts": "1.2",
            "channel": "D1",
        },
        f"Ev{uuid.uuid4().hex[:10]}",
    )
    down = vote_buttons(own.slack.command("/figure", "zzzz").json())["vote_down"]
    for user in ("U1001", "U1002"):
        own.slack.press("vote_down", down["value"], fake_slack.response_url(), user=user)
    report = own.slack.command("/attache", "report", user=ADMIN).json()
    text = json.dumps(report, ensure_ascii=False)
    assert "8 questions from" in text and "2 👎" in text
    sections = {
        block["text"]["text"].split("\n")[0].strip("*"): block["text"]["text"]
        for block in report["blocks"]
        if block["type"] == "section" and block["text"]["text"].startswith("*")
    }
    assert "3 × /visit" in sections["Most asked"]
    assert "3 × /figure zzzz" in sections["Unanswered (No … found)"]
    assert (
        "banana bread recipe (search, score 50)"
        in sections["Low-confidence routes (score under 80)"]
    )
    assert "2 × /figure zzzz" in sections["Voted down 👎"]


def test_the_report_covers_the_last_seven_days(own: OwnApp) -> None:
    asked = Asked("/visit old", "command", "visit", 100, 0, True, 5, "x")
    own.state.log_question(asked, "h", keep_seconds=90 * 86400, now=time.time() - 8 * 86400)
    report = json.dumps(own.slack.command("/attache", "report", user=ADMIN).json())
    assert "0 questions" in report and "/visit old" not in report


def test_the_report_is_for_admins(own: OwnApp, caplog: pytest.LogCaptureFixture) -> None:
    reply = own.slack.command("/attache", "report", user="U777").json()
    assert "for the maintainers" in reply["text"]
    assert any("refused /attache report for user U777" in r.getMessage() for r in caplog.records)


def test_settings_hide_secrets_from_repr(settings: Settings) -> None:
    shown = repr(replace(settings, query_log_salt="pepper-secret"))
    assert settings.slack_bot_token not in shown and "pepper-secret" not in shown
