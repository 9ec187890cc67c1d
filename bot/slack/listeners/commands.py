"""Slash commands, answered in the ack (or, past the budget, through the response_url):
ephemeral, with Share in channel and 👍/👎 buttons."""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.config import Settings
from bot.slack.asking import Timed, ack_in_time, kept_timed, log_soon, timed_answer
from bot.slack.attache import AttacheRequest, attache_answer, help_answer
from bot.slack.background import Background
from bot.slack.blocks import render_blocks
from bot.slack.payloads import user_of
from bot.slack.replies import follow_up, private
from bot.slack.reseeding import Reseeder
from store.db import Store
from store.state import StateStore

COMMANDS = ("/commitment", "/visit", "/who", "/figure", "/search")
MAINTAINERS = "/attache"


def register(app: App) -> None:
    """The five question commands, /attache, then any other command."""
    for name in COMMANDS:
        app.command(name)(answer_command)
    app.command(MAINTAINERS)(answer_attache)
    app.command(re.compile(".*"))(answer_unknown_command)


def answer_command(
    ack: Ack,
    command: dict[str, Any],
    respond: Respond,
    store: Store,
    state: StateStore | None,
    settings: Settings,
    background: Background,
) -> None:
    """`/visit august` -> the core's answer to the line "/visit august"; then the query log."""
    query = f"{command['command']} {command.get('text') or ''}".strip()
    render = partial(private, shareable=True)
    log = log_soon(state, settings, background, user_of(command), "command")
    work, kept = partial(timed_answer, store, query), partial(kept_timed, store, query)
    ack_in_time(ack, respond, background, work, render, then=log, kept=kept)


def answer_attache(
    ack: Ack,
    command: dict[str, Any],
    respond: Respond,
    client: WebClient,
    store: Store,
    state: StateStore | None,
    settings: Settings,
    background: Background,
    reseeder: Reseeder,
) -> None:
    """/attache help|status|reseed|report|documents|remove <name>."""
    user = user_of(command)
    request = AttacheRequest(
        store, settings, state, user, reseeder, background, follow_up(respond, client, user)
    )
    text = command.get("text") or ""
    ack_in_time(ack, respond, background, lambda: Timed(attache_answer(request, text), 0), private)


def answer_unknown_command(ack: Ack, command: dict[str, Any], store: Store) -> None:
    """A command the manifest does not list (renamed in the app settings?): say what exists."""
    notice = f"I don't know `{str(command.get('command'))[:40]}`."
    ack(response_type="ephemeral", **render_blocks(help_answer(store, notice)))
