"""Anything a person can type: the core answers it and the Block Kit payload stays within limits.

Queries mix arbitrary Unicode (RTL, zero-width, combining marks, emoji, NUL and control
characters), FTS and SQL syntax, Slack markup and lengths up to 10 KB, behind each command.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from fault_tools import Built, rounds
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import MAX_QUERY_CHARS, answer_safely
from bot.slack.blocks import render_blocks
from store.db import Store

PREFIXES = ["", "/commitment ", "/visit ", "/who ", "/figure ", "/search ", "@Attaché ", "/"]
FRAGMENTS = [
    # right-to-left, zero-width, combining, emoji
    "\u202e",
    "\u202d",
    "\u200f",
    "مرحبا",
    "שלום",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "e\u0301",
    "a\u0300\u0301\u0302\u0303\u0304",
    "Z\u0336\u0335\u0334",
    "👍🏽",
    "🇻🇳🇰🇷",
    "👨‍👩‍👧‍👦",
    "\U000e0041",
    # NUL and control characters
    "\x00",
    "\x07",
    "\x1b[2J",
    "\r\n",
    "\t",
    "\x7f",
    "\u0085",
    "\u2028",
    # FTS and SQL syntax
    '"',
    "*",
    "AND (",
    "OR",
    "NOT",
    "NEAR(",
    "NEAR(trade korea, 2)",
    "^",
    ":",
    "-",
    "sentence_fts:trade",
    "'; drop table documents; --",
    "' OR '1'='1",
    "%",
    "_",
    "\\",
    # Slack markup and mrkdwn
    "<!channel>",
    "<!here>",
    "<!everyone>",
    "<@U123>",
    "<#C123|x>",
    "<https://x|y>",
    "<!subteam^S123|team>",
    "<!date^1392734382^{date}|x>",
    "&lt;!channel&gt;",
    "*bold*",
    "_it_",
    "~s~",
    "`code`",
    "```",
    "> quote",
    # words the bot knows
    "trade",
    "august",
    "lee",
    "To Lam",
    "2025",
    "help",
    "more",
    "busan",
    "150 billion",
]
TEXT = st.text(max_size=60)  # any code point but surrogates, control characters included
PIECES = st.lists(st.one_of(st.sampled_from(FRAGMENTS), TEXT), max_size=12)
SHORT = st.builds(lambda prefix, parts: prefix + " ".join(parts), st.sampled_from(PREFIXES), PIECES)
LONG = st.builds(
    lambda prefix, parts, size: (prefix + "".join(parts or ["x"]) * size)[: size + len(prefix)],
    st.sampled_from(PREFIXES),
    PIECES,
    st.integers(min_value=400, max_value=10_240),
)
QUERIES = st.one_of(SHORT, SHORT, LONG)
RAW = re.compile(r"<[!@#]")  # a mention, a channel link or a broadcast Slack would act on
CORE = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def store(seeds_built: Built) -> Store:
    return Store.open(seeds_built.url)


def unescaped(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def texts(block: dict[str, Any]) -> list[dict[str, Any]]:
    """Every text object inside a block."""
    found = [block["text"]] if isinstance(block.get("text"), dict) else []
    for element in block.get("elements", []):
        found += texts(element) if "text" in element and isinstance(element["text"], dict) else []
        if element.get("type") in ("mrkdwn", "plain_text"):
            found.append(element)
    return found


def check_payload(payload: dict[str, Any]) -> None:
    """Slack's Block Kit limits, and nothing Slack would turn into a mention or a broadcast."""
    assert isinstance(payload["text"], str) and payload["text"].strip()
    assert len(payload["text"]) <= 40_000
    blocks = payload["blocks"]
    assert 1 <= len(blocks) <= 50
    for block in blocks:
        kind = block["type"]
        assert kind in ("header", "section", "context", "actions", "divider")
        if kind == "header":
            assert block["text"]["type"] == "plain_text"
            assert 1 <= len(block["text"]["text"]) <= 150
        elif kind == "section":
            assert 1 <= len(block["text"]["text"]) <= 3000
        elif kind == "context":
            assert 1 <= len(block["elements"]) <= 10
            assert all(1 <= len(e["text"]) <= 3000 for e in block["elements"])
        elif kind == "actions":
            buttons = block["elements"]
            assert 1 <= len(buttons) <= 25
            assert len({b["action_id"] for b in buttons}) == len(buttons)
            for button in buttons:
                assert 1 <= len(button["text"]["text"]) <= 75
                assert len(button.get("value", "")) <= 2000
                assert len(button["action_id"]) <= 255
        for text in texts(block):
            assert text["type"] in ("plain_text", "mrkdwn")
    whole = json.dumps(payload, ensure_ascii=False)
    assert not RAW.search(whole), RAW.search(whole)


def check_query(store: Store, query: str) -> None:
    answer = answer_safely(store, query)
    assert answer.intent != "error", (query, answer.notice)
    if len(query) > MAX_QUERY_CHARS:
        assert "too long" in answer.heading
    for shareable in (False, True):
        check_payload(render_blocks(answer, shareable=shareable))
    if answer.remaining:
        following = answer_safely(store, query, page=answer.page + 1)
        assert following.intent != "error"
        check_payload(render_blocks(following, shareable=True))


@pytest.mark.parametrize(
    "query",
    [
        "",
        "/",
        "\x00",
        "/search \x00",
        '/search "',
        "/search *",
        "/search AND (",
        "/search NEAR(",
        "/search '; drop table documents; --",
        "/commitment <!channel>",
        "/who <@U123>",
        "<!here> what did they agree on trade?",
        "/visit \u202eTSUGUA",
        "/figure " + "👍🏽" * 3000,
        "/search " + "trade " * 2000,
    ],
)
def test_hostile_examples(store: Store, query: str) -> None:
    check_query(store, query)


@settings(CORE, max_examples=60)
@given(query=QUERIES)
def test_any_query(store: Store, query: str) -> None:
    check_query(store, query)


@pytest.mark.slow
@settings(CORE, max_examples=rounds("ATTACHE_FUZZ_EXAMPLES", 1000))
@given(query=QUERIES)
def test_many_more_queries(store: Store, query: str) -> None:
    check_query(store, query)
