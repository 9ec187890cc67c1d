"""Help and per-command usage: what can be asked, with the topics and visits on record."""

from __future__ import annotations

import threading
from datetime import date

from bot.answer import Answer, Item, Suggestion
from bot.answers.common import Context
from store import queries
from store.queries import StoreOverview

USAGE = {
    "commitment": (
        "/commitment <topic>",
        "what was agreed, pledged or targeted on a topic",
        "/commitment trade",
    ),
    "visit": (
        "/visit <month|date|person|place|year>",
        "visits, with dates, places and outcomes; alone, the timeline",
        "/visit august",
    ),
    "who": ("/who <person>", "a person's role, side and the events they took part in", "/who lee"),
    "figure": (
        "/figure <topic>",
        "the figures on a topic: what each measures, its year or deadline",
        "/figure trade",
    ),
    "search": ("/search <words>", "the passages that mention the words", "/search statue"),
}


# What help shows depends only on the store build: read once per build, not per greeting.
_kept: dict[tuple[str, str], tuple[StoreOverview, dict[str, str]]] = {}
_kept_lock = threading.Lock()


def _store_facts(ctx: Context) -> tuple[StoreOverview, dict[str, str]]:
    """The store's overview and an example per command, kept per build of the store."""
    stamp = ctx.known.stamp
    kept = _kept.get((ctx.store.database_url, stamp)) if stamp is not None else None
    if kept is not None:
        return kept
    fresh = queries.overview(ctx.session), {i: _example_in(ctx, i) for i in USAGE}
    if stamp is not None:
        with _kept_lock:
            _kept.pop(next((k for k in _kept if k[0] == ctx.store.database_url), ("", "")), None)
            _kept[(ctx.store.database_url, stamp)] = fresh
    return fresh


def _example(ctx: Context, intent: str) -> str:
    return _store_facts(ctx)[1][intent]


def _example_in(ctx: Context, intent: str) -> str:
    """An example that has an answer in this store (the static one when the store has nothing)."""
    fallback = USAGE[intent][2]
    if intent in ("commitment", "figure", "search"):
        counted = [
            t for t in ctx.known.topics if (t.figures if intent == "figure" else t.commitments)
        ]
        best = max(
            counted, key=lambda t: t.figures if intent == "figure" else t.commitments, default=None
        )
        return (
            f"/{intent} {best.aliases[0] if best and best.aliases else best.label}"
            if best
            else fallback
        )
    if intent == "visit":
        first = queries.visits(ctx.session, limit=1, with_events=False)
        if first and first[0].month:
            return f"/visit {date(2000, first[0].month, 1):%B}".lower()
        return "/visit"
    if intent == "who" and ctx.known.people:
        busiest = max(ctx.known.people, key=lambda p: p.mentions)
        return f"/who {busiest.name.split()[0].lower()}"
    return fallback


def usage(ctx: Context, intent: str) -> Answer:
    """Usage of one command, and what it can be asked about."""
    syntax, purpose, _static = USAGE[intent]
    example = _example(ctx, intent)
    lines = [f"{syntax} — {purpose}. Example: {example}"]
    if intent in ("commitment", "figure"):
        counted = [
            t for t in ctx.known.topics if (t.commitments if intent == "commitment" else t.figures)
        ]
        lines.append("Topics: " + ", ".join(t.label for t in counted))
    elif intent == "who":
        lines.append("People: " + ", ".join(p.name for p in ctx.known.people[:20]))
    elif intent == "visit":
        lines += ["Visits on record: " + "; ".join(_store_facts(ctx)[0].visits)]
    return Answer(
        query=ctx.query,
        intent="help",
        heading=f"How to use {syntax.split()[0]}",
        notice="\n".join(lines),
        suggestions=(Suggestion(example, example),),
    )


def help_answer(ctx: Context) -> Answer:
    """What Attaché answers, with the topics and the visits on record."""
    overview = _store_facts(ctx)[0]
    items = tuple(
        Item(title=f"{syntax} — {purpose}", lines=(f"Example: {_example(ctx, intent)}",))
        for intent, (syntax, purpose, _static) in USAGE.items()
    )
    notice = (
        "Ask me about Vietnam – Republic of Korea relations with a command, or mention me with a question "
        "such as “what did they agree on trade?”."
    )
    extra = []
    if overview.topics:
        extra.append("Topics: " + ", ".join(overview.topics))
    if overview.visits:
        extra.append("Visits on record: " + "; ".join(overview.visits))
    return Answer(
        query=ctx.query,
        intent="help",
        heading="Attaché: what you can ask",
        notice=notice + ("\n" + "\n".join(extra) if extra else ""),
        items=items,
        total=len(items),
        page_size=len(items),
    )
