"""Which figures a `/figure` argument asks for: those whose sentence says what is asked.

Open vocabulary: the asked words are looked up in the figures' own sentences (with their
paraphrases and spelling corrections), rare words weighing more. A topic the words name only
brings in its figures as candidates and boosts them; it never makes a figure an answer by itself,
so `/figure rice exports` is not answered with trade figures and `/figure howitzer deal` finds
the deal's value though no topic holds "howitzer".
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.context import LENT
from bot.coverage import rarity
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

    def share(self, stems: str, lent: str = "") -> float:
        """The weighted share held by stems (joined by spaces, as stored at reseed); a word only
        `lent` holds (the sentence before, which "that complex" points back to) counts `LENT`."""
        total = sum(self.weights) or 1.0
        held = 0.0
        for family, weight in zip(self.families, self.weights, strict=True):
            pattern = covering(family)
            if pattern.search(stems):
                held += weight
            elif lent and pattern.search(lent):
                held += LENT * weight
        return held / total


def asked(session: Session, words: list[str], corrected: list[str], total_words: int) -> Asked:
    """The asked words (and their corrections) as families weighed by their rarity among the
    store's total_words."""
    families = tuple(variants(w) | variants(c) for w, c in zip(words, corrected, strict=True))
    counts = word_counts.term_counts(session, sorted({s for f in families for s in f}))
    return Asked(families, tuple(rarity(families, counts, max(1, total_words))))


def matching(
    found: list[FigureInfo], question: Asked, topics: set[str]
) -> list[tuple[float, FigureInfo]]:
    """The figures whose sentence (or stated measure) holds enough of the asked words, scored."""
    kept = []
    for figure in found:
        share = question.share(figure.stems, figure.lent_stems) if question.families else 0.0
        if share < ENOUGH:
            continue
        boost = TOPIC_BOOST if topics & set(figure.topics) else 0.0
        in_measure = question.share(figure.measure_stems)
        kept.append((share + boost + 0.5 * in_measure, figure))
    return kept
