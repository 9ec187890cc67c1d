"""Answer quality on articles the extractor was not written against (tests/corpus, tests/corpus2).

The cases use the format of the shared answer-quality suite: must_include (a list means any one),
must_not_include, max_count (merge repeats) and expect_empty ("No … found").
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from payloads import limit_problems, texts

from bot.core import ask
from bot.slack.blocks import render_blocks
from store.db import Store
from store.reseed import reseed

TESTS = Path(__file__).resolve().parents[1]
CORPORA = ("corpus", "corpus2")
CASES = [
    (corpus, case)
    for corpus in CORPORA
    for case in json.loads((TESTS / corpus / "cases.json").read_text("utf-8"))
]
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_QUOTES = {ord("\u2018"): "'", ord("\u2019"): "'", ord("\u201c"): '"', ord("\u201d"): '"'}


def normalise(text: str) -> str:
    text = html.unescape(text).translate(_DASHES).translate(_QUOTES)
    text = re.sub(r"[*_~`]", "", text)
    return re.sub(r"\s+", " ", re.sub(r"\s*-\s*", "-", text)).lower()


def contains(needle: str, answer: str) -> bool:
    if needle.startswith("re:"):
        return re.search(needle[3:], answer, re.I) is not None
    return normalise(needle) in answer


@pytest.fixture(scope="module")
def corpus_stores(
    make_store_url: Callable[[str], Callable[[str], str]], backend: str
) -> dict[str, Store]:
    stores = {}
    for corpus in CORPORA:
        url = make_store_url(backend)(corpus)
        reseed(url, TESTS / corpus)
        stores[corpus] = Store.open(url)
    return stores


@pytest.mark.parametrize(("corpus", "case"), CASES, ids=[f"{c}-{case['id']}" for c, case in CASES])
def test_case(corpus_stores: dict[str, Store], corpus: str, case: dict[str, Any]) -> None:
    payload = render_blocks(ask(corpus_stores[corpus], case["query"]))
    answer = normalise(" \n ".join(texts(payload)))
    shown = normalise(" \n ".join(texts(payload["blocks"])))
    assert limit_problems(payload) == []
    for wanted in case.get("must_include", []):
        options = wanted if isinstance(wanted, list) else [wanted]
        assert any(contains(o, answer) for o in options), f"missing {options}"
    for unwanted in case.get("must_not_include", []):
        assert not contains(unwanted, answer), f"contains {unwanted!r}"
    for phrase, most in case.get("max_count", {}).items():
        assert shown.count(normalise(phrase)) <= most, f"{phrase!r} shown too often"
    if case.get("expect_empty"):
        assert re.search(r"\bno\b.{0,80}\bfound\b", answer)
