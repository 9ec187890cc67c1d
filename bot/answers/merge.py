"""Structured cards and answering sentences in one list, each sentence and each fact shown once:
a sentence carrying a commitment is shown as its card, one stating a figure of the asked kind
as the figure, any other with its answering words in bold (and the sentence before it when it
points back: "It is the first…")."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from itertools import chain, islice

from bot.answer import Item
from bot.answers.common import Context, leads_back, sources, with_before
from bot.answers.figure_match import is_amount
from bot.answers.figures import figure_item
from bot.answers.read_ahead import AHEAD, ReadAhead, read_ahead
from bot.answers.titles import holder_called
from bot.coverage import says
from bot.question import Question
from bot.rank import Scored
from store import evidence
from store.textutil import key

EVIDENCE_SHOWN = 5
COUNTING = ("how_many", "how_much")  # kinds answered by the figures the sentences state
_FACT_KINDS = ("what_did", "outcomes", "list", "yes_no", "search")


def merge(ctx: Context, leading: list[Item], found: list[Scored], question: Question) -> list[Item]:
    """Structured cards and evidence in one list, each sentence and each fact shown once.

    For how many / how much, the figures the evidence carries come first (they are of the asked
    kind); otherwise the structured cards (a visit for when, a profile for who) lead.
    """
    counting = question.kind in COUNTING
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
            if leads_back(s.candidate.quote.text)
        ],
    )
    distinct = _distinct(found, shown)
    ahead = list(islice(distinct, AHEAD))
    cards_asked = question.kind in _FACT_KINDS
    reads = read_ahead(ctx.session, ahead, cards_asked, counting, question.kind == "who")
    for scored in chain(ahead, distinct):
        if len(extra) >= EVIDENCE_SHOWN:
            break
        candidate = scored.candidate
        facts = candidate.facts
        if facts.commitments and cards_asked:
            new = [c for c in facts.commitments if c not in cards]
            cards.update(new)
            cards_shown = reads.cards(new[:2], candidate.quote.sentence_id)
            if cards_shown:
                extra += cards_shown
                continue
        if facts.figures and counting:
            extra += _figure_items(reads, scored, question, groups)
            continue
        item = sentence_item(scored, previous.get(candidate.quote.sentence_id))
        if question.kind == "who" and not facts.people:  # "the General Secretary placed…"
            walked = reads.walk_of(candidate.quote.document.id)
            holder = holder_called(ctx.known, walked, item.quote or "")
            if holder:
                item = replace(
                    item, context=f"{holder.name}, {holder.role}" if holder.role else holder.name
                )
        extra.append(item)
    if counting:  # the asked kind of figure from the sentences; the topic's figures failing that
        return extra or leading
    return [*leading, *extra]


def _distinct(found: list[Scored], shown: set[str]) -> Iterator[Scored]:
    """The candidates in order, but for a sentence already shown (in a card, or as the same
    words in another article)."""
    for scored in found:
        text_key = key(scored.candidate.quote.text)
        if any(text_key[:120] in s or s[:120] in text_key for s in shown if s):
            continue
        shown.add(text_key)
        yield scored


def once(items: list[Item]) -> list[Item]:
    """Each card once: a fact reached both by its family and by a sentence is shown first-come."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for item in items:
        mark = (item.title, key(item.quote or "") or " ".join(item.lines))
        if mark not in seen:
            seen.add(mark)
            kept.append(item)
    return kept


def _figure_items(
    reads: ReadAhead, scored: Scored, question: Question, groups: set[str]
) -> list[Item]:
    """The sentence's figures of the asked kind (money and shares for how much), with the
    sentence; a figure several documents report (one group) is shown once."""
    quote = scored.candidate.quote
    figures = reads.figures_of(scored.candidate)
    wanted = [
        f
        for f in figures
        if is_amount(f.unit) == (question.kind == "how_much") and says(question, f.measure)
    ]
    if not wanted:  # the sentence's own words answer better than a figure of something else
        return [sentence_item(scored)]
    wanted = [f for f in wanted if f.group_key not in groups]
    groups.update(f.group_key for f in wanted)
    return [figure_item([f], {quote.sentence_id: quote}) for f in wanted[:2]]


def sentence_item(scored: Scored, before: str | None = None) -> Item:
    """A sentence as evidence; one that points back ("It is the first…") with the one before."""
    quote = scored.candidate.quote
    text = with_before(quote.text, before)
    return Item(
        title=quote.document.title,
        quote=text,
        sources=sources([quote]),
        highlight=scored.matched,
    )
