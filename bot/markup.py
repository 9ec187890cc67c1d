"""Escaping and emphasis shared by the renderers."""

from __future__ import annotations

import re

from store.textutil import key

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def escape(text: str) -> str:
    """Slack's three control characters, so user or document text never becomes markup."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def emphasise(text: str, words: tuple[str, ...], mark: str = "*") -> str:
    """Wrap each word of text whose folded form is among words (already escaped text)."""
    wanted = {key(w) for w in words if key(w)}
    if not wanted:
        return text
    return _WORD.sub(
        lambda m: f"{mark}{m.group(0)}{mark}" if key(m.group(0)) in wanted else m.group(0), text
    )
