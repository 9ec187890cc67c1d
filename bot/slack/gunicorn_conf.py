"""gunicorn's settings for the Procfile's web line (`gunicorn -c python:bot.slack.gunicorn_conf`)."""

from __future__ import annotations

import sys

from bot.config import ConfigError, Settings

# gunicorn >= 25 opens a control socket under $HOME unless told not to; older versions ignore this.
control_socket_disable = True


def on_starting(server: object) -> None:
    """Check the settings once, in the master, so a missing variable is one line, not N workers."""
    try:
        Settings.from_env().require("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN")
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr, flush=True)
        raise SystemExit(2) from None
