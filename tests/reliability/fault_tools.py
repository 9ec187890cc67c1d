"""Helpers for the fault tests: answers as text, the reseed command, a thread that keeps asking."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.core import ask
from bot.text import render_text
from store.db import Store

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
DATA = ROOT / "tests" / "data"


@dataclass(frozen=True)
class Built:
    """A store built once for the session, copied by tests that need their own."""

    seeds: Path
    path: Path
    seconds: float  # how long `python -m store reseed` took to build it

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"

    def copy_to(self, path: Path) -> str:
        """A copy of this store at path (its folder made), and its URL."""
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.path, path)
        return f"sqlite:///{path}"


def rounds(variable: str, default: int) -> int:
    """A loop count from the environment (the slow runs), else default."""
    value = os.environ.get(variable, "").strip()
    return max(1, int(value)) if value else default


def answers(store: Store, queries: Iterable[str]) -> dict[str, str]:
    """Each query's answer as the console shows it."""
    return {query: render_text(ask(store, query)) for query in queries}


def cli_env(database_url: str) -> dict[str, str]:
    """The environment of `python -m store …` for one store, whatever the caller's .env says."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SEEDS_DIR")}
    env["DATABASE_URL"] = database_url
    return env


def reseed_command(seeds: Path) -> list[str]:
    return [sys.executable, "-m", "store", "reseed", "--seeds", str(seeds)]


def run_reseed(database_url: str, seeds: Path) -> subprocess.CompletedProcess[str]:
    """`python -m store reseed --seeds DIR`, as an operator runs it."""
    return subprocess.run(
        reseed_command(seeds),
        cwd=ROOT,
        env=cli_env(database_url),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def leftovers(store_file: Path) -> list[Path]:
    """Half-written stores of killed reseeds beside store_file."""
    return sorted(store_file.parent.glob(store_file.name + ".building-*"))


class Asker(threading.Thread):
    """Asks every query in turn until stopped, checking each answer as it comes.

    exact: query -> the answers it may have (one per seed folder), compared whole.
    loose: queries that must only be answered (no exception, never the "error" intent).
    probe: an extra check run in the loop too, returning what is wrong or None.
    """

    def __init__(
        self,
        store: Store,
        exact: dict[str, set[str]],
        loose: tuple[str, ...] = (),
        probe: Callable[[], str | None] | None = None,
    ) -> None:
        super().__init__(daemon=True)
        self.store, self.exact, self.loose, self.probe = store, exact, loose, probe
        self.failures: list[str] = []
        self.seen: Counter[str] = Counter()
        self.done = threading.Event()

    def run(self) -> None:
        queries = [*self.exact, *self.loose]
        while not self.done.is_set() and len(self.failures) < 20:
            for query in queries:
                self._check(query)
            if self.probe is not None:
                problem = self.probe()
                self.seen["probe"] += 1
                if problem:
                    self.failures.append(problem)

    def _check(self, query: str) -> None:
        try:
            answer = ask(self.store, query)
        except Exception as error:
            self.failures.append(f"{query!r} raised {type(error).__name__}: {error}")
            return
        if answer.intent == "error":
            self.failures.append(f"{query!r} was answered with {answer.notice!r}")
        elif query in self.exact and render_text(answer) not in self.exact[query]:
            self.failures.append(
                f"{query!r} got an answer of neither store:\n{render_text(answer)}"
            )
        self.seen[query] += 1

    def stop(self) -> None:
        self.done.set()
        self.join(timeout=60)
