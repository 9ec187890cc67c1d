"""Which figures a `/figure` argument asks for: those whose sentence says what is asked.

Open vocabulary: the asked words are looked up in the figures' own sentences (with their
paraphrases and spelling corrections), rare words weighing more. A topic the words name only
brings in its figures as candidates and boosts them; it never makes a figure an answer by itself,
so `/figure rice exports` is not answered with trade figures and `/figure howitzer deal` finds
the deal's value though no topic holds "howitzer".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.context import LENT
from bot.coverage import rarity
from bot.question import Question
from bot.stems import covering, variants
from store import word_counts
from store.queries import FigureInfo

ENOUGH = 0.55  # the weighted share of the asked words a figure's sentence must hold
TOPIC_BOOST = 0.5


@dataclass(frozen=True)
class Asked:
    """The asked words as stem families, each with its weight (rarer words weigh more)."""

    families: tuple[frozenset[str], ...]
    weights: tuple[float, ...]
    # the topics each asked word names outright ("oda", "quota"): an alias of the topic beside a
    # figure ("EDCF concessional loans") says that word in other words
    named: tuple[frozenset[str], ...] = ()

    def share(self, stems: str, lent: str = "", topics: tuple[str, ...] = ()) -> float:
        """The weighted share held by stems (joined by spaces, as stored at reseed); a word only
        `lent` holds (the sentence before, which "that complex" points back to) or only the
        figure's topics say (by an alias of the topic it names) counts `LENT`."""
        total = sum(self.weights) or 1.0
        own = lent_only = by_topic = 0.0
        named = self.named or tuple(frozenset() for _ in self.families)
        for family, weight, names in zip(self.families, self.weights, named, strict=True):
            pattern = covering(family)
            if pattern.search(stems):
                own += weight
            elif lent and pattern.search(lent):
                lent_only += LENT * weight
            elif names.intersection(topics):
                by_topic += LENT * weight
        # a topic stands for a word beside what the sentence itself says, never for all of it
        if not own and len(self.families) > 1:
            by_topic = 0.0
        return (own + lent_only + by_topic) / total


def asked(
    session: Session,
    words: list[str],
    corrected: list[str],
    total_words: int,
    named: tuple[frozenset[str], ...] = (),
) -> Asked:
    """The asked words (and their corrections) as families weighed by their rarity among the
    store's total_words; `named`: the topics each word names outright."""
    families = tuple(variants(w) | variants(c) for w, c in zip(words, corrected, strict=True))
    counts = word_counts.term_counts(session, sorted({s for f in families for s in f}))
    return Asked(families, tuple(rarity(families, counts, max(1, total_words))), named)


def matching(
    found: list[FigureInfo], question: Asked, topics: set[str]
) -> list[tuple[float, FigureInfo]]:
    """The figures whose sentence (or stated measure) holds enough of the asked words, scored."""
    kept = []
    for figure in found:
        share = (
            question.share(figure.stems, figure.lent_stems, figure.topics)
            if question.families
            else 0.0
        )
        if share < ENOUGH:
            continue
        boost = TOPIC_BOOST if topics & set(figure.topics) else 0.0
        in_measure = question.share(figure.measure_stems, topics=figure.topics)
        kept.append((share + boost + 0.5 * in_measure, figure))
    return kept


def is_amount(unit: str) -> bool:
    """Whether a figure's unit is money or a share (what how much asks for; how many, not)."""
    return bool(re.search(r"usd|vnd|krw|won|dollar|euro|%|percent", unit, re.I))


def of_kind(question: Question, figure: FigureInfo) -> bool:
    """Whether a figure is of the kind a how-many / how-much question asks for: never a milestone
    year ("since 2009" says when); for how many, a count, not money."""
    if figure.unit == "year":
        return False
    return question.kind != "how_many" or not is_amount(figure.unit)
