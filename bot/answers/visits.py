"""/visit <month|date|person|place|year>: visit cards; alone, the timeline of visits."""

from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz
from sqlalchemy.orm import Session

from bot.answer import Answer, Differing, Item, Suggestion
from bot.answers.common import Context, nothing_found, one_page, page_window, sources
from bot.periods import parse_period
from bot.resolve import VisitTerms, normalise, visit_terms
from store import queries
from store.dates_text import day_text
from store.queries import VisitEventInfo, VisitInfo
from store.textutil import cut_at_clause, fold, key

HIGHLIGHTS = 6
LEADING = 3  # outcomes shown before the ordinary activities
# What makes an outcome lead the card (a boost in order only: every activity is still shown).
_SIGNED = re.compile(
    r"\b(?:sign(?:ed|ing)?|agreements?|MoUs?|memorand\w*|documents|accords?|deals?|"
    r"inaugurat\w*|launch(?:ed)?|ground-?breaking)\b",
    re.IGNORECASE,
)


def answer_visits(ctx: Context) -> Answer:
    if normalise(ctx.argument) == "help":
        from bot.answers.usage import usage

        return usage(ctx, "visit")
    terms = visit_terms(ctx.argument, ctx.known) if ctx.argument else None
    session = ctx.session
    if terms is None:
        return _listed(ctx, session, queries.VisitFilter(), "Visits on record", None)
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
    )
    if people and not queries.count_visits(session, flt):
        flt = replace(flt, visitor_only=False)  # nobody's own trips: the ones they hosted
    if not queries.count_visits(session, flt):
        return _none(ctx, session)
    return _listed(ctx, session, flt, f"Visits: {ctx.argument}", terms)


def _listed(
    ctx: Context, session: Session, flt: queries.VisitFilter, heading: str, terms: VisitTerms | None
) -> Answer:
    total = queries.count_visits(session, flt)
    _page, offset, size = page_window(ctx, total)
    shown = queries.visits(session, flt, limit=size, offset=offset)
    summary = f"{total} visit{'s' * (total != 1)}" + (", by date" if terms is None else "")
    return one_page(
        ctx, "visit", heading, [visit_card(v, terms) for v in shown], total, summary=summary
    )


def _in_period(ctx: Context, session: Session) -> Answer:
    """Visits in a period written another way: 30/10/2025, mid-August, autumn 2025, last month."""
    folded = key(ctx.argument)
    period = parse_period(fold(ctx.argument).lower(), ctx.known.latest)
    if period is None or period.start is None or period.end is None:
        return _none(ctx, session)
    if folded.replace(key(period.text), " ").strip():
        return _none(ctx, session)  # something besides the period that names no visit
    flt = queries.VisitFilter(span=(period.start.isoformat(), period.end.isoformat()))
    if not queries.count_visits(session, flt):
        return _none(ctx, session)
    return _listed(ctx, session, flt, f"Visits: {ctx.argument}", None)


def _none(ctx: Context, session: Session) -> Answer:
    closest = [
        Suggestion(f"{v.visitor.name}, {v.when}", f"/visit {v.visitor.name}")
        for v in queries.visits(session, limit=3)
    ]
    return nothing_found(ctx, "visit", "visits", closest)


def visit_card(visit: VisitInfo, terms: VisitTerms | None) -> Item:
    """The card of one visit: one line for when / where / who beneath the title, the most
    important outcomes first, then its dated activities; sources."""
    differs = _differing_days(visit)
    when = " or ".join(d.value for d in differs) if differs else visit.when
    if visit.year_note and visit.year_note != "stated":
        note = cut_at_clause(visit.year_note.removeprefix("inferred "), 90)
        when += f" (year inferred {note})"
    quiet = [when, ", ".join(visit.places), f"Visitor: {_who(visit.visitor)}"]
    if visit.host:
        quiet.append(f"Host: {_who(visit.host)}")
    events = _highlights(visit, terms)
    bullets = tuple(_bullet(e) for e in events)
    more = len([e for e in visit.events if e.kind != "report"]) - len(events)
    if more > 0:
        bullets += (f"…and {more} more reported activities",)
    title = f"{visit.kind.capitalize()} of {visit.visitor.name} to {visit.destination}"
    return Item(
        title=title,
        context=" · ".join(q for q in quiet if q),
        bullets=bullets,
        sources=sources(e.quote for e in visit.events),
        reports=len({e.quote.document.id for e in visit.events}),
        differs=differs,
    )


def _differing_days(visit: VisitInfo) -> tuple[Differing, ...]:
    """The days each document gives the visit, each with its sources, when they differ."""
    quotes = {e.quote.document.id: e.quote for e in reversed(visit.events)}
    return tuple(
        Differing(dates, sources(quotes[d] for d in docs if d in quotes))
        for dates, docs in visit.stated
    )


def _who(person: queries.PersonInfo) -> str:
    role = f", {person.role}" if person.role else ""
    return f"{person.name}{role}"


def _highlights(visit: VisitInfo, terms: VisitTerms | None) -> list[VisitEventInfo]:
    """Dated activities and outcomes, those about the asked place or day first, near-repeats dropped."""
    wanted = {key(p) for p in terms.places} if terms else set()

    def relevance(event: VisitEventInfo) -> int:
        return 0 if wanted and any(w in key(event.quote.text) for w in wanted) else 1

    candidates = sorted((e for e in visit.events if e.kind != "report"), key=relevance)
    chosen: list[VisitEventInfo] = []
    for event in candidates:
        if any(fuzz.token_set_ratio(event.quote.text, c.quote.text) > 80 for c in chosen):
            continue
        chosen.append(event)
        if len(chosen) == HIGHLIGHTS:
            break
    # The most important outcomes (documents signed, agreements, inaugurations) lead, then the
    # rest by date.
    leading = sorted(
        (e for e in chosen if _importance(e) < 2), key=lambda e: (_importance(e), e.day or "")
    )[:LEADING]
    rest = [e for e in chosen if e not in leading]
    return leading + sorted(rest, key=lambda e: (e.day is None, e.day or ""))


def _importance(event: VisitEventInfo) -> int:
    """0 for a signing, an agreement or an inauguration, 1 for another outcome, 2 otherwise."""
    if _SIGNED.search(event.quote.text):
        return 0
    return 1 if event.kind == "outcome" else 2


def _bullet(event: VisitEventInfo) -> str:
    text = cut_at_clause(event.quote.text, 180)
    return f"{day_text(event.day)} — {text}" if event.day else text
