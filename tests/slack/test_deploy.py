"""Deploying as Heroku does: the Procfile's web line on an empty disk, workers from
WEB_CONCURRENCY, a postgres:// URL, and SIGTERM with work still in flight."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import make_url
from support import ADMIN, FakeSlack, SlackClient
from support.bodies import admin_file_share
from support.web_process import BOOT_SECONDS, environment, free_port, running, start_web, stop
from support.web_process import healthy as _healthy

from bot.config import Settings
from store.db import Store
from store.settings import normalise_database_url

ROOT = Path(__file__).resolve().parents[2]
HEROKU_GRACE_SECONDS = 30  # Heroku's SIGKILL follows SIGTERM after this long


def _booted_workers(log: Path) -> int:
    return log.read_text().count("Booting worker with pid")


def test_a_web_process_on_an_empty_disk_builds_the_store_then_serves(
    settings: Settings, tmp_path: Path
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    store = tmp_path / "var" / "attache.db"  # no var/ folder: nothing is there yet
    env = environment(
        settings,
        free_port(),
        DATABASE_URL=f"sqlite:///{store}",
        SEEDS_DIR=str(tmp_path / "seeds"),
        WEB_CONCURRENCY="2",
    )
    log = tmp_path / "web.log"
    with running(env, log) as web:  # running() waits for /healthz 200
        reply = web.command("/commitment", "trade")
        assert reply.status == 200
        assert "150 billion" in json.dumps(reply.json())
        assert Store.open(f"sqlite:///{store}").exists()
    output = log.read_text()
    assert output.count("no store yet: building it from") >= 1
    assert output.count("store built at start") == 1  # the reseed lock let one worker build it
    assert "Traceback" not in output


def test_healthz_says_the_store_is_being_built_until_it_is(
    settings: Settings, tmp_path: Path
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    port = free_port()
    env = environment(
        settings,
        port,
        DATABASE_URL=f"sqlite:///{tmp_path / 'var' / 'attache.db'}",
        SEEDS_DIR=str(tmp_path / "seeds"),
    )
    process = start_web(env, tmp_path / "web.log")
    client = SlackClient("127.0.0.1", port)
    seen: list[tuple[int, str]] = []
    try:
        deadline = time.monotonic() + BOOT_SECONDS
        while time.monotonic() < deadline and (not seen or seen[-1][0] != 200):
            try:
                reply = client.request("GET", "/healthz", timeout=2)
                seen.append((reply.status, reply.text))
            except OSError:
                pass
            time.sleep(0.05)
    finally:
        stop(process)
    assert seen and seen[-1] == (200, "ok")
    assert all(answer in ((503, "the store is being built"), (200, "ok")) for answer in seen)


@pytest.mark.parametrize(("concurrency", "workers"), [(None, 2), ("3", 3)])
def test_web_concurrency_sets_the_workers(
    settings: Settings, tmp_path: Path, concurrency: str | None, workers: int
) -> None:
    log = tmp_path / "web.log"
    env = environment(settings, free_port())
    env.pop("WEB_CONCURRENCY", None)
    if concurrency is not None:
        env["WEB_CONCURRENCY"] = concurrency
    with running(env, log):
        deadline = time.monotonic() + BOOT_SECONDS
        while _booted_workers(log) < workers and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)  # room for a worker too many to show up (it must not)
    assert _booted_workers(log) == workers


def test_a_bad_web_concurrency_is_one_line(settings: Settings, tmp_path: Path) -> None:
    log = tmp_path / "web.log"
    port = free_port()
    command = f"{sys.executable} -m bot serve --port {port}"
    process = start_web(environment(settings, port, WEB_CONCURRENCY="many"), log, command)
    try:
        process.wait(timeout=BOOT_SECONDS)
    finally:
        stop(process)
    assert process.returncode != 0
    assert "configuration error: WEB_CONCURRENCY must be a whole number" in log.read_text()
    assert "Traceback" not in log.read_text()


def test_sigterm_lets_work_in_flight_finish_within_herokus_grace(
    settings: Settings, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    """An upload acknowledged just before the deploy stops the dyno is still added and answered."""
    log = tmp_path / "web.log"
    env = environment(settings, free_port(), ADMIN_USER_IDS=ADMIN, WEB_CONCURRENCY="1")
    fake_slack.reset()
    shared = fake_slack.add_file("drain.txt", b"Vietnam and the RoK agreed to expand trade.\n")
    event = admin_file_share(shared)
    process = start_web(env, log)
    try:
        web = _wait_healthy(process, env, log)
        with fake_slack.holding("file_download") as arrived:
            assert web.event(event, f"Ev{uuid.uuid4().hex[:10]}").status == 200
            assert arrived.wait(timeout=20), "the upload never started"
            stopped_at = time.monotonic()
            os.killpg(process.pid, signal.SIGTERM)  # as Heroku stops a dyno
            time.sleep(1.0)  # the download is still held: the work is in flight
        [added] = fake_slack.wait_for("chat.postMessage", timeout=HEROKU_GRACE_SECONDS)
        assert "Added drain.txt" in added.params["text"]
        process.wait(timeout=max(0.0, stopped_at + HEROKU_GRACE_SECONDS - time.monotonic()))
        assert _gone(process.pid, stopped_at + HEROKU_GRACE_SECONDS)  # the workers too
    finally:
        stop(process)
    assert "Traceback" not in log.read_text()


def _wait_healthy(process: subprocess.Popen[bytes], env: dict[str, str], log: Path) -> SlackClient:
    client = SlackClient("127.0.0.1", int(env["PORT"]))
    deadline = time.monotonic() + BOOT_SECONDS
    while not _healthy(client):
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"the web process did not start:\n{log.read_text()}")
        time.sleep(0.1)
    return client


def _gone(process_group: int, deadline: float) -> bool:
    while time.monotonic() < deadline:
        try:
            os.killpg(process_group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_postgres_urls_name_the_psycopg_driver() -> None:
    given = "postgres://u:secret@db.example.com:5432/d1"
    assert normalise_database_url(given) == "postgresql+psycopg://u:secret@db.example.com:5432/d1"
    assert normalise_database_url("postgresql://u@h/d").startswith("postgresql+psycopg://")
    assert normalise_database_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"
    assert normalise_database_url("sqlite:///var/attache.db") == "sqlite:///var/attache.db"


def test_a_postgres_url_from_heroku_reseeds_and_answers(
    make_store_url: object, tmp_path: Path
) -> None:
    """DATABASE_URL exactly as Heroku Postgres sets it: postgres://user:password@host:port/db."""
    url = make_store_url("postgresql")("heroku")  # type: ignore[operator]
    heroku = make_url(url).set(drivername="postgres").render_as_string(hide_password=False)
    env = {**os.environ, "DATABASE_URL": heroku, "SEEDS_DIR": str(ROOT / "seeds")}
    release = subprocess.run(
        [sys.executable, "-m", "store", "reseed"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert release.returncode == 0, release.stderr
    password = make_url(url).password
    assert not password or password not in release.stdout
    asked = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "/commitment trade"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert asked.returncode == 0, asked.stderr
    assert "150 billion" in asked.stdout
