"""/who <person>: role, side and the events a person took part in; several matches are listed."""

from __future__ import annotations

from bot.answer import Answer, Item, Suggestion
from bot.answers.common import Context, nothing_found, one_page, page_window, sources
from bot.answers.usage import usage
from bot.resolve import normalise, person_match
from store import queries
from store.queries import PersonInfo, Quote, VisitInfo
from store.textutil import shorten

MENTIONS_SHOWN = 3
VISITS_SHOWN = 10


def answer_who(ctx: Context) -> Answer:
    if not ctx.argument or normalise(ctx.argument) == "help":
        return usage(ctx, "who")
    match = person_match(ctx.argument, ctx.known)
    if not match.people:
        closest = [Suggestion(p.name, f"/who {p.name}") for p in match.closest]
        return nothing_found(ctx, "who", "people", closest)
    total = len(match.people)
    _page, offset, size = page_window(ctx, total)
    cards = _cards(ctx, list(match.people[offset : offset + size]))
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


def _cards(ctx: Context, people: list[PersonInfo]) -> list[Item]:
    """The cards of a page of people, each person's visits and mentions read for the whole page
    at once (how many documents name them was counted at reseed)."""
    ids = [p.id for p in people]
    session = ctx.session
    visits = queries.visits_of(session, ids, VISITS_SHOWN, ctx.known.by_id)
    spread = {
        pid: _spread(mentions) for pid, mentions in queries.mentions_on_topic(session, ids).items()
    }
    cited = queries.quotes(session, [sid for shown in spread.values() for sid in shown])
    return [
        _card(
            person,
            ctx,
            visits.get(person.id, []),
            [cited[sid] for sid in spread.get(person.id, []) if sid in cited],
            person.documents,
        )
        for person in people
    ]


def _card(
    person: PersonInfo, ctx: Context, visits: list[VisitInfo], shown: list[Quote], reports: int
) -> Item:
    lines = []
    if person.role:
        lines.append(f"Role: {person.role}")
    if person.side:
        lines.append(f"Side: {person.side}")
    if person.other_roles:
        lines.append("Also: " + "; ".join(person.other_roles[:3]))
    if person.spouse_of:
        lines.append(f"Spouse of {ctx.known.person(person.spouse_of).name}")
    spouses = ctx.known.spouses.get(person.id, [])
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
    return Item(
        title=person.name,
        lines=tuple(lines),
        bullets=tuple(shorten(q.text, 200) for q in shown),
        sources=sources(shown),
        reports=reports,
        about=person.name,
        person=person.name,
    )


def _spread(mentions: list[tuple[int, int]]) -> list[int]:
    """A few mentions (sentence id, document id) from different documents: the sentence ids."""
    chosen: dict[int, int] = {}
    for sentence_id, document_id in mentions:
        chosen.setdefault(document_id, sentence_id)
        if len(chosen) == MENTIONS_SHOWN:
            break
    return list(chosen.values())
