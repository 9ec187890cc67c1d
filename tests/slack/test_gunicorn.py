"""The bot started exactly as the Procfile's web line starts it: gunicorn with two workers."""

from __future__ import annotations

import json
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import BOT_USER_ID, FakeSlack, SlackClient
from support.bodies import admin_file_share
from support.web_process import BOOT_SECONDS, ROOT, environment, free_port, running, start_web, stop

from bot.config import Settings


@pytest.fixture(scope="module")
def gunicorn(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SlackClient]:
    log = tmp_path_factory.mktemp("gunicorn") / "web.log"
    with running(environment(settings, free_port()), log) as client:
        yield client


def test_commitment_trade_is_answered_in_the_ack(gunicorn: SlackClient) -> None:
    reply = gunicorn.command("/commitment", "trade")
    assert reply.status == 200
    assert "150 billion" in json.dumps(reply.json())


def test_an_event_is_acknowledged_before_its_reply_and_a_retry_is_not_answered_again(
    gunicorn: SlackClient, fake_slack: FakeSlack
) -> None:
    fake_slack.reset()
    event_id = f"Ev{uuid.uuid4().hex[:10]}"
    event = {
        "type": "app_mention",
        "user": "U123",
        "text": f"<@{BOT_USER_ID}> /visit august",
        "ts": "1700000000.000100",
        "channel": "C123",
    }
    with fake_slack.holding("chat.postMessage") as arrived:
        first = gunicorn.event(event, event_id)
        assert first.status == 200  # acknowledged while the reply is still held by the fake
        assert arrived.wait(timeout=BOOT_SECONDS), "the first delivery never replied"
        for retry in (1, 2, 3):  # whichever worker each retry reaches
            assert gunicorn.event(event, event_id, retry=retry).status == 200
    fake_slack.wait_for("chat.postMessage")
    time.sleep(0.5)  # room for a wrongly answered retry to show up (it must not)
    assert len(fake_slack.of("chat.postMessage")) == 1


def test_a_missing_setting_stops_the_web_process_with_one_line(
    settings: Settings, tmp_path: Path
) -> None:
    log = tmp_path / "web.log"
    process = start_web(environment(settings, free_port(), SLACK_SIGNING_SECRET=""), log)
    try:
        process.wait(timeout=BOOT_SECONDS)
    finally:
        stop(process)
    output = log.read_text()
    assert process.returncode != 0
    assert "configuration error: SLACK_SIGNING_SECRET is not set" in output
    assert "Traceback" not in output


def test_python_m_bot_serve_runs_the_same_application(settings: Settings, tmp_path: Path) -> None:
    port = free_port()
    command = f"{sys.executable} -m bot serve --port {port}"
    env = environment(settings, port, PORT="")
    with running(env, tmp_path / "serve.log", command, port) as client:
        reply = client.command("/visit", "august")
        assert reply.status == 200
        assert reply.json()["response_type"] == "ephemeral"


def test_an_upload_survives_a_restart_of_the_web_process(
    settings: Settings, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    from shutil import copytree

    from support import ADMIN

    from store.reseed import reseed

    seeds = tmp_path / "seeds"
    copytree(ROOT / "tests" / "data", seeds)
    url = f"sqlite:///{tmp_path / 'var' / 'attache.db'}"
    reseed(url, seeds)
    port = free_port()
    env = environment(settings, port, DATABASE_URL=url, SEEDS_DIR=str(seeds), ADMIN_USER_IDS=ADMIN)
    fake_slack.reset()
    shared = fake_slack.add_file("restart.txt", b"Vietnam and the RoK agreed to expand trade.\n")
    event = admin_file_share(shared)
    with running(env, tmp_path / "first.log") as first:
        assert first.event(event, f"Ev{uuid.uuid4().hex[:10]}").status == 200
        [added] = fake_slack.wait_for("chat.postMessage")
        assert "Added restart.txt" in added.params["text"]
    # The restarted process on a port of its own: a stopping gthread worker keeps its listening
    # socket open while it finishes its requests, and would take (then drop) connections meant
    # for the new process on the same port.
    restarted = {**env, "PORT": str(free_port())}
    with running(restarted, tmp_path / "second.log") as second:
        listing = second.command("/attache", "documents", user=ADMIN).json()
        assert "restart.txt" in json.dumps(listing)
