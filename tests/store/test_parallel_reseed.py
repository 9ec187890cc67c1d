"""A reseed on several processes builds the same store as on one."""

from __future__ import annotations

import importlib.util
import shutil
import sqlite3
import sys
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
