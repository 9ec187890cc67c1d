"""Benchmark: `ask` cold start-up, and in-process answer time per command (p50, p99).

    python bench/answers.py [--seeds DIR] [--rounds N]

Builds a throwaway store from the seeds, then prints one line per measurement.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = {
    "commitment": ["/commitment trade", "/commitment trde", "/commitment zzqqxx", "/commitment"],
    "visit": ["/visit august", "/visit agust", "/visit", "/visit busan"],
    "who": ["/who lee", "/who to lam", "/who pham minh chinh"],
    "figure": ["/figure trade", "/figure vietnamese living in korea"],
    "search": ["/search statue", "/search yonsei university"],
    "free text": ["what did they agree on labor?", "when did To Lam visit Korea?", "hello"],
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def cold_starts(database_url: str, runs: int, query: str = "/commitment trade") -> list[float]:
    """Seconds taken by `python -m bot ask QUERY` in a new process, runs times."""
    env = {**os.environ, "DATABASE_URL": database_url}
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", query],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return times


def answer_times(database_url: str, rounds: int, cached: bool = False) -> dict[str, list[float]]:
    """Seconds per in-process answer, by command, after one warm-up answer (as a running worker).

    Each answer is computed afresh unless cached: a worker keeps answers per store build, so a
    repeated question costs a dictionary look-up; the figures measure the work behind a new one.
    """
    from bot.core import ask
    from bot.dispatch import clear_cache
    from store.db import Store

    store = Store.open(database_url)
    ask(store, "/commitment trade")  # warm the knowledge cache, as a running worker has
    measured: dict[str, list[float]] = {}
    for command, queries in QUERIES.items():
        times = measured.setdefault(command, [])
        for _ in range(rounds):
            for query in queries:
                if not cached:
                    clear_cache()
                started = time.perf_counter()
                ask(store, query)
                times.append(time.perf_counter() - started)
    store.engine.dispose()
    return measured


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--cold", type=int, default=5, help="cold `ask` runs")
    args = parser.parse_args()

    from store.reseed import reseed

    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.db"
        started = time.perf_counter()
        summary = reseed(url, args.seeds)
        print(f"reseed: {summary.documents} documents in {time.perf_counter() - started:.2f} s")
        cold = cold_starts(url, args.cold)
        print(
            f"ask cold start (process, /commitment trade): median {statistics.median(cold) * 1000:.0f} ms, "
            f"max {max(cold) * 1000:.0f} ms"
        )
        for command, times in answer_times(url, args.rounds).items():
            print(
                f"{command:>10}: p50 {percentile(times, 0.5) * 1000:.2f} ms, "
                f"p99 {percentile(times, 0.99) * 1000:.2f} ms ({len(times)} answers)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
