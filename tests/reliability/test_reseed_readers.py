"""Queries while reseeds alternate between two seed folders: never a failure, never a mix.

The seeds (five documents: To Lam's state visit, Luong Cuong's trip) and tests/data (three
documents: Park Sung-ho's visit, Tran Minh Khoa's trip) share no visit, so any mix shows.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from fault_tools import Asker, answers, rounds, run_reseed
from sqlalchemy import func, select

from store import fact_models as fm
from store import models as m
from store.db import Store

# Every answer is read in one session: each must be one folder's answer, whole.
EXACT = (
    "/visit",
    "/search Busan",
    "/search statue",
    "/commitment trade",
    "/who lee",
    "/who Tran Minh Khoa",
    "/figure trade",
    "/visit august",
    "when did To Lam visit Korea?",
)
# Answers that must never fail.
LOOSE = ("hello",)

Facts = tuple[int, tuple[str, ...], str]


def facts(store: Store) -> Facts:
    """Within one session: the documents, the visitors, and the summary the reseed wrote."""
    with store.session() as session:
        documents = session.scalar(select(func.count()).select_from(m.Document)) or 0
        visitors = session.scalars(
            select(fm.Person.name)
            .join(fm.Visit, fm.Visit.visitor_id == fm.Person.id)
            .order_by(fm.Person.name)
        ).all()
        summary = session.scalars(select(m.Meta.value).where(m.Meta.key == "summary")).one()
    counted = json.loads(summary).get("documents")
    return documents, tuple(visitors), "ok" if counted == documents else summary


def probe(store: Store, allowed: set[Facts]) -> Callable[[], str | None]:
    def check() -> str | None:
        seen = facts(store)
        return None if seen in allowed else f"one session saw a mix: {seen}"

    return check


def alternate(url: str, references: dict[Path, str], count: int) -> None:
    """Reseed url from each folder of references in turn, count times, while a thread asks."""
    store = Store.open(url)
    folders = list(references)
    expected = [answers(Store.open(references[folder]), EXACT) for folder in folders]
    allowed = {facts(Store.open(references[folder])) for folder in folders}
    assert len(allowed) == 2 and all(f[2] == "ok" for f in allowed)
    asker = Asker(store, {q: {e[q] for e in expected} for q in EXACT}, LOOSE, probe(store, allowed))
    asker.start()
    try:
        for index in range(count):
            done = run_reseed(url, folders[(index + 1) % 2])
            assert done.returncode == 0, done.stderr
    finally:
        asker.stop()
    assert asker.failures == [], "\n\n".join(asker.failures[:3])
    assert min(asker.seen.values()) > 0 and len(asker.seen) == len(EXACT) + len(LOOSE) + 1


def test_queries_during_alternating_reseeds(seeded_url: str, references: dict[Path, str]) -> None:
    alternate(seeded_url, references, count=4)


@pytest.mark.slow
def test_queries_during_many_alternating_reseeds(
    seeded_url: str, references: dict[Path, str]
) -> None:
    alternate(seeded_url, references, count=rounds("ATTACHE_KILL_ROUNDS", 40))
