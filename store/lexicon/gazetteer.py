"""Find known phrases in text by looking word sequences up in a dict: linear in the text's length."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

_WORD = re.compile(r"[^\W_]+")


def tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def token_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text)]


@dataclass
class Gazetteer:
    """Phrases (with a value each) matched as whole words; capitalised acronyms match only as written.

    plural=True also matches a phrase whose last word takes an s or es ("semiconductors").
    """

    plural: bool = False
    case_sensitive: bool = False
    _folded: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    _exact: dict[tuple[str, ...], set[str]] = field(default_factory=dict)
    _sizes_folded: dict[str, tuple[int, ...]] = field(default_factory=dict)
    _sizes_exact: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def of(
        cls, entries: Iterable[tuple[str, str]], plural: bool = False, case_sensitive: bool = False
    ) -> Gazetteer:
        gazetteer = cls(plural=plural, case_sensitive=case_sensitive)
        for phrase, value in entries:
            gazetteer.add(phrase, value)
        return gazetteer

    def add(self, phrase: str, value: str) -> None:
        words = tokens(phrase)
        if not words:
            return
        if self.case_sensitive or (phrase.isupper() and len(phrase) <= 6):
            self._put(self._exact, self._sizes_exact, tuple(words), value)
            return
        lowered = tuple(w.lower() for w in words)
        self._put(self._folded, self._sizes_folded, lowered, value)
        if self.plural and lowered[-1].isalpha():
            for suffix in ("s", "es"):
                self._put(
                    self._folded, self._sizes_folded, (*lowered[:-1], lowered[-1] + suffix), value
                )

    @staticmethod
    def _put(
        index: dict[tuple[str, ...], set[str]],
        sizes: dict[str, tuple[int, ...]],
        words: tuple[str, ...],
        value: str,
    ) -> None:
        index.setdefault(words, set()).add(value)
        # Longest first, so that at each position the longest phrase is tried first.
        sizes[words[0]] = tuple(sorted({*sizes.get(words[0], ()), len(words)}, reverse=True))

    def _at(self, words: list[str], lowered: list[str], start: int) -> list[tuple[int, set[str]]]:
        """(size, values) of the phrases starting at a word, longest first."""
        found = []
        room = len(words) - start
        for size in self._sizes_folded.get(lowered[start], ()):
            if size > room:
                continue
            values = self._folded.get(tuple(lowered[start : start + size]))
            if values:
                found.append((size, values))
        for size in self._sizes_exact.get(words[start], ()):
            if size > room:
                continue
            values = self._exact.get(tuple(words[start : start + size]))
            if values:
                found.append((size, values))
        if len(found) > 1:
            found.sort(key=lambda sv: -sv[0])
        return found

    def _starts(self, words: list[str], lowered: list[str]) -> list[int]:
        """Positions where some phrase may start: one dict look-up per word."""
        folded, exact = self._sizes_folded, self._sizes_exact
        if not folded:
            return [i for i, word in enumerate(words) if word in exact]
        if not exact:
            return [i for i, word in enumerate(lowered) if word in folded]
        return [i for i in range(len(words)) if lowered[i] in folded or words[i] in exact]

    def _lowered(self, words: list[str]) -> list[str]:
        # A gazetteer of case-sensitive phrases only never looks at the lower-case words.
        return [w.lower() for w in words] if self._sizes_folded else words

    def matches(self, text: str) -> list[tuple[int, str]]:
        """(word index, value) of every phrase found, longest phrase first at each position."""
        words = tokens(text)
        lowered = self._lowered(words)
        found: list[tuple[int, str]] = []
        for start in self._starts(words, lowered):
            for _size, values in self._at(words, lowered, start):
                found += [(start, v) for v in sorted(values)]
        return found

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, value) in characters of the longest phrase at each position, not overlapping."""
        words = tokens(text)
        lowered = self._lowered(words)
        starts = self._starts(words, lowered)
        if not starts:  # most texts name nothing a gazetteer holds: no character offsets needed
            return []
        spans = token_spans(text)
        found: list[tuple[int, int, str]] = []
        covered = 0
        for start in starts:
            if start < covered:
                continue
            at = self._at(words, lowered, start)
            if at:
                size, values = at[0]
                found += [(spans[start][0], spans[start + size - 1][1], v) for v in sorted(values)]
                covered = start + size
        return found

    def values(self, text: str) -> list[str]:
        """The distinct values found, in order of first appearance."""
        return list(dict.fromkeys(value for _, value in self.matches(text)))

    def longest(self, text: str) -> list[str]:
        """Values of the longest phrase at each position, words of a match not reused.

        A value of "-" blocks its words: "North Korea" hides the "Korea" inside it.
        """
        return list(dict.fromkeys(v for _, _, v in self.spans(text) if v != "-"))
