"""Route a line and hand it to the answer for its intent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bot.answer import Answer
from bot.answers.commitments import answer_commitments
from bot.answers.common import Context
from bot.answers.figures import answer_figures
from bot.answers.people import answer_who
from bot.answers.search import answer_search
from bot.answers.usage import help_answer
from bot.answers.visits import answer_visits
from bot.knowledge import knowledge
from bot.router import route
from store.db import Store

ANSWERS: dict[str, Callable[[Context], Answer]] = {
    "commitment": answer_commitments,
    "visit": answer_visits,
    "who": answer_who,
    "figure": answer_figures,
    "search": answer_search,
    "help": help_answer,
}


def dispatch(store: Store, query: str, page: int = 1) -> Answer:
    """The answer to one line (a slash command or free text), one page of it."""
    with store.session() as session:
        known = knowledge(session, store.database_url)
        chosen = route(query, known)
        ctx = Context(store, session, known, query, chosen.argument, page)
        answer = ANSWERS[chosen.intent](ctx)
        if answer.empty and not chosen.command and chosen.intent != "search" and chosen.argument:
            # A question the guessed command cannot answer may still be in the articles' words.
            found = answer_search(ctx)
            if not found.empty:
                answer = found
    # How the line was routed, for the query log (extra takes no part in comparisons).
    routed = {"route": chosen.intent, "score": f"{chosen.score:g}"}
    return replace(answer, extra={**answer.extra, **routed})
