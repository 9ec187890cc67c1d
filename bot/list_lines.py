"""Lines that say only part of what they mean, read with the line that leads them: a list line
("- Đà Nẵng: May 8 to June 11, 2025") with its list's heading ("Test venues and schedule") or
lead-in ("Trials … will follow the camp:"), an interview's answer ("A: We employ 35 local
workers") with its question ("Q: How many people work for you?"), a count without its noun
("Today there are more than 1,100.") with the sentence before, which says what is counted.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.context import stems_of
from store import queries
from store.evidence import Candidate

# "- Hà Nội: May 5 to May 29", "• 30 recurve bows", "Sokcho: August 5 to August 9"
_LIST_LINE = re.compile(r"^\s*(?:[-•*–·]\s*\S|[^\s:.!?][^:.!?]{0,40}:\s+\S)")
LONGEST = 160  # a list line is short; an interview's "Name: answer…" is not one
_ASKING = re.compile(r"^\s*Q\s*[:.]\s")
_ANSWERING = re.compile(r"^\s*A\s*[:.]\s")
REACH = 12  # lines back to the line leading a list
HEADING = 80  # a heading is short and ends on no full stop ("Test venues and schedule")
# "there are more than 1,100," / "there were 52.": a number standing for the noun said before
_ELIDED = re.compile(
    r"\bthere (?:are|were|is|was|will be) (?:now |still )?"
    r"(?:(?:more|fewer|less) than |about |some |nearly |over |almost |around |roughly )?"
    r"\d+(?:[,.]\d+)*(?=\s*(?:[,;.]|$))",
    re.I,
)


# "a) KOVEA will support…", "(b) Both parties will…", "3. The two sides will…": a lettered or
# numbered point may be a long sentence; its marker, not its length, says it is one
_POINT = re.compile(r"^\s*\(?(?:[a-h]|\d{1,2}|[ivx]{1,4})\)\s+\S|^\s*(?:\d{1,2}|[a-h])\.\s+[A-Z]")


def list_line(text: str) -> bool:
    """Whether a sentence is a line of a list (a bullet, a lettered or numbered point, or a
    short "label: value")."""
    if _POINT.match(text):
        return True
    return len(text) <= LONGEST and _LIST_LINE.match(text) is not None


def _leads(text: str) -> bool:
    """Whether a line leads a list: it introduces it ("…will follow the camp:") or heads it."""
    text = text.rstrip()
    return text.endswith(":") or (len(text) <= HEADING and not text.endswith((".", "!", "?")))


def _question_of(sentence_id: int, texts: dict[int, str]) -> str | None:
    """The interview question an answer's sentence replies to: from the "Q:" line before its
    "A:" line to the answer."""
    at = sentence_id
    while at in texts and not _ANSWERING.match(texts[at]):
        if _ASKING.match(texts[at]):
            return None
        at -= 1
    asked = at - 1
    while asked in texts and not _ASKING.match(texts[asked]):
        asked -= 1
    if asked not in texts:
        return None
    return " ".join(texts[i] for i in range(asked, at) if i in texts)


def with_list_leads(
    session: Session, found: list[Candidate], borrowed: dict[int, frozenset[str]]
) -> dict[int, frozenset[str]]:
    """`borrowed`, with each list line holding the words of the line leading its list, and each
    sentence of an interview's answer those of its question."""
    lines = [c.quote.sentence_id for c in found if list_line(c.quote.text)]
    answers = [c.quote.sentence_id for c in found]
    texts = queries.sentences_before(session, answers, REACH)
    out = dict(borrowed)
    for sentence_id in lines:
        at = sentence_id - 1
        while at in texts and list_line(texts[at]) and at > sentence_id - REACH:
            if _POINT.match(texts[at]) and _leads(texts[at]):
                break  # "3. Test venues and schedule": a numbered heading leads the bullets
            at -= 1
        lead = texts.get(at)
        if lead and _leads(lead):
            out[sentence_id] = frozenset(out.get(sentence_id, frozenset()) | stems_of(lead))
    for sentence_id in answers:
        asked = _question_of(sentence_id, texts)
        if asked:
            out[sentence_id] = frozenset(out.get(sentence_id, frozenset()) | stems_of(asked))
        counted = texts.get(sentence_id - 1)
        if counted and _ELIDED.search(texts.get(sentence_id, "")):
            out[sentence_id] = frozenset(out.get(sentence_id, frozenset()) | stems_of(counted))
    return out
