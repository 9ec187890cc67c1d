"""Whether a body paragraph that names a third country still continues the article.

A feature or a match report names the places its story passes through ("reached the final in
Changzhou, China", "lost 2-0 to Uzbekistan") without turning to them. A paragraph stays with the
article when it is running prose, not a new item (a list line, a "Related:" label, a headline, a
fresh dateline), and either no sentence opens on a third country the article has not named yet
(elsewhere in a sentence a country is a circumstance: where, against whom), or it names a person
or subject an earlier paragraph introduced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

from store.lexicon import country_gazetteer, party_gazetteer, titles
from store.textutil import fold

_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_CAPITALISED = re.compile(r"[A-ZÀ-ỸĐ][^\W_]{1,29}(?:-[^\W_]{1,20})?")
_SENTENCE = re.compile(r"(?<=[.!?”\"])\s+(?=[\"“A-ZÀ-ỸĐ])")
_LIST_ITEM = re.compile(r"^\s*[-–—•*»▸◦·]")
_LABEL = re.compile(r"^[^\W\d_][\w ’'&-]{0,30}:\s")
# "Vientiane (VNA) –", "BANGKOK, Jan. 5 (Yonhap) --", "HANOI --": the start of a story of its own.
_DATELINE = re.compile(
    r"^[A-ZÀ-ỸĐ][\w .,'’-]{1,40}?(?:\([A-Z][\w/ ]{0,15}\)\s*[-–—]|\s(?:--|—))", re.UNICODE
)
_OPENING_WORDS = 4
# Words after which a country is a circumstance of the sentence (where, against whom, to whom).
_CIRCUMSTANCE = frozenset(
    re.findall(
        r"\w+",
        "to in at from against over of for with by on into toward towards including than after "
        "before between among beat beating",
    )
)


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(titles()["name_stopwords"])


def is_prose(text: str) -> bool:
    """Running text of the article: sentences, not a list line, label, headline or new dateline."""
    stripped = text.strip()
    if len(stripped.split()) < 8 or stripped[-1] not in '.!?"”’)':
        return False
    return not (_LIST_ITEM.match(stripped) or _LABEL.match(stripped))


def starts_a_story(text: str) -> bool:
    return _DATELINE.match(text.strip()) is not None


def without_currency(text: str) -> str:
    """'US$4 billion', '250 million US dollars' name a currency, not the United States."""
    return re.sub(r"\bU\.?S\.?\s?(?:\$|dollars?\b)", "USD ", text)


def countries_in(text: str) -> set[str]:
    return {c for c in country_gazetteer().longest(without_currency(fold(text))) if c != "-"}


def opening_countries(text: str) -> set[str]:
    """Third countries in the opening words of a sentence, before any preposition: its subject."""
    found: set[str] = set()
    for sentence in _SENTENCE.split(text):
        words = _WORDS.findall(sentence)[:_OPENING_WORDS]
        opening = []
        for word in words:
            if word.lower() in _CIRCUMSTANCE:
                break
            opening.append(word)
        found |= countries_in(" ".join(opening))
    return found


@dataclass
class ArticleSoFar:
    """What the article's on-topic prose has introduced: names and third countries (read only
    when a paragraph needs them: most articles never turn to another country)."""

    paragraphs: list[str]
    names: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    unread: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, paragraphs: list[str]) -> ArticleSoFar:
        return cls(paragraphs)

    @cached_property
    def lowercase(self) -> frozenset[str]:
        """The document's common words ('three', 'perhaps'): a capitalised one is no name."""
        return frozenset(w for p in self.paragraphs for w in _WORDS.findall(p) if w.islower())

    def names_in(self, text: str) -> set[str]:
        """Capitalised words that are names here: never a common word of the same document
        ('Three', 'Perhaps'), a stopword or the name of a party or country."""
        found = set()
        for word in _CAPITALISED.findall(text):
            if word.lower() in self.lowercase or word in _stopwords():
                continue
            if party_gazetteer().longest(fold(word)) or countries_in(word):
                continue
            found.add(word)
        return found

    def add(self, text: str) -> None:
        self.unread.append(text)

    def continues(self, text: str) -> bool:
        if not is_prose(text) or starts_a_story(text):
            return False
        for earlier in self.unread:
            self.names |= self.names_in(earlier)
            self.countries |= countries_in(earlier)
        self.unread.clear()
        return opening_countries(text) <= self.countries or bool(self.names_in(text) & self.names)
