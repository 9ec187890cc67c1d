"""Commitments: what was agreed, pledged, reaffirmed, targeted or proposed, by whom, on which topics."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import cache

from store.ingest.names import looks_like_a_name
from store.ingest.roles import title_words
from store.lexicon import cues, parties, parties_named, phrase_pattern

_COLLECTIVE = re.compile(
    r"\b(?:they|the leaders|(?:the two|both)\s+(?:[\w-]+\s+){0,2}?[\w-]+s)\b", re.IGNORECASE
)
# A company or body commits too: "the group will build", "Samsung Electronics will invest".
_ORGANISATION = re.compile(
    r"\b(?:group|company|corporation|firm|firms|enterprises?|businesses|bank|fund|"
    r"Electronics|Motor|Motors|Group)\b",
    re.IGNORECASE,
)
# A capitalised body of two words or an acronym ends the clause before "will": a company or an
# agency ("Skyfarm Aero will", "KOICA will"); a lone capitalised word is more often a person.
_CAPITALISED_SUBJECT = re.compile(
    r"(?:\b[A-Z][\w&.'’-]+\s+[A-Z][\w&.'’-]+|\b[A-Z]{2,}[\w-]*)\s+(?:also\s+|then\s+)?$"
)
# An amount of money as the subject: "The other, 45 million USD, will finance a second campus"
# commits the money to what follows, whoever lends it.
_MONEY_SUBJECT = re.compile(
    r"(?:(?:USD|US\$|\$|€)\s?\d[\d.,]*(?:\s?(?:thousand|million|billion|trillion|bn))?|"
    r"\d(?:[\d.,]*\d)?\s?(?:thousand|million|billion|trillion|bn)?\s?"
    r"(?:USD|VND|KRW|EUR|won|dong|euros?|dollars?)\b)"
    r"(?:\s+(?!and\b|or\b|but\b)[a-z]+)?\s*\)?\s*,?\s*$"
)
_NEGATION = re.compile(
    r"\b(?:not|never|no|n['’]t|refused|declined|failed)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


_RECIPIENT = re.compile(
    r"\b(?:to|into|with|for|towards?|through)\s+(?:the\s+)?[A-ZÀ-ỸĐ][\w()’'.-]*"
    r"(?:\s+(?:of\s+)?[A-ZÀ-ỸĐ(][\w()’'.-]*)*"
)
_CLAUSE_BREAK = re.compile(r";\s*|,\s+(?=(?:while|whereas)\b)")


@dataclass(frozen=True)
class CommitmentMention:
    kind: str
    cue_start: int
    span: str  # from the cue to the end of its clauses: what is committed to
    end: int
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


def find_commitments(sentence: str) -> list[CommitmentMention]:
    """The commitments a sentence states: one per clause with a cue ("…; and …" continues the last)."""
    bounds = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence)), len(sentence)]
    found: list[CommitmentMention] = []
    for start, end in itertools.pairwise(bounds):
        cue = _first_cue(sentence, start, end)
        if cue is None:
            if found:  # a clause without a cue carries on the commitment before it
                last = found[-1]
                found[-1] = CommitmentMention(
                    last.kind, last.cue_start, sentence[last.cue_start : end], end, last.actor
                )
            continue
        cue_start, kind = cue
        actor = _actor(sentence[start:cue_start])
        found.append(CommitmentMention(kind, cue_start, sentence[cue_start:end], end, actor))
    return found


def find_commitment(
    sentence: str, people_before: list[str] | None = None
) -> CommitmentMention | None:
    """The first commitment a sentence states, if any; people named before its cue are its actor."""
    found = find_commitments(sentence)
    if not found:
        return None
    if people_before:
        return replace(found[0], actor=" and ".join(dict.fromkeys(people_before)))
    return found[0]


def _first_cue(sentence: str, start: int, end: int) -> tuple[int, str] | None:
    best: tuple[int, str] | None = None
    for kind, pattern in _cue_patterns():
        for match in pattern.finditer(sentence, start, end):
            before = sentence[: match.start()]
            if _hedges().search(before) or _NEGATION.search(before):
                continue
            if kind == "will" and not _will_has_a_committing_subject(
                sentence[start : match.start()]
            ):
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), kind)
            break
    return best


def _will_has_a_committing_subject(before: str) -> bool:
    """'South Korea will share', 'the two countries will study' commit; 'Lee will lead' does not."""
    clause = re.split(r"[,;:]| that ", before)[-1]
    return bool(
        _COLLECTIVE.search(clause)
        or parties_named(clause)
        or _ORGANISATION.search(clause)
        or re.search(r"\bcollaboration|cooperation\b", clause)
        or _is_a_body(clause)  # "Hanwha Aerospace will supply …"
        or _MONEY_SUBJECT.search(before) is not None
    )


def _is_a_body(clause: str) -> bool:
    """The clause ends on a company or agency name, not on a person ("President Lee will …")."""
    match = _CAPITALISED_SUBJECT.search(clause)
    if not match:
        return False
    words = match.group(0).split()
    return not any(w.lower() in title_words() for w in words) and not looks_like_a_name(
        " ".join(w for w in words if w not in ("also", "then"))
    )


def _actor(before: str) -> str | None:
    """Who commits, when the clause's subject is collective or a party (people are found by the caller)."""
    subject = re.split(r"[,;:]", before)[-1]
    if _COLLECTIVE.search(subject):
        return "Both sides"
    # "ODA from the RoK to Vietnam": the party it goes to is no committer.
    named = parties_named(_RECIPIENT.sub(" ", subject))
    names = {p.key: p.name for p in parties()}
    if len(named) == 1:
        return names[next(iter(named))]
    if len(named) == 2:
        return "Both sides"
    return None
