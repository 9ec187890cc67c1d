"""Which of a question's asked words its shape singles out: the role and its owner ("who is
the mayor of Busan?"), a deed a sentence may tell in other words ("who paid for…"), the noun a
how-many question counts, and the word that weighs clearly most. Pure.
"""

from __future__ import annotations

import re

from bot.knowledge import routing
from bot.question import Question
from bot.roles import OTHER_ROLE
from bot.stems import covered, stem
from store.textutil import key


def role_of(question: Question) -> tuple[int, tuple[int, ...]] | None:
    """The asked role and the words of whom it is the role ("who is the mayor of Busan?",
    "who is Busan's mayor?"): (the role's concept, the owner's concepts)."""
    if question.kind != "who":
        return None
    asked = key(question.text)
    match = re.search(r"\bwho (?:is|was|are|were) (?:the )?(\w+) of (?:the )?(.+)$", asked)
    if match is None and (match := re.search(r"\bwho (?:is|was) (.+?) s (\w+)$", asked)):
        owner_words, role_word = match[1].split(), match[2]
    elif match is not None:
        role_word, owner_words = match[1], match[2].split()
    else:
        return None
    if role_word not in question.words:
        return None
    owners = tuple(i for i, w in enumerate(question.words) if w in owner_words)
    return (question.words.index(role_word), owners) if owners else None


def beside(question: Question, role: int, owner: str, tokens: list[str]) -> bool:
    """Whether the sentence names the owner within a few words of the role ("Chairman of the Ba
    Ria-Vung Tau People's Committee", "Busan Mayor"), not Yeoju's mayor visiting Hoa Binh."""
    near = [i for i, t in enumerate(tokens) if covered(question.concepts[role], {stem(t)})]
    return any(abs(i - j) <= 4 for i in near for j, t in enumerate(tokens) if stem(t) == owner)


def other_role(question: Question, role: int, tokens: list[str]) -> bool:
    """Whether every time the sentence says the asked role, a word before it makes it another
    role ("Gimhae Vice Mayor" for "who is the mayor of Gimhae?"), unless the question says it."""
    asked = set(question.words) | set(key(question.text).split())
    said = [i for i, t in enumerate(tokens) if covered(question.concepts[role], {stem(t)})]
    return bool(said) and all(
        i > 0 and tokens[i - 1] in OTHER_ROLE and tokens[i - 1] not in asked for i in said
    )


def asks_deed(question: Question) -> bool:
    """A who-question asking who did something ("who paid for…", "who scored…"), which a
    sentence may say in other words ("raised by", "put the visitors ahead"), not a role ("who is
    the coach…"), which it must say."""
    return (
        question.kind == "who"
        and re.search(r"\bwho (?:is|was|are|were)\b", key(question.text)) is None
    )


def counted_noun(question: Question) -> int | None:
    """The noun a how-many question counts ("how many South Korean companies…": companies)."""
    if question.kind != "how_many":
        return None
    match = re.search(r"\bhow many ((?:\w+ ){0,3})", key(question.text))
    if match is None:
        return None
    party = set(routing()["party_words"])
    for word in match[1].split():
        if word in question.words:
            return question.words.index(word)
        if word not in party:
            return None
    return None


def focus_word(question: Question, concept_weights: list[float] | None) -> int | None:
    """The asked word that weighs clearly most (rarest in the store), when there is one and the
    question asks about one subject."""
    if len(question.concepts) < 2 or not concept_weights or question.alternatives:
        return None
    ordered = sorted(range(len(concept_weights)), key=lambda i: -concept_weights[i])
    first, second = ordered[0], ordered[1]
    return first if concept_weights[first] >= 1.5 * concept_weights[second] else None


def total_asked(question: Question) -> int | None:
    """The asked word of a how-much / how-many question asking for a total ("how much has X
    invested in total?"): a sentence that does not say it states a part (one project's
    investment), not the total."""
    if question.kind not in ("how_many", "how_much"):
        return None
    return next((i for i, g in enumerate(question.concepts) if stem("total") in g), None)
