"""Cards from the extracted facts for a free-text question: the visits it names, an occasion's
outcomes, a person's profile, a topic's commitments or figures (the command answers' own cards,
filtered to what was asked)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import partial

from bot.answer import Item
from bot.answers.commitments import answer_commitments, commitment_items
from bot.answers.common import Context
from bot.answers.figure_match import of_kind
from bot.answers.figures import answer_figures
from bot.answers.people import answer_who
from bot.answers.visits import answer_visits, visit_card
from bot.calling import named
from bot.coverage import says
from bot.question import Question
from bot.resolve import topic_match
from bot.stems import covered, stem
from store import queries
from store.queries import VisitInfo
from store.textutil import key, words


def structured(ctx: Context, question: Question, visits: list[VisitInfo]) -> list[Item]:
    """Cards from the facts: the visits a when/where question or an occasion names, an occasion's
    outcomes, a person's profile, a topic's commitments or figures."""
    if question.kind == "how_long":  # a visit on one day states no span: the sentences may
        visits = [v for v in visits if v.start and v.end and v.start != v.end]
    if question.kind == "outcomes" or (
        question.kind in ("what_did", "list", "search") and not question.person and visits
    ):
        if not visits:
            return []
        made = queries.commitments_at(ctx.session, [v.id for v in visits], limit=12)
        kept = [i for i in commitment_items(ctx.session, made) if about(question, i)]
        return [*(visit_card(v, None) for v in visits[:2]), *kept]
    # "did Korea agree to fund a metro line in Hanoi?" asks for a commitment, not any visit there
    asks_other = question.kind == "yes_no" and question.route.intent != "visit"
    if (
        visits
        and not asks_other
        and question.kind not in ("how_many", "how_much", "what_did", "who")
    ):
        return [visit_card(v, None) for v in visits if _tells(question, v)]
    chosen = question.route
    if question.subjects and chosen.intent == "commitment":  # each subject its own commitments
        return [
            item
            for subject in question.subjects
            for item in list(answer_commitments(replace(ctx, argument=subject)).items)[:2]
            if item.quote
        ]
    argument = chosen.argument
    if chosen.intent == "visit" and not argument and question.place:
        argument = question.place  # "which leaders visited Korea?": the visits to the country
    if not argument or (chosen.intent == "who" and question.kind == "what_did"):
        return []
    routed = replace(ctx, argument=argument)
    city = question.place in ctx.known.places.values()
    if chosen.intent == "visit" and not (question.person or city or question.period):
        answer = answer_visits(routed)
    elif chosen.intent == "who":
        answer = answer_who(routed)
    elif chosen.intent == "figure":  # how many / how much: figures of the asked kind
        counting = question.kind in ("how_many", "how_much")
        answer = answer_figures(routed, partial(of_kind, question) if counting else None)
    elif chosen.intent == "commitment" and topic_match(chosen.argument, ctx.known).score >= 100:
        answer = answer_commitments(routed)
    else:
        return []
    if answer.empty or answer.intent == "help":
        return []
    if chosen.intent == "commitment":  # a commitment card answers only if it says what was asked
        return [i for i in answer.items if about(question, i)]
    return list(answer.items)


TRAVEL = re.compile(
    r"\b(?:visit|trip|travel|tour|arriv|went|go|goes|come|came|fly|flew|stay)", re.I
)


def no_such_visit(question: Question, leading: list[Item], visits: list[VisitInfo]) -> bool:
    """ "When did X visit P?" with no such visit on record: the visits are the authority (a
    sentence naming X, P and a date is about someone else's trip)."""
    return (
        question.route.intent == "visit"
        and question.person is not None
        and question.kind in ("when", "where", "how_long")
        and TRAVEL.search(question.text) is not None  # "when did X open its plant?" is no trip
        and not leading
        and not visits
    )


TOLD = (
    0.5  # the share of the asked words a visit's reports hold, when only a place or time found it
)


def _tells(question: Question, visit: VisitInfo) -> bool:
    """Whether a visit is what a question asks about: its visitor or host was named, or its
    reports hold most of the asked words ("when did the teacher training course open in Hanoi?"
    is not asked about every visit to Hanoi)."""
    if question.person is not None or not question.concepts:
        return True
    told = " ".join(
        [e.quote.text for e in visit.events]
        + [p.name + " " + (p.role or "") for p in (visit.visitor, visit.host) if p]
    )
    placed = {stem(t) for t in words(question.place or "")} | {key(question.place or "")}
    asked = [g for g in question.concepts if not covered(g, placed)]  # the place found it
    stems = {stem(t) for t in words(told)}
    held = sum(1 for group in asked if covered(group, stems))
    return held >= TOLD * len(asked)


def about(question: Question, item: Item) -> bool:
    return not question.concepts or bool(item.quote and says(question, item.quote))


def visits_asked(ctx: Context, question: Question) -> list[VisitInfo]:
    """The visits a question names by person, city or period (none when it names none)."""
    period = question.period
    place = question.place if question.place in ctx.known.places.values() else None
    person = question.person
    if not (person or place or period):
        return []
    flt = queries.VisitFilter(
        person_ids=frozenset({person.id}) if person else frozenset(),
        visitor_only=person is not None,
        places=frozenset({place}) if place else frozenset(),
        months=period.months if period else frozenset(),
        span=(period.start.isoformat(), period.end.isoformat())
        if period and period.start and period.end
        else None,
    )
    found = queries.visits(ctx.session, flt, limit=5)
    if not found and person:  # nobody's own trip: the ones they hosted
        found = queries.visits(ctx.session, replace(flt, visitor_only=False), limit=5)
    # "when did Lee Jae Myung and To Lam hold talks?": the visits where both met
    others = {p.id for p in named(question.text, ctx.known)} - {person.id if person else -1}
    if others and person:
        found = [v for v in found if others <= {v.visitor.id, v.host.id if v.host else -1}]
    return found
