"""Bad seed files: each skipped with its reason, the rest loaded, and the reseed exits 0.

A fixed set of hostile files goes through `python -m store reseed` as an operator would run it;
then hypothesis writes arbitrary bytes and hostile text beside a good document, in-process.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from fault_tools import DATA, rounds, run_reseed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from store import models as m
from store.db import Store
from store.ingest.read import read_documents
from store.reseed import reseed

HUGE_BYTES = 100 * 1024 * 1024
VIETNAMESE = (
    "Thủ tướng Phạm Minh Chính và Tổng thống Hàn Quốc đã thống nhất thúc đẩy hợp tác thương mại.\n"
)


def write_huge_line(path: Path) -> None:
    """100 MB without a line break, written in 1 MB pieces (never whole in memory)."""
    piece = b"Vietnam and the RoK agreed to expand trade " * (1024 * 1024 // 43)
    with path.open("wb") as handle:
        while handle.tell() + len(piece) < HUGE_BYTES:
            handle.write(piece)
        handle.write(b"x" * (HUGE_BYTES - handle.tell() - 1) + b"\n")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, dict[str, str]]]:
    """tests/data plus one file of each hostile kind, and a word of the reason each must get."""
    folder = tmp_path_factory.mktemp("hostile") / "seeds"
    shutil.copytree(DATA, folder)
    reasons = {
        "random.txt": "binary",
        "truncated.txt": "not utf-8",
        "huge-line.txt": "too large",
        "loop.txt": "unreadable",
        "ping.txt": "unreadable",
        "pong.txt": "unreadable",
        "dangling.txt": "unreadable",
        "x.txt": "directory",
        "fifo.txt": "not a regular file",
        "zero.txt": "not a regular file",
    }
    (folder / "random.txt").write_bytes(bytes(range(256)) + os.urandom(4096))
    encoded = VIETNAMESE.encode("utf-8")
    (folder / "truncated.txt").write_bytes(encoded[: encoded.index("ủ".encode()) + 1])
    write_huge_line(folder / "huge-line.txt")
    (folder / "loop.txt").symlink_to("loop.txt")
    (folder / "ping.txt").symlink_to("pong.txt")
    (folder / "pong.txt").symlink_to("ping.txt")
    (folder / "around").symlink_to(".", target_is_directory=True)  # a directory loop
    (folder / "dangling.txt").symlink_to("nowhere/at/all.txt")
    (folder / "x.txt").mkdir()
    os.mkfifo(folder / "fifo.txt")  # opening it would wait for a writer for ever
    (folder / "zero.txt").symlink_to("/dev/zero")  # endless, if anyone read it
    locked = folder / "locked.txt"
    if os.geteuid() != 0:  # root reads a chmod 000 file anyway
        locked.write_text("Vietnam and the RoK agreed to boost tourism.\n", encoding="utf-8")
        locked.chmod(0)
        reasons["locked.txt"] = "unreadable"
    yield folder, reasons
    (folder / "huge-line.txt").unlink()  # 100 MB: not left behind in pytest's kept temp folders
    if locked.exists():
        locked.chmod(0o644)


def test_each_hostile_file_is_skipped_with_its_reason(
    hostile: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    folder, reasons = hostile
    url = f"sqlite:///{tmp_path / 'attache.db'}"
    done = run_reseed(url, folder)
    assert done.returncode == 0, done.stderr
    assert "documents:   3\n" in done.stdout
    skipped = {
        line.split(": ", 1)[0].strip(" -"): line.split(": ", 1)[1].lower()
        for line in done.stdout.splitlines()
        if line.startswith("  - ")
    }
    for name, word in reasons.items():
        assert name in skipped, f"{name} was not reported:\n{done.stdout}"
        assert word in skipped[name], f"{name}: {skipped[name]}"
    with Store.open(url).session() as session:
        names = set(session.scalars(select(m.Document.name)))
    assert names == {p.name for p in DATA.glob("*.txt")}


def test_a_100_mb_line_is_skipped_without_being_read(hostile: tuple[Path, dict[str, str]]) -> None:
    folder, _reasons = hostile
    assert (folder / "huge-line.txt").stat().st_size == HUGE_BYTES
    tracemalloc.start()
    try:
        documents, skipped = read_documents(folder)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(documents) == 3
    assert "too large" in {s.name: s.reason for s in skipped}["huge-line.txt"]
    assert peak < 8 * 1024 * 1024, f"reading the folder took {peak:,} bytes"


def _truncated_utf8(text: str, cut: int) -> bytes:
    data = text.encode("utf-8")
    return data[: cut % (len(data) + 1)]


HOSTILE_TEXT = st.sampled_from(
    [
        "\x00",
        "\ufeff",
        "\u202e",
        "\u200b",
        "\u0301",
        "👍🏽",
        "\r",
        "\x1b[31m",
        "./.",
        "(Photo: VNA)",
        "IMG_0001.JPG",
        " | ",
        "Related news",
        "August 10 – 13",
        "by 2030",
        "150.5 billion USD",
        "Mr.",
        "Prime Minister",
        "agreed to",
        "'; DROP TABLE documents; --",
        '"*NEAR(',
        "<!channel>",
    ]
)
SEED_BYTES = st.one_of(
    st.binary(max_size=4096),
    st.text(max_size=2000).map(lambda t: t.encode("utf-8")),
    st.builds(_truncated_utf8, st.just(VIETNAMESE * 3), st.integers(min_value=0)),
    st.lists(st.one_of(HOSTILE_TEXT, st.text(max_size=40)), max_size=60).map(
        lambda parts: " ".join(parts).encode("utf-8")
    ),
    st.text(max_size=500).map(lambda t: t.encode("utf-16")),
)


FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_beside_a_good_document(content: bytes) -> None:
    """Whatever fuzz.txt holds, it is loaded or skipped with a reason, and the good one loads."""
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "seeds"
        folder.mkdir()
        shutil.copy(DATA / "minister_busan_trip.txt", folder)
        (folder / "fuzz.txt").write_bytes(content)
        url = f"sqlite:///{scratch}/attache.db"
        summary = reseed(url, folder)
        reasons = {s["name"]: s["reason"] for s in summary.skipped}
        with Store.open(url).session() as session:
            names = set(session.scalars(select(m.Document.name)))
        assert "minister_busan_trip.txt" in names
        assert ("fuzz.txt" in names) != ("fuzz.txt" in reasons)
        assert reasons.get("fuzz.txt", "loaded").strip()
        assert summary.visits >= 1


@settings(FUZZ, max_examples=25)
@given(content=SEED_BYTES)
def test_any_bytes_beside_a_good_document(content: bytes) -> None:
    check_beside_a_good_document(content)


@pytest.mark.slow
@settings(FUZZ, max_examples=rounds("ATTACHE_FUZZ_EXAMPLES", 300))
@given(content=SEED_BYTES)
def test_many_more_bytes_beside_a_good_document(content: bytes) -> None:
    check_beside_a_good_document(content)
