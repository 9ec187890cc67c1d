"""One ranking for evidence: how well each candidate sentence answers a typed question.

A sentence scores for the asked words it holds (stems and paraphrases), for meaning (the
cosine of its stored vector with the question's), and for holding what the question asks for:
a number for how many, an amount for how much, a date for when, a place for where, a person
for who, the asked person and verb for "what did X promise" (bot/asked_for/). Whether it answers at all is
decided by the asked words alone: meaning re-ranks, it never makes a sentence an answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.asked_for.by_kind import asked_for
from bot.asked_for.dates import dated_event, mentions_period
from bot.asked_for.names import bylined, initials
from bot.asked_for.places import placed, says_dateline
from bot.context import NONE, DocumentContext, lent_hits
from bot.coverage import coverage_of
from bot.elsewhere import elsewhere
from bot.knowledge import Knowledge
from bot.owner import other_owner, owned_role
from bot.question import Question
from bot.shape import asks_deed, beside, counted_noun, focus_word, other_role, role_of, total_asked
from bot.speech_acts import implied
from bot.stems import compounds, covered, other_senses, stem
from store.evidence import Candidate
from store.textutil import fold, key, words

DATED = 0.8  # what the asked event standing beside a date adds for when-questions
_BROKEN_OFF = re.compile(r"(?:\w'?s?|,)\s*(?:\.\.\.|…)$")  # a sentence cut off mid-clause
# A sentence going on about its article's subject without naming it ("The investment is…")
_POINTS_BACK = re.compile(r"(?:the|it|its|this|these)\b", re.I)
_STATED = ("how_many", "how_much", "how_long", "when")  # kinds answered by a number or a date
# Kinds where a sentence naming the asked person holds one more of the asked words: "which
# lawmakers travelled with the Korean Speaker?" asks about the Speaker as much as the travel
_NAMING = ("search", "list", "yes_no", "outcomes")


@dataclass(frozen=True)
class Scored:
    candidate: Candidate
    score: float
    coverage: float  # share of the asked words the sentence holds (1.0 when none were asked)
    has_asked: bool  # holds what the kind asks for (a number, a date…)
    matched: tuple[str, ...]  # the sentence's words that answer (shown in bold)
    asked_words: int = 1  # how many words the question asked about
    needs_asked: bool = False  # the kind's thing is the answer (a number for how many)

    @property
    def answers(self) -> bool:
        """Holds every asked word, or most of them and what the kind asks for: a long question
        ("what project in Dien Bien did the Deputy PM raise with KOICA?") is rarely echoed whole.
        For how many / how much / how long / when, never without the number or date asked for."""
        if self.needs_asked and not self.has_asked:
            return False
        if self.coverage >= 0.99:
            return True
        return self.has_asked and self.coverage >= (0.6 if self.asked_words <= 3 else 0.45)


def rank(
    question: Question,
    candidates: list[Candidate],
    similarities: list[float],
    known: Knowledge,
    concept_weights: list[float] | None = None,
    context: DocumentContext = NONE,
    pointing: frozenset[int] = frozenset(),
    borrowed: dict[int, frozenset[str]] | None = None,
    dated_only: bool = False,
    spoken: frozenset[int] = frozenset(),
) -> list[Scored]:
    """Candidates best first, each with whether it answers the question. `pointing`: sentences
    whose "He…"/"She…" stands for the asked person (the sentence before names them); `spoken`:
    the asked person's words without a verb of saying (an interview's answers)."""
    person_keys = (
        {key(a) for a in (question.person.name, *question.person.aliases) if len(key(a)) >= 3}
        if question.person
        else set()
    )
    scored = []
    total = max(1, len(candidates))
    counted = counted_noun(question)
    focus = focus_word(question, concept_weights)
    total_word = total_asked(question)
    role = role_of(question)
    owned = owned_role(question) if role is None else None
    deed = asks_deed(question)
    asked_stems = {s for group in question.concepts for s in group}
    literal = {stem(w) for w in question.words}
    for candidate, similarity in zip(candidates, similarities, strict=True):
        text = candidate.quote.text
        tokens = words(text)
        stems = {stem(t) for t in tokens} | initials(text) | compounds(tokens, asked_stems)
        stems |= bylined(text)  # "By X, …": X wrote the page
        stems -= other_senses(text) - literal  # "the Korean capital" is no money
        # "He asked…": the person "he" stands for is named by the sentence before
        own = set(stems)  # the asked verb is the sentence's own, never a borrowed role's word
        stems |= (borrowed or {}).get(candidate.quote.sentence_id, frozenset())
        hits = [covered(group, stems) for group in question.concepts]
        found = [h for h in hits if h]
        lent = lent_hits(question, hits, context.lends(candidate))
        if dated_only and not (
            dated_event(question, text, concept_weights or [1.0] * len(hits), True)
            if question.kind == "when"
            # "Kick-off is at 6 p.m. local time at King Abdullah Sports City Hall Stadium."
            else not found
            and candidate.quote.on_topic
            and (placed(text, venue=True) or says_dateline(text))
            if question.kind == "where"
            # "The investment is put at about 100 million US dollars.": the article's subject
            else not found and _POINTS_BACK.match(text) is not None
        ):
            # while other sentences answer, the article lends its words only to one dating the
            # asked event by its day ("The groundbreaking ceremony was held on Wednesday (…)"),
            # or stating a figure without naming what its article is about
            lent = [False] * len(hits)
        if question.kind == "who" and hits and not hits[0]:
            # "who is the coach…": the sentence itself must say the role; "who paid for…" may
            # say the deed in other words ("raised by"), its article saying the rest
            lent = [False, *lent[1:]] if deed else [False] * len(hits)
        if role is not None:  # the owner of the asked role is the sentence's own, beside it
            for i in role[1]:
                lent[i] = False
                held = hits[i]
                if held and not beside(question, role[0], held, tokens):
                    hits[i] = None
            if other_role(question, role[0], tokens):
                hits[role[0]], lent[role[0]] = None, False
        coverage = coverage_of(question, hits, concept_weights, lent)
        if owned is not None and other_owner(question, owned, tokens):
            coverage = min(coverage, 0.35)  # "Vietnam's coach" does not answer "Korea's coach"
        if counted is not None and not hits[counted]:
            # "how many doctors…": a sentence counting something else (machines, volunteers)
            # does not answer, whatever its article is about.
            coverage = min(coverage, 0.35)
        if total_word is not None and not hits[total_word]:
            coverage = min(coverage, 0.35)  # one project's figure is a part, not the total
        if question.source and not any(hits[i] or lent[i] for i in question.source):
            # "according to Woo": another's figure is not his (an article citing no one but
            # itself, "according to the column", is its own source)
            coverage = min(coverage, 0.35)
        if elsewhere(question, text, known):  # another country or city than the asked one
            coverage = min(coverage, 0.35)
        if focus is not None and not (hits[focus] or lent[focus]):
            # The most telling word asked ("cosmetics" in "how much were cosmetics exports…"):
            # a sentence without it is about something else, whatever else it shares.
            coverage = min(coverage, 0.35)
        if _BROKEN_OFF.search(text):
            coverage = min(coverage, 0.35)  # "…, striker Nguyen Tien Linh's...": says nothing whole
        score = 2.0 * coverage + 1.2 * similarity + 0.15 * (1 - candidate.lexical_rank / total)
        action = covered(question.action, own) if question.action else None
        if action is None and question.action and implied(question.action, text):
            action = min(question.action)  # "said his country will deliver…" promises
        if action is None and candidate.quote.sentence_id in spoken:
            action = next(iter(question.action))  # the asked "say" is what an answer is
        soft = [s for s in question.soft if s in stems]
        score += 0.05 * min(3, len(soft)) + (0.3 if action else 0.0)
        folded = f" {key(text)} "
        if question.person:
            named = question.person.id in candidate.facts.people or any(
                f" {k} " in folded for k in person_keys
            )
            named = named or candidate.quote.sentence_id in pointing
            score += 0.5 if named else -0.5
            # The asked person is part of what is asked: a sentence about someone else cannot
            # answer "when did X…" however many other words it shares.
            if question.kind in ("when", "where", "how_long", "what_did"):
                coverage = coverage if named else coverage * 0.4
            elif named and question.kind in _NAMING:  # the person is one more asked word held
                asked = len(question.concepts)
                coverage = (coverage * asked + 1.0) / (asked + 1)
            if question.kind == "what_did" and question.action:
                # "What did X propose to Lee?": X and the verb are what is asked; the other words
                # (the addressee, the subject) only rank the answers.
                said = named and action is not None
                score += 0.3 * coverage + (1.0 if said else 0.0)
                coverage = 1.0 if said else min(coverage, 0.5)
        if question.place and f" {key(question.place)} " in folded:
            score += 0.2
        if question.period is not None and question.kind != "when":
            dated = mentions_period(text, question.period)
            score += 0.6 if dated else 0.0
            if not question.concepts and not question.person:  # "what happened on 17/10/2023?"
                coverage = 1.0 if dated else 0.0
            elif question.kind == "yes_no":  # "will Vietnam host APEC in 2027?": the year is
                # asked as much as its rarest word
                asked_weights = concept_weights or [1.0] * len(question.concepts)
                most, whole = max(asked_weights), sum(asked_weights)
                coverage = (coverage * whole + (most if dated else 0.0)) / (whole + most)
        asked = asked_for(question, candidate, fold(text), known) or (
            candidate.quote.sentence_id in spoken
        )
        if question.kind == "when" and asked:
            # the asked event beside the date, not a date of something else the sentence recalls
            score += DATED * dated_event(question, text, concept_weights or [1.0] * len(hits))
        score += 0.4 if asked else -0.4
        if not candidate.quote.on_topic:
            score -= 0.5  # a paragraph about something else (another country, an ad)
        if question.kind in ("how_many", "how_much") and candidate.facts.figures:
            score += 0.3  # an extracted figure: the number is what the sentence is about
        matched = tuple(
            t for t in tokens if stem(t) in set(found) or (action and stem(t) == action)
        )
        needs = question.kind in _STATED
        scored.append(
            Scored(candidate, score, coverage, asked, matched, len(question.concepts), needs)
        )
    return sorted(scored, key=lambda s: -s.score)
