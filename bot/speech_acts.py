"""Promises, requests and proposals said without their verb: "Lam said his country will deliver
Seoul's message" promises; "businesses hope Vietnam will ease funding requirements" asks; "he
raised the idea of a joint venture" proposes. Pure."""

from __future__ import annotations

import re

from bot.stems import variants

_SAYING = r"(?:said|says|stated|affirmed|assured|responded|replied|added|confirmed|told)"
# a verb of saying, then what someone will do: "said (that) his country will deliver…"
_PROMISED = re.compile(rf"\b{_SAYING}\b[^.;:]*?\b(?:will|would|shall)\s+[a-z]", re.I)
# a hope that someone will do something: "hope Vietnam will ease…"
_ASKED = re.compile(r"\bhop(?:e|es|ed|ing)\b[^.;:]*?\b(?:will|would|could|can)\s+[a-z]", re.I)

# an idea put to the other side: "raised the idea of…", "floated a plan…", "put forward…"
_PROPOSED = re.compile(
    r"\b(?:rais(?:e|es|ed|ing)|float(?:s|ed|ing)?)\s+(?:the|an?)\s+(?:idea|plan|possibility)\b"
    r"|\bput(?:s|ting)?\s+forward\b",
    re.I,
)


def implied(action: frozenset[str], text: str) -> bool:
    """Whether a sentence promises (for "what did X promise"), asks or proposes in other words
    than the asked verb's."""
    if action & variants("promise"):
        return _PROMISED.search(text) is not None
    if action & variants("ask"):
        return _ASKED.search(text) is not None
    if action & variants("propose"):
        return _PROPOSED.search(text) is not None
    return False
