"""Full-text search syntax: user words become a safe FTS5 query, never raw syntax."""

from __future__ import annotations

from store.textutil import words as folded_words


def fts_match(words: list[str], any_word: bool = False) -> str:
    """A MATCH expression of quoted words (each a prefix when long enough), AND-ed or OR-ed."""
    terms = []
    for word in dict.fromkeys(w for raw in words for w in folded_words(raw)):
        terms.append(f'"{word}"*' if len(word) >= 4 else f'"{word}"')
    return (" OR " if any_word else " ").join(terms[:12])
