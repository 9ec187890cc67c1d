"""Words that make a role another one: a vice mayor, an acting or former governor is not the
mayor or governor asked about. Pure."""

from __future__ import annotations

import re

OTHER_ROLE = frozenset({"vice", "deputy", "acting", "former", "ex", "interim", "assistant"})
_MODIFIED = re.compile(rf"\b({'|'.join(sorted(OTHER_ROLE))}) (?=\w)")


def joined_roles(words: str) -> str:
    """Folded words with each modifier joined to the word it modifies ("vice mayor" ->
    "vicemayor"), so that "mayor" is not found in a vice mayor's role."""
    return _MODIFIED.sub(r"\1", words)
