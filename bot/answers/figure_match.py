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
from bot.rank import rarity
from bot.stems import covered, stem, variants
from store import evidence, queries
from store.queries import FigureInfo
from store.textutil import words as folded_words

ENOUGH = 0.55  # the weighted share of the asked words a figure's sentence must hold
TOPIC_BOOST = 0.5


@dataclass(frozen=True)
class Asked:
    """The asked words as stem families, each with its weight (rarer words weigh more)."""

    families: tuple[frozenset[str], ...]
    weights: tuple[float, ...]

    def share(self, stems: set[str], lent: set[str] | None = None) -> float:
        """The weighted share held; a word only `lent` holds (the sentence before, which "that
        complex" points back to) counts `LENT`."""
        total = sum(self.weights) or 1.0
        held = 0.0
        for family, weight in zip(self.families, self.weights, strict=True):
            if covered(family, stems):
                held += weight
            elif lent and covered(family, lent):
                held += LENT * weight
        return held / total


def asked(session: Session, words: list[str], corrected: list[str]) -> Asked:
    families = tuple(variants(w) | variants(c) for w, c in zip(words, corrected, strict=True))
    counts = evidence.term_counts(session, sorted({s for f in families for s in f}))
    total = max(1, evidence.total_words(session))
    return Asked(families, tuple(rarity(families, counts, total)))


def matching(
    session: Session, found: list[FigureInfo], question: Asked, topics: set[str]
) -> list[tuple[float, FigureInfo]]:
    """The figures whose sentence (or stated measure) holds enough of the asked words, scored."""
    ids = sorted({f.sentence_id for f in found})
    cited = queries.quotes(session, ids)
    previous = evidence.before(session, ids)
    kept = []
    for figure in found:
        quote = cited.get(figure.sentence_id)
        text = f"{quote.text if quote else ''} {figure.measure}"
        stems = {stem(t) for t in folded_words(text)}
        lent = {stem(t) for t in folded_words(previous.get(figure.sentence_id, ""))}
        share = question.share(stems, lent) if question.families else 0.0
        if share < ENOUGH:
            continue
        boost = TOPIC_BOOST if topics & set(figure.topics) else 0.0
        in_measure = question.share({stem(t) for t in folded_words(figure.measure)})
        kept.append((share + boost + 0.5 * in_measure, figure))
    return kept
