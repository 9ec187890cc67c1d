"""Checks shared by the answer tests: the text of a payload and Slack's limits."""

from __future__ import annotations

import html
import json
import re
from typing import Any

_LINK = re.compile(r"<https?://[^\s|<>]+\|[^<>]*>")
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")


def texts(node: Any) -> list[str]:
    """Every string under a "text" key of a payload."""
    if isinstance(node, dict):
        out = []
        for k, v in node.items():
            out += [v] if k == "text" and isinstance(v, str) else texts(v)
        return out
    if isinstance(node, list):
        return [t for item in node for t in texts(item)]
    return []


def readable(payload: dict[str, Any]) -> str:
    """The payload's text as a reader sees it: unescaped, marks and dash spacing removed, lower case."""
    joined = html.unescape(" \n ".join(texts(payload))).translate(_DASHES)
    joined = re.sub(r"[*_~`]", "", joined)
    return re.sub(r"\s+", " ", re.sub(r"\s*-\s*", "-", joined)).lower()


def limit_problems(payload: dict[str, Any]) -> list[str]:
    """Slack's limits a payload breaks, and anything raw that Slack would turn into markup."""
    problems = []
    blocks = payload.get("blocks", [])
    if len(blocks) > 50:
        problems.append(f"{len(blocks)} blocks")
    if not payload.get("text", "").strip():
        problems.append("no fallback text")
    for block in blocks:
        if block["type"] == "section" and len(block["text"]["text"]) > 3000:
            problems.append("section over 3000")
        if block["type"] == "header" and len(block["text"]["text"]) > 150:
            problems.append("header over 150")
        for element in block.get("elements", []):
            if element.get("type") == "button" and len(element["text"]["text"]) > 75:
                problems.append("button text over 75")
    # A source's link, <https://…|title>, is markup we mean; anything else raw is not.
    raw = _LINK.sub("", json.dumps(payload, ensure_ascii=False))
    if "<" in raw or re.search(r"(?<!^)(?<!\\n)>", raw.replace('"> ', '"')):
        problems.append("raw < or > in payload")
    return problems
