"""The day a wire story's "on Wednesday" or "last month" means, worked out from the article's date.

A when-question answered by "Amkor inaugurated its plant on Wednesday" needs the date the
reader can use: the article's own date (its stamp or dated dateline, kept as `dated`) makes
the weekday a day. Shown beside the sentence, never written into it.
"""

from __future__ import annotations

import re
from datetime import date

from store.ingest.dates import find_dates, format_day
from store.ingest.relative_dates import relative_dates

RELATIVE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|"
    r"(?:last|this|next)\s+(?:week|month|year)|(?:earlier|later)\s+this\s+(?:week|month))\b",
    re.I,
)


def article_day(dated: str | None) -> date | None:
    """The article's date from its `dated` text, when that states a day and a year."""
    if not dated:
        return None
    for mention in find_dates(dated):
        if mention.year and mention.month and mention.day:
            try:
                return date(mention.year, mention.month, mention.day)
            except ValueError:
                return None
    return None


def resolved(text: str, dated: str | None) -> list[str]:
    """'on Wednesday: October 11, 2023' for each relative date of a sentence (none when the
    article's date is unknown or the sentence states its dates outright)."""
    if not RELATIVE.search(text):
        return []
    today = article_day(dated)
    if today is None:
        return []
    shown = []
    for mention in relative_dates(text, today, find_dates(text)):
        if mention.month and mention.day:
            shown.append(f"{mention.text}: {format_day(mention.month, mention.day, mention.year)}")
        elif mention.month:
            shown.append(f"{mention.text}: {format_day(mention.month, None, mention.year)}")
    return shown
