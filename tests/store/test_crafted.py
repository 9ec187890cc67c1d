"""Crafted documents (issue 13): a reseed stays linear in its input, whatever the text's shape.

Each crafted document is about 50 KB, the size of a long article; it must reseed within twice the
time a normal document of the same size takes (real articles from the repository, cut to that
size). A pattern that backtracks quadratically takes minutes at this size, so the comparison is a
hang guard, not a speed test: timings are this process's CPU time (other processes on the machine
do not count), the best of three runs, relative, never absolute.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from store.reseed import reseed

PROJECT = Path(__file__).resolve().parents[2]
SIZE = 50_000
LEAD = "Vietnam and the Republic of Korea agreed in Hanoi on August 11, 2025 that "


def _normal() -> str:
    articles = sorted(
        p
        for folder in ("seeds", "tests/corpus", "tests/corpus2")
        for p in (PROJECT / folder).glob("*.txt")
    )
    return "\n".join(p.read_text("utf-8") for p in articles)[:SIZE]


def _repeat(unit: str, lead: str = LEAD, tail: str = " people.") -> str:
    return lead + unit * ((SIZE - len(lead) - len(tail)) // len(unit)) + tail


CRAFTED: dict[str, Callable[[], str]] = {
    "a run of digits": lambda: _repeat("7", tail="x people in 2025."),
    "a run of digits in a paragraph of figures": lambda: _repeat("in 2025 USD 5 billion, 12 "),
    "numbers with thousands separators": lambda: _repeat("1,000,", tail=".5 people."),
    "a 50,000-letter capitalised token": lambda: _repeat("b", lead="President A", tail="’s visit."),
    "capitalised words": lambda: _repeat("Abc ", tail="visited Hanoi."),
    "a hyphenated capitalised chain": lambda: _repeat("Kim-", lead="President Kim", tail="x."),
    "nested brackets": lambda: LEAD + "(" * (SIZE // 2 - 40) + ")" * (SIZE // 2 - 40) + ".",
    "a long and-chain": lambda: _repeat("trade and ", tail="labour."),
    "a single 50 KB line of clauses": lambda: _repeat("the two sides agreed on trade, "),
    "titles without a name": lambda: _repeat("Minister of ", tail="Kim Min-su visited."),
    "dates without an end": lambda: _repeat("August 1 - ", tail="."),
    "abbreviations": lambda: _repeat("Mr. ", tail="Kim."),
    "quotes and apostrophes": lambda: _repeat("’s “", tail="”."),
}
# Text made of nothing but names does more work per character than any article (every name is
# weighed as a person): for these, linear means twice the text takes about twice the time.
DENSE: dict[str, Callable[[int], str]] = {
    "a long and-chain of names": lambda n: "Minister Kim Min-su and " * n + "Korea.",
    "Vietnamese names": lambda n: "Nguyễn Văn An visited Seoul, " * n + "Hanoi.",
    "Korean names in a list": lambda n: "Woo Won-shik, Lee Ki-heon, " * n + "and others.",
}


def _best_of(tmp_path: Path, name: str, text: str, runs: int = 3) -> float:
    """The best of a few reseeds of one document, in this process's CPU seconds."""
    folder = tmp_path / name.replace(" ", "_")
    folder.mkdir()
    (folder / "doc.txt").write_text(text, "utf-8")
    times = []
    for run in range(runs):
        started = time.process_time()
        reseed(f"sqlite:///{tmp_path / f'{folder.name}-{run}.db'}", folder)
        times.append(time.process_time() - started)
    return min(times)


@pytest.fixture(scope="module")
def normal_seconds(tmp_path_factory: pytest.TempPathFactory) -> float:
    text = _normal()
    assert len(text) == SIZE
    return _best_of(tmp_path_factory.mktemp("normal"), "normal", text, runs=5)


@pytest.mark.parametrize("shape", list(CRAFTED))
def test_crafted_document_reseeds_like_a_normal_one(
    shape: str, normal_seconds: float, tmp_path: Path
) -> None:
    text = CRAFTED[shape]()
    assert SIZE * 0.9 <= len(text) <= SIZE * 1.1
    seconds = _best_of(tmp_path, shape, text)
    # Hang guard (generous): a quadratic pattern would take a hundred times as long.
    assert seconds <= 2 * normal_seconds, f"{shape}: {seconds:.2f} s vs {normal_seconds:.2f} s"


@pytest.mark.parametrize("shape", list(DENSE))
def test_name_dense_text_reseeds_in_linear_time(shape: str, tmp_path: Path) -> None:
    unit = len(DENSE[shape](1))
    half = _best_of(tmp_path, f"{shape} half", DENSE[shape](SIZE // 2 // unit))
    full = _best_of(tmp_path, f"{shape} full", DENSE[shape](SIZE // unit))
    # Hang guard (generous): linear is 2x, quadratic 4x; the fixed cost of a reseed only helps.
    assert full <= 3 * half, f"{shape}: {full:.2f} s for 50 KB vs {half:.2f} s for 25 KB"
