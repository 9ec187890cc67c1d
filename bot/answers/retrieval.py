"""The sentences that may answer a typed question, looked up and ranked: whether each answers is
on it (bot/rank.py decides).

Lookup is by the asked words' stems and paraphrases (the rare ones; the two rarest together when
every asked word is common), the asked person's own sentences and those whose "He…"/"She…"
stands for them; the documents most about the question bring their other sentences, and lend
their words when no sentence says it all.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answers.common import Context
from bot.answers.statements import continued
from bot.answers.titles import DOCUMENTS, holder_called, named_by_title
from bot.context import NONE, antecedents, datelined, focus, with_datelines
from bot.coverage import weights
from bot.list_lines import with_list_leads
from bot.question import Question, month_terms
from bot.rank import Scored, rank
from bot.shape import asks_deed
from bot.speech import saying, spoken_by
from store import evidence, meaning, queries, reading, word_counts
from store.textutil import key, stem

# Kinds whose answer a sentence can state without naming its subject ("The course lasts 105
# hours."): there the article's words are lent to its sentences when no sentence says it all.
_LENDING = ("how_many", "how_much", "how_long", "when", "who", "what_did")
# Kinds asking what happened at a place ("what did they sign in Hanoi on 9 July 2014?"), which an
# article's opening sentence tells where its dateline says ("HANOI, July 9 (VNA) - … signed");
# who / how many ask for one thing, which the opening sentence's place alone does not give.
_HAPPENED = ("what_did", "outcomes", "list", "yes_no", "search", "when")


def ranked_evidence(ctx: Context, question: Question) -> list[Scored]:
    """The candidate sentences, ranked: whether each answers is on it."""
    stems = sorted({s for group in question.concepts for s in group})
    counts = word_counts.term_counts(ctx.session, stems)
    terms, every = _telling(question, counts, ctx.known.words)
    also: list[int] = []
    pointing: frozenset[int] = frozenset()
    spoken: frozenset[int] = frozenset()
    if question.person:
        mentions = queries.mentions_of(ctx.session, question.person.id)
        also = [q.sentence_id for q in mentions]
        pointing = _pointing_back(ctx, question, also)
        # their own words name them: "A: ASEAN can serve…", "My first trip was in 1996"
        documents = sorted({q.document.id for q in mentions})[:8]
        voiced = spoken_by(ctx.session, ctx.known, question.person, documents)
        pointing |= voiced
        if question.kind == "what_did" and saying(question.action):
            # their words answer "what did X say"; "what did X propose" asks them to propose
            spoken = voiced
        also += sorted(pointing - set(also))
    if question.kind in _HAPPENED:  # "what did they sign in Hanoi…": articles datelined there
        also += [i for i in datelined(ctx.known, question) if i not in set(also)]
    if not terms and not every and not also:
        return []
    found = []
    for pair in _pairs(every) if every else [None]:
        found = evidence.candidates(ctx.session, terms, limit=40, also=also, every=pair)
        if found:
            break
    if not found:
        return []
    concept_weights = weights(question, counts, ctx.known.words)
    # "who paid for the kindergarten…": the article is about the kindergarten, the deed may be
    # told in other words ("raised by")
    about = [0.0, *concept_weights[1:]] if asks_deed(question) else concept_weights
    found, context = focus(ctx.session, question, found, about)
    similarities = [0.0] * len(found)
    if any(c.vector for c in found):
        vectors = meaning.embed([question.text])
        if vectors:
            similarities = meaning.similarities(vectors[0], [c.vector for c in found])
    borrowed = with_list_leads(ctx.session, found, antecedents(ctx.session, found, ctx.known))
    if question.kind in _HAPPENED:  # the dateline says where it happened
        borrowed = with_datelines(ctx.known, found, borrowed)
    # when / how much / where: the article lends its words to a sentence dating the asked event
    # by its day, stating a figure about the article's subject without naming it, or a venue
    dating = context if question.kind in ("when", "how_much", "where", "what_did") else NONE
    ranked = rank(
        question,
        found,
        similarities,
        ctx.known,
        concept_weights,
        dating,
        pointing,
        borrowed,
        True,
        spoken,
    )
    if question.kind == "who":
        ranked = _titled(ctx, ranked)
    ranked = continued(question, ranked, pointing)
    # a caption or a paragraph about something else answering leaves the article to lend its words
    answered = any(s.answers and s.candidate.quote.on_topic for s in ranked)
    if answered or not context.stems or question.kind not in _LENDING:
        return ranked
    # No sentence says it all in its own words: its article may say the rest (lent words).
    lent = rank(
        question,
        found,
        similarities,
        ctx.known,
        concept_weights,
        context,
        pointing,
        borrowed,
        spoken=spoken,
    )
    return continued(question, lent, pointing)


_PRONOUN = re.compile(
    r"^(?:he|she|the (?:\w+ )?(?:leader|president|minister|official|chairman|chairwoman|speaker|ambassador|governor|mayor|coach|chief))\b",
    re.I,
)


def _pointing_back(ctx: Context, question: Question, mentioned: list[int]) -> frozenset[int]:
    """The sentences whose "He…"/"She…" stands for the asked person (the last sentence before
    them that names anyone names the person, first: a new paragraph may go on about them), and
    those calling the person by a title nobody else in the article holds."""
    assert question.person is not None
    # The person's names, and each part of the full name ("Madame Ly" names Ngo Phuong Ly where
    # the sentence's people say she is named)
    keys = [key(a) for a in (question.person.name, *question.person.aliases) if len(key(a)) >= 3]
    keys += key(question.person.name).split()
    documents = {q.document.id for q in queries.quotes(ctx.session, mentioned[:40]).values()}
    walked = reading.walks(ctx.session, sorted(documents)[:DOCUMENTS])
    pointing: set[int] = set()
    antecedent = False
    for sentence_id, text, people in sorted(row for rows in walked.values() for row in rows):
        if people:
            folded = f" {key(text)} "
            at = min((folded.find(f" {k} ") for k in keys if f" {k} " in folded), default=-1)
            antecedent = question.person.id in people and (
                len(people) == 1 or 0 <= at < len(folded) // 2
            )
        elif _PRONOUN.match(text) and antecedent:
            pointing.add(sentence_id)
    titled = named_by_title(ctx.known, question.person, walked)
    return frozenset(pointing) | titled


COMMON = 0.002  # a word making up more of the articles than this finds too much to search by


def _telling(
    question: Question, counts: dict[str, int], total: int
) -> tuple[list[str], list[list[str]] | None]:
    """What to look sentences up by: (any of these stems, or a stem of each of these groups).

    The asked words' stems and paraphrases, without those so common that ranking every sentence
    holding them costs more than it tells. When every asked word is that common ("when did To
    Lam visit Korea?" asks about visits in a corpus of visits), the two rarest must appear
    together, and a named person's own sentences carry the rest; the asked verb and generic words
    are looked up only when nothing else is asked (the three rarest are returned: see `_pairs`).
    """

    def frequency(group: frozenset[str]) -> int:
        return sum(counts.get(s, 0) for s in group)

    # a word no article uses finds nothing: the other asked words look the sentences up
    groups = [g for g in sorted(question.concepts, key=frequency) if frequency(g)] or sorted(
        question.concepts, key=frequency
    )
    rare = [g for g in groups if frequency(g) <= COMMON * total]
    months = month_terms(question.period)
    if rare and len(months) > 3:  # a year's months would crowd out the asked words' sentences
        months = []
    if rare or not groups:
        telling = sorted({s for group in rare for s in group})
        if not telling and not question.person and not months:
            # "what happened between Vietnam and Korea in mid-March 2024?": the month finds the
            # sentences, the two countries every sentence names would crowd them out
            telling = sorted(question.action) + sorted(question.soft)
        return telling + months, None
    if question.person:
        return months, None
    if len(groups) == 1:
        return sorted(groups[0]) + months, None
    # "what share of FDI in Binh Duong…" is answered by "…28 percent of FDI in the province":
    # the asked city's article names it, the sentence need not; two other words look it up
    place = {stem(w) for w in key(question.place or "").split()}
    unplaced = [g for g in groups if not g & place]
    if len(unplaced) >= 2 and len(groups) >= 3:
        groups = unplaced
    return [], [sorted(g) for g in groups[:3]]


def _pairs(rarest: list[list[str]]) -> list[list[list[str]]]:
    """The two rarest asked words together; failing that, any other two of the three rarest (a
    sentence may say the third in other words: "The grant … paid for" of "the Gimhae grant")."""
    first = [rarest[:2]]
    if len(rarest) < 3:
        return first
    return [*first, [rarest[0], rarest[2]], [rarest[1], rarest[2]]]


TITLED_READ = 5  # the best sentences whose title-only mention of someone is looked up
NEAR_TITLED = 0.45  # the least share of the asked words such a sentence holds to be read


def _titled(ctx: Context, ranked: list[Scored]) -> list[Scored]:
    """Who-answers: a sentence that names no one but calls someone by a title only they hold in
    its article ("the General Secretary placed…") names that person."""
    changed = False
    out = list(ranked)
    read = [
        (at, scored)
        for at, scored in enumerate(ranked[:TITLED_READ])
        if not (scored.has_asked or scored.candidate.facts.people or scored.coverage < NEAR_TITLED)
    ]
    walked = reading.walks(ctx.session, sorted({s.candidate.quote.document.id for _, s in read}))
    for at, scored in read:
        quote = scored.candidate.quote
        if holder_called(ctx.known, walked[quote.document.id], quote.text):
            out[at] = replace(scored, has_asked=True, score=scored.score + 0.8)
            changed = True
    return sorted(out, key=lambda s: -s.score) if changed else out
