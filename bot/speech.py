"""What a person says without a verb of saying: an interview's answers ("A: ASEAN can serve as a
platform…") are the words of its interviewee, the first person the article names; a line opening
on a person's name and a colon ("Ambassador Choi Young-sam: This has been a remarkable year.") is
theirs.
"""

from __future__ import annotations

import re
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


def saying(action: frozenset[str]) -> bool:
    """Whether the asked verb is one of saying ("what did X say / tell…")."""
    return bool(action & variants("say"))


def spoken_by(
    session: Session, known: Knowledge, person: PersonInfo, document_ids: list[int]
) -> frozenset[int]:
    """The sentences of these documents that are the person's words without a verb of saying."""
    keys = [key(a) for a in (person.name, *person.aliases) if len(key(a)) >= 3]
    rows = queries.document_sentences(session, document_ids)
    spoken: set[int] = set()
    for document, lines in groupby(rows, key=lambda row: row[0]):
        sentences = [(sentence_id, text) for _, sentence_id, text in lines]
        spoken |= {
            sentence_id
            for sentence_id, text in sentences
            if (label := _LABEL.match(text)) and any(f" {k} " in f" {key(label[1])} " for k in keys)
        }
        interview = any(_ASKING.match(text) for _, text in sentences)
        if interview and _interviewee(session, known, document) == person.id:
            spoken |= _answers(sentences)
    return frozenset(spoken)


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
