"""/figure <topic>: figures on a topic or matching its words, what each measures, when, from where."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from sqlalchemy.orm import Session

from bot.agreement import Stated, differing, progress
from bot.answer import Answer, Item, Suggestion
from bot.answers.common import Context, as_object, nothing_found, one_page, page_window, sources
from bot.answers.search import correct
from bot.answers.usage import usage
from bot.headline import headline
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
    if not found or _never_said(ctx, words, set(match.keys)):
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
    items = _compared(session, items, ranked, offset, found)
    return one_page(
        ctx,
        "figure",
        f"Figures: {ctx.argument}",
        items,
        total,
        summary=f"{total} figure{'s' * (total != 1)}",
    )


def _compared(
    session: Session,
    items: list[Item],
    ranked: list[list[FigureInfo]],
    offset: int,
    found: list[FigureInfo],
) -> list[Item]:
    """Items marked where another document gives a different number or date for the same
    figure, and targets shown against the latest actual figure of their measure."""
    cited = queries.quotes(session, [f.sentence_id for group in ranked for f in group])
    stated = []
    for group in ranked:
        quotes = [cited[f.sentence_id] for f in group if f.sentence_id in cited]
        stated.append(
            Stated(
                measure=group[0].measure,
                value=group[0].text,
                when=_when(group[0]).strip(),
                target=group[0].deadline is not None,
                documents=frozenset(q.document.id for q in quotes),
                sources=sources(quotes[:3]),
            )
        )
    differs = differing(stated, among=range(offset, offset + len(items)))
    return [
        replace(
            item,
            differs=differs.get(offset + index, ()),
            progress=progress(ranked[offset + index][0], found),
        )
        for index, item in enumerate(items)
    ]


def _never_said(ctx: Context, words: list[str], topics: set[str]) -> bool:
    """A word the question turns on that no on-topic sentence says ("rice" in "rice exports"):
    an honest miss, never the figures of a neighbouring subject.

    Words that find the asked topic ("visitors" for tourism) stand for it. Of the rest, the words
    before a phrase's last one say what is measured; the last one often only how ("growth rate"),
    so it is left to ranking.
    """
    generic = set(routing()["generic_words"])
    for word in words[:-1] if len(words) > 1 else words:
        if len(word) <= 3 or word in generic:
            continue
        if topics & set(topic_match(word, ctx.known, partial=True).keys):
            continue
        asked = correct(ctx.session, word)
        if not any(q.on_topic for q in queries.search(ctx.session, [asked], limit=20)):
            return True
    return False


def _when(figure: FigureInfo) -> str:
    if figure.deadline:
        return f" by {figure.deadline}"
    return f" in {figure.year}" if figure.year else ""


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
    """The card of one figure (several documents reporting it: one group): what it is about as
    the title (its sentence's substance); the figure and its year or deadline on the quiet line;
    how many documents report it."""
    figure = group[0]
    quotes = [cited[f.sentence_id] for f in group if f.sentence_id in cited]
    reports = len({q.document.id for q in quotes})
    figure_when = f"{figure.text}{_when(figure)}"
    title = headline(figure.measure, figure.text)
    if figure.text not in title:
        title = f"{figure_when}: {title}"
    # The measure in full only when the title is not a whole clause of it.
    whole = not title.endswith("…") and title.lower() in figure.measure.lower()
    return Item(
        title=title,
        context="" if figure_when in title else figure_when,
        lines=() if whole else (f"Measures: {figure.measure}",),
        sources=sources(quotes[:6]),
        reports=max(1, reports),
        about=as_object(title),
    )
