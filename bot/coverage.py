"""How much of what a question asks a text holds: the share of the asked words (rare words
weighing more, a subject at a time) and the weight of each asked word by its rarity."""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.context import LENT
from bot.question import Question
from bot.stems import covered, stem
from store.textutil import words


def says(question: Question, text: str) -> bool:
    """Whether a text holds every asked word (of one subject, when several are asked)."""
    stems = {stem(t) for t in words(text)}
    return coverage_of(question, [covered(g, stems) for g in question.concepts]) >= 0.99


def coverage_of(
    question: Question,
    hits: list[str | None],
    weights: list[float] | None = None,
    lent: list[bool] | None = None,
) -> float:
    """The share of the asked words held, rare words weighing more (a word only the sentence's
    article holds counts `LENT`); with several subjects, the share of the best-held subject."""
    if not hits:
        return 1.0
    weights = weights or [1.0] * len(hits)
    lent = lent or [False] * len(hits)
    held = [1.0 if h else LENT if lent[i] else 0.0 for i, h in enumerate(hits)]
    groups = question.alternatives or (tuple(range(len(hits))),)
    return max(
        sum(weights[i] * held[i] for i in g) / max(1e-9, sum(weights[i] for i in g)) for g in groups
    )


def weights(question: Question, counts: dict[str, int], total: int) -> list[float]:
    """How much each asked word counts (`rarity` of each concept)."""
    return rarity(question.concepts, counts, total)


def rarity(groups: Sequence[frozenset[str]], counts: dict[str, int], total: int) -> list[float]:
    """Log-rarity in the store of each group of stems; a word the store never uses counts as much
    as the rarest (it may be the very subject that is missing)."""
    out = []
    for group in groups:
        seen = max((counts.get(s, 0) for s in group), default=0)
        out.append(math.log((total + 1) / (seen + 1)) if seen else math.log(total + 1))
    return [max(0.5, w) for w in out]
