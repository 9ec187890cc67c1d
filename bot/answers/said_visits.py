"""A `/visit` nobody's trip on record answers: the passages that tell of a trip to or from it.

Visits are extracted from the articles, and some are missed (a mayor's trip told in passing,
a delegation without a named leader). When no visit on record matches a place or a person,
the sentences that name it together with a trip, an arrival or a reception are shown as the
articles' own words, marked as such, never as a visit card.
"""

from __future__ import annotations

import re

from bot.answer import Answer, Item
from bot.answers.common import Context, paged, sources
from bot.knowledge import routing
from bot.periods import parse_period
from store import queries
from store.textutil import key

SHOWN = 5
# Words that tell of a trip or a reception; they pick among passages already naming the place or
# person asked about, they never decide what a visit is.
_TRIP = re.compile(
    r"\b(?:visit\w*|trip|tour(?:s|ed|ing)?|arriv\w*|delegation|travel\w*|flew|landed|welcom\w*|"
    r"received|hosted|working session|paid a|led a)\b",
    re.I,
)


def trips_said(ctx: Context) -> Answer | None:
    """The passages naming the argument with a trip, or None when there are none."""
    ignored = set(routing()["stop_words"])
    words = [w for w in key(ctx.argument).split() if w not in ignored]
    if not words or parse_period(key(ctx.argument), ctx.known.latest) is not None:
        return None  # a period: the visits on record are the answer, found or not
    hits = queries.search(ctx.session, words, limit=40)
    said = [q for q in hits if q.on_topic and _TRIP.search(q.text)][:SHOWN]
    if not said:
        return None
    items = [
        Item(
            title=q.document.title,
            quote=q.text,
            sources=sources([q]),
            highlight=tuple(w for w in key(q.text).split() if w in words),
        )
        for q in said
    ]
    notice = (
        f"No visits found for *{ctx.argument}* among the visits on record; these passages tell "
        "of a trip or a meeting in the articles' own words:"
    )
    return paged(ctx, "visit", f"Visits: {ctx.argument}", items, notice=notice)
