"""/figure <topic>: figures on a topic or matching its words, what each measures, when, from where."""

from __future__ import annotations

from bot.answer import Answer, Item, Suggestion
from bot.answers.common import Context, nothing_found, paged, sources
from bot.answers.usage import usage
from bot.knowledge import routing
from bot.resolve import normalise, topic_match
from store import queries
from store.queries import FigureInfo
from store.textutil import key


def answer_figures(ctx: Context) -> Answer:
    if not ctx.argument or normalise(ctx.argument) == "help":
        return usage(ctx, "figure")
    match = topic_match(ctx.argument, ctx.known, partial=True)
    words = _content_words(ctx.argument)
    session = ctx.session
    hits = queries.search(session, words, limit=40, any_word=True) if words else []
    ids = [q.sentence_id for q in hits if q.on_topic]
    found = queries.figures(session, topic_keys=list(match.keys), sentence_ids=ids)
    if not found:
        labels = [ctx.known.topic(k).label for k in match.closest(ctx.known, "figures")]
        return nothing_found(
            ctx, "figure", "figures", [Suggestion(t, f"/figure {t}") for t in labels]
        )
    ranked = _rank(found, set(match.keys), words)
    items = [_item(group) for group in ranked]
    return paged(
        ctx,
        "figure",
        f"Figures: {ctx.argument}",
        items,
        summary=f"{len(items)} figure{'s' * (len(items) != 1)}",
    )


def _content_words(argument: str) -> list[str]:
    """The words that say what is measured: not stop words, not the two parties' names."""
    ignored = set(routing()["stop_words"]) | set(routing()["party_words"])
    return [w for w in normalise(argument).split() if len(w) > 2 and w not in ignored]


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


def _item(group: list[FigureInfo]) -> Item:
    figure = group[0]
    when = (
        f" by {figure.deadline}" if figure.deadline else f" in {figure.year}" if figure.year else ""
    )
    lines = [f"Measures: {figure.measure}"]
    if len(group) > 1:
        lines.append(f"Reported by {len({f.quote.document.id for f in group})} documents")
    return Item(
        title=f"{figure.text}{when}", lines=tuple(lines), sources=sources(f.quote for f in group)
    )
