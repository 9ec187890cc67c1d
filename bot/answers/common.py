"""Helpers every answer uses: sources, pages, the 'No … found' answer."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.answer import Answer, Item, Source, Suggestion
from bot.knowledge import Knowledge, routing
from store.db import Store
from store.queries import DocRef, Quote
from store.textutil import cut_at_clause, shorten


@dataclass(frozen=True)
class Context:
    """What an answer builder works with: the store, what it knows, the query and the page."""

    store: Store
    session: Session  # one session per answer: every read sees the same store
    known: Knowledge
    query: str
    argument: str
    page: int


def as_object(title: str) -> str:
    """A title as words in a follow-up question: "who signed raising two-way trade …?"."""
    title = title.removesuffix("…").rstrip(" ,;:")
    first = title.split(" ", 1)[0]
    return title[0].lower() + title[1:] if first[1:].islower() else title


def page_size() -> int:
    return int(routing()["page_size"])


def sources(quotes: Iterable[Quote]) -> tuple[Source, ...]:
    """One source per document, in the order first cited."""
    return document_sources(quote.document for quote in quotes)


def document_sources(documents: Iterable[DocRef]) -> tuple[Source, ...]:
    """One source per document, in the order given."""
    seen: dict[int, Source] = {}
    for doc in documents:
        if doc.id not in seen:
            seen[doc.id] = Source(
                title=cut_at_clause(doc.title, 90),
                document=doc.name,
                agency=doc.agency,
                date=doc.dated,
                url=doc.url,
            )
    return tuple(seen.values())


def paged(
    ctx: Context,
    intent: str,
    heading: str,
    items: Sequence[Item],
    summary: str = "",
    notice: str = "",
    suggestions: tuple[Suggestion, ...] = (),
    size: int | None = None,
) -> Answer:
    """An answer showing one page of items (of `size`, else the usual), saying how many in all."""
    _page, offset, size = page_window(ctx, len(items), size)
    shown = items[offset : offset + size]
    return one_page(ctx, intent, heading, shown, len(items), summary, notice, suggestions, size)


def page_window(ctx: Context, total: int, size: int | None = None) -> tuple[int, int, int]:
    """(page, offset, size) of the asked page, clamped to the pages there are."""
    size = size or page_size()
    pages = max(1, -(-total // size))
    page = min(max(1, ctx.page), pages)
    return page, (page - 1) * size, size


def one_page(
    ctx: Context,
    intent: str,
    heading: str,
    items: Sequence[Item],
    total: int,
    summary: str = "",
    notice: str = "",
    suggestions: tuple[Suggestion, ...] = (),
    size: int | None = None,
) -> Answer:
    """An answer whose items are already the asked page of `total`."""
    page, _offset, size = page_window(ctx, total, size)
    return Answer(
        query=ctx.query,
        intent=intent,
        heading=heading,
        summary=summary,
        notice=notice,
        items=tuple(items),
        total=total,
        page=page,
        page_size=size,
        suggestions=suggestions,
    )


def nothing_found(
    ctx: Context, intent: str, what: str, closest: Sequence[Suggestion], hint: str = ""
) -> Answer:
    """'No commitments found for *zzqqxx*.' and what does exist."""
    shown = shorten(ctx.argument, 80)
    notice = f"No {what} found for *{shown}*."
    if closest:
        notice += " Closest: " + ", ".join(s.label for s in closest) + "."
    if hint:
        notice += f" {hint}"
    return Answer(
        query=ctx.query,
        intent=intent,
        heading=f"No {what} found",
        notice=notice,
        suggestions=tuple(closest),
        empty=True,
    )


_LEADS_BACK = re.compile(
    r"^(?:it|he|she|they|this|these|that|those|the (?:company|group|firm|programme|program|project|agency|bank|club|team|move|deal|plant|event))\b",
    re.I,
)


def leads_back(text: str) -> bool:
    """Whether a sentence points back ("He also asked the agency…") to the one before it."""
    return _LEADS_BACK.match(text) is not None


def with_before(text: str, before: str | None) -> str:
    """A sentence, with the one before it in its paragraph when it points back to it."""
    return f"{before} {text}" if before and leads_back(text) else text
