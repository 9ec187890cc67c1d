"""`attache [console|ask|serve|socket|reseed]` (also `python -m bot …`): the bot's command line.

Installed, `attache` works from any folder: the store, the seeds and .env are those of the working
directory (./var, ./seeds, ./.env) unless DATABASE_URL and SEEDS_DIR say otherwise. Imports no
Slack at the top.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys

from bot.config import ConfigError, Settings, web_concurrency
from bot.core import answer_safely
from bot.text import render_text
from store import collector
from store.db import Store
from store.errors import StoreError

logger = logging.getLogger("bot")


def command_line() -> argparse.ArgumentParser:
    """The commands and their options (the README's `attache` table lists the same)."""
    parser = argparse.ArgumentParser(
        prog=_program(), description="Attaché: answers about Vietnam – RoK relations."
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("console", help="answer questions typed at a prompt (the default)")
    ask = commands.add_parser("ask", help="answer one query offline")
    ask.add_argument("--json", action="store_true", help="print the Slack message payload")
    ask.add_argument(
        "--page", type=_page, default=1, help="which page of a long answer (default 1)"
    )
    ask.add_argument("query", help='a slash command line ("/visit august") or free text')
    serve = commands.add_parser("serve", help="HTTP mode: POST /slack/events, GET /healthz")
    serve.add_argument("--port", type=int, help="port (default: $PORT, else 3000)")
    commands.add_parser("socket", help="Socket Mode, for development")
    reseed = commands.add_parser("reseed", help="rebuild the store (as python -m store reseed)")
    reseed.add_argument("--seeds", help="folder of *.txt documents (default: $SEEDS_DIR or seeds/)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = command_line()
    args = parser.parse_args(argv)
    if args.command == "reseed":
        from store.__main__ import main as store_main

        return store_main(["reseed", *(["--seeds", args.seeds] if args.seeds else [])])
    try:
        settings = Settings.from_env()
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=settings.log_level if args.command in ("serve", "socket") else "WARNING",
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    command = args.command or "console"
    try:
        if command == "serve":
            return _serve(settings, args.port)
        if command == "socket":
            return _socket(settings)
        store = _seeded_store(settings)
        if command == "ask":
            return _ask(store, args.query, args.json, args.page)
        return _console(store)
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    except StoreError as error:
        print(f"store error: {error}", file=sys.stderr)
        return 1


def _program() -> str:
    """How the user called us, for usage lines: the installed command or the module."""
    return "attache" if os.path.basename(sys.argv[0]) == "attache" else "python -m bot"


def _seeded_store(settings: Settings) -> Store:
    """The store, built from the seeds first when there is none yet."""
    store = Store.open(settings.database_url)
    if not store.exists():
        from store.reseed import reseed  # only a first run pays for importing the pipeline

        print(f"Seeding the store from {settings.seeds_dir} …", file=sys.stderr)
        reseed(settings.database_url, settings.seeds_dir)
    return store


def _page(raw: str) -> int:
    """A page number for --page: a whole number from 1 (argparse reports anything else)."""
    if not raw.isdigit() or not 1 <= int(raw) <= 1000:
        raise argparse.ArgumentTypeError(f"{raw!r} is not a page number from 1 to 1000")
    return int(raw)


def _ask(store: Store, query: str, as_json: bool, page: int = 1) -> int:
    # One answer, and a new process ends: the cycle collector's full passes over everything just
    # imported and read would cost this start ~90 ms at 10,000 documents, to free nothing.
    with collector.paused():
        answer = answer_safely(store, query, page)
    if as_json:
        from bot.slack.blocks import render_blocks

        print(json.dumps(render_blocks(answer), ensure_ascii=False))
    else:
        print(render_text(answer), end="")
    return 0


def _console(store: Store) -> int:
    print(
        "Attaché — ask about Vietnam – RoK relations (/commitment trade, /visit august, /who lee, "
        "or a question). Type quit to leave."
    )
    interactive = sys.stdin.isatty()
    last = ""
    page = 1
    while True:
        try:
            line = input("attaché> " if interactive else "")
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        line = line.strip()
        if line.lower() in ("quit", "exit", "/quit"):
            return 0
        if not line:
            continue
        if line.lower() in ("more", "next") and last:
            page += 1
        else:
            last, page = line, 1
        if not interactive:
            print(f"> {line}")
        print(render_text(answer_safely(store, last, page)))


def _serve(settings: Settings, port: int | None) -> int:
    settings.require("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN")
    web_concurrency()  # before gunicorn is imported: it reads WEB_CONCURRENCY without a check
    if not os.environ.get("WEB_CONCURRENCY", "").strip():
        os.environ.pop("WEB_CONCURRENCY", None)  # empty (from .env): gunicorn would fail on it
    from bot.slack.serve import run_http

    run_http(settings, port or int(os.environ.get("PORT", "") or 3000))
    return 0


def _socket(settings: Settings) -> int:
    settings.require("SLACK_APP_TOKEN", "SLACK_BOT_TOKEN")
    from bot.slack.socket_mode import run_socket

    run_socket(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
