"""Commitments: what was agreed, pledged, reaffirmed, targeted or proposed, by whom, on which topics."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from store.ingest.relevance import parties_named
from store.lexicon import cues, parties, phrase_pattern

_COLLECTIVE = re.compile(
    r"\b(?:they|the leaders|(?:the two|both)\s+(?:[\w-]+\s+){0,2}?[\w-]+s)\b", re.IGNORECASE
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|n['’]t|refused|declined|failed)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


@dataclass(frozen=True)
class CommitmentMention:
    kind: str
    cue_start: int
    span: str  # the sentence from the cue on: what is committed to
    actor: str | None


@cache
def _cue_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [
        (entry["kind"], re.compile(rf"\b(?:{entry['pattern']})\b", re.IGNORECASE))
        for entry in cues()["commitment_cues"]
    ]


@cache
def _hedges() -> re.Pattern[str]:
    return re.compile(phrase_pattern(cues()["not_commitment_before"]) + r"[^.;]*$", re.IGNORECASE)


def find_commitment(sentence: str, people_before: list[str]) -> CommitmentMention | None:
    """The commitment a sentence states, if any: its first cue decides the kind."""
    best: tuple[int, str] | None = None
    for kind, pattern in _cue_patterns():
        for match in pattern.finditer(sentence):
            if _hedges().search(sentence[: match.start()]) or _NEGATION.search(
                sentence[: match.start()]
            ):
                continue
            if kind == "will" and not _will_has_a_committing_subject(sentence[: match.start()]):
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), kind)
            break
    if best is None:
        return None
    start, kind = best
    return CommitmentMention(kind, start, sentence[start:], _actor(sentence[:start], people_before))


def _will_has_a_committing_subject(before: str) -> bool:
    """'South Korea will share', 'the two countries will study' commit; 'Lee will lead' does not."""
    clause = re.split(r"[,;:]| that ", before)[-1]
    return bool(
        _COLLECTIVE.search(clause)
        or parties_named(clause)
        or re.search(r"\bcollaboration|cooperation\b", clause)
    )


def _actor(before: str, people_before: list[str]) -> str | None:
    if people_before:
        return " and ".join(dict.fromkeys(people_before))
    if _COLLECTIVE.search(before):
        return "Both sides"
    named = parties_named(before)
    names = {p.key: p.name for p in parties()}
    if len(named) == 1:
        return names[next(iter(named))]
    if len(named) == 2:
        return "Both sides"
    return None
