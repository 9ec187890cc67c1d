"""Questions asked of a store built from a folder of articles written for a test module."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from payloads import texts

from bot.core import ask
from bot.slack.blocks import render_blocks
from store.db import Store
from store.reseed import reseed

Asker = Callable[[str], str]


def answers_over(make_url: Callable[[str], str], name: str, folder: Path) -> Asker:
    """A function answering a question over the folder's articles as Slack shows the answer:
    every text of its blocks, unescaped and lower-cased."""
    url = make_url(name)
    reseed(url, folder)
    store = Store.open(url)

    def asked(query: str) -> str:
        return html.unescape(" \n ".join(texts(render_blocks(ask(store, query))))).lower()

    return asked
