from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run_bot(
    args: list[str], database: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "SLACK_BOT_TOKEN": "",
        "SLACK_APP_TOKEN": "",
        "SLACK_SIGNING_SECRET": "",
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli") / "store.db"


def test_ask_seeds_an_empty_store_then_answers_as_text(database: Path) -> None:
    result = run_bot(["ask", "/commitment trade"], database)
    assert result.returncode == 0, result.stderr
    assert "150 billion USD" in result.stdout
    assert database.exists()


def test_ask_json_prints_one_payload_and_nothing_else(database: Path) -> None:
    result = run_bot(["ask", "--json", "<!channel> what did they agree on trade?"], database)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["text"] and payload["blocks"]
    assert "<!channel>" not in result.stdout
    assert "150 billion" in result.stdout


def test_console_answers_each_line_until_quit(database: Path) -> None:
    result = run_bot([], database, stdin="/visit august\nwho is vu ho\nquit\n/visit october\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Attaché")
    assert "To Lam" in result.stdout and "Ambassador" in result.stdout
    assert "Gyeongju" not in result.stdout  # nothing after quit


def test_ask_page_shows_the_next_items_and_console_more_continues(database: Path) -> None:
    first = run_bot(["ask", "/search cooperation"], database).stdout
    second = run_bot(["ask", "--page", "2", "/search cooperation"], database)
    assert second.returncode == 0, second.stderr
    assert "\n1. " in first and "\n1. " not in second.stdout and "\n6. " in second.stdout
    console = run_bot(["console"], database, stdin="/search cooperation\nmore\n").stdout
    assert "\n6. " in console and console.count("Search: cooperation") == 2
    refused = run_bot(["ask", "--page", "0", "/visit"], database)
    assert refused.returncode == 2 and "not a page number" in refused.stderr


def test_more_in_the_console_continues_a_visits_activities(database: Path) -> None:
    console = run_bot(["console"], database, stdin="/visit august\nmore\n").stdout
    assert "…and 14 more activities (on the next pages)" in console
    assert "2. State visit of To Lam to the RoK: more activities" in console


def test_console_ends_on_end_of_input(database: Path) -> None:
    result = run_bot(["console"], database, stdin="/who lee\n")
    assert result.returncode == 0
    assert "Lee Shin-jae" in result.stdout


def test_a_missing_seeds_folder_is_one_clear_line(tmp_path: Path) -> None:
    env_db = tmp_path / "none.db"
    result = subprocess.run(
        [sys.executable, "-m", "bot", "ask", "/visit"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={
            **os.environ,
            "DATABASE_URL": f"sqlite:///{env_db}",
            "SEEDS_DIR": str(tmp_path / "nope"),
        },
    )
    assert result.returncode == 1
    assert "seeds folder not found" in result.stderr
    assert "Traceback" not in result.stderr
