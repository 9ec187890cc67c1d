"""Fixtures for the store tests: the documents under tests/data, real SQLite stores in tmp_path."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from store import models as m
from store.db import Store
from store.ingest.clean import clean_document
from store.ingest.extract import Extraction, extract
from store.ingest.read import RawDocument, read_documents
from store.reseed import reseed

PROJECT = Path(__file__).resolve().parents[2]
DATA = PROJECT / "tests" / "data"

Dump = dict[str, list[tuple[Any, ...]]]


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The documents written for these tests: a minister's trip to Busan, a Prime Minister's visit."""
    return DATA


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five real seed documents."""
    return PROJECT / "seeds"


@pytest.fixture
def extract_texts() -> Callable[..., Extraction]:
    """Run the extract step over inline documents (d0.txt, d1.txt, …) as a reseed would."""

    def run(*texts: str) -> Extraction:
        return extract(
            [
                (
                    RawDocument(f"d{i}.txt", t, hashlib.sha256(t.encode()).hexdigest()),
                    clean_document(t),
                )
                for i, t in enumerate(texts)
            ]
        )

    return run


@pytest.fixture(scope="session")
def data_extraction() -> Extraction:
    """The extraction of every document under tests/data."""
    raw, skipped = read_documents(DATA)
    assert not skipped
    return extract([(doc, clean_document(doc.text)) for doc in raw])


@pytest.fixture(scope="session")
def data_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """A store reseeded from tests/data by the CLI's loader, shared by the tests that only read it."""
    path = tmp_path_factory.mktemp("data-store") / "attache.db"
    reseed(f"sqlite:///{path}", DATA)
    return Store.open(f"sqlite:///{path}")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    """Where a test's own store lives (its folder does not exist yet)."""
    return tmp_path / "var" / "attache.db"


@pytest.fixture
def store_url(store_path: Path) -> str:
    return f"sqlite:///{store_path}"


@pytest.fixture
def broken_skips() -> dict[str, str]:
    """Each file of broken_seeds a reseed must skip, with a word of the reason it must give."""
    skips = {
        "binary.txt": "binary",
        "empty.txt": "empty",
        "blank.txt": "empty",
        "latin1.txt": "not utf-8",
        "zz_duplicate.txt": "duplicate of minister_busan_trip.txt",
        "huge.txt": "too large",
        "x.txt": "directory",
        "loop.txt": "unreadable",
    }
    if os.geteuid() != 0:  # root reads a chmod 000 file anyway
        skips["locked.txt"] = "unreadable"
    return skips


@pytest.fixture
def broken_seeds(tmp_path: Path) -> Iterator[Path]:
    """tests/data plus one file of each kind a reseed must skip (see broken_skips)."""
    folder = tmp_path / "broken-seeds"
    shutil.copytree(DATA, folder)
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"  \n\n\t\n")
    latin1 = "Cafés in Seoul serve Vietnamese coffee, and the RoK agreed to import more of it.\n"
    (folder / "latin1.txt").write_bytes(latin1.encode("latin-1"))
    shutil.copyfile(folder / "minister_busan_trip.txt", folder / "zz_duplicate.txt")
    line = b"Vietnam and the RoK agreed to expand cooperation in trade and investment.\n"
    (folder / "huge.txt").write_bytes(line * (5 * 1024 * 1024 // len(line) + 2))
    (folder / "x.txt").mkdir()
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "around").symlink_to(".", target_is_directory=True)  # a directory loop
    locked = folder / "locked.txt"
    if os.geteuid() != 0:
        locked.write_text("Vietnam and the RoK agreed to boost tourism.\n", encoding="utf-8")
        locked.chmod(0)
    yield folder
    if locked.exists():
        locked.chmod(0o644)


@pytest.fixture
def dump() -> Callable[[Store], Dump]:
    """Every row of every table but meta (which records when and how long), in key order."""

    def rows(store: Store) -> Dump:
        tables: Dump = {}
        with store.session() as session:
            for table in m.Base.metadata.sorted_tables:
                if table.name != m.Meta.__tablename__:
                    query = select(table).order_by(*table.primary_key.columns)
                    tables[table.name] = [tuple(row) for row in session.execute(query)]
        return tables

    return rows


@pytest.fixture
def run_cli(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python -m store …` in a subprocess; DATABASE_URL points into tmp_path unless given."""

    def run(*args: str, database_url: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SEEDS_DIR")}
        env["DATABASE_URL"] = database_url or f"sqlite:///{tmp_path / 'cli' / 'attache.db'}"
        return subprocess.run(
            [sys.executable, "-m", "store", *args],
            cwd=PROJECT,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    return run
