"""What the store holds, for help, the Home tab and status."""

from __future__ import annotations

import json

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from store import models as m
from store.dates_text import month_name
from store.queries.records import OVERVIEW_VISITS, StoreOverview
from store.queries.texts import topics
from store.queries.visit_queries import count_visits, visits

LATEST_VISITS = 5


def overview(session: Session) -> StoreOverview:
    """What the store holds, for the Home tab, help and status."""
    meta = {row.key: row.value for row in session.scalars(select(m.Meta))}
    documents = session.scalar(select(text("count(*)")).select_from(m.Document)) or 0
    shown = visits(session, limit=OVERVIEW_VISITS)
    lines = [f"{v.when} — {v.kind} of {v.visitor.name} to {v.destination}" for v in shown]
    total = count_visits(session)
    more = total - len(lines)
    if more > 0:
        lines.append(f"and {more} more (ask /visit <month|year|person|place>)")
    return StoreOverview(
        documents=int(documents),
        visits=lines,
        topics=[t.label for t in topics(session) if t.commitments],
        reseeded_at=meta.get("reseeded_at"),
        reseeded_by=meta.get("reseeded_by"),
        summary=json.loads(meta.get("summary", "{}")),
        latest=_latest(session, total),
    )


def _latest(session: Session, total: int) -> tuple[tuple[str, str], ...]:
    """The newest visits first, each with the /visit line that finds it (visitor, month, year)."""
    recent = visits(session, offset=max(0, total - 3 * LATEST_VISITS), with_events=False)
    dated = [v for v in recent if v.start] or recent  # visits without a date sort last
    found = []
    for visit in reversed(dated[-LATEST_VISITS:]):
        when = " ".join(
            x for x in (month_name(visit.month), str(visit.year) if visit.year else "") if x
        )
        label = f"{visit.visitor.name}, {visit.when}"
        found.append((label, f"/visit {visit.visitor.name} {when}".strip()))
    return tuple(found)
