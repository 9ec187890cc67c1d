"""The maintainers' views as Answer values: status, the uploaded documents, the weekly report."""

from __future__ import annotations

import time
from dataclasses import replace
from typing import Any

from bot.answer import Answer, Item
from bot.slack.home import status_line
from bot.slack.reseeding import Reseeder
from store.queries import StoreOverview
from store.state import StateStore
from store.state.report import LOW_CONFIDENCE, Counted, Report
from store.state.uploads import UploadInfo

LINES_PER_ITEM = 20
REPORT_DAYS = 7


def status_answer(
    facts: StoreOverview,
    uploads: tuple[list[UploadInfo], set[str] | None] | None,
    reseeder: Reseeder,
    state: StateStore | None,
) -> Answer:
    """Documents, facts per kind, the last reseed (when, by whom, how long, skipped files)."""
    summary: dict[str, Any] = dict(facts.summary or {})
    items = [
        Item(
            title="The store",
            lines=(
                f"{summary.get('passages', 0)} passages ({summary.get('off_topic_passages', 0)} "
                f"off-topic), {summary.get('sentences', 0)} sentences",
                f"{summary.get('people', 0)} people · {summary.get('visits', 0)} visits · "
                f"{summary.get('commitments', 0)} commitments on {summary.get('topics', 0)} topics"
                f" · {summary.get('figures', 0)} figures",
            ),
        ),
        _last_reseed(facts, summary),
    ]
    if uploads is not None:
        items.append(_uploads_line(*uploads))
    running = reseeder.running
    notice = status_line(facts)
    if running:
        notice += f" · a reseed started by {running.by} at {_when(running.since)} is running now"
    if state is not None:
        latest = _safe_latest(state)
        if latest and latest.outcome != "ok":
            notice += f" · the last reseed from Slack ({_when(latest.started_at)}) {latest.outcome}"
    return _answer("/attache status", "Attaché status", notice, items)


def _last_reseed(facts: StoreOverview, summary: dict[str, Any]) -> Item:
    skipped = list(summary.get("skipped") or [])
    took = f", took {float(summary.get('seconds') or 0):.1f} s" if "seconds" in summary else ""
    lines = (
        f"{facts.reseeded_at or 'unknown'} by {facts.reseeded_by or 'unknown'}{took}",
        f"{len(skipped)} files skipped",
    )
    bullets = tuple(f"{s.get('name')}: {s.get('reason')}" for s in skipped[:10])
    return Item(title="Last reseed", lines=lines, bullets=bullets)


def _uploads_line(uploads: list[UploadInfo], loaded: set[str] | None) -> Item:
    line = f"{_count(len(uploads), 'document')} uploaded from Slack"
    waiting = [u for u in uploads if loaded is not None and u.sha256 not in loaded]
    if waiting:
        line += f"; {len(waiting)} not in the store yet (`/attache reseed` loads them)"
    return Item(title="Uploads", lines=(line,))


def documents_answer(uploads: list[UploadInfo], loaded: set[str] | None) -> Answer:
    """Every uploaded document: size, when and by whom, and whether the store has it yet."""
    if not uploads:
        notice = (
            "No uploaded documents found. Send me a .txt file (or `add:` and the text) "
            "in a direct message to add one."
        )
        return _answer("/attache documents", "Uploaded documents", notice, [], empty=True)
    lines = []
    for upload in uploads:
        where = (
            "in the store"
            if loaded is not None and upload.sha256 in loaded
            else "not loaded yet: `/attache reseed`"
        )
        lines.append(
            f"{upload.name} — {upload.size:,} bytes, {_when(upload.uploaded_at)} "
            f"by {upload.uploaded_by}, {where}"
        )
    items = [
        Item(
            title=f"Uploads {n + 1}–{min(n + LINES_PER_ITEM, len(lines))}",
            lines=tuple(lines[n : n + LINES_PER_ITEM]),
        )
        for n in range(0, len(lines), LINES_PER_ITEM)
    ]
    notice = (
        f"{_count(len(uploads), 'document')} uploaded from Slack (seeds/ holds the rest). "
        "`/attache remove <name>` removes one."
    )
    return _answer("/attache documents", "Uploaded documents", notice, items)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def removed_answer(name: str, removed: bool, names: list[str]) -> Answer:
    """What `/attache remove <name>` did."""
    if removed:
        notice = f"Removed {name}. The answers drop it at the next `/attache reseed`."
        return _answer("/attache remove", "Upload removed", notice, [])
    if not name:
        notice = "Say which one: `/attache remove <name>` (`/attache documents` lists them)."
    else:
        notice = f"No upload named *{name}* found."
        if names:
            notice += " Uploads: " + ", ".join(names[:10]) + ("…" if len(names) > 10 else "")
    return _answer("/attache remove", "Nothing removed", notice, [], empty=bool(name))


def report_answer(report: Report) -> Answer:
    """The last week: most asked, unanswered, low-confidence routes, voted down; each with a count."""
    median = f" · median answer time {report.median_ms} ms" if report.median_ms is not None else ""
    summary = (
        f"{report.questions} questions from {report.people} people{median} · "
        f"{report.up} 👍 · {report.down} 👎"
    )
    items = [
        _counted("Most asked", report.most_asked),
        _counted("Unanswered (No … found)", report.unanswered),
        _counted(
            f"Low-confidence routes (score under {LOW_CONFIDENCE:.0f})", report.low_confidence
        ),
        _counted("Voted down 👎", report.voted_down),
    ]
    since = _when(report.since)
    answer = _answer("/attache report", f"What people asked since {since}", "", items)
    return replace(answer, summary=summary)


def _counted(title: str, rows: list[Counted]) -> Item:
    if not rows:
        return Item(title=title, lines=("none",))
    lines = tuple(
        f"{row.count} × {row.query}" + (f" ({row.note})" if row.note else "") for row in rows
    )
    return Item(title=title, lines=lines)


def report_since(now: float | None = None) -> float:
    return (time.time() if now is None else now) - REPORT_DAYS * 24 * 3600


def _answer(
    query: str, heading: str, notice: str, items: list[Item], empty: bool = False
) -> Answer:
    return Answer(
        query=query,
        intent="help",
        heading=heading,
        notice=notice,
        items=tuple(items),
        total=len(items),
        page_size=max(1, len(items)),
        empty=empty,
    )


def _safe_latest(state: StateStore) -> Any:
    from store.state import StateUnavailable

    try:
        latest = state.reseeds.latest(1)
    except StateUnavailable:
        return None
    return latest[0] if latest else None


def _when(epoch: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(epoch))
