"""Topics: which lexicon topics a piece of text is about, and aliases the documents teach."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from store.lexicon import Topic, topics
from store.lexicon.gazetteer import Gazetteer, tokens

# "East Sea (aka South China Sea)", "official development assistance (ODA)"
_ALIAS_IN_BRACKETS = re.compile(
    r"\((?:(?:aka|a\.k\.a\.?|also known as|also called|or)\s+(?P<aka>[^()]{2,60})|(?P<abbr>[A-Z][A-Za-z&]{1,9}))\)"
)


@dataclass
class TopicMatcher:
    """Matches topic aliases; aliases learnt from the documents are added with learn()."""

    entries: dict[str, Topic] = field(default_factory=lambda: {t.key: t for t in topics()})
    learned: dict[str, set[str]] = field(default_factory=dict)
    _gazetteer: Gazetteer = field(default_factory=Gazetteer)
    _order: dict[str, int] = field(default_factory=dict)
    _learned: Gazetteer = field(default_factory=Gazetteer)  # the learnt aliases alone

    def __post_init__(self) -> None:
        self._order = {topic_key: index for index, topic_key in enumerate(self.entries)}
        self._compile()

    def _compile(self) -> None:
        self._gazetteer = Gazetteer.of(
            ((alias, topic_key) for topic_key in self.entries for alias in self.aliases(topic_key)),
            plural=True,
        )

    def topics_in(self, text: str) -> list[str]:
        """Topic keys named in text, in lexicon order, each once."""
        return sorted(self._gazetteer.values(text), key=self._order.__getitem__)

    def with_learned(self, text: str, found: list[str]) -> list[str]:
        """topics_in(text), given what a matcher that learnt nothing found in it (in the
        per-document pool): only the aliases learnt since are looked for here."""
        if not self.learned:
            return found
        more = self._learned.values(text)
        return sorted({*found, *more}, key=self._order.__getitem__) if more else found

    def aliases(self, topic_key: str) -> list[str]:
        return [*self.entries[topic_key].aliases, *sorted(self.learned.get(topic_key, ()))]

    def learn(self, sentences: list[str]) -> None:
        """Add 'X (aka Y)' and 'long name (ABBR)' aliases where X ends with a topic alias."""
        for sentence in sentences:
            for match in _ALIAS_IN_BRACKETS.finditer(sentence):
                alias = (match["aka"] or match["abbr"]).strip()
                before = tokens(sentence[: match.start()])[-8:]
                self._learn_pair(before, alias)
        self._compile()
        self._learned = Gazetteer.of(
            ((alias, topic_key) for topic_key, learnt in self.learned.items() for alias in learnt),
            plural=True,
        )

    def _learn_pair(self, words: list[str], alias: str) -> None:
        for size in range(min(len(words), 6), 0, -1):
            found = [
                v for start, v in self._gazetteer.matches(" ".join(words[-size:])) if start == 0
            ]
            if found:
                topic_key = found[0]
                if alias not in self.aliases(topic_key):
                    self.learned.setdefault(topic_key, set()).add(alias)
                return
