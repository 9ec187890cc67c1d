"""/search <words>: the best passages, on-topic first, matched words emphasised."""

from __future__ import annotations

from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from bot.answer import Answer, Item
from bot.answers.common import (
    Context,
    leads_back,
    nothing_found,
    one_page,
    page_window,
    sources,
    with_before,
)
from bot.answers.usage import usage
from bot.knowledge import routing
from bot.resolve import normalise
from store import evidence, queries
from store.queries.openings import titled_openings
from store.textutil import words as split_words

FEW = 3  # hits so few that the openings of the articles titled for the words are added
SAME_PASSAGE = 90  # token-set similarity of two documents' sentences that say the same


def answer_search(ctx: Context) -> Answer:
    words = [w for w in normalise(ctx.argument).split() if w][:12]
    if not words or words == ["help"]:
        return usage(ctx, "search")
    session = ctx.session
    hits = queries.search(session, words, limit=25)
    corrected = words
    if not hits:
        corrected = [correct(session, w) for w in words]
        hits = queries.search(session, corrected, limit=25) or queries.search(
            session, corrected, limit=25, any_word=True
        )
    if len(hits) < FEW:  # the articles titled for the words open on what they are about
        held = {q.sentence_id for q in hits}
        hits += [q for q in titled_openings(session, corrected) if q.sentence_id not in held]
    if not hits:
        return nothing_found(ctx, "search", "passages", [])
    notice = f"Showing results for *{' '.join(corrected)}*." if corrected != words else ""
    _page, offset, size = page_window(ctx, len(hits))
    shown = hits[offset : offset + size]  # the asked page's cards only; the others are counted
    reports = corroborated(session, hits, shown)
    # "He also asked the agency…" is shown with the sentence that says who and which agency
    previous = evidence.before(session, [q.sentence_id for q in shown if leads_back(q.text)])
    items = [
        Item(
            title=quote.document.title
            if quote.on_topic
            else f"{quote.document.title} (not about the relationship)",
            quote=with_before(quote.text, previous.get(quote.sentence_id)),
            sources=sources([quote]),
            highlight=tuple(_matched(quote.text, corrected)),
            reports=reports[quote.sentence_id],
        )
        for quote in shown
    ]
    return one_page(
        ctx,
        "search",
        f"Search: {ctx.argument}",
        items,
        len(hits),
        notice=notice,
        summary=f"{len(hits)} passage{'s' * (len(hits) != 1)}",
        size=size,
    )


def corroborated(
    session: Session, hits: list[queries.Quote], shown: list[queries.Quote] | None = None
) -> dict[int, int]:
    """Sentence id -> how many documents report what it says: the documents of the commitment or
    figure it states, or of the passages among the hits that say the same in (nearly) the same
    words, whichever is more; at least 1. For the shown hits (default all), each against all."""
    shown = hits if shown is None else shown
    facts = queries.sentence_reports(session, [q.sentence_id for q in shown])
    found = {}
    for quote in shown:
        alike = {
            other.document.id
            for other in hits
            if other.document.id != quote.document.id
            and fuzz.token_set_ratio(quote.text, other.text) >= SAME_PASSAGE
        }
        found[quote.sentence_id] = max(facts.get(quote.sentence_id, 0), len(alike) + 1)
    return found


def _matched(text: str, words: list[str]) -> list[str]:
    found = []
    for token in split_words(text):
        if any(token == w or (len(w) >= 4 and token.startswith(w)) for w in words):
            found.append(token)
    return found


def correct(session: Session, word: str) -> str:
    """The indexed word closest to a misspelt one (same first letter), or the word itself."""
    if len(word) < 4:
        return word
    choices = queries.vocabulary(session, word[0])
    match = process.extractOne(
        word, choices, scorer=fuzz.ratio, score_cutoff=routing()["thresholds"]["search_word"]
    )
    return match[0] if match else word
