"""Answer quality on articles and questions the extractor was not written against.

Every suite is a folder of articles and one or more `cases*.json` files in the format of the
shared answer-quality cases: must_include (a list means any one; `re:` a regex),
must_not_include (a leading `<` means "not raw in the payload"), max_count (merge repeats) and
expect_empty ("No … found"). Cases are kept whole, passing or not: each suite prints its score
and asserts a floor (`FLOORS`) that only ever rises.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from payloads import limit_problems, texts

from bot.core import ask
from bot.slack.blocks import render_blocks
from store.db import Store
from store.reseed import reseed

TESTS = Path(__file__).resolve().parents[1]
ROOT = TESTS.parent


@dataclass(frozen=True)
class Suite:
    name: str
    documents: Path
    cases: tuple[Path, ...]

    def load(self) -> list[dict[str, Any]]:
        return [case for path in self.cases for case in json.loads(path.read_text("utf-8"))]


def _suite(name: str, documents: Path, folder: Path) -> Suite:
    return Suite(name, documents, tuple(sorted(folder.glob("cases*.json"))))


SUITES = [
    _suite("corpus", TESTS / "corpus", TESTS / "corpus"),
    _suite("corpus2", TESTS / "corpus2", TESTS / "corpus2"),
    _suite("corpus3", TESTS / "corpus3" / "docs", TESTS / "corpus3"),
    _suite("corpus4", TESTS / "corpus4" / "docs", TESTS / "corpus4"),
    _suite("corpus5", TESTS / "corpus5" / "docs", TESTS / "corpus5"),
    _suite("corpus6", TESTS / "corpus6" / "docs", TESTS / "corpus6"),
    _suite("corpus7", TESTS / "corpus7" / "docs", TESTS / "corpus7"),
    _suite("corpus8", TESTS / "corpus8" / "docs", TESTS / "corpus8"),
    _suite("corpus9", TESTS / "corpus9" / "docs", TESTS / "corpus9"),
    _suite("corpus10", TESTS / "corpus10" / "docs", TESTS / "corpus10"),
    _suite("questions", ROOT / "seeds", TESTS / "questions"),
]
SUITES = [suite for suite in SUITES if suite.cases]

# Cases that must pass in each suite: raise a floor when a change passes more, never lower it.
FLOORS = {
    "corpus": 79,
    "corpus2": 103,
    "corpus3": 265,
    "corpus4": 175,
    "corpus5": 112,
    "corpus6": 118,
    "corpus7": 54,
    "corpus8": 102,
    "corpus9": 60,
    "corpus10": 48,
    "questions": 236,
}

SCORES: list[str] = []  # printed in the terminal summary (tests/conftest.py)

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}
_EMPTY = re.compile(r"\bno\b.{0,80}\bfound\b", re.I | re.S)


def normalise(text: str) -> str:
    text = html.unescape(text).translate(_DASHES).translate(_QUOTES)
    text = re.sub(r"[*_~`]", "", text)
    return re.sub(r"\s+", " ", re.sub(r"\s*-\s*", "-", text)).lower()


def contains(needle: str, answer: str) -> bool:
    if needle.startswith("re:"):
        return re.search(needle[3:], answer, re.I) is not None
    return normalise(needle) in answer


def failures(case: dict[str, Any], payload: dict[str, Any]) -> list[str]:
    """What an answer gets wrong, by the rules of ../shared/eval/run.py."""
    raw = json.dumps(payload, ensure_ascii=False)
    answer = normalise(" \n ".join(texts(payload)))
    shown = normalise(" \n ".join(texts(payload["blocks"])))
    found = limit_problems(payload)
    for wanted in case.get("must_include", []):
        options = wanted if isinstance(wanted, list) else [wanted]
        if not any(contains(option, answer) for option in options):
            found.append(f"missing {options}")
    for unwanted in case.get("must_not_include", []):
        raw_echo = unwanted.startswith("<") and unwanted in raw
        if raw_echo or (not unwanted.startswith("<") and contains(unwanted, answer)):
            found.append(f"contains {unwanted!r}")
    for phrase, most in case.get("max_count", {}).items():
        if shown.count(normalise(phrase)) > most:
            found.append(f"{phrase!r} shown more than {most} times")
    if case.get("expect_empty") and not _EMPTY.search(answer):
        found.append("expected a 'No … found' answer")
    return found


@pytest.mark.parametrize("suite", SUITES, ids=[suite.name for suite in SUITES])
def test_suite_score(
    make_store_url: Callable[[str], Callable[[str], str]], backend: str, suite: Suite
) -> None:
    url = make_store_url(backend)(suite.name)
    reseed(url, suite.documents)
    store = Store.open(url)
    cases = suite.load()
    missed = []
    for case in cases:
        problems = failures(case, render_blocks(ask(store, case["query"])))
        if problems:
            missed.append(f"  {case['id']}: {case['query']!r} -> {'; '.join(problems)}")
    passed = len(cases) - len(missed)
    floor = FLOORS.get(suite.name, 0)
    SCORES.append(
        f"{suite.name} ({backend}): {passed}/{len(cases)} passed "
        f"({100 * passed / max(len(cases), 1):.0f}%), floor {floor}"
    )
    detail = "\n".join(missed)
    assert passed >= floor, f"{suite.name}: {passed} passed, floor {floor}\n{detail}"
