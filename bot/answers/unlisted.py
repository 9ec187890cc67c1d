"""Answers about a place no list knows: "how much has X invested in Tra Vinh?" is answered
only by an article that names Tra Vinh, not by another province's figures."""

from __future__ import annotations

from bot.answers.common import Context
from bot.elsewhere import unlisted_place
from bot.question import Question
from bot.rank import Scored
from store import reading
from store.textutil import key


def named_there(ctx: Context, question: Question, found: list[Scored]) -> list[Scored]:
    """The answering sentences whose article (its title or any sentence) names the place the
    question names after "in", when no list knows it (a listed one is checked by
    bot/elsewhere.py for each sentence)."""
    place = unlisted_place(question, ctx.known)
    if not place or not found:
        return found
    ids = sorted({s.candidate.quote.document.id for s in found})
    walked = reading.walks(ctx.session, ids)
    titles = {s.candidate.quote.document.id: s.candidate.quote.document.title for s in found}
    name = f" {' '.join(place)} "
    naming = {
        d
        for d in ids
        if name in f" {key(titles[d])} {key(' '.join(row[1] for row in walked.get(d, [])))} "
    }
    return [s for s in found if s.candidate.quote.document.id in naming]
