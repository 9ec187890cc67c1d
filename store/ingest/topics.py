"""Topics: which lexicon topics a piece of text is about, and aliases the documents teach."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.lexicon import Topic, alias_regex, topics

_AKA = re.compile(
    r"(?P<term>[A-Za-z][\w'’ -]{1,60}?)\s*\((?:aka|a\.k\.a\.?|also known as|also called|or)\s+"
    r"(?P<alias>[^()]{2,60})\)"
)
_ABBREVIATION = re.compile(
    r"(?P<term>[A-Za-z][\w'’ -]{2,80}?)\s*\((?P<alias>[A-Z][A-Za-z&]{1,9})\)"
)


@dataclass
class TopicMatcher:
    """Matches topic aliases; aliases learnt from the documents are added with learn()."""

    entries: dict[str, Topic] = field(default_factory=lambda: {t.key: t for t in topics()})
    learned: dict[str, set[str]] = field(default_factory=dict)
    _patterns: list[tuple[str, re.Pattern[str]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._compile()

    def _compile(self) -> None:
        self._patterns = [
            (topic.key, alias_regex(alias))
            for topic in self.entries.values()
            for alias in (*topic.aliases, *self.learned.get(topic.key, ()))
        ]

    def topics_in(self, text: str) -> list[str]:
        """Topic keys named in text, in lexicon order, each once."""
        found: list[str] = []
        for topic_key, pattern in self._patterns:
            if topic_key not in found and pattern.search(text):
                found.append(topic_key)
        return found

    def aliases(self, topic_key: str) -> list[str]:
        return [*self.entries[topic_key].aliases, *sorted(self.learned.get(topic_key, ()))]

    def learn(self, sentences: list[str]) -> None:
        """Add 'X (aka Y)' and 'long name (ABBR)' aliases where X is already a topic alias."""
        for sentence in sentences:
            for pattern in (_AKA, _ABBREVIATION):
                for match in pattern.finditer(sentence):
                    self._learn_pair(match["term"], match["alias"].strip())
        self._compile()

    def _learn_pair(self, term: str, alias: str) -> None:
        words = term.split()
        for size in range(min(len(words), 6), 0, -1):
            tail = " ".join(words[-size:])
            for topic_key, pattern in self._patterns:
                if pattern.fullmatch(tail):
                    self.learned.setdefault(topic_key, set()).add(alias)
                    return
