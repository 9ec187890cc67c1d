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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [
    str(ROOT),
    str(ROOT / "tests"),
]  # tests/support: the fake Web API, the signing client

from support import BOT_TOKEN, SIGNING_SECRET, SlackClient, start_fake_slack  # noqa: E402

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


def release(database_url: str, seeds: Path) -> str:
    """The Procfile's release step (`python -m store reseed`) into database_url; its output."""
    env = {**os.environ, "DATABASE_URL": database_url}
    command = [sys.executable, "-m", "store", "reseed", "--seeds", str(seeds)]
    done = subprocess.run(command, cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return done.stdout


def web_env(database_url: str, api_url: str, port: int) -> dict[str, str]:
    """The environment the web line runs with: the store, the fake Web API, the test secrets."""
    return {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "DATABASE_URL": database_url,
        "PORT": str(port),
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_APP_TOKEN": "",
        "SLACK_API_URL": api_url,
        "ADMIN_USER_IDS": "",
        "LOG_LEVEL": "INFO",
    }


@contextlib.contextmanager
def serving(
    command: str,
    env: dict[str, str],
    log: Path,
    ready: Callable[[SlackClient], bool] = healthy,
) -> Iterator[tuple[subprocess.Popen[bytes], SlackClient]]:
    """Run command (a Procfile-style line, through sh) on env["PORT"] until the block ends.

    Yields once ready(client) holds; raises RuntimeError with the log when it never does.
    """
    with open(log, "wb") as sink:
        process = subprocess.Popen(
            ["sh", "-c", command],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    client = SlackClient("127.0.0.1", int(env["PORT"]))
    try:
        deadline = time.monotonic() + BOOT_SECONDS
        while not ready(client):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the web process did not start:\n{log.read_text()}")
            time.sleep(0.1)
        yield process, client
    finally:
        stop(process)


def run_load(
    client: SlackClient,
    response_url: str,
    duration: float,
    concurrency: int,
    warmup: float = 2.0,
) -> tuple[Tally, float]:
    """Warm both workers up for warmup seconds, then load for duration; the tally and seconds."""
    hammer(client, response_url, warmup, 4)
    started = time.monotonic()
    tally = hammer(client, response_url, duration, concurrency)
    return tally, time.monotonic() - started


@dataclass
class LoadResult:
    count: int
    seconds: float
    latencies: list[float]
    errors: int
    failures: dict[str, int]
    fives: int
    deferred: int

    @classmethod
    def of(cls, tally: Tally, seconds: float) -> LoadResult:
        fives = sum(n for status, n in tally.statuses.items() if status >= 500)
        return cls(
            len(tally.latencies),
            seconds,
            tally.latencies,
            sum(tally.failures.values()),
            dict(tally.failures),
            fives,
            tally.deferred,
        )

    @property
    def throughput(self) -> float:
        return self.count / self.seconds

    def ms(self, share: float) -> float:
        return percentile(self.latencies, share) * 1000 if self.latencies else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=float, default=60.0, help="seconds of load")
    parser.add_argument("--concurrency", type=int, default=32, help="requests in flight")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/attache.db"
        release(url, args.seeds)
        fake = start_fake_slack()
        log = Path(tmp) / "web.log"
        try:
            with serving(web_line(), web_env(url, fake.url, free_port()), log) as (_, client):
                tally, elapsed = run_load(
                    client, fake.response_url("load"), args.duration, args.concurrency
                )
        except RuntimeError as error:
            print(error, file=sys.stderr)
            return 1
        finally:
            fake.server.shutdown()
        server_log = log.read_text(errors="replace")

    result = LoadResult.of(tally, elapsed)
    print(f"web line: {web_line()}")
    print(f"load: {args.concurrency} concurrent, {elapsed:.1f} s, commands {len(COMMANDS)} mixed")
    print(f"requests: {result.count} ({result.throughput:.1f}/s)")
    print(
        "latency: "
        + ", ".join(
            f"{name} {result.ms(share):.0f} ms"
            for name, share in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0))
        )
    )
    errors = result.errors
    print(f"errors: {errors} {json.dumps(result.failures) if errors else ''}".rstrip())
    print(f"5xx: {result.fives}")
    print(f"answered later through the response_url: {result.deferred}")
    print(
        f"server log: {server_log.count(' ERROR ')} ERROR lines, {server_log.count('Traceback')} tracebacks"
    )
    return 1 if errors or result.fives else 0


if __name__ == "__main__":
    sys.exit(main())
