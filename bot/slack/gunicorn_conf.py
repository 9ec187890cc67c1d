"""gunicorn's settings for the Procfile's web line (`gunicorn -c python:bot.slack.gunicorn_conf`).

`python -m bot serve` applies the same settings, so both ways of serving behave alike.
"""

from __future__ import annotations

import logging
import sys
from typing import Any

from bot.config import ConfigError, Settings, web_concurrency

# gunicorn >= 25 opens a control socket under $HOME unless told not to; older versions ignore this.
control_socket_disable = True

try:
    # WEB_CONCURRENCY as Heroku sets it per dyno size, else 2; --workers on the command line wins.
    workers = web_concurrency()
except ConfigError as error:
    print(f"configuration error: {error}", file=sys.stderr, flush=True)
    raise SystemExit(2) from None

# Heroku sends SIGTERM, then SIGKILL 30 s later: a worker stops taking requests at once and has
# this long to finish what it started (answers still on their way through the Web API).
graceful_timeout = 25
DRAIN_SECONDS = 20  # the part of graceful_timeout a worker spends waiting for work after the ack

# Threads, not one sync worker per request: a client that sends its headers and then stalls holds
# one thread (until the app gives up on its body, bot.slack.body.BODY_SECONDS), not a whole worker,
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


def post_fork(server: object, worker: Any) -> None:
    """A served worker keeps each build of the store out of the cycle collector's full passes."""
    from bot.knowledge import settle_after_builds

    settle_after_builds()


def worker_exit(server: object, worker: Any) -> None:
    """A stopping worker finishes the work it acknowledged (replies, uploads) before it goes."""
    background = getattr(getattr(worker, "wsgi", None), "background", None)
    if background is None:
        return
    if background.wait_idle(DRAIN_SECONDS):
        logging.getLogger(__name__).info("worker %s stopped with nothing left to do", worker.pid)
    else:
        logging.getLogger(__name__).warning(
            "worker %s stopped with work unfinished after %s s", worker.pid, DRAIN_SECONDS
        )
