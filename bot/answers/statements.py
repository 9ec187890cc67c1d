"""A statement told over several sentences: "During the meeting, Woo said … and requested more
attention for them. He noted that businesses hope Vietnam will ease funding requirements…" The
sentences right after one that answers "what did X ask…" (a paragraph may hold one), whose
"He…"/"She…" stands for its speaker, go on with what was asked: they answer too, right after it;
so do the points of a list its answering lead-in introduces ("…agreed on the following points:").
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.list_lines import list_line
from bot.question import Question
from bot.rank import Scored

FOLLOWING = 0.01  # a continuation ranks right after the sentence it goes on from
_PRONOUN = re.compile(r"^(?:he|she)\b", re.I)


def continued(question: Question, ranked: list[Scored], pointing: frozenset[int]) -> list[Scored]:
    """The ranking with each sentence that goes on with an answering statement answering after
    it: with an asked person, the next ones standing for them (`pointing`) and naming nobody
    else; without one, the next ones opening on "He"/"She" (the speaker of the one before)."""
    if question.kind != "what_did":
        return ranked
    by_id = {s.candidate.quote.sentence_id: s for s in ranked}
    person = question.person.id if question.person else None
    # "To Lam responded…" is another's statement, whatever it calls the asked person
    waiting = [
        i
        for i, s in by_id.items()
        if not s.answers
        and not set(s.candidate.facts.people) - {person}
        and (i in pointing if person is not None else _PRONOUN.match(s.candidate.quote.text))
    ]
    points = [i for i, s in by_id.items() if not s.answers and list_line(s.candidate.quote.text)]
    lifted: dict[int, Scored] = {}
    for sentence_id in sorted({*waiting, *points}):  # in reading order: a chain goes on
        lead = lifted.get(sentence_id - 1) or by_id.get(sentence_id - 1)
        scored = by_id[sentence_id]
        document = scored.candidate.quote.document.id
        if lead is None or not (lead.answers and lead.has_asked):
            continue
        if lead.candidate.quote.document.id != document:
            continue
        if sentence_id not in waiting and not _leads_points(lead):
            continue
        # right after its lead, unless its own words rank it higher ("d) … language training")
        score = max(scored.score, lead.score - FOLLOWING)
        lifted[sentence_id] = replace(scored, score=score, coverage=1.0, has_asked=True)
    if not lifted:
        return ranked
    out = [lifted.get(s.candidate.quote.sentence_id, s) for s in ranked]
    return sorted(out, key=lambda s: -s.score)


def _leads_points(lead: Scored) -> bool:
    """Whether a list's point goes on from the sentence before it: the lead-in that answers
    ("the two parties agreed on the following points:"), or a point going on from it."""
    text = lead.candidate.quote.text.rstrip()
    return text.endswith(":") or list_line(text)
