"""CPU time of one kept answer on the request path, in process: Attaché's WSGI app against the bare
Bolt app, bench/load.py's command mix, every request's background work (the query log) included.

    python bench/request_cpu.py DATABASE_URL [--requests 1400] [--repeats 5]

The store at DATABASE_URL must exist (python -m store reseed). Prints, per app, the least over
--repeats of the process's CPU time (all threads, `time.process_time`) per request, waiting after
each batch until the app's pools are idle. CPU time, unlike wall time, is not inflated by the
neighbours of a shared machine; no HTTP server is involved (bench/scale.py measures that).
"""

from __future__ import annotations

import argparse
import os
import sys
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import load  # noqa: E402
from support import InProcessClient  # noqa: E402  (on sys.path through load)


def per_request_ms(
    client: InProcessClient, settle: Any, requests: int, response_url: str, threads: int = 1
) -> float:
    """CPU time per request, the requests sent by `threads` threads at once (as gthread would)."""

    def send(first: int) -> None:
        for index in range(first, requests, threads):
            command, text = load.COMMANDS[index % len(load.COMMANDS)]
            reply = client.command(command, text, response_url=response_url)
            if reply.status != 200:
                raise RuntimeError(f"{command} {text}: HTTP {reply.status}")

    started = time.process_time()
    senders = [threading.Thread(target=send, args=(first,)) for first in range(threads)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join()
    settle()
    return (time.process_time() - started) / requests * 1000


def over_http(database_url: str, seconds: float) -> int:
    """The Procfile's web line and the bare app under bench/load.py's load (8 in flight), as
    bench/scale.py runs them: the gunicorn workers' CPU time per request."""
    import tempfile

    import scale

    fake = load.start_fake_slack()
    with tempfile.TemporaryDirectory() as tmp:
        runs = {
            "Attaché": (
                load.web_line(),
                load.web_env(database_url, fake.url, load.free_port()),
                load.healthy,
            ),
            "bare Bolt": (
                scale.bare_line(),
                scale.bare_env(load.web_env(database_url, fake.url, load.free_port())),
                scale.answers_ready,
            ),
        }
        for name, (line, env, ready) in runs.items():
            http = scale.http_run(
                line, env, Path(tmp) / "log", fake.response_url("cpu"), seconds, 8, ready
            )
            print(
                f"{name}: {http.cpu_ms_per_request:.2f} ms worker CPU a request, "
                f"{http.throughput:.0f}/s, p99 {http.p99_ms:.0f} ms, errors {http.errors}"
            )
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("database_url")
    parser.add_argument("--requests", type=int, default=1400)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--threads", type=int, default=1, help="requests in flight at once")
    parser.add_argument(
        "--http", type=float, metavar="SECONDS", help="instead: the web line under load, each app"
    )
    args = parser.parse_args()
    if args.http:
        return over_http(args.database_url, args.http)
    fake = load.start_fake_slack()
    os.environ.update(load.web_env(args.database_url, fake.url, 0))
    os.environ["LOG_LEVEL"] = "WARNING"
    from bare_bolt import application as bare

    from bot.slack.wsgi import application as attache

    response_url = fake.response_url("cpu")
    apps = {
        "Attaché": (attache, lambda: attache.background.wait_idle(30)),
        "bare Bolt": (bare, lambda: None),
    }
    best: dict[str, float] = {}
    for application, settle in apps.values():
        client = InProcessClient(application)
        per_request_ms(client, settle, len(load.COMMANDS) * 2, response_url)  # warm-up
    for _ in range(args.repeats):
        for name, (application, settle) in apps.items():
            client = InProcessClient(application)
            ms = per_request_ms(client, settle, args.requests, response_url, args.threads)
            best[name] = min(best.get(name, ms), ms)
    for name, ms in best.items():
        print(
            f"{name}: {ms:.3f} ms CPU a request (least of {args.repeats} × {args.requests}, "
            f"{args.threads} at once)"
        )
    print(f"ratio of CPU, bare / Attaché: {best['bare Bolt'] / best['Attaché']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
