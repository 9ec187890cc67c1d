"""Answer -> plain text, for the console, `ask` and logs."""

from __future__ import annotations

import textwrap

from bot.answer import Answer, Item, Source


def render_text(answer: Answer) -> str:
    """A readable, plain rendering of an answer."""
    out = [answer.heading]
    if answer.summary:
        out.append(answer.summary)
    if answer.notice:
        out += ["", answer.notice]
    first = (answer.page - 1) * answer.page_size
    for number, item in enumerate(answer.items, start=first + 1):
        out += ["", *_item(number, item)]
    if answer.remaining:
        out += [
            "",
            f"…and {answer.remaining} more {answer.more_of}".rstrip()
            + " (ask again with “more” or use Show more in Slack)",
        ]
    if answer.suggestions:
        out += ["", "Try: " + " · ".join(s.query for s in answer.suggestions)]
    return "\n".join(out).rstrip() + "\n"


def _item(number: int, item: Item) -> list[str]:
    lines = [f"{number}. {item.title}"]
    quiet = " · ".join(x for x in (item.context, item.corroboration()) if x)
    if quiet:
        lines.append(f"   {quiet}")
    lines += [f"   {line}" for line in item.lines]
    if item.progress is not None:
        share = round(item.progress.share * 100)
        lines.append(f"   Progress: {item.progress.bar()}  {share}% of the target")
    if item.differs:
        values = " · ".join(
            f"{d.value} ({'; '.join(s.label() for s in d.sources[:3])})" for d in item.differs
        )
        lines.append(f"   Sources differ: {values}")
    if item.quote:
        lines += textwrap.wrap(
            f"“{item.quote}”", width=96, initial_indent="   ", subsequent_indent="    "
        )
    lines += [f"   • {bullet}" for bullet in item.bullets]
    if item.sources:
        lines.append("   Sources: " + "; ".join(_source(s) for s in item.sources))
    return lines


def _source(source: Source) -> str:
    """'Title (VNA, March 2, 2024) <https://…>': the link after the label when there is one."""
    return f"{source.label()} <{source.url}>" if source.url else source.label()
