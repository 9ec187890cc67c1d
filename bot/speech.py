"""What a person says without a verb of saying: an interview's answers ("A: ASEAN can serve as a
platform…") are the words of its interviewee, the first person the article names; a line opening
on a person's name and a colon ("Ambassador Choi Young-sam: This has been a remarkable year.") is
theirs, and so is the rest of its paragraph; where an article's title or byline names the person
(their speech, their column, their interview), its sentences in the first person ("I propose…",
"we will…") outside quotation marks are theirs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import groupby

from sqlalchemy.orm import Session

from bot.knowledge import Knowledge
from bot.stems import variants
from store import queries, reading
from store.queries import PersonInfo
from store.textutil import key

_ASKING = re.compile(r"^\s*Q\s*[:.]\s")
_ANSWERING = re.compile(r"^\s*A\s*[:.]\s")
_LABEL = re.compile(r"^([^:.!?]{3,60}):\s+\S")
_FIRST_PERSON = re.compile(r"(?:^|[\s(])(?:I|I['’](?:m|ve|d|ll)|[Ww]e|[Mm]y|[Oo]ur|me|us)\b")
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]")


def saying(action: frozenset[str]) -> bool:
    """Whether the asked verb is one of saying ("what did X say / tell…")."""
    return bool(action & variants("say"))


def spoken_by(
    session: Session, known: Knowledge, person: PersonInfo, document_ids: list[int]
) -> frozenset[int]:
    """The sentences of these documents that are the person's words without a verb of saying."""
    keys = [key(a) for a in (person.name, *person.aliases) if len(key(a)) >= 3]

    def names(text: str) -> bool:
        return any(f" {k} " in f" {key(text)} " for k in keys)

    rows = queries.document_sentences(session, document_ids)
    heads = queries.document_heads(session, document_ids)
    spoken: set[int] = set()
    for document, lines in groupby(rows, key=lambda row: row[0]):
        sentences = [(passage, sentence_id, text) for _, passage, sentence_id, text in lines]
        spoken |= _labelled(sentences, names)
        if any(names(head) for head in heads.get(document, ("", ""))):
            spoken |= {i for _, i, text in sentences if _FIRST_PERSON.search(_QUOTED.sub("", text))}
        said = [(sentence_id, text) for _, sentence_id, text in sentences]
        interview = any(_ASKING.match(text) for _, text in said)
        if interview and _interviewee(session, known, document) == person.id:
            spoken |= _answers(said)
    return frozenset(spoken)


def _labelled(sentences: list[tuple[int, int, str]], names: Callable[[str], bool]) -> set[int]:
    """The sentences from a label naming the person ("Park Jin: …") to the end of its paragraph
    or the next label."""
    found: set[int] = set()
    speaking_passage: int | None = None
    for passage, sentence_id, text in sentences:
        if label := _LABEL.match(text):
            speaking_passage = passage if names(label[1]) else None
        elif passage != speaking_passage:
            speaking_passage = None
        if speaking_passage is not None:
            found.add(sentence_id)
    return found


def _answers(sentences: list[tuple[int, str]]) -> set[int]:
    """The sentences from each "A:" to the next "Q:"."""
    found: set[int] = set()
    answering = False
    for sentence_id, text in sentences:
        if _ASKING.match(text):
            answering = False
        elif _ANSWERING.match(text):
            answering = True
        if answering:
            found.add(sentence_id)
    return found


def _interviewee(session: Session, known: Knowledge, document: int) -> int | None:
    """The first person an interview names (its lead introduces who is speaking)."""
    for _, text, people in reading.walk(session, [document]):
        if _ASKING.match(text):
            return None
        if people:
            folded = key(text)
            return min(
                people,
                key=lambda p: min(
                    (folded.find(w) for w in known.name_words.get(p, ()) if w in folded),
                    default=len(folded),
                ),
            )
    return None
