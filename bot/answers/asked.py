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
from bot.answers.common import Context, nothing_found, paged
from bot.answers.merge import COUNTING, merge, once, sentence_item
from bot.answers.retrieval import ranked_evidence
from bot.answers.structured import TRAVEL, no_such_visit, structured, visits_asked
from bot.answers.unlisted import named_there
from bot.question import Question
from bot.question_words import EVENT_FRAMES
from bot.rank import Scored
from bot.resolve import topic_match
from bot.stems import covered
from store import word_counts
from store.textutil import key, stem, words

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


def answer_question(ctx: Context, question: Question) -> Answer:
    """The answer to a free-text question."""
    visits = visits_asked(ctx, question)
    ranked = ranked_evidence(ctx, question)
    found = [s for s in ranked if s.answers]
    # Paragraphs about something else (another country's news) answer only when nothing on the
    # relationship does: a football report may hold the answer, a digest's other items rarely.
    found = [s for s in found if s.candidate.quote.on_topic] or found
    found = named_there(ctx, question, found)  # "in Tra Vinh": an article naming it
    if question.kind in COUNTING:
        # the asked kind of figure from the sentences; the topic's figures only failing that
        leading = []
        items = once(merge(ctx, [], found, question))
        if not items:
            leading = structured(ctx, question, visits)
            items = once(leading)
    else:
        leading = _outdone(question, structured(ctx, question, visits), found)
        items = once(merge(ctx, leading, found, question))
    no_trip = no_such_visit(question, leading, visits) and not _own_trip(question, found)
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
        return _miss(ctx, question, [sentence_item(s) for s in near[:NEAR_SHOWN]])
    heading = question.text if len(question.text) <= 140 else question.text[:139] + "…"
    intent = question.route.intent if question.route.intent != "help" else "search"
    # The outcomes of an occasion, or all a person said, are read as one list: a longer page.
    size = LONG_PAGE if question.kind in ("outcomes", "what_did") else None
    answer = paged(ctx, intent, heading, items, size=size)
    return replace(answer, summary=_summary(question, found))


SUBJECT_WORDS = 6  # a person named within a sentence's first words is what it is about


def _own_trip(question: Question, found: list[Scored]) -> bool:
    """Whether an answering sentence tells of the asked person's own trip: it opens by naming
    them ("Mong-Hyuck Chung, CEO of …, went on Thursday to …") and holds the asked date or place
    (the extractor may not have made a visit of it; a sentence naming them later is another's)."""
    person = question.person
    if person is None:
        return False
    names = [key(n) for n in (person.name, *person.aliases) if len(key(n)) >= 3]
    for scored in found[:3]:
        opening = " ".join(key(scored.candidate.quote.text).split()[:SUBJECT_WORDS])
        if scored.has_asked and any(f" {n} " in f" {opening} " for n in names):
            return True
    return False


# Kinds a visit card answers by what it is about: its date, its place, its span.
_CARD_ASKED = ("when", "where", "how_long")


def _outdone(question: Question, leading: list[Item], found: list[Scored]) -> list[Item]:
    """The cards that answer as well as the best sentence: "what did X tour in P?" is answered by
    the sentence saying what X toured, not by the card of X's visit to P, whose short bullet
    leaves it out; "when did the kimchi festival in P take place?" by the festival's sentence,
    not by someone's visit to P that day. A card leads when it says the asked words itself, when
    the question asks about a trip or a person's doings, or when no sentence says them. The words
    as asked, not their paraphrases: any visit card says "visit" for "tour"."""
    if not question.words:
        return leading
    trip = question.person is not None or TRAVEL.search(question.text) is not None
    if question.kind in _CARD_ASKED and trip:
        return leading
    if not any(s.answers and _in_words(question, s.candidate.quote.text) for s in found[:3]):
        return leading
    return [item for item in leading if not item.occasion or _in_words(question, _card(item))]


def _in_words(question: Question, text: str) -> bool:
    """Whether a text holds every word of the question as asked (or with another ending), but
    for the asked place (its article names it) and the verbs framing an event ("held")."""
    stems = {stem(t) for t in words(text)}
    place = set(key(question.place or "").split())
    asked = [w for w in question.words if w not in EVENT_FRAMES and w not in place]
    return all(covered(frozenset({stem(w)}), stems) for w in asked)


_ASIDE = re.compile(r"\(year inferred [^)]*\)")  # names the article, not the visit


def _card(item: Item) -> str:
    said = [item.title, *item.lines, item.context, item.quote or "", *item.bullets]
    return _ASIDE.sub(" ", " ".join(said))


def _unheard(ctx: Context, question: Question) -> bool:
    """Whether the question asks for a kind of a thing no article mentions: a word in no article
    (nor its paraphrases) right before one they hold ("nuclear energy", "solar power")."""
    stems = sorted({s for group in question.concepts for s in group})
    counts = word_counts.term_counts(ctx.session, stems)
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
