"""Load: signed slash commands at the app started exactly as the Procfile's web line starts it.

    python bench/load.py [--duration 60] [--concurrency 32] [--seeds DIR]

Builds a throwaway store from the seeds (the Procfile's release step), starts a fake Slack Web API
on loopback, runs the Procfile's web line (gunicorn, two workers, $PORT) with DATABASE_URL,
SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and SLACK_API_URL pointing at them, waits for /healthz, then
sends a mix of /commitment, /visit, /who, /figure and /search from --concurrency threads for
--duration seconds. Prints requests/s, latency percentiles, errors and 5xx counts; exits 1 when
any request failed or got a 5xx.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "slack")]  # the fake Web API and signing client

from slack_fakes import BOT_TOKEN, SIGNING_SECRET, SlackClient, start_fake_slack  # noqa: E402

COMMANDS = [
    ("/commitment", "trade"),
    ("/commitment", "labour"),
    ("/commitment", "trde"),
    ("/visit", "august"),
    ("/visit", ""),
    ("/visit", "busan"),
    ("/who", "lee"),
    ("/who", "to lam"),
    ("/who", "pham minh chinh"),
    ("/figure", "trade"),
    ("/figure", "visitors"),
    ("/search", "statue"),
    ("/search", "yonsei university"),
    ("/search", "semiconductor supply chain"),
]
LOOKING = "Looking that up"  # the placeholder acked when an answer misses the ack budget
BOOT_SECONDS = 30


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    statuses: Counter[int] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)
    deferred: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, status: int, problem: str | None, deferred: bool) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.statuses[status] += 1
            self.deferred += deferred
            if problem:
                self.failures[problem] += 1


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def web_line() -> str:
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(line.split(": ", 1) for line in lines if line.strip())["web"]


def one(client: SlackClient, command: str, text: str, response_url: str, tally: Tally) -> None:
    started = time.perf_counter()
    status, problem, deferred = 0, None, False
    try:
        reply = client.command(command, text, response_url=response_url)
        status = reply.status
        if status != 200:
            problem = f"HTTP {status}"
        else:
            body = reply.json()
            deferred = LOOKING in str(body.get("text"))
            if not body.get("text") or not isinstance(body.get("blocks", []), list):
                problem = "not a message payload"
    except (OSError, ValueError) as error:
        problem = type(error).__name__
    tally.add(time.perf_counter() - started, status, problem, deferred)


def hammer(client: SlackClient, response_url: str, seconds: float, concurrency: int) -> Tally:
    tally = Tally()
    deadline = time.monotonic() + seconds
    mix = itertools.cycle(COMMANDS)
    mix_lock = threading.Lock()

    def worker() -> None:
        while time.monotonic() < deadline:
            with mix_lock:
                command, text = next(mix)
            one(client, command, text, response_url, tally)

    threads = [threading.Thread(target=worker, daemon=True) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def healthy(client: SlackClient) -> bool:
    try:
        return client.request("GET", "/healthz", timeout=1).status == 200
    except OSError:
        return False


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM to the process group started (sh, gunicorn, its workers), then SIGKILL."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        if process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--concurrency", type=int, default=32, help="requests in flight")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/attache.db"
        env = {
            **os.environ,
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
            "DATABASE_URL": url,
        }
        release = [sys.executable, "-m", "store", "reseed", "--seeds", str(args.seeds)]
        subprocess.run(release, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        fake = start_fake_slack()
        port = free_port()
        env.update(
            PORT=str(port),
            SLACK_BOT_TOKEN=BOT_TOKEN,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_APP_TOKEN="",
            SLACK_API_URL=fake.url,
            ADMIN_USER_IDS="",
            LOG_LEVEL="INFO",
        )
        log = Path(tmp) / "web.log"
        with open(log, "wb") as sink:
            process = subprocess.Popen(
                ["sh", "-c", web_line()],
                cwd=ROOT,
                env=env,
                stdout=sink,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        client = SlackClient("127.0.0.1", port)
        try:
            deadline = time.monotonic() + BOOT_SECONDS
            while not healthy(client):
                if process.poll() is not None or time.monotonic() > deadline:
                    print(f"the web process did not start:\n{log.read_text()}", file=sys.stderr)
                    return 1
                time.sleep(0.1)
            response_url = fake.response_url("load")
            hammer(client, response_url, 2.0, 4)  # warm up both workers
            started = time.monotonic()
            tally = hammer(client, response_url, args.duration, args.concurrency)
            elapsed = time.monotonic() - started
        finally:
            stop(process)
            fake.server.shutdown()
        server_log = log.read_text(errors="replace")

    count = len(tally.latencies)
    fives = sum(n for status, n in tally.statuses.items() if status >= 500)
    errors = sum(tally.failures.values())
    print(f"web line: {web_line()}")
    print(f"load: {args.concurrency} concurrent, {elapsed:.1f} s, commands {len(COMMANDS)} mixed")
    print(f"requests: {count} ({count / elapsed:.1f}/s)")
    print(
        "latency: "
        + ", ".join(
            f"{name} {percentile(tally.latencies, share) * 1000:.0f} ms"
            for name, share in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0))
        )
    )
    print(f"errors: {errors} {json.dumps(dict(tally.failures)) if errors else ''}".rstrip())
    print(f"5xx: {fives}")
    print(f"answered later through the response_url: {tally.deferred}")
    print(
        f"server log: {server_log.count(' ERROR ')} ERROR lines, {server_log.count('Traceback')} tracebacks"
    )
    return 1 if errors or fives else 0


if __name__ == "__main__":
    sys.exit(main())
