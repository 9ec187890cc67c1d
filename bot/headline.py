"""A fact's substance as a heading: "Raising two-way trade turnover to 150 billion USD by 2030"
rather than "Agreed by both sides". Pure text work on the sentence that reports the fact.

The cue words below only find where the substance starts; a sentence without one still gets a
heading (its opening, cut at a clause), so nothing depends on a word being listed here.
"""

from __future__ import annotations

import re

from store.textutil import cut_at_clause

HEADING_CHARS = 110

# Where what was committed starts: after "agreed to", "urged Vietnam to", "will", "agreed that".
_CUE = re.compile(
    r"\b(?:agreed|pledged|committed|vowed|promised|decided|resolved|proposed|suggested|urged|"
    r"asked|encouraged|called on|called for|hoped?|hopes|affirmed|reaffirmed|stressed|"
    r"emphasi[sz]ed|aims?|aimed|aiming|plans?|planned|expects?|seeks?|sought|will|would|shall)"
    r"(?:\s+(?:also|further|soon|jointly|continue to))?\s+"
    r"(?:(?:[\w’'()-]+\s+){0,5}?(?:to|that)\s+)?",
    re.IGNORECASE,
)
# Where a clause about something else begins: the heading stops there.
_CLAUSE_BREAK = re.compile(
    r";|\.\s|,\s+(?=(?:[\w-]+\s+){0,3}(?:said|says|noted|added|told|according)\b)|,\s+(?=(?:thereby|while|which|considering|particularly|especially|including|"
    r"bringing|as well as|so as|in order|with a view|helping|contributing|aiming)\b)",
    re.IGNORECASE,
)
# Words that open a clause without saying anything: "thereby soon raising" -> "raising".
_LEADING = re.compile(
    r"^(?:(?:and|thereby|soon|while|also|further|then|to|help|helping|aiming|aim|with the aim of|"
    r"so as|in order|in addition|moreover|both sides|the two sides)\b[\s,]*)+",
    re.IGNORECASE,
)


def headline(sentence: str, figure: str | None = None) -> str:
    """The substance of what sentence reports, as a heading of at most HEADING_CHARS."""
    text = " ".join(sentence.split()).rstrip(" .")
    if figure and figure in text:
        text = _clause_with(text, text.index(figure))
    cue = _CUE.search(text)
    text = text[cue.end() :] if cue and cue.end() < len(text) - 10 else _LEADING.sub("", text)
    stop = _CLAUSE_BREAK.search(text)
    if stop and stop.start() > 15:
        text = text[: stop.start()]
    text = cut_at_clause(text.strip(" ,;:"), HEADING_CHARS)
    return text[:1].upper() + text[1:] if text else sentence[:HEADING_CHARS]


def _clause_with(text: str, at: int) -> str:
    """The clause of text that holds position at, without its opening connectors."""
    start = 0
    for match in _CLAUSE_BREAK.finditer(text):
        if match.end() <= at:
            start = match.end()
    clause = text[start:]
    return _LEADING.sub("", clause.strip(" ,;")) or clause
