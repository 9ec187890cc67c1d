"""`python -m store reseed` run as a maintainer runs it, in a subprocess, on each backend."""

from __future__ import annotations

import hashlib
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from store import fact_models as fm
from store import models as m
from store.db import Store
from store.reseed import reseed

Run = Callable[..., subprocess.CompletedProcess[str]]


def _count(stdout: str, label: str) -> int:
    match = re.search(rf"^{label}:\s+(\d+)", stdout, re.MULTILINE)
    assert match, stdout
    return int(match.group(1))


def test_reseed_of_the_test_documents(run_cli: Run, data_dir: Path, own_store_url: str) -> None:
    result = run_cli("reseed", "--seeds", str(data_dir), database_url=own_store_url)
    assert result.returncode == 0, result.stderr
    assert (_count(result.stdout, "documents"), _count(result.stdout, "visits")) == (3, 2)
    assert _count(result.stdout, "skipped") == 0
    assert Store.open(own_store_url).exists()


def test_reseed_of_a_broken_folder_names_each_skipped_file(
    run_cli: Run, broken_seeds: Path, broken_skips: dict[str, str], own_store_url: str
) -> None:
    result = run_cli("reseed", "--seeds", str(broken_seeds), database_url=own_store_url)
    assert result.returncode == 0, result.stderr
    assert _count(result.stdout, "documents") == 3
    assert _count(result.stdout, "skipped") == len(broken_skips)
    skipped = dict(re.findall(r"^  - (.+?): (.+)$", result.stdout, re.MULTILINE))
    assert sorted(skipped) == sorted(broken_skips)
    for name, reason in broken_skips.items():
        assert reason in skipped[name].lower(), (name, skipped[name])


def test_a_missing_folder_fails_with_a_one_line_reason(
    run_cli: Run, tmp_path: Path, own_store_url: str
) -> None:
    missing = tmp_path / "no-such-folder"
    result = run_cli("reseed", "--seeds", str(missing), database_url=own_store_url)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "not found" in lines[0]
    assert str(missing) in lines[0]
    assert "Traceback" not in result.stderr


def test_a_failed_reseed_exits_non_zero_and_keeps_the_old_store(
    run_cli: Run, tmp_path: Path, data_dir: Path, store_path: Path, store_url: str
) -> None:
    reseed(store_url, data_dir)
    before = hashlib.sha256(store_path.read_bytes()).hexdigest()
    unusable = tmp_path / "unusable"
    unusable.mkdir()
    (unusable / "empty.txt").write_bytes(b"")
    (unusable / "binary.txt").write_bytes(b"\x00" * 64)
    result = run_cli("reseed", "--seeds", str(unusable), database_url=store_url)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "no usable documents" in result.stderr
    assert hashlib.sha256(store_path.read_bytes()).hexdigest() == before
    assert Store.open(store_url).exists()


def test_reseed_of_the_real_seeds(run_cli: Run, seeds_dir: Path, own_store_url: str) -> None:
    result = run_cli("reseed", "--seeds", str(seeds_dir), database_url=own_store_url)
    assert result.returncode == 0, result.stderr
    assert _count(result.stdout, "documents") == 5
    assert _count(result.stdout, "visits") == 2
    topics = re.search(r"^commitments:\s+\d+ on (\d+) topics", result.stdout, re.MULTILINE)
    assert topics, result.stdout
    assert int(topics.group(1)) >= 12


def test_an_unknown_command_is_a_usage_error(run_cli: Run) -> None:
    result = run_cli("reseeed")
    assert result.returncode == 2
    assert "usage:" in result.stderr


def test_the_store_built_from_the_real_seeds(
    run_cli: Run, seeds_dir: Path, own_store_url: str
) -> None:
    assert run_cli("reseed", "--seeds", str(seeds_dir), database_url=own_store_url).returncode == 0
    visitor = aliased(fm.Person)
    with Store.open(own_store_url).session() as session:
        visits = session.execute(
            select(visitor.name, fm.Visit.kind, fm.Visit.start, fm.Visit.end, fm.Visit.places)
            .join(visitor, fm.Visit.visitor_id == visitor.id)
            .order_by(fm.Visit.start)
        ).all()
        figures = set(
            session.execute(
                select(fm.Figure.text, fm.Figure.unit, fm.Figure.year, fm.Figure.deadline)
            )
        )
        off_topic = [
            session.scalar(
                select(func.count())
                .select_from(table)
                .join(m.Sentence, column == m.Sentence.id)
                .where(m.Sentence.on_topic.is_(False))
            )
            for table, column in (
                (fm.Figure, fm.Figure.sentence_id),
                (fm.CommitmentSource, fm.CommitmentSource.sentence_id),
                (fm.VisitEvent, fm.VisitEvent.sentence_id),
            )
        ]
    assert [tuple(v) for v in visits] == [
        ("To Lam", "state visit", "2025-08-10", "2025-08-13", "Seoul\nBusan"),
        ("Luong Cuong", "working trip", "2025-10-30", "2025-10-30", "Gyeongju"),
    ]
    assert {
        ("150 billion USD", "USD", None, 2030),
        ("over 350,000 Vietnamese", "Vietnamese", None, None),
        ("5 million citizens", "citizens", 2024, None),
        ("10 cooperation documents", "cooperation documents", None, None),
        ("50 cooperation agreements", "cooperation agreements", None, None),
        ("over 7%", "%", None, None),
        ("1992", "year", None, None),
    } <= figures
    assert off_topic == [0, 0, 0]


@pytest.mark.parametrize(
    ("database_url", "reason"),
    [
        ("sqlite://", "SQLite file"),
        ("sqlite:///:memory:", "SQLite file"),
        ("postgresql+psycopg://u@nonexistent.invalid/db", "cannot reach the database"),
    ],
)
def test_a_store_url_reseed_cannot_write_fails_in_one_line(
    run_cli: Run, data_dir: Path, database_url: str, reason: str
) -> None:
    result = run_cli("reseed", "--seeds", str(data_dir), database_url=database_url)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert reason in lines[0]
