"""Benchmark: `ask` cold start-up, and in-process answer time per command (p50, p99).

    python bench/answers.py [--seeds DIR] [--rounds N]

Builds a throwaway store from the seeds, then prints one line per measurement.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
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
    return [wall for wall, _cpu in cold_start_times(database_url, runs, query)]


def cold_start_times(
    database_url: str, runs: int, query: str = "/commitment trade"
) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of `python -m bot ask QUERY` in a new process, runs times; the CPU
    (user + system of the child) is what neighbours on a shared machine do not inflate.

    The project's bytecode is compiled first, as an installed or deployed copy has it (pip
    compiles an installed package; a running app writes __pycache__ on its first start): with
    PYTHONDONTWRITEBYTECODE set, as on the development machines, every start would otherwise
    compile the project's modules from source, which no user's start does.
    """
    compileall.compile_dir(ROOT / "bot", quiet=1)
    compileall.compile_dir(ROOT / "store", quiet=1)
    env = {**os.environ, "DATABASE_URL": database_url}
    times = []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "bot", "ask", query],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        wall = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        times.append((wall, cpu))
    return times


def answer_times(database_url: str, rounds: int, cached: bool = False) -> dict[str, list[float]]:
    """Seconds per in-process answer, by command, after warm-up answers (as a running worker).

    Each answer is computed afresh unless cached: a worker keeps answers per store build, so a
    repeated question costs a dictionary look-up; the figures measure the work behind a new one.
    """
    return {
        c: [wall for wall, _cpu in t]
        for c, t in answer_cpu_times(database_url, rounds, cached).items()
    }


def answer_cpu_times(
    database_url: str, rounds: int, cached: bool = False
) -> dict[str, list[tuple[float, float]]]:
    """(wall, CPU) seconds per in-process answer, by command: the CPU time (this process's own,
    time.process_time) is what the neighbours on a shared machine do not inflate."""
    from bot.core import ask
    from bot.dispatch import clear_cache
    from bot.knowledge import settle_after_builds
    from store.db import Store

    settle_after_builds()  # as gunicorn's post_fork does in a served worker
    store = Store.open(database_url)
    # As a running worker: the knowledge read, each command's module imported, the meaning
    # model loaded (a worker loads it at start), before anything is measured.
    for queries in QUERIES.values():
        ask(store, queries[0])
    measured: dict[str, list[tuple[float, float]]] = {}
    for command, queries in QUERIES.items():
        times = measured.setdefault(command, [])
        for _ in range(rounds):
            for query in queries:
                if not cached:
                    clear_cache()
                started, cpu = time.perf_counter(), time.process_time()
                ask(store, query)
                times.append((time.perf_counter() - started, time.process_time() - cpu))
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
