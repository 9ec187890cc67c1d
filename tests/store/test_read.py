"""The read step: which files of a seeds folder load, and why the others are skipped."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from store.ingest.read import read_documents, read_one

DATA_NAMES = ["minister_busan_trip.txt", "pm_official_visit_hanoi.txt", "pm_visit_outcomes.txt"]


def test_the_test_documents_all_load(data_dir: Path) -> None:
    documents, skipped = read_documents(data_dir)
    assert [d.name for d in documents] == DATA_NAMES
    assert skipped == []
    for document in documents:
        assert document.text == (data_dir / document.name).read_text(encoding="utf-8")


def test_each_broken_file_is_skipped_with_its_reason(
    broken_seeds: Path, broken_skips: dict[str, str]
) -> None:
    documents, skipped = read_documents(broken_seeds)
    reasons = {s.name: s.reason for s in skipped}
    assert sorted(reasons) == sorted(broken_skips)
    for name, reason in broken_skips.items():
        assert reason in reasons[name].lower(), name
    assert [d.name for d in documents] == DATA_NAMES


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_an_unreadable_file_is_skipped(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Vietnam and the RoK agreed to boost tourism.\n", encoding="utf-8")
    locked.chmod(0)
    try:
        outcome = read_one(locked)
    finally:
        locked.chmod(0o644)
    assert isinstance(outcome, str)
    assert outcome.startswith("unreadable")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b" \n\r\n\t", "empty"),
        (b"Vietnam\x00and the RoK", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
        ("Hà Nam".encode("cp1258"), "not utf-8"),
        ("Café".encode("latin-1"), "not utf-8"),
    ],
)
def test_read_one_gives_the_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    outcome = read_one(path)
    assert isinstance(outcome, str)
    assert outcome.lower().startswith(reason)


def test_a_utf8_bom_is_fine(tmp_path: Path) -> None:
    text = "Hà Nội (VNA) – Vietnam and the RoK agreed to boost tourism.\n"
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    documents, skipped = read_documents(tmp_path)
    assert skipped == []
    assert [d.text for d in documents] == [text]


def test_documents_in_subfolders_load_and_other_files_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "2025" / "08").mkdir(parents=True)
    (tmp_path / "2025" / "08" / "talks.txt").write_text("The two sides held talks.\n", "utf-8")
    (tmp_path / "notes.md").write_text("# not a document\n", "utf-8")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    documents, skipped = read_documents(tmp_path)
    assert [d.name for d in documents] == ["2025/08/talks.txt"]
    assert skipped == []


def test_the_first_of_identical_files_is_kept(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.txt"):
        (tmp_path / name).write_text("The two sides held talks.\n", "utf-8")
    documents, skipped = read_documents(tmp_path)
    assert [d.name for d in documents] == ["a.txt"]
    assert [(s.name, s.reason) for s in skipped] == [
        ("b.txt", "duplicate of a.txt"),
        ("c.txt", "duplicate of a.txt"),
    ]
