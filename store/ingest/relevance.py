"""Relevance: which paragraphs are about the relationship between the two parties."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from store.ingest.continuation import ArticleSoFar, is_prose, without_currency
from store.lexicon import country_gazetteer, cues, parties, parties_named, phrase_pattern
from store.textutil import fold


@dataclass(frozen=True)
class Relevance:
    on_topic: bool
    reason: str


@cache
def _digest_pattern() -> re.Pattern[str]:
    return re.compile(phrase_pattern(cues()["digest_markers"]), re.IGNORECASE)


def classify(paragraphs: list[str], tail_start: int | None) -> list[Relevance]:
    """On-topic or not, with the reason, for each paragraph of one document.

    The body of an article is about its subject unless a paragraph turns to another country
    (store/ingest/continuation.py tells a turn from a story passing through a place); after the
    end of the article (a "related news" tail) only paragraphs naming both parties count.
    """
    digest = _digest_pattern()
    both = len(parties())
    article = ArticleSoFar.of(paragraphs)
    results = []
    for index, text in enumerate(paragraphs):
        named = parties_named(text)
        in_tail = tail_start is not None and index >= tail_start
        others = country_gazetteer().longest(without_currency(fold(text)))
        if digest.search(text):
            results.append(Relevance(False, "news digest"))
        elif is_link_list(text):
            results.append(Relevance(False, "a list of links"))
        elif others and len(named) < both and (in_tail or not article.continues(text)):
            results.append(Relevance(False, f"about {others[0]}, not the partner"))
        elif in_tail and len(named) < both:
            results.append(Relevance(False, "related-news tail"))
        else:
            results.append(
                Relevance(True, "both parties" if len(named) == both else "article body")
            )
            if is_prose(text):
                article.add(text)
    return results


def is_link_list(text: str) -> bool:
    """'More in Sports: A | B | C', 'Tin liên quan: A • B': page links, not sentences."""
    separators = text.count(" | ") + len(re.findall(r"\s[•▸]\s", text))
    return separators >= 1 and text.rstrip()[-1:] not in '.!?"”'


def document_is_relevant(paragraphs: list[str]) -> bool:
    """A document is about the relationship when, taken whole, it names both parties."""
    return len(parties_named("\n".join(paragraphs))) == len(parties())
