"""Answer -> a Slack message payload (Block Kit), within Slack's limits, every string escaped."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.answer import Answer, Item
from bot.markup import emphasise, escape
from store.textutil import shorten

MAX_BLOCKS = 50
SECTION_LIMIT = 3000
HEADER_LIMIT = 150
BUTTON_LIMIT = 75
CONTEXT_LIMIT = 2000
FALLBACK_LIMIT = 3000
VALUE_LIMIT = 2000

Block = dict[str, Any]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # NUL, escapes, CR…: never shown

RUN_QUERY = "run_query"
SHOW_MORE = "show_more"
SHARE = "share_answer"
VOTE_UP = "vote_up"
VOTE_DOWN = "vote_down"
VOTED = ("commitment", "visit", "who", "figure", "search")  # answers, not usage or apologies


def button_value(query: str, page: int = 1) -> str:
    """What a button carries: the query line and the page to show, within Slack's 2,000 characters
    once escaped (a query full of `&` or control characters is cut shorter)."""
    cut = query[:1500]
    while True:
        value = json.dumps({"q": cut, "p": page}, ensure_ascii=False)
        if len(escape(value)) <= VALUE_LIMIT or not cut:
            return value
        cut = cut[: len(cut) * 3 // 4]


def render_blocks(answer: Answer, shareable: bool = False) -> dict[str, Any]:
    """The message payload: {"text": fallback, "blocks": [...]}."""
    blocks: list[Block] = [_header(answer.heading)]
    if answer.notice:
        blocks.append(_section(escape(answer.notice)))
    if answer.summary:
        blocks.append(_context([escape(answer.summary)]))
    room = MAX_BLOCKS - len(blocks) - 3  # keep room for "more", suggestions and actions
    for item in answer.items:
        item_blocks = _item(item)
        if len(item_blocks) > room:
            break
        blocks += item_blocks
        room -= len(item_blocks)
    if answer.remaining:
        blocks.append(_context([f"…and {answer.remaining} more"]))
    actions = _actions(answer, shareable)
    if actions:
        blocks.append({"type": "actions", "elements": actions})
    return {"text": _fallback(answer), "blocks": blocks[:MAX_BLOCKS]}


def _header(text: str) -> Block:
    return {
        "type": "header",
        "text": {
            "type": "plain_text",
            "text": _escaped_within(text, HEADER_LIMIT),
            "emoji": False,
        },
    }


def _section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _fit(mrkdwn, SECTION_LIMIT)}}


def _context(texts: list[str]) -> Block:
    return {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": _fit(t, CONTEXT_LIMIT)} for t in texts[:10]],
    }


def _fit(mrkdwn: str, limit: int) -> str:
    # Cut before escaping could split an entity; cut the escaped text at a space instead.
    mrkdwn = _visible(mrkdwn)
    return mrkdwn if len(mrkdwn) <= limit else shorten(mrkdwn, limit)


def _escaped_within(text: str, limit: int) -> str:
    """Escaped text of at most limit characters, never cut inside an entity like &amp;."""
    escaped = escape(_visible(text))
    if len(escaped) <= limit:
        return escaped
    cut = re.sub(r"&[a-z]{0,4}$", "", escaped[: limit - 1])
    return cut.rstrip() + "…"


def _visible(text: str) -> str:
    """Text without control characters (a typed NUL or escape sequence is not shown back)."""
    return _CONTROL.sub("", text)


def _item(item: Item) -> list[Block]:
    parts = [f"*{escape(item.title)}*"]
    parts += [escape(line) for line in item.lines]
    if item.quote:
        parts.append("> " + emphasise(escape(item.quote), item.highlight))
    parts += [f"• {escape(bullet)}" for bullet in item.bullets]
    blocks = [_section("\n".join(parts))]
    if item.sources:
        labels = "; ".join(escape(s.label()) for s in item.sources)
        blocks.append(_context([f"Sources: {labels}"]))
    return blocks


def _actions(answer: Answer, shareable: bool) -> list[Block]:
    buttons: list[Block] = []
    for index, suggestion in enumerate(answer.suggestions[:5]):
        buttons.append(
            _button(suggestion.label, f"{RUN_QUERY}_{index}", button_value(suggestion.query))
        )
    if answer.remaining:
        buttons.append(_button("Show more", SHOW_MORE, button_value(answer.query, answer.page + 1)))
    if shareable and answer.intent not in ("error",):
        buttons.append(_button("Share in channel", SHARE, button_value(answer.query, answer.page)))
    if answer.intent in VOTED:
        carried = button_value(answer.query, answer.page)
        buttons.append(_button("👍 Helpful", VOTE_UP, carried, "This answer helped"))
        buttons.append(_button("👎 Not helpful", VOTE_DOWN, carried, "This answer did not help"))
    return buttons


def _button(label: str, action_id: str, value: str, spoken: str | None = None) -> Block:
    button: Block = {
        "type": "button",
        "text": {
            "type": "plain_text",
            "text": _escaped_within(label, BUTTON_LIMIT) or "…",
            "emoji": False,
        },
        "action_id": action_id,
        "value": escape(value)[:VALUE_LIMIT],
    }
    if spoken:
        button["accessibility_label"] = spoken
    return button


def _fallback(answer: Answer) -> str:
    parts = [answer.heading]
    if answer.notice:
        parts.append(answer.notice)
    parts += [item.title for item in answer.items]
    if answer.remaining:
        parts.append(f"…and {answer.remaining} more")
    return _fit(escape("\n".join(parts)), FALLBACK_LIMIT)
