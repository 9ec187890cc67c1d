"""`pip install .` (not editable) into a fresh virtual environment, then the installed `attache`
command run from a folder that holds only seeds/: it uses that folder's seeds, var/ and .env."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOT_SHIPPED = shutil.ignore_patterns(
    ".git", ".venv*", "var", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", "bench"
)
OUR_VARIABLES = ("DATABASE_URL", "SEEDS_DIR", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "PYTHONPATH")

pytestmark = pytest.mark.slow  # a fresh venv and an install: about a minute


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin/ folder of a fresh venv with Attaché installed from a copy of the project."""
    base = tmp_path_factory.mktemp("install")
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SHIPPED)
    subprocess.run([sys.executable, "-m", "venv", base / "venv"], check=True, timeout=300)
    bin_dir = base / "venv" / "bin"
    done = subprocess.run(
        [bin_dir / "pip", "install", "-q", str(source)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    shutil.rmtree(source)  # nothing may be read from the source tree after the install
    return bin_dir


def _run(command: list[str | Path], folder: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in OUR_VARIABLES}
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=300)


def test_attache_ask_answers_from_an_empty_folder_with_seeds(
    installed: Path, tmp_path: Path
) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    result = _run([installed / "attache", "ask", "/commitment trade"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "150 billion USD" in result.stdout
    assert (tmp_path / "var" / "attache.db").exists()  # ./var of the working directory


def test_the_working_directorys_env_file_is_read(installed: Path, tmp_path: Path) -> None:
    shutil.copytree(ROOT / "seeds", tmp_path / "articles")
    (tmp_path / ".env").write_text("SEEDS_DIR=articles\nDATABASE_URL=sqlite:///data/bot.db\n")
    result = _run([installed / "attache", "reseed"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "documents:   5" in result.stdout
    assert (tmp_path / "data" / "bot.db").exists()
    module_form = _run([installed / "python", "-m", "bot", "ask", "/who lee"], tmp_path)
    assert module_form.returncode == 0, module_form.stderr
    assert "Lee" in module_form.stdout


def test_without_seeds_the_folder_is_named(installed: Path, tmp_path: Path) -> None:
    result = _run([installed / "attache", "ask", "/visit"], tmp_path)
    assert result.returncode != 0
    assert f"seeds folder not found: {tmp_path / 'seeds'}" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_state_migrations_are_shipped(installed: Path, tmp_path: Path) -> None:
    opened = _run(
        [
            installed / "python",
            "-c",
            "from store.state import StateStore, migrate; import sys; "
            "s = StateStore.open('sqlite:///var/attache.db'); "
            "c = s.engine.connect(); print(migrate.current(c) == migrate.head())",
        ],
        tmp_path,
    )
    assert opened.returncode == 0, opened.stderr
    assert opened.stdout.strip() == "True"
    assert (tmp_path / "var" / "attache.state.db").exists()
