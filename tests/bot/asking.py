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
ROOT = Path(__file__).resolve().parents[2]


def answers_over(make_url: Callable[[str], str], name: str, folder: Path) -> Asker:
    """A function answering a question over the folder's articles as Slack shows the answer:
    every text of its blocks, unescaped and lower-cased."""
    url = make_url(name)
    reseed(url, folder)
    store = Store.open(url)

    def asked(query: str) -> str:
        return html.unescape(" \n ".join(texts(render_blocks(ask(store, query))))).lower()

    return asked


def store_among_seeds(folder: Path, documents: dict[str, str]) -> Store:
    """A store of the invented documents among the seeds (whose words make the invented ones
    rare), built in folder with one process."""
    for seed in (ROOT / "seeds").glob("*.txt"):
        (folder / seed.name).write_text(seed.read_text("utf-8"), "utf-8")
    for name, text in documents.items():
        (folder / name).write_text(text, "utf-8")
    url = f"sqlite:///{folder / 'store.db'}"
    reseed(url, folder, processes=1)
    return Store.open(url)


def answer(store: Store, query: str) -> str:
    """The answer's texts as Slack shows them, one per line."""
    return "\n".join(texts(render_blocks(ask(store, query))))
