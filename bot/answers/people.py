"""/who <person>: role, side and the events a person took part in; several matches are listed."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.answer import Answer, Item, Suggestion
from bot.answers.common import Context, nothing_found, one_page, page_window, sources
from bot.answers.usage import usage
from bot.resolve import normalise, person_match
from store import queries
from store.queries import PersonInfo
from store.textutil import shorten

MENTIONS_SHOWN = 3


def answer_who(ctx: Context) -> Answer:
    if not ctx.argument or normalise(ctx.argument) == "help":
        return usage(ctx, "who")
    match = person_match(ctx.argument, ctx.known)
    if not match.people:
        closest = [Suggestion(p.name, f"/who {p.name}") for p in match.closest]
        return nothing_found(ctx, "who", "people", closest)
    total = len(match.people)
    _page, offset, size = page_window(ctx, total)
    cards = [_card(ctx.session, p, ctx) for p in match.people[offset : offset + size]]
    if total > 1:
        suggestions = tuple(
            Suggestion(p.name, f"/who {p.name}") for p in match.people[offset : offset + size]
        )
        return one_page(
            ctx,
            "who",
            f"{total} people match “{ctx.argument}”",
            cards,
            total,
            notice="Which one do you mean?",
            suggestions=suggestions,
        )
    return one_page(ctx, "who", match.people[0].name, cards, total)


def _card(session: Session, person: PersonInfo, ctx: Context) -> Item:
    visits = queries.visits(
        session,
        queries.VisitFilter(person_ids=frozenset({person.id})),
        limit=10,
        with_events=False,  # a card names the visits, not what happened on them
    )
    lines = []
    if person.role:
        lines.append(f"Role: {person.role}")
    if person.side:
        lines.append(f"Side: {person.side}")
    if person.other_roles:
        lines.append("Also: " + "; ".join(person.other_roles[:3]))
    if person.spouse_of:
        lines.append(f"Spouse of {ctx.known.person(person.spouse_of).name}")
    spouses = [p.name for p in ctx.known.people if p.spouse_of == person.id]
    if spouses:
        lines.append("Spouse: " + ", ".join(spouses))
    for visit in visits:
        part = (
            "visitor"
            if visit.visitor.id == person.id
            else "host"
            if visit.host and visit.host.id == person.id
            else None
        )
        if part:
            when = visit.when
            lines.append(f"{visit.kind.capitalize()} to {visit.destination}, {when} ({part})")
    mentions = [q for q in queries.mentions_of(session, person.id) if q.on_topic]
    shown = _spread(mentions)
    bullets = tuple(shorten(q.text, 200) for q in shown)
    return Item(
        title=person.name,
        lines=tuple(lines),
        bullets=bullets,
        sources=sources(shown or mentions[:3]),
        reports=queries.documents_naming(session, person.id),
        about=person.name,
        person=person.name,
    )


def _spread(quotes: list[queries.Quote]) -> list[queries.Quote]:
    """A few mentions from different documents."""
    chosen: list[queries.Quote] = []
    for quote in quotes:
        if all(c.document.id != quote.document.id for c in chosen):
            chosen.append(quote)
        if len(chosen) == MENTIONS_SHOWN:
            break
    return chosen
