"""The days each document gives for a visit, kept when documents disagree ("November 20 to 22" in
one article, "November 21 to 23" in another), so that answers show both rather than one."""

from __future__ import annotations

import re
from datetime import date, timedelta

from store.dates_text import visit_when
from store.ingest.corpus_types import VisitMention
from store.ingest.visits import Visit

# A day is the visit's first when the sentence says it began then ("arrived on Thursday,
# opening a three-day visit"); another day of a three-day visit says nothing of its span.
_STARTING = re.compile(
    r"\b(?:arriv\w*|land\w*|touch\w* down|beg[ia]n\w*|start\w*|open\w*|kick\w* off)\b",
    re.IGNORECASE,
)


def stated_spans(visit: Visit) -> list[tuple[str, list[int]]]:
    """Each span ('November 20–22, 2026') with the indexes of the documents giving it, when the
    documents give the visit different days; else none."""
    spans: dict[tuple[date, date], set[int]] = {}
    for mention in visit.mentions:
        span = _span(mention, visit.year)
        doc = mention.sentence.doc
        if span is not None and not any(doc in docs for docs in spans.values()):
            spans.setdefault(span, set()).add(doc)
    if len(spans) < 2:
        return []
    return [
        (visit_when(first.isoformat(), last.isoformat(), None, None), sorted(docs))
        for (first, last), docs in sorted(spans.items())
    ]


def _span(mention: VisitMention, year: int | None) -> tuple[date, date] | None:
    """The first and last day one sentence gives for the visit: a range, or a first day with
    the visit's length."""
    for when in mention.dates:
        when_year = when.year or year
        if not (when_year and when.month and when.day):
            continue
        try:
            if when.kind == "range" and when.end_day:
                last = date(when.end_year or when_year, when.end_month or when.month, when.end_day)
                return date(when_year, when.month, when.day), last
            if when.kind == "day" and mention.days and _STARTING.search(mention.sentence.text):
                first = date(when_year, when.month, when.day)
                return first, first + timedelta(days=mention.days - 1)
        except ValueError:
            return None
    return None
