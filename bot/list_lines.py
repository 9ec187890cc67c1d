"""A list line says only part of what it means: "- Đà Nẵng: May 8 to June 11, 2025" is a date
of the test its list is headed by ("Test venues and schedule (Round 1)"), "Sokcho: August 5 to
August 9" one of the trials "Trials for the national youth squad will follow the camp:" names.
Each list line is read with the words of the line that leads its list.
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
REACH = 12  # lines back to the line leading a list
HEADING = 80  # a heading is short and ends on no full stop ("Test venues and schedule")


def list_line(text: str) -> bool:
    """Whether a sentence is a line of a list (a bullet, or a short "label: value")."""
    return len(text) <= LONGEST and _LIST_LINE.match(text) is not None


def _leads(text: str) -> bool:
    """Whether a line leads a list: it introduces it ("…will follow the camp:") or heads it."""
    text = text.rstrip()
    return text.endswith(":") or (len(text) <= HEADING and not text.endswith((".", "!", "?")))


def with_list_leads(
    session: Session, found: list[Candidate], borrowed: dict[int, frozenset[str]]
) -> dict[int, frozenset[str]]:
    """`borrowed`, with each list line holding the words of the line leading its list."""
    lines = [c.quote.sentence_id for c in found if list_line(c.quote.text)]
    if not lines:
        return borrowed
    texts = queries.sentences_before(session, lines, REACH)
    out = dict(borrowed)
    for sentence_id in lines:
        at = sentence_id - 1
        while at in texts and list_line(texts[at]) and at > sentence_id - REACH:
            at -= 1
        lead = texts.get(at)
        if lead and _leads(lead):
            out[sentence_id] = frozenset(out.get(sentence_id, frozenset()) | stems_of(lead))
    return out
