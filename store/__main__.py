"""`python -m store reseed [--seeds DIR]`: rebuild the store from a folder of documents."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import make_url

from store.errors import StoreError
from store.reseed import reseed
from store.settings import SettingsError, StoreSettings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m store", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    reseed_parser = commands.add_parser("reseed", help="rebuild the store from documents")
    reseed_parser.add_argument(
        "--seeds", type=Path, help="folder of *.txt documents (default: $SEEDS_DIR or seeds/)"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = StoreSettings.from_env()
    except SettingsError as error:
        print(f"configuration error: {error}", file=sys.stderr)
        return 2
    seeds = args.seeds or settings.seeds_dir
    try:
        summary = reseed(settings.database_url, seeds, progress=_progress_on_terminal())
    except (StoreError, ValueError) as error:
        print(f"reseed failed: {error}", file=sys.stderr)
        return 1
    shown = make_url(settings.database_url).render_as_string(hide_password=True)
    print(f"reseeded {shown} from {seeds}")  # a deploy log shows this line: no password
    print("\n".join(summary.lines()))
    return 0


def _progress_on_terminal() -> Callable[[str], None] | None:
    """Progress lines on stderr when a person is watching; nothing in logs and pipes."""
    if not sys.stderr.isatty():
        return None
    started = time.monotonic()
    return lambda line: print(f"[{time.monotonic() - started:5.1f} s] {line}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
