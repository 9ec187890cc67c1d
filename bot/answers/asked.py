"""A typed question -> an Answer: the facts that answer it and the sentences that say it, best first.

Evidence first: every question searches the sentences as well as the extracted facts. A sentence
that carries a fact is shown as the fact's card; any other answering sentence is shown with the
answering words in bold and its source. When nothing answers, the answer says so in the
contract's words and offers the closest topics as suggestions, never as the answer.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer import Answer, Item, Suggestion
from bot.answers.commitments import answer_commitments, commitment_items
from bot.answers.common import Context, nothing_found, paged, sources
from bot.answers.figures import answer_figures, figure_item
from bot.answers.people import answer_who
from bot.answers.retrieval import ranked_evidence
from bot.answers.titles import holder_called
from bot.answers.visits import answer_visits, visit_card
from bot.calling import named
from bot.question import Question
from bot.rank import Scored, says
from bot.resolve import topic_match
from store import evidence, queries
from store.queries import VisitInfo
from store.textutil import key

EVIDENCE_SHOWN = 5
LONG_PAGE = 10
# A wh-question nothing answers outright still shows the passages holding most of its words
# (at least this share, rare words weighing more), under a plain "No … found".
NEAR = 0.4
NEAR_SHOWN = 4
_MISSING = {
    "how_many": "figures",
    "how_much": "figures",
    "how_long": "dates",
    "when": "dates",
    "where": "places",
    "who": "people",
    "what_did": "statements",
    "outcomes": "outcomes",
    "list": "commitments",
    "yes_no": "passages",
    "search": "passages",
    "visit": "visits",
}
_FACT_KINDS = ("what_did", "outcomes", "list", "yes_no", "search")


def answer_question(ctx: Context, question: Question) -> Answer:
    """The answer to a free-text question."""
    visits = _visits_asked(ctx, question)
    leading = _structured(ctx, question, visits)
    ranked = ranked_evidence(ctx, question)
    found = [s for s in ranked if s.answers]
    # Paragraphs about something else (another country's news) answer only when nothing on the
    # relationship does: a football report may hold the answer, a digest's other items rarely.
    found = [s for s in found if s.candidate.quote.on_topic] or found
    items = _once(_merge(ctx, leading, found, question))
    no_trip = _no_such_visit(question, leading, visits)
    if not items or no_trip:
        if no_trip:
            return _miss(ctx, replace(question, kind="visit"), [])
        near = [s for s in ranked if s.coverage >= NEAR] if question.kind != "yes_no" else []
        near = [s for s in near if s.candidate.quote.on_topic]  # never a "related news" line
        if near and _unheard(ctx, question):  # "nuclear energy" where no article says "nuclear":
            near = []  # a passage on renewable energy is no near answer, it is a neighbour
        # A figure of something else is no near answer to how many / how much: it would read as
        # the answer ("150 billion USD" of trade for "how much ODA").
        if question.kind in ("how_many", "how_much"):
            near = [s for s in near if not s.has_asked]
        return _miss(ctx, question, [_sentence_item(s) for s in near[:NEAR_SHOWN]])
    heading = question.text if len(question.text) <= 140 else question.text[:139] + "…"
    intent = question.route.intent if question.route.intent != "help" else "search"
    # The outcomes of an occasion, or all a person said, are read as one list: a longer page.
    size = LONG_PAGE if question.kind in ("outcomes", "what_did") else None
    answer = paged(ctx, intent, heading, items, size=size)
    return replace(answer, summary=_summary(question, found))


def _unheard(ctx: Context, question: Question) -> bool:
    """Whether the question asks for a kind of a thing no article mentions: a word in no article
    (nor its paraphrases) right before one they hold ("nuclear energy", "solar power")."""
    stems = sorted({s for group in question.concepts for s in group})
    counts = evidence.term_counts(ctx.session, stems)
    heard = [any(counts.get(s) for s in group) for group in question.concepts]
    folded = f" {key(question.text)} "
    return any(
        not heard[i] and heard[i + 1] and f" {word} {question.words[i + 1]} " in folded
        for i, word in enumerate(question.words[:-1])
    )


def _summary(question: Question, found: list[Scored]) -> str:
    if question.kind == "yes_no" and found:
        return "The articles say:"
    return ""


def _structured(ctx: Context, question: Question, visits: list[VisitInfo]) -> list[Item]:
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
        kept = [i for i in commitment_items(ctx.session, made) if _about(question, i)]
        return [*(visit_card(v, None) for v in visits[:2]), *kept]
    # "did Korea agree to fund a metro line in Hanoi?" asks for a commitment, not any visit there
    asks_other = question.kind == "yes_no" and question.route.intent != "visit"
    if (
        visits
        and not asks_other
        and question.kind not in ("how_many", "how_much", "what_did", "who")
    ):
        return [visit_card(v, None) for v in visits]
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
    elif chosen.intent == "figure":
        answer = answer_figures(routed)
    elif chosen.intent == "commitment" and topic_match(chosen.argument, ctx.known).score >= 100:
        answer = answer_commitments(routed)
    else:
        return []
    if answer.empty or answer.intent == "help":
        return []
    if chosen.intent == "commitment":  # a commitment card answers only if it says what was asked
        return [i for i in answer.items if _about(question, i)]
    return list(answer.items)


_TRAVEL = re.compile(
    r"\b(?:visit|trip|travel|tour|arriv|went|go|goes|come|came|fly|flew|stay)", re.I
)


def _no_such_visit(question: Question, leading: list[Item], visits: list[VisitInfo]) -> bool:
    """ "When did X visit P?" with no such visit on record: the visits are the authority (a
    sentence naming X, P and a date is about someone else's trip)."""
    return (
        question.route.intent == "visit"
        and question.person is not None
        and question.kind in ("when", "where", "how_long")
        and _TRAVEL.search(question.text) is not None  # "when did X open its plant?" is no trip
        and not leading
        and not visits
    )


def _about(question: Question, item: Item) -> bool:
    return not question.concepts or bool(item.quote and says(question, item.quote))


def _visits_asked(ctx: Context, question: Question) -> list[VisitInfo]:
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


def _merge(
    ctx: Context, leading: list[Item], found: list[Scored], question: Question
) -> list[Item]:
    """Structured cards and evidence in one list, each sentence and each fact shown once.

    For how many / how much, the figures the evidence carries come first (they are of the asked
    kind); otherwise the structured cards (a visit for when, a profile for who) lead.
    """
    counting = question.kind in ("how_many", "how_much")
    # A profile's bullet cut short ("…made at the…") has not shown who else its sentence
    # names: for who-questions the whole sentence still answers (a visit card's date does).
    cut = question.kind == "who"
    shown = {key(i.quote) for i in leading if i.quote} | {
        key(b) for i in leading for b in i.bullets if not (cut and b.endswith("…"))
    }
    cards: set[int] = set()
    groups: set[str] = set()
    extra: list[Item] = []
    previous = evidence.before(
        ctx.session,
        [
            s.candidate.quote.sentence_id
            for s in found[: 2 * EVIDENCE_SHOWN]
            if _LEADS_BACK.match(s.candidate.quote.text)
        ],
    )
    for scored in found:
        if len(extra) >= EVIDENCE_SHOWN:
            break
        candidate = scored.candidate
        text_key = key(candidate.quote.text)
        if any(text_key[:120] in s or s[:120] in text_key for s in shown if s):
            continue
        shown.add(text_key)
        facts = candidate.facts
        if facts.commitments and question.kind in _FACT_KINDS:
            new = [c for c in facts.commitments if c not in cards]
            cards.update(new)
            cards_shown = commitment_items(ctx.session, new[:2], candidate.quote.sentence_id)
            if cards_shown:
                extra += cards_shown
                continue
        if facts.figures and counting:
            extra += _figure_items(ctx, scored, question, groups)
            continue
        item = _sentence_item(scored, previous.get(candidate.quote.sentence_id))
        if question.kind == "who" and not facts.people:  # "the General Secretary placed…"
            holder = holder_called(
                ctx.session, ctx.known, candidate.quote.document.id, item.quote or ""
            )
            if holder:
                item = replace(
                    item, context=f"{holder.name}, {holder.role}" if holder.role else holder.name
                )
        extra.append(item)
    if counting:  # the asked kind of figure from the sentences; the topic's figures failing that
        return extra or leading
    return [*leading, *extra]


def _once(items: list[Item]) -> list[Item]:
    """Each card once: a fact reached both by its family and by a sentence is shown first-come."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for item in items:
        mark = (item.title, key(item.quote or "") or " ".join(item.lines))
        if mark not in seen:
            seen.add(mark)
            kept.append(item)
    return kept


def _figure_items(ctx: Context, scored: Scored, question: Question, groups: set[str]) -> list[Item]:
    """The sentence's figures of the asked kind (money and shares for how much), with the
    sentence; a figure several documents report (one group) is shown once."""
    quote = scored.candidate.quote
    figures = queries.figures(ctx.session, sentence_ids=[quote.sentence_id])
    wanted = [
        f
        for f in figures
        if _is_amount(f.unit) == (question.kind == "how_much") and says(question, f.measure)
    ]
    if not wanted:  # the sentence's own words answer better than a figure of something else
        return [_sentence_item(scored)]
    wanted = [f for f in wanted if f.group_key not in groups]
    groups.update(f.group_key for f in wanted)
    return [figure_item([f], {quote.sentence_id: quote}) for f in wanted[:2]]


def _is_amount(unit: str) -> bool:
    return bool(re.search(r"usd|vnd|krw|won|dollar|euro|%|percent", unit, re.I))


_LEADS_BACK = re.compile(
    r"^(?:it|he|she|they|this|these|that|those|the (?:company|group|firm|programme|program|project|agency|bank|club|team|move|deal|plant|event))\b",
    re.I,
)


def _sentence_item(scored: Scored, before: str | None = None) -> Item:
    """A sentence as evidence; one that points back ("It is the first…") with the one before."""
    quote = scored.candidate.quote
    text = f"{before} {quote.text}" if before and _LEADS_BACK.match(quote.text) else quote.text
    return Item(
        title=quote.document.title,
        quote=text,
        sources=sources([quote]),
        highlight=scored.matched,
    )


def _miss(ctx: Context, question: Question, near: list[Item]) -> Answer:
    """Nothing answers: say so in the contract's words, and offer the closest topics (and the
    passages nearest the question, shown as such, never as the answer)."""
    asked = " ".join(question.words) or question.route.argument or question.text
    what = _MISSING.get(question.kind, "passages")
    match = topic_match(asked, ctx.known, partial=True)
    named = [k for k in match.keys if ctx.known.topic(k).commitments]
    closest = (named + match.closest(ctx.known, "commitments"))[:3]
    suggestions = [
        Suggestion(ctx.known.topic(k).label, f"/commitment {ctx.known.topic(k).label}")
        for k in closest
    ]
    hint = "The articles don't mention it." if question.kind == "yes_no" else ""
    if near:
        hint = "The passages closest to the question, which may not answer it:"
    answer = nothing_found(
        replace(ctx, argument=asked), question.route.intent, what, suggestions, hint
    )
    if not near:
        return answer
    return replace(answer, items=tuple(near), total=len(near), page_size=len(near))
