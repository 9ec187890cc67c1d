"""Dates as people read them: 'August 10–13, 2025', 'October 30, 2025', 'August 2025'."""

from __future__ import annotations

from datetime import date


def visit_when(start: str | None, end: str | None, month: int | None, year: int | None) -> str:
    """The dates of a visit, as precisely as the store knows them."""
    if start:
        first = date.fromisoformat(start)
        last = date.fromisoformat(end) if end else first
        if first == last:
            return f"{first:%B} {first.day}, {first.year}"
        if first.month == last.month:
            return f"{first:%B} {first.day}–{last.day}, {first.year}"
        return f"{first:%B} {first.day} – {last:%B} {last.day}, {first.year}"
    if month:
        name = date(2000, month, 1).strftime("%B")
        return f"{name} {year}" if year else f"{name} (year unknown)"
    return str(year) if year else "date unknown"


def range_without_year(month: int, day: int, end_month: int, end_day: int) -> str:
    """'March 13–15 (year not stated)'."""
    first = date(2000, month, 1).strftime("%B")
    if (month, day) == (end_month, end_day):
        return f"{first} {day} (year not stated)"
    if month == end_month:
        return f"{first} {day}–{end_day} (year not stated)"
    return f"{first} {day} – {date(2000, end_month, 1):%B} {end_day} (year not stated)"


def day_text(day: str) -> str:
    """'2025-08-11' -> 'Aug 11'."""
    value = date.fromisoformat(day)
    return f"{value:%b} {value.day}"


def month_name(month: int | None) -> str:
    """'August' for 8; '' for none."""
    return date(2000, month, 1).strftime("%B") if month else ""
