"""The Home tab: what the store holds and how to ask, within 100 blocks, every string escaped."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from bot.markup import escape
from bot.slack.blocks import button_value
from store.db import Store
from store.errors import StoreUnavailable
from store.queries import StoreOverview, overview
from store.textutil import shorten

logger = logging.getLogger(__name__)

MAX_BLOCKS = 100
SECTION_LIMIT = 3000
MAX_VISITS = 40
MAX_BUTTONS = 10  # per row; Slack allows 25, a phone shows about this many
HOME_ASK = "home_ask"  # action_id prefix of the Home tab's buttons

Block = dict[str, Any]

HOW_TO_ASK = (
    ("/commitment <topic>", "what the two sides promised", "/commitment trade"),
    ("/visit <month|date|person|place|year>", "visits and what came of them", "/visit august"),
    ("/who <person>", "who someone is and where they appear", "/who lee"),
    ("/figure <topic>", "the numbers reported", "/figure visitors"),
    ("/search <words>", "the documents' own words", "/search statue"),
)


def read_overview(store: Store) -> StoreOverview | None:
    """The store's overview, or None while the store cannot be read."""
    try:
        with store.session() as session:
            return overview(session)
    except StoreUnavailable as error:
        logger.error("store unavailable for the overview: %s", error)
        return None


def home_view(facts: StoreOverview | None) -> dict[str, Any]:
    """The view published to a person's Home tab."""
    blocks: list[Block] = [
        _header("Attaché"),
        _section(
            "Briefings on relations between Vietnam and the Republic of Korea, "
            "drawn from a store of news documents, with the source of every fact."
        ),
    ]
    if facts is None:
        blocks.append(_section("The store is unavailable, try again shortly."))
    else:
        blocks += _holdings(facts)
    blocks += _how_to_ask()
    return {"type": "home", "blocks": blocks[:MAX_BLOCKS]}


def status_line(facts: StoreOverview) -> str:
    """'12 documents · last reseed 2025-11-22T08:12:00Z by deploy' (plain text)."""
    when = facts.reseeded_at or "unknown"
    who = f" by {facts.reseeded_by}" if facts.reseeded_by else ""
    return f"{facts.documents} documents · last reseed {when}{who}"


def _holdings(facts: StoreOverview) -> list[Block]:
    blocks = [_header("What the store holds"), _context(_reseed_line(facts))]
    if facts.latest:
        buttons = [(label, query) for label, query in facts.latest[:MAX_BUTTONS]]
        blocks += [
            _header("Latest visits"),
            _section("The newest visits on record; a button shows the visit's card in our DM."),
            _buttons(buttons),
        ]
    if facts.visits:
        shown = [f"• {escape(line)}" for line in facts.visits[:MAX_VISITS]]
        if len(facts.visits) > MAX_VISITS:
            shown.append(f"…and {len(facts.visits) - MAX_VISITS} more: try `/visit <year>`")
        blocks += [_header("Visits by date"), *_sections(shown)]
    if facts.topics:
        main = facts.topics[:MAX_BUTTONS]
        others = facts.topics[MAX_BUTTONS:]
        blocks += [
            _header("Topics"),
            _section("What the two sides committed to, by topic (the most commitments first)."),
            _buttons([(t, f"/commitment {t}") for t in main]),
        ]
        if others:
            blocks.append(_context("Also: " + ", ".join(escape(t) for t in others)))
    return blocks


def _reseed_line(facts: StoreOverview) -> str:
    """'5 documents · last reseed <!date^…|…> by deploy': each reader sees their own local time."""
    when = escape(facts.reseeded_at or "unknown")
    moment = _moment(facts.reseeded_at)
    if moment is not None:
        when = f"<!date^{moment}^{{date_short_pretty}} at {{time}}|{when}>"
    who = f" by {escape(facts.reseeded_by)}" if facts.reseeded_by else ""
    return f"{facts.documents} documents · last reseed {when}{who}"


def _moment(iso: str | None) -> int | None:
    """Epoch seconds of an ISO time ('2025-11-22T08:12:00Z'), or None when it is not one."""
    if not iso:
        return None
    try:
        stamp = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    return int((stamp if stamp.tzinfo else stamp.replace(tzinfo=UTC)).timestamp())


def _buttons(choices: list[tuple[str, str]]) -> Block:
    """A row of buttons, each asking its query (answered in the person's DM with the bot)."""
    elements = [
        {
            "type": "button",
            "text": {"type": "plain_text", "text": shorten(label, 75) or "…", "emoji": False},
            "action_id": f"{HOME_ASK}_{index}",
            "value": escape(button_value(query)),
        }
        for index, (label, query) in enumerate(choices)
    ]
    return {"type": "actions", "elements": elements}


def _how_to_ask() -> list[Block]:
    lines = [f"`{escape(usage)}` — {what}, e.g. `{example}`" for usage, what, example in HOW_TO_ASK]
    lines.append(
        "Or mention me in a channel (I answer in the thread), or send me a direct message "
        "with a question such as _what did they agree on trade?_"
    )
    return [_header("How to ask"), *_sections(lines)]


def _sections(lines: list[str]) -> list[Block]:
    """Lines packed into as few sections as the 3,000-character limit allows."""
    sections: list[Block] = []
    chunk: list[str] = []
    for line in lines:
        if chunk and len("\n".join([*chunk, line])) > SECTION_LIMIT:
            sections.append(_section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    if chunk:
        sections.append(_section("\n".join(chunk)))
    return sections


def _header(text: str) -> Block:
    plain = {"type": "plain_text", "text": shorten(text, 150), "emoji": False}
    return {"type": "header", "text": plain}


def _section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": shorten(mrkdwn, SECTION_LIMIT)}}


def _context(mrkdwn: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": shorten(mrkdwn, 2000)}]}
