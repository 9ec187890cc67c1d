"""Answer -> a Slack message payload (Block Kit), within Slack's limits, every string escaped."""

from __future__ import annotations

import json
import re
from typing import Any

from bot.answer import Answer, Item, Source
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
_ASIDE = re.compile(r"\s*\([^()]*\)")
_UNLINKABLE = re.compile(r"[\s|<>\x00-\x1f\x7f]")  # what would break out of <url|label>

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
        blocks.append(_context([escape(f"…and {answer.remaining} more {answer.more_of}".rstrip())]))
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
    """The title in bold; beneath it, quieter, who/occasion/date and how many documents report it;
    then the body (lines, progress, differing values, the quote, bullets); then the sources."""
    title = f"*{escape(item.title)}*"
    quiet = " · ".join(escape(x) for x in (item.context, item.corroboration()) if x)
    body = [escape(line) for line in item.lines]
    if item.progress is not None:
        share = round(item.progress.share * 100)
        body.append(f"`{escape(item.progress.bar())}`  {share}% of the target")
    if item.differs:
        values = " · ".join(
            f"*{escape(d.value)}* ({'; '.join(escape(s.label()) for s in d.sources[:3])})"
            for d in item.differs
        )
        body.append(f":warning: Sources differ: {values}")
    quote = _beside(item.title, item.quote) if item.quote else ""
    if quote:
        body.append("> " + emphasise(escape(quote), item.highlight))
    body += [f"• {escape(bullet)}" for bullet in item.bullets]
    if quiet:
        blocks = [_section(title), _context([quiet])]
        if body:
            blocks.append(_section("\n".join(body)))
    else:
        blocks = [_section("\n".join([title, *body]))]
    if item.sources:
        labels = "; ".join(source_link(s) for s in item.sources)
        blocks.append(_context([f"Sources: {labels}"]))
    return blocks


def _beside(title: str, quote: str) -> str:
    """The quote without the words the title already shows (an ellipsis in their place), so a
    glance reads each fact once; empty when the title is all the quote says."""
    quote = " ".join(quote.split())
    shown = title.removesuffix("…").strip()
    at = quote.lower().find(shown.lower()) if len(shown) >= 20 else -1
    if at < 0:
        return quote
    rest = f"{quote[:at].rstrip()} … {quote[at + len(shown) :].lstrip()}".strip()
    return "" if len(rest.strip(" .…,;")) < 12 else rest


def source_link(source: Source) -> str:
    """'<https://…|Title> (VNA, March 2, 2024)' in mrkdwn: the title links to the article when the
    document carries its address; plain, escaped, otherwise."""
    extra = ", ".join(x for x in (source.agency, source.date) if x)
    title = escape(_visible(source.title))
    url = source.url or ""
    if url.startswith(("https://", "http://")) and not _UNLINKABLE.search(url):
        title = f"<{escape(url)}|{title}>"
    return f"{title} ({escape(extra)})" if extra else title


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
    """What notifications and screen readers get: the answer's first facts in a line or two
    (with the heading as a short prefix), or the heading and the notice when there are none."""
    if not answer.items:
        parts = [answer.heading, answer.notice] if answer.notice else [answer.heading]
        return _fit(escape("\n".join(parts)), FALLBACK_LIMIT)
    facts = [_glance(item) for item in answer.items[:2]]
    more = answer.total - (answer.page - 1) * answer.page_size - len(facts)
    extra = answer.summary or shorten(answer.notice, 160)
    lead = f"{answer.heading} ({extra})" if extra else answer.heading
    text = f"{lead}: {facts[0]}" + (f"\n{facts[1]}" if len(facts) > 1 else "")
    if more > 0:
        text += f" (+{more} more {answer.more_of})".replace(" )", ")")
    return _fit(escape(text), FALLBACK_LIMIT)


def _glance(item: Item) -> str:
    """One fact in a line: 'Raising two-way trade … by 2030 — agreed by both sides, August 2025'."""
    quiet = item.context.split(" · ")[:2] if item.context else list(item.lines[:1])
    # A notification has no room for asides such as how a year was inferred.
    quiet = [_ASIDE.sub("", part) for part in quiet]
    if item.quote and item.sources and _is_source_title(item.title, item.sources[0]):
        # a passage titled by its document: the fact is what it says
        return shorten(" ".join(item.quote.split()), 300)
    line = item.title + (f" — {', '.join(q for q in quiet if q)}" if quiet else "")
    return shorten(line, 300)


def _is_source_title(title: str, source: Source) -> bool:
    return title.removesuffix("…").startswith(source.title.removesuffix("…")[:40])
