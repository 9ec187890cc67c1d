from __future__ import annotations

import pytest

from bot.knowledge import Knowledge
from bot.router import clean_line, route


@pytest.mark.parametrize(
    ("line", "intent", "argument"),
    [
        ("/commitment trade", "commitment", "trade"),
        ("/commitments trde", "commitment", "trde"),
        ("/comitment labor", "commitment", "labor"),
        ("/visit", "visit", ""),
        ("/Visit August", "visit", "August"),
        ("/who lee", "who", "lee"),
        ("/figure visitors", "figure", "visitors"),
        ("/search statue", "search", "statue"),
        ("/zzzz trade", "help", "/zzzz trade"),
        ("what did they agree on trade?", "commitment", "trade"),
        ("What did they agree on labor?", "commitment", "labor"),
        ("when did To Lam visit Korea?", "visit", "To Lam"),
        ("when did tolam visit korea", "visit", "to lam"),
        ("who is Vu Ho", "who", "Vu Ho"),
        ("who is lee", "who", "lee"),
        ("how many Vietnamese live in Korea?", "figure", "live"),
        ("hello", "help", None),
        ("hi there", "help", None),
        ("thanks!", "help", None),
        ("", "help", None),
        ("???", "help", None),
        ("To Lam", "who", "To Lam"),
        ("semiconductors", "commitment", "semiconductors"),
        ("busan", "visit", "busan"),
        ("yonsei university", "search", "yonsei university"),
    ],
)
def test_routes(seeds_known: Knowledge, line: str, intent: str, argument: str | None) -> None:
    chosen = route(line, seeds_known)
    assert chosen.intent == intent
    if argument is not None:
        assert chosen.argument.lower() == argument.lower()


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("<@U123ABC> /visit october", "/visit october"),
        ("<!channel> hello", "hello"),
        ("see <https://example.com|this> now", "see this now"),
        ("in <#C123|general>", "in general"),
        ("tab\tand\x00nul\u200bzero", "tab and nul zero"),
    ],
)
def test_slack_markup_and_control_characters_are_removed(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean
