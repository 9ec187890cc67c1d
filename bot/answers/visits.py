"""/visit <month|date|person|place|year>: visit cards; alone, the timeline of visits."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from bot.answer import Answer, Suggestion
from bot.answers.common import Context, nothing_found, one_page, page_window, paged
from bot.answers.said_visits import trips_said
from bot.answers.visit_cards import opening_query, rest_of, visit_card, visit_pages
from bot.periods import parse_period
from bot.resolve import normalise
from bot.visit_terms import VisitTerms, visit_terms
from store import queries
from store.textutil import fold, key


def answer_visits(ctx: Context) -> Answer:
    if normalise(ctx.argument) == "help":
        from bot.answers.usage import usage

        return usage(ctx, "visit")
    terms = visit_terms(ctx.argument, ctx.known) if ctx.argument else None
    session = ctx.session
    if terms is None:
        flt = queries.VisitFilter()
        return _listed(
            ctx, session, flt, queries.count_visits(session, flt), "Visits on record", None
        )
    if terms.rest or "/" in ctx.argument:
        return _in_period(ctx, session)
    people = frozenset(p.id for p in terms.people)
    flt = queries.VisitFilter(
        months=frozenset(terms.months),
        day=terms.day,
        years=frozenset(terms.years),
        person_ids=people,
        visitor_only=bool(people),
        places=frozenset(terms.places),
        destinations=frozenset(terms.destinations),
    )
    total = queries.count_visits(session, flt)
    if people and not total:
        flt = replace(flt, visitor_only=False)  # nobody's own trips: the ones they hosted
        total = queries.count_visits(session, flt)
    if not total:
        return _none(ctx, session)
    return _listed(ctx, session, flt, total, f"Visits: {ctx.argument}", terms)


def _listed(
    ctx: Context,
    session: Session,
    flt: queries.VisitFilter,
    total: int,
    heading: str,
    terms: VisitTerms | None,
) -> Answer:
    """The page of the `total` visits the filter finds."""
    summary = f"{total} visit{'s' * (total != 1)}" + (", by date" if terms is None else "")
    if total == 1:  # one visit: the next pages are the rest of its activities
        [visit] = queries.visits(session, flt, limit=1, known=ctx.known.by_id)
        pages = visit_pages(visit, terms)
        answer = paged(ctx, "visit", heading, pages, summary=summary, size=1)
        return replace(answer, more_of="pages of its activities")
    _page, offset, size = page_window(ctx, total)
    shown = queries.visits(session, flt, limit=size, offset=offset, known=ctx.known.by_id)
    cards = [visit_card(v, terms) for v in shown]
    # A card with more activities than it shows: a button that opens that visit alone.
    opening = tuple(
        Suggestion(f"All of {v.visitor.name}'s {v.kind}, {v.when}", opening_query(v))
        for v in shown
        if rest_of(v, terms)
    )
    return one_page(ctx, "visit", heading, cards, total, summary=summary, suggestions=opening[:5])


def _in_period(ctx: Context, session: Session) -> Answer:
    """Visits in a period written another way: 30/10/2025, mid-August, autumn 2025, last month."""
    folded = key(ctx.argument)
    period = parse_period(fold(ctx.argument).lower(), ctx.known.latest)
    if period is None or period.start is None or period.end is None:
        return _none(ctx, session)
    if folded.replace(key(period.text), " ").strip():
        return _none(ctx, session)  # something besides the period that names no visit
    flt = queries.VisitFilter(span=(period.start.isoformat(), period.end.isoformat()))
    total = queries.count_visits(session, flt)
    if not total:
        return _none(ctx, session)
    return _listed(ctx, session, flt, total, f"Visits: {ctx.argument}", None)


def _none(ctx: Context, session: Session) -> Answer:
    said = trips_said(ctx)
    if said is not None:
        return said
    closest = [
        Suggestion(f"{v.visitor.name}, {v.when}", f"/visit {v.visitor.name}")
        for v in queries.visits(session, limit=3, known=ctx.known.by_id)
    ]
    return nothing_found(ctx, "visit", "visits", closest)
