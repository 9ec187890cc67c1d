"""The bot started exactly as the Procfile's web line starts it: gunicorn with two workers."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from support import BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET, FakeSlack, SlackClient

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[2]
BOOT_SECONDS = 30


def procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def environment(settings: Settings, port: int, **overrides: str) -> dict[str, str]:
    """The variables a deploy sets; everything Slack-related pointed at the fake."""
    return {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PORT": str(port),
        "DATABASE_URL": settings.database_url,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_APP_TOKEN": "",
        "SLACK_API_URL": settings.slack_api_url,
        "ADMIN_USER_IDS": "",
        "LOG_LEVEL": "INFO",
        **overrides,
    }


def start_web(
    env: dict[str, str], log: Path, command: str | None = None
) -> subprocess.Popen[bytes]:
    with open(log, "wb") as sink:
        return subprocess.Popen(
            ["sh", "-c", command or procfile()["web"]],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # sh and gunicorn in their own group, stopped together
        )


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group we started (sh, gunicorn and its workers), then SIGKILL."""
    if process.poll() is not None:
        return
    for sig in (signal.SIGTERM, signal.SIGKILL):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=10)
            return
        except subprocess.TimeoutExpired:
            continue


@contextmanager
def running(
    env: dict[str, str], log: Path, command: str | None = None, port: int | None = None
) -> Iterator[SlackClient]:
    """The web process, once /healthz answers 200; stopped (SIGTERM, then SIGKILL) afterwards."""
    process = start_web(env, log, command)
    client = SlackClient("127.0.0.1", port or int(env["PORT"]))
    try:
        deadline = time.monotonic() + BOOT_SECONDS
        while not _healthy(client):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the web process did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield client
    finally:
        stop(process)


@pytest.fixture(scope="module")
def gunicorn(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SlackClient]:
    log = tmp_path_factory.mktemp("gunicorn") / "web.log"
    with running(environment(settings, free_port()), log) as client:
        yield client


def _healthy(client: SlackClient) -> bool:
    try:
        return client.request("GET", "/healthz", timeout=1).status == 200
    except OSError:
        return False


def test_commitment_trade_is_answered_in_the_ack(
    gunicorn: SlackClient, fake_slack: FakeSlack
) -> None:
    fake_slack.reset()
    reply = gunicorn.command("/commitment", "trade", response_url=fake_slack.response_url())
    assert reply.status == 200
    assert "150 billion" in json.dumps(reply.json())
    assert fake_slack.of("response_url") == []  # no placeholder: the answer itself was the ack


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
    event = {
        "type": "message",
        "subtype": "file_share",
        "channel_type": "im",
        "channel": "D0ADMIN",
        "user": ADMIN,
        "files": [shared],
        "ts": "1700000000.000100",
    }
    with running(env, tmp_path / "first.log") as first:
        assert first.event(event, f"Ev{uuid.uuid4().hex[:10]}").status == 200
        [added] = fake_slack.wait_for("chat.postMessage")
        assert "Added restart.txt" in added.params["text"]
    with running(env, tmp_path / "second.log") as second:
        listing = second.command("/attache", "documents", user=ADMIN).json()
        assert "restart.txt" in json.dumps(listing)
