"""/search <words>: the best passages, on-topic first, matched words emphasised."""

from __future__ import annotations

from rapidfuzz import fuzz, process
from sqlalchemy.orm import Session

from bot.answer import Answer, Item
from bot.answers.common import Context, nothing_found, paged, sources
from bot.answers.usage import usage
from bot.knowledge import routing
from bot.resolve import normalise
from store import queries
from store.textutil import words as split_words

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
    if not hits:
        return nothing_found(ctx, "search", "passages", [])
    notice = f"Showing results for *{' '.join(corrected)}*." if corrected != words else ""
    reports = corroborated(session, hits)
    items = [
        Item(
            title=quote.document.title
            if quote.on_topic
            else f"{quote.document.title} (not about the relationship)",
            quote=quote.text,
            sources=sources([quote]),
            highlight=tuple(_matched(quote.text, corrected)),
            reports=reports[quote.sentence_id],
        )
        for quote in hits
    ]
    return paged(
        ctx,
        "search",
        f"Search: {ctx.argument}",
        items,
        notice=notice,
        summary=f"{len(hits)} passage{'s' * (len(hits) != 1)}",
    )


def corroborated(session: Session, hits: list[queries.Quote]) -> dict[int, int]:
    """Sentence id -> how many documents report what it says: the documents of the commitment or
    figure it states, or of the passages among the hits that say the same in (nearly) the same
    words, whichever is more; at least 1."""
    facts = queries.sentence_reports(session, [q.sentence_id for q in hits])
    found = {}
    for quote in hits:
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
