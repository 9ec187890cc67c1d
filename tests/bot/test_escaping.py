"""`&`, `<` and `>` reach Slack as `&amp;`, `&lt;` and `&gt;` in every rendered answer."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from payloads import texts

from bot.core import ask
from bot.markup import emphasise, escape
from bot.slack.blocks import render_blocks
from store.db import Store
from store.reseed import reseed

ARTICLE = """Vietnam, RoK agree to expand R&D cooperation
Hanoi (VNA) – Vietnam and the Republic of Korea agreed on March 3, 2026 to expand cooperation in research & development (R&D) and semiconductors, Deputy Minister Le Van Tuan said in Hanoi.
The two sides targeted 50 joint R&D projects by 2030 under the Vietnam-Korea Science & Technology Fund.
Source: VNA
"""
RAW_AMPERSAND = re.compile(r"&(?!amp;|lt;|gt;)")  # an & that does not start one of Slack's escapes


@pytest.fixture
def ampersands(own_store_url: str, tmp_path: Path) -> Store:
    """A store of one article full of ampersands, on each backend."""
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "rnd.txt").write_text(ARTICLE, encoding="utf-8")
    reseed(own_store_url, folder)
    return Store.open(own_store_url)


def shown(payload: dict[str, Any]) -> list[str]:
    return [payload["text"], *texts(payload["blocks"])]


@pytest.mark.parametrize("query", ["/search R&D", "/commitment R&D", "what did they agree on R&D?"])
def test_a_documents_ampersand_is_escaped(ampersands: Store, query: str) -> None:
    lines = shown(render_blocks(ask(ampersands, query)))
    assert any("R&amp;D" in line for line in lines), lines
    assert [line for line in lines if RAW_AMPERSAND.search(line)] == []


def test_the_askers_words_are_escaped_where_they_are_echoed(ampersands: Store) -> None:
    lines = shown(render_blocks(ask(ampersands, "/who Tom & Jerry <b>")))
    assert any("Tom &amp; Jerry &lt;b&gt;" in line for line in lines), lines
    assert [line for line in lines if RAW_AMPERSAND.search(line) or "<b>" in line] == []


def test_emphasis_wraps_the_wanted_words_only_and_leaves_escapes_whole() -> None:
    text = escape("Kim Min-su & Nguyễn met in Hà Nội <today>")
    assert emphasise(text, ("min", "ha noi", "")) == text  # whole words only, one at a time
    assert emphasise(text, ("Kim", "hà", "NỘI")) == (
        "*Kim* Min-su &amp; Nguyễn met in *Hà* *Nội* &lt;today&gt;"
    )
    assert (
        emphasise(text, ("min-su",), mark="_")
        == "Kim _Min-su_ &amp; Nguyễn met in Hà Nội &lt;today&gt;"
    )
    assert emphasise(text, ()) == text
