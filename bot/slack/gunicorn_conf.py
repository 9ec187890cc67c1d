"""gunicorn's settings for the Procfile's web line (`gunicorn -c python:bot.slack.gunicorn_conf`)."""

from __future__ import annotations

import sys

from bot.config import ConfigError, Settings

# gunicorn >= 25 opens a control socket under $HOME unless told not to; older versions ignore this.
control_socket_disable = True

# Threads, not one sync worker per request: a client that sends its headers and then stalls holds
# one thread (until the app gives up on its body, bot.slack.web.BODY_SECONDS), not a whole worker,
# and gthread waits for a request's first bytes in its event loop, so idle connections cost no
# thread at all. The app is thread-safe: it already answers on thread pools.
worker_class = "gthread"
threads = 8
# A worker whose main loop stops answering is killed and replaced, as with sync workers; the
# app bounds its own waits (database, Slack's Web API, request bodies) well within this.
timeout = 30
# Slack opens a new connection for most requests; a short keep-alive frees idle ones soon.
keepalive = 5


def on_starting(server: object) -> None:
    """Check the settings once, in the master, so a missing variable is one line, not N workers."""
    try:
        Settings.from_env().require("SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN")
    except ConfigError as error:
        print(f"configuration error: {error}", file=sys.stderr, flush=True)
        raise SystemExit(2) from None
