"""What a reseed prints when it cannot finish: one clear line, never a password or SQL, and
nothing left behind on the disk.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fault_tools import SEEDS, Built, run_reseed
from sqlalchemy import make_url

from store.db import Store

PASSWORD = "Hunter2-not-for-logs"
ONE_LINE_CHARS = 300  # a reason a person reads at a glance


def _with_password(url: str) -> str:
    return make_url(url).set(password=PASSWORD).render_as_string(hide_password=False)


def test_a_reseed_never_prints_the_database_password(
    make_store_url: Callable[[str], Callable[[str], str]],
) -> None:
    url = _with_password(make_store_url("postgresql")("password"))  # trust: any password works
    done = run_reseed(url, SEEDS)
    assert done.returncode == 0, done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    assert "***" in done.stdout  # the URL is still named, its password masked


def test_a_reseed_that_cannot_reach_the_database_names_it_without_the_password() -> None:
    url = f"postgresql+psycopg://attache:{PASSWORD}@127.0.0.1:1/attache"
    done = run_reseed(url, SEEDS)
    assert done.returncode == 1
    assert PASSWORD not in done.stdout + done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs: room for the seeds' store, not for a large corpus beside it."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode != 0 or shutil.which("mount") is None:
        pytest.skip(f"cannot mount a small tmpfs here: {made.stderr.strip()[:100]}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_reseed_on_a_full_disk_fails_in_one_line_and_leaves_nothing_behind(
    small_disk: Path, corpora: tuple[Built, Built]
) -> None:
    url = f"sqlite:///{small_disk / 'attache.db'}"
    assert run_reseed(url, SEEDS).returncode == 0
    done = run_reseed(url, corpora[0].seeds)  # hundreds of documents: the disk fills up
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr[:2000]
    assert len(lines[0]) <= ONE_LINE_CHARS, lines[0]
    assert "full" in lines[0]
    assert "INSERT" not in done.stderr and "[SQL" not in done.stderr
    assert sorted(os.listdir(small_disk)) == ["attache.db", "attache.db.lock"]
    assert Store.open(url).healthy()  # the old store still serves
