"""/figure <topic>: figures on a topic or matching its words, what each measures, when, from where."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.agreement import Stated, described, progress, rivals
from bot.answer import Answer, Item, Source, Suggestion
from bot.answers.common import (
    Context,
    as_object,
    document_sources,
    nothing_found,
    one_page,
    page_window,
    sources,
)
from bot.answers.figure_match import asked, matching
from bot.answers.search import correct
from bot.answers.usage import usage
from bot.headline import headline
from bot.knowledge import routing
from bot.resolve import normalise, topic_match
from store import queries
from store.queries import SOURCES_SHOWN, FigureInfo, Quote


def answer_figures(ctx: Context, kind: Callable[[FigureInfo], bool] | None = None) -> Answer:
    """The figures the argument asks for (of the `kind` a question asks for, if given)."""
    if not ctx.argument or normalise(ctx.argument) == "help":
        return usage(ctx, "figure")
    match = topic_match(ctx.argument, ctx.known, partial=True)
    words = _content_words(ctx.argument)
    session = ctx.session
    corrected = [correct(session, w) for w in words]
    # Candidates: the named topics' figures and those in sentences holding the asked words; the
    # words decide which of them answer (a topic only boosts).
    # A topic named outright ("trade") brings its figures; other words are looked up in the
    # sentences.
    # (a phrase naming a topic, "concessional loans", is searched too: its topic's tagged figures
    # may miss a sentence that says it in its own words, "concessional lending")
    exact = bool(match.keys) and match.score >= 100 and len(words) == 1
    searched = words and not exact
    ids = queries.on_topic_matches(session, corrected, limit=60, any_word=True) if searched else []
    # and the sentence after each ("Hyosung has earmarked $1 billion for that complex")
    ids += [i + 1 for i in ids]
    found = queries.figures(session, topic_keys=list(match.keys), sentence_ids=ids)
    found = [f for f in found if kind is None or kind(f)]
    topics = set(match.keys)
    named = tuple(_named(ctx, w) for w in words)
    wanted = asked(session, words, corrected, ctx.known.words, named)
    scored = matching(found, wanted, topics) if words else []
    if not scored or _never_said(ctx, words, corrected, topics):
        labels = [ctx.known.topic(k).label for k in match.closest(ctx.known, "figures")]
        return nothing_found(
            ctx, "figure", "figures", [Suggestion(t, f"/figure {t}") for t in labels]
        )
    ranked = _rank(scored)
    total = len(ranked)
    _page, offset, size = page_window(ctx, total)
    shown = ranked[offset : offset + size]
    stated = [_stated(group) for group in ranked]
    rivals_of = rivals(stated, among=range(offset, offset + len(shown)))
    # Sentences are read for the cards shown; documents for the first few of each group they
    # contradict (their sources).
    differing = {j for i, js in rivals_of.items() for j in (i, *js)}
    cited = queries.quotes(
        session, [f.sentence_id for group in shown for f in group[:SOURCES_SHOWN]]
    )
    cites = queries.documents(session, {f.document_id for j in differing for f in ranked[j][:3]})
    # Each document's source made once: a page's rivals cite the same documents many times.
    source_of = dict(zip(cites, document_sources(cites.values()), strict=True))
    stated = [
        replace(
            s,
            sources=tuple(
                source_of[d] for d in dict.fromkeys(f.document_id for f in ranked[j][:3])
            ),
        )
        if j in differing
        else s
        for j, s in enumerate(stated)
    ]
    differs = described(stated, rivals_of)
    items = [
        replace(
            figure_item(group, cited),
            differs=differs.get(offset + index, ()),
            progress=progress(group[0], found),
        )
        for index, group in enumerate(shown)
    ]
    return one_page(
        ctx,
        "figure",
        f"Figures: {ctx.argument}",
        items,
        total,
        summary=f"{total} figure{'s' * (total != 1)}",
    )


def _stated(group: list[FigureInfo], cited: tuple[Source, ...] = ()) -> Stated:
    """A group of figures as a statement of a number and a time (its sources read only when
    another document contradicts it)."""
    return Stated(
        measure=group[0].measure,
        value=group[0].text,
        when=_when(group[0]).strip(),
        target=group[0].deadline is not None,
        documents=frozenset(f.document_id for f in group),
        sources=cited,
    )


def _never_said(ctx: Context, words: list[str], corrected: list[str], topics: set[str]) -> bool:
    """A word the question turns on that no on-topic sentence says ("rice" in "rice exports"):
    an honest miss, never the figures of a neighbouring subject.

    Words that find the asked topic ("visitors" for tourism) stand for it. Of the rest, the words
    before a phrase's last one say what is measured; the last one often only how ("growth rate"),
    so it is left to ranking. `corrected`: each of the words' spelling correction.
    """
    generic = set(routing()["generic_words"])
    pairs = list(zip(words, corrected, strict=True))
    for word, spelt in pairs[:-1] if len(pairs) > 1 else pairs:
        if len(word) <= 3 or word in generic:
            continue
        if topics & set(topic_match(word, ctx.known, partial=True).keys):
            continue
        if not queries.on_topic_matches(ctx.session, [spelt], limit=20):
            return True
    return False


def _named(ctx: Context, word: str) -> frozenset[str]:
    """The topics a word names as a whole ("oda", "investment"): a word of the topic's own name,
    not one of its narrower aliases ("rice" is not all of agriculture)."""
    plain = word.rstrip("s")
    return frozenset(
        t.key
        for t in ctx.known.topics
        if any(plain == w.rstrip("s") for w in normalise(f"{t.key} {t.label}").split())
    )


def _when(figure: FigureInfo) -> str:
    if figure.deadline:
        return f" by {figure.deadline}"
    return f" in {figure.year}" if figure.year else ""


def _content_words(argument: str) -> list[str]:
    """The words that say what is measured: not stop words, not the two parties' names."""
    ignored = set(routing()["stop_words"]) | set(routing()["party_words"])
    return [w for w in normalise(argument).split() if len(w) > 2 and w not in ignored]


def _rank(scored: list[tuple[float, FigureInfo]]) -> list[list[FigureInfo]]:
    """Figures grouped when several documents report the same one, best matches first; figures
    far below the best are left out rather than shown as noise."""
    groups: dict[str, list[FigureInfo]] = {}
    best_of: dict[str, float] = {}
    for score, figure in scored:
        groups.setdefault(figure.group_key, []).append(figure)
        best_of[figure.group_key] = max(best_of.get(figure.group_key, 0.0), score)
    best = max(best_of.values(), default=0.0)
    kept = [(best_of[k], g) for k, g in groups.items() if best_of[k] >= best * 0.6]
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
    quotes = [cited[f.sentence_id] for f in group[:SOURCES_SHOWN] if f.sentence_id in cited]
    reports = len({f.document_id for f in group})
    figure_when = f"{figure.text}{_when(figure)}"
    title = headline(figure.measure, figure.text)
    if figure.text.lower() not in title.lower():  # "More than 52 million USD this year" has it
        title = f"{figure_when}: {title}"
    # The measure in full only when the title is not a whole clause of it.
    whole = not title.endswith("…") and title.lower() in figure.measure.lower()
    return Item(
        title=title,
        context="" if figure_when in title else figure_when,
        lines=() if whole else (f"Measures: {figure.measure}",),
        sources=sources(quotes),
        reports=max(1, reports),
        about=as_object(title),
    )
