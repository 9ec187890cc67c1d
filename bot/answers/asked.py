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
from bot.answers.visits import answer_visits
from bot.question import Question
from bot.rank import Scored, rank, says
from bot.resolve import topic_match
from store import evidence, meaning, queries
from store.textutil import key

EVIDENCE_SHOWN = 4
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
}
_FACT_KINDS = ("what_did", "outcomes", "list", "yes_no", "search")


def answer_question(ctx: Context, question: Question) -> Answer:
    """The answer to a free-text question."""
    leading = _structured(ctx, question)
    found = _evidence(ctx, question)
    items = _merge(ctx, leading, found, question)
    items = _once(items)
    if not items:
        return _miss(ctx, question)
    heading = question.text if len(question.text) <= 140 else question.text[:139] + "…"
    intent = question.route.intent if question.route.intent != "help" else "search"
    answer = paged(ctx, intent, heading, items)
    return replace(answer, summary=_summary(question, found))


def _summary(question: Question, found: list[Scored]) -> str:
    if question.kind == "yes_no" and found:
        return "The articles say:"
    return ""


def _structured(ctx: Context, question: Question) -> list[Item]:
    """Cards from the fact family the question routes to, when that family has an answer."""
    chosen = question.route
    if not chosen.argument:
        return []
    routed = replace(ctx, argument=chosen.argument)
    if chosen.intent == "visit":
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
        return [i for i in answer.items if i.quote and says(question, i.quote)]
    return list(answer.items)


def _evidence(ctx: Context, question: Question) -> list[Scored]:
    """The sentences that answer the question, best first; for the outcomes of an occasion (a
    place, a month), only sentences of the visits that match it."""
    terms = question.search_terms()
    also = []
    if question.person:
        also = [q.sentence_id for q in queries.mentions_of(ctx.session, question.person.id)]
    if not terms and not also:
        return []
    found = evidence.candidates(ctx.session, terms, limit=60, also=also)
    if not found:
        return []
    similarities = [0.0] * len(found)
    if any(c.vector for c in found):
        vectors = meaning.embed([question.text])
        if vectors:
            similarities = meaning.similarities(vectors[0], [c.vector for c in found])
    ranked = [s for s in rank(question, found, similarities, ctx.known) if s.answers]
    occasion = _occasion(ctx, question)
    if occasion is not None:
        ranked = [s for s in ranked if set(s.candidate.facts.visits) & occasion]
    return ranked


def _occasion(ctx: Context, question: Question) -> set[int] | None:
    """The visits an outcomes question is about (None: it names no place or period)."""
    if question.kind != "outcomes" or not (question.place or question.period):
        return None
    period = question.period
    place = question.place or ""
    flt = queries.VisitFilter(
        places=frozenset({place}) if place in ctx.known.places.values() else frozenset(),
        months=period.months if period else frozenset(),
        span=(period.start.isoformat(), period.end.isoformat())
        if period and period.start and period.end
        else None,
    )
    return {v.id for v in queries.visits(ctx.session, flt, with_events=False)}


def _merge(
    ctx: Context, leading: list[Item], found: list[Scored], question: Question
) -> list[Item]:
    """Structured cards and evidence in one list, each sentence and each fact shown once.

    For how many / how much, the figures the evidence carries come first (they are of the asked
    kind); otherwise the structured cards (a visit for when, a profile for who) lead.
    """
    counting = question.kind in ("how_many", "how_much")
    shown = {key(i.quote) for i in leading if i.quote} | {
        key(b) for i in leading for b in i.bullets
    }
    cards: set[int] = set()
    groups: set[str] = set()
    extra: list[Item] = []
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
            extra += commitment_items(ctx.session, new[:2])
            continue
        if facts.figures and counting:
            extra += _figure_items(ctx, scored, question, groups)
            continue
        extra.append(_sentence_item(scored))
    if (
        counting
    ):  # the asked kind of figure from the sentences; the topic's figures only failing that
        return extra if any(i.lines for i in extra) else [*extra, *leading]
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
    wanted = [f for f in figures if _is_amount(f.unit) == (question.kind == "how_much")]
    if not wanted:
        return [_sentence_item(scored)]
    wanted = [f for f in wanted if f.group_key not in groups]
    groups.update(f.group_key for f in wanted)
    return [figure_item([f], {quote.sentence_id: quote}) for f in wanted[:2]]


def _is_amount(unit: str) -> bool:
    return bool(re.search(r"usd|vnd|krw|won|dollar|euro|%|percent", unit, re.I))


def _sentence_item(scored: Scored) -> Item:
    quote = scored.candidate.quote
    return Item(
        title=quote.document.title,
        quote=quote.text,
        sources=sources([quote]),
        highlight=scored.matched,
    )


def _miss(ctx: Context, question: Question) -> Answer:
    """Nothing answers: say so in the contract's words, and offer the closest topics."""
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
    return nothing_found(
        replace(ctx, argument=asked), question.route.intent, what, suggestions, hint
    )
