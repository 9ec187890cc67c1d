"""A visit as cards: the card (when / where / who, the most important outcomes first, then the
dated activities), and, for an answer about that one visit, the rest of its activities on the
pages after it."""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from bot.answer import Differing, Item
from bot.answers.common import sources
from bot.visit_terms import VisitTerms
from store.dates_text import day_text, month_name
from store.queries import PersonInfo, VisitEventInfo, VisitInfo
from store.textutil import cut_at_clause, key

HIGHLIGHTS = 6
LEADING = 3  # outcomes shown before the ordinary activities
CONTINUED = 10  # activities on each page after the card
SAME_ACTIVITY = 80  # token-set similarity of two sentences telling one activity
# What makes an outcome lead the card (a boost in order only: every activity is still shown).
_SIGNED = re.compile(
    r"\b(?:sign(?:ed|ing)?|agreements?|MoUs?|memorand\w*|documents|accords?|deals?|"
    r"inaugurat\w*|launch(?:ed)?|ground-?breaking)\b",
    re.IGNORECASE,
)


def visit_card(visit: VisitInfo, terms: VisitTerms | None, continued: bool = False) -> Item:
    """The card of one visit: one line for when / where / who beneath the title, the most
    important outcomes first, then its dated activities; sources. The activities it has no room
    for are on the next pages when `continued`, else the query that opens the visit says so."""
    differs = _differing_days(visit)
    when = " or ".join(d.value for d in differs) if differs else visit.when
    if visit.year_note and visit.year_note != "stated":
        note = cut_at_clause(visit.year_note.removeprefix("inferred "), 90)
        when += f" (year inferred {note})"
    quiet = [when, ", ".join(visit.places), f"Visitor: {_who(visit.visitor)}"]
    if visit.host:
        quiet.append(f"Host: {_who(visit.host)}")
    distinct = _distinct(visit, terms)
    events = _highlights(distinct)
    bullets = tuple(_bullet(e) for e in events)
    more = len(_rest(distinct, events))
    if more:
        where = "on the next pages" if continued else opening_query(visit)
        bullets += (f"…and {more} more {'activity' if more == 1 else 'activities'} ({where})",)
    return Item(
        title=_title(visit),
        context=" · ".join(q for q in quiet if q),
        bullets=bullets,
        sources=sources(e.quote for e in visit.events),
        reports=len({e.quote.document.id for e in visit.events}),
        differs=differs,
        about=f"the {visit.kind} of {visit.visitor.name} to {visit.destination}"
        + (f" in {month_name(visit.month)} {visit.year}" if visit.month and visit.year else ""),
        person=visit.visitor.name,
        occasion=True,
    )


def visit_pages(visit: VisitInfo, terms: VisitTerms | None) -> list[Item]:
    """The card, then the activities it has no room for, CONTINUED at a time, by date."""
    card = visit_card(visit, terms, continued=True)
    distinct = _distinct(visit, terms)
    highlights = _highlights(distinct)
    rest = _rest(distinct, highlights)
    shown = len(highlights)
    pages = [card]
    for start in range(0, len(rest), CONTINUED):
        chunk = rest[start : start + CONTINUED]
        first, last = shown + start + 1, shown + start + len(chunk)
        pages.append(
            Item(
                title=f"{_title(visit)}: more activities",
                context=f"{visit.when} · activities {first}–{last} of {shown + len(rest)}",
                bullets=tuple(_bullet(e) for e in chunk),
                sources=sources(e.quote for e in chunk),
                about=card.about,
                person=card.person,
                occasion=True,
            )
        )
    return pages


def opening_query(visit: VisitInfo) -> str:
    """The /visit line that finds this visit alone: its visitor, month and year."""
    when = " ".join(
        str(x) for x in (month_name(visit.month) if visit.month else "", visit.year or "") if x
    )
    return f"/visit {visit.visitor.name} {when}".strip()


def rest_of(visit: VisitInfo, terms: VisitTerms | None) -> list[VisitEventInfo]:
    """The activities and outcomes the card has no room for (near-repeats left out), by date."""
    distinct = _distinct(visit, terms)
    return _rest(distinct, _highlights(distinct))


def _rest(distinct: list[VisitEventInfo], shown: list[VisitEventInfo]) -> list[VisitEventInfo]:
    rest = [e for e in distinct if e not in shown]
    return sorted(rest, key=lambda e: (e.day is None, e.day or ""))


def _title(visit: VisitInfo) -> str:
    return f"{visit.kind.capitalize()} of {visit.visitor.name} to {visit.destination}"


def _differing_days(visit: VisitInfo) -> tuple[Differing, ...]:
    """The days each document gives the visit, each with its sources, when they differ."""
    quotes = {e.quote.document.id: e.quote for e in reversed(visit.events)}
    return tuple(
        Differing(dates, sources(quotes[d] for d in docs if d in quotes))
        for dates, docs in visit.stated
    )


def _who(person: PersonInfo) -> str:
    role = f", {person.role}" if person.role else ""
    return f"{person.name}{role}"


def _distinct(visit: VisitInfo, terms: VisitTerms | None) -> list[VisitEventInfo]:
    """Activities and outcomes, those about the asked place first, near-repeats dropped."""
    wanted = {key(p) for p in terms.places} if terms else set()

    def relevance(event: VisitEventInfo) -> int:
        return 0 if wanted and any(w in key(event.quote.text) for w in wanted) else 1

    candidates = sorted((e for e in visit.events if e.kind != "report"), key=relevance)
    chosen: list[VisitEventInfo] = []
    for event in candidates:
        if not any(
            fuzz.token_set_ratio(event.quote.text, c.quote.text) > SAME_ACTIVITY for c in chosen
        ):
            chosen.append(event)
    return chosen


def _highlights(distinct: list[VisitEventInfo]) -> list[VisitEventInfo]:
    """The card's activities: the first few distinct ones, the most important outcomes (documents
    signed, agreements, inaugurations) leading, then the rest by date."""
    chosen = distinct[:HIGHLIGHTS]
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
