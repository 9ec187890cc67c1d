"""/visit <month|date|person|place|year>: visit cards; alone, the timeline of visits."""

from __future__ import annotations

from datetime import date

from rapidfuzz import fuzz

from bot.answer import Answer, Item, Suggestion
from bot.answers.common import Context, nothing_found, paged, sources
from bot.resolve import VisitTerms, normalise, visit_terms
from store import queries
from store.dates_text import day_text
from store.queries import VisitEventInfo, VisitInfo
from store.textutil import key, shorten

HIGHLIGHTS = 6


def answer_visits(ctx: Context) -> Answer:
    if normalise(ctx.argument) == "help":
        from bot.answers.usage import usage

        return usage(ctx, "visit")
    with ctx.store.session() as session:
        every = queries.visits(session)
    if not ctx.argument:
        items = [_card(v, None) for v in every]
        return paged(
            ctx, "visit", "Visits on record", items, summary=f"{len(every)} visits, by date"
        )
    terms = visit_terms(ctx.argument, ctx.known)
    chosen = [v for v in every if _matches(v, terms)] if not terms.rest else []
    travelled = [v for v in chosen if v.visitor.id in {p.id for p in terms.people}]
    if travelled:  # "when did X visit …": X's own trips, not the ones X hosted
        chosen = travelled
    if not chosen:
        closest = [
            Suggestion(
                f"{v.visitor.name}, {v.when}",
                f"/visit {v.visitor.name}",
            )
            for v in every[:3]
        ]
        return nothing_found(ctx, "visit", "visits", closest)
    items = [_card(v, terms) for v in chosen]
    return paged(
        ctx,
        "visit",
        f"Visits: {ctx.argument}",
        items,
        summary=f"{len(chosen)} visit{'s' * (len(chosen) != 1)}",
    )


def _months(visit: VisitInfo) -> set[int]:
    if visit.start and visit.end:
        first, last = date.fromisoformat(visit.start), date.fromisoformat(visit.end)
        return (
            set(range(first.month, last.month + 1))
            if first.year == last.year
            else {first.month, last.month}
        )
    return {visit.month} if visit.month else set()


def _matches(visit: VisitInfo, terms: VisitTerms) -> bool:
    if terms.months and not terms.months & _months(visit):
        return False
    if terms.years and visit.year not in terms.years:
        return False
    if terms.day is not None and visit.start and visit.end:
        first, last = date.fromisoformat(visit.start), date.fromisoformat(visit.end)
        if not first.day <= terms.day <= last.day or first.month != last.month:
            return False
    if terms.people and not {p.id for p in terms.people} & {
        visit.visitor.id,
        visit.host.id if visit.host else -1,
    }:
        return False
    return not terms.places or bool({key(p) for p in terms.places} & {key(p) for p in visit.places})


def _card(visit: VisitInfo, terms: VisitTerms | None) -> Item:
    when = visit.when
    lines = [
        f"When: {when}"
        + (f" (year {visit.year_note})" if visit.year_note and visit.year_note != "stated" else "")
    ]
    if visit.places:
        lines.append("Where: " + ", ".join(visit.places))
    lines.append(f"Visitor: {_who(visit.visitor)}")
    if visit.host:
        lines.append(f"Host: {_who(visit.host)}")
    events = _highlights(visit, terms)
    bullets = tuple(_bullet(e) for e in events)
    more = len([e for e in visit.events if e.kind != "report"]) - len(events)
    if more > 0:
        bullets += (f"…and {more} more reported activities",)
    title = f"{visit.kind.capitalize()} of {visit.visitor.name} to {visit.destination}"
    return Item(
        title=title,
        lines=tuple(lines),
        bullets=bullets,
        sources=sources(e.quote for e in visit.events),
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
    return sorted(chosen, key=lambda e: (e.day is None, e.day or ""))


def _bullet(event: VisitEventInfo) -> str:
    text = shorten(event.quote.text, 180)
    return f"{day_text(event.day)} — {text}" if event.day else text
