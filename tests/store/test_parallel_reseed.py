"""A reseed on several processes builds the same store as on one."""

from __future__ import annotations

import importlib.util
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from store.errors import ReseedFailed
from store.ingest.per_document import CHUNK, processes
from store.reseed import reseed

ROOT = Path(__file__).resolve().parents[2]
BUILD_META = {"build_id", "reseeded_at", "reseeded_by", "summary"}  # when, by whom, how fast


def _generated(out: Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus  # its dataclasses look their module up there
    spec.loader.exec_module(corpus)
    corpus.generate(count, out)


def _rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, sorted, without what records the build itself."""
    with sqlite3.connect(path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        dumped = {}
        for table in tables:
            rows = connection.execute(f'SELECT * FROM "{table}"').fetchall()
            if table == "meta":
                rows = [row for row in rows if row[0] not in BUILD_META]
            dumped[table] = sorted(rows, key=repr)
    return dumped


def test_one_and_two_processes_build_the_same_store(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    _generated(seeds, 3 * CHUNK)  # enough documents for the pool to be used
    for document in [*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data").glob("*.txt")]:
        shutil.copy(document, seeds / document.name)
    (seeds / "empty.txt").write_text("(Photo: VNA)\n")  # skipped after cleaning, in order

    one, two = tmp_path / "one.db", tmp_path / "two.db"
    single = reseed(f"sqlite:///{one}", seeds, processes=1, extra=[])
    double = reseed(f"sqlite:///{two}", seeds, processes=2, extra=[])

    assert single.documents == double.documents > 3 * CHUNK
    built_one, built_two = _rows(one), _rows(two)
    assert built_one.keys() == built_two.keys()
    for table in built_one:
        assert built_one[table] == built_two[table], f"table {table} differs"
    assert built_one["sentences"] and built_one["people"] and built_one["figures"]


def test_the_number_of_processes_comes_from_the_option_the_environment_or_the_cores(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RESEED_PROCESSES", "3")
    assert processes() == 3
    assert processes(1) == 1
    monkeypatch.setenv("RESEED_PROCESSES", "0")
    assert processes() == 1
    monkeypatch.delenv("RESEED_PROCESSES")
    assert processes() >= 1
    monkeypatch.setenv("RESEED_PROCESSES", "many")
    with pytest.raises(ReseedFailed, match="RESEED_PROCESSES must be a whole number"):
        processes()


def _children(pid: int) -> set[int]:
    """The live (not zombie) processes whose parent is pid, read from /proc."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # ended while we looked
        if fields[0] != "Z" and int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_the_workers_of_a_killed_reseed_end_with_it(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    _generated(seeds, 600)  # long enough for the pool to be up when the reseed is killed
    env = {**os.environ, "RESEED_PROCESSES": "2", "DATABASE_URL": f"sqlite:///{tmp_path}/s.db"}
    reseed_process = subprocess.Popen(
        [sys.executable, "-m", "store", "reseed", "--seeds", str(seeds)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        workers: set[int] = set()
        deadline = time.monotonic() + 60
        while len(workers) < 2 and reseed_process.poll() is None and time.monotonic() < deadline:
            workers = _children(reseed_process.pid)
            time.sleep(0.05)
        assert len(workers) >= 2, "the reseed never started its pool"
    finally:
        reseed_process.kill()
        reseed_process.wait()
    deadline = time.monotonic() + 30
    while _alive(workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(workers), f"workers {sorted(_alive(workers))} outlived their reseed"
