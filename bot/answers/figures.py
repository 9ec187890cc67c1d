"""/figure <topic>: figures on a topic or matching its words, what each measures, when, from where."""

from __future__ import annotations

from functools import cache

from bot.answer import Answer, Item, Suggestion
from bot.answers.common import Context, nothing_found, one_page, page_window, sources
from bot.answers.usage import usage
from bot.knowledge import routing
from bot.resolve import normalise, topic_match
from store import queries
from store.queries import FigureInfo, Quote
from store.textutil import key


def answer_figures(ctx: Context) -> Answer:
    if not ctx.argument or normalise(ctx.argument) == "help":
        return usage(ctx, "figure")
    match = topic_match(ctx.argument, ctx.known, partial=True)
    words = _content_words(ctx.argument)
    session = ctx.session
    # A topic finds its figures through the index; the words only rank them (a search of a
    # common word over a large corpus costs more than it finds).
    hits = (
        queries.search(session, words, limit=40, any_word=True) if words and not match.keys else []
    )
    ids = [q.sentence_id for q in hits if q.on_topic]
    found = queries.figures(session, topic_keys=list(match.keys), sentence_ids=ids)
    if not found:
        labels = [ctx.known.topic(k).label for k in match.closest(ctx.known, "figures")]
        return nothing_found(
            ctx, "figure", "figures", [Suggestion(t, f"/figure {t}") for t in labels]
        )
    ranked = _rank(found, set(match.keys), words)
    total = len(ranked)
    _page, offset, size = page_window(ctx, total)
    shown = ranked[offset : offset + size]
    cited = queries.quotes(session, [f.sentence_id for group in shown for f in group])
    items = [figure_item(group, cited) for group in shown]
    return one_page(
        ctx,
        "figure",
        f"Figures: {ctx.argument}",
        items,
        total,
        summary=f"{total} figure{'s' * (total != 1)}",
    )


def _content_words(argument: str) -> list[str]:
    """The words that say what is measured: not stop words, not the two parties' names."""
    ignored = set(routing()["stop_words"]) | set(routing()["party_words"])
    return [w for w in normalise(argument).split() if len(w) > 2 and w not in ignored]


@cache
def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ers", "ors", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _rank(found: list[FigureInfo], topics: set[str], words: list[str]) -> list[list[FigureInfo]]:
    """Figures grouped when several documents report the same one, best matches first.

    A figure scores for its topic and for the asked words found in what it measures; figures far
    below the best are left out rather than shown as noise.
    """
    stems = {_stem(w) for w in words}

    def score(figure: FigureInfo) -> float:
        measured = {_stem(w) for w in key(f"{figure.text} {figure.measure}").split()}
        overlap = len(stems & measured) / len(stems) if stems else 0.0
        return (1.0 if topics & set(figure.topics) else 0.0) + overlap

    groups: dict[str, list[FigureInfo]] = {}
    for figure in found:
        groups.setdefault(figure.group_key, []).append(figure)
    scored = [(max(score(f) for f in g), g) for g in groups.values()]
    best = max((s for s, _ in scored), default=0.0)
    kept = [(s, g) for s, g in scored if s > 0 and s >= best / 2]
    # Ties: the most reported first, then the most recent measurement, then targets.
    return [
        g
        for _, g in sorted(
            kept, key=lambda sg: (-sg[0], -len(sg[1]), -(sg[1][0].year or 0), sg[1][0].id)
        )
    ]


def figure_item(group: list[FigureInfo], cited: dict[int, Quote]) -> Item:
    """The card of one figure (several documents reporting it: one group)."""
    figure = group[0]
    when = (
        f" by {figure.deadline}" if figure.deadline else f" in {figure.year}" if figure.year else ""
    )
    quotes = [cited[f.sentence_id] for f in group if f.sentence_id in cited]
    lines = [f"Measures: {figure.measure}"]
    reports = len({q.document.id for q in quotes})
    if reports > 1:
        lines.append(f"Reported by {reports} documents")
    return Item(title=f"{figure.text}{when}", lines=tuple(lines), sources=sources(quotes[:6]))
