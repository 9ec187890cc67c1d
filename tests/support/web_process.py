"""The web process exactly as the Procfile's web line starts it, on a free loopback port."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.config import Settings
from support.fake_slack import BOT_TOKEN, SIGNING_SECRET
from support.signed import SlackClient

ROOT = Path(__file__).resolve().parents[2]
BOOT_SECONDS = 30  # hang guard: gunicorn and its workers start in a few seconds


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


def healthy(client: SlackClient) -> bool:
    try:
        return client.request("GET", "/healthz", timeout=1).status == 200
    except OSError:
        return False


@contextmanager
def running(
    env: dict[str, str], log: Path, command: str | None = None, port: int | None = None
) -> Iterator[SlackClient]:
    """The web process, once /healthz answers 200; stopped (SIGTERM, then SIGKILL) afterwards."""
    process = start_web(env, log, command)
    client = SlackClient("127.0.0.1", port or int(env["PORT"]))
    try:
        deadline = time.monotonic() + BOOT_SECONDS
        while not healthy(client):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the web process did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield client
    finally:
        stop(process)
