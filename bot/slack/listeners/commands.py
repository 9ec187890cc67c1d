"""Slash commands, answered in the ack itself: ephemeral, with a Share in channel button."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App

from bot.config import Settings
from bot.core import answer_safely
from bot.slack.attache import attache_answer, help_answer
from bot.slack.blocks import render_blocks
from bot.slack.payloads import user_of
from store.db import Store

COMMANDS = ("/commitment", "/visit", "/who", "/figure", "/search")
MAINTAINERS = "/attache"


def register(app: App) -> None:
    """The five question commands, /attache, then any other command."""
    for name in COMMANDS:
        app.command(name)(answer_command)
    app.command(MAINTAINERS)(answer_attache)
    app.command(re.compile(".*"))(answer_unknown_command)


def answer_command(ack: Ack, command: dict[str, Any], store: Store) -> None:
    """`/visit august` -> the core's answer to the line "/visit august"."""
    query = f"{command['command']} {command.get('text') or ''}".strip()
    answer = answer_safely(store, query)
    ack(response_type="ephemeral", **render_blocks(answer, shareable=True))


def answer_attache(ack: Ack, command: dict[str, Any], store: Store, settings: Settings) -> None:
    """/attache help|status|reseed|report."""
    text = command.get("text") or ""
    answer = attache_answer(store, text, user_of(command), settings.admin_user_ids)
    ack(response_type="ephemeral", **render_blocks(answer))


def answer_unknown_command(ack: Ack, command: dict[str, Any], store: Store) -> None:
    """A command the manifest does not list (renamed in the app settings?): say what exists."""
    notice = f"I don't know `{str(command.get('command'))[:40]}`."
    ack(response_type="ephemeral", **render_blocks(help_answer(store, notice)))
