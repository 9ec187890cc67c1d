"""The state store's schema history: a state made before Alembic, with rows in it, is upgraded
in place and keeps every row; the newest revision matches the models; workers starting together
migrate once; a state from a newer release is refused with a clear reason."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from store.state import StateStore, StateUnavailable, migrate, state_url
from store.state.querylog import Asked
from store.state.schema import StateBase

LEGACY = Path(__file__).resolve().parent


@pytest.fixture
def store_url(backend: str, make_store_url: Callable[[str], Callable[[str], str]]) -> str:
    return make_store_url(backend)("state")


def _make_legacy_state(store_url: str) -> None:
    """A state database as the code before Alembic left it, with a row in every table."""
    engine = create_engine(state_url(store_url))
    legacy_sql = (LEGACY / f"legacy_state_{engine.dialect.name}.sql").read_text()
    statements = [s for s in legacy_sql.split(";") if s.strip().strip("-").strip()]
    with engine.begin() as connection:
        for statement in statements:
            body = "\n".join(
                line for line in statement.splitlines() if not line.startswith("--")
            ).strip()
            if body:
                connection.execute(text(body))
        connection.execute(
            text("INSERT INTO handled_events (event_id, handled_at) VALUES ('Ev-old', 1e10)")
        )
        connection.execute(
            text(
                "INSERT INTO uploaded_documents VALUES ('brief.txt', 'Hanoi and Seoul agreed.', "
                "'ab12', 23, 'U1', 1e9)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO query_log (at, user_hash, source, query, query_key, intent, score, "
                "results, empty, latency_ms, answer_id) VALUES (1e10, 'h1', 'command', "
                "'/visit august', '/visit august', 'visit', 100, 3, false, 12, 'a1')"
            )
        )
        connection.execute(
            text("INSERT INTO answer_votes VALUES ('a1', 'h1', '/visit august', 1, -1, 1e10)")
        )
        connection.execute(
            text(
                "INSERT INTO reseed_runs (started_at, finished_at, by, outcome, detail) "
                "VALUES (1e9, 1e9 + 5, 'U1', 'ok', '5 documents')"
            )
        )
        connection.execute(text("INSERT INTO state_meta VALUES ('query_log_salt', 'kept-salt')"))
    engine.dispose()


def test_a_state_made_before_alembic_is_upgraded_with_its_rows(store_url: str) -> None:
    _make_legacy_state(store_url)
    state = StateStore.open(store_url)
    with state.engine.connect() as connection:
        assert migrate.current(connection) == migrate.head()
    assert not state.claim_event("Ev-old")  # the handled event is still remembered
    assert [u.name for u in state.uploads.listing()] == ["brief.txt"]
    assert state.uploads.documents()[0].text == "Hanoi and Seoul agreed."
    assert state.queries.salt() == "kept-salt"
    assert [r.by for r in state.reseeds.latest()] == ["U1"]
    report = state.report(since=0)
    assert (report.questions, report.down) == (1, 1)
    assert report.voted_down[0].query == "/visit august"
    state.log_question(Asked("/who lee", "command", "who", 100, 1, False, 5, "a2"), "h2", 1e12)
    assert state.report(since=0).questions == 2


@pytest.mark.parametrize("start", ["empty", "legacy"])
def test_the_newest_revision_matches_the_models(store_url: str, start: str) -> None:
    """A model changed without a revision fails here: the history must say how to get there."""
    if start == "legacy":
        _make_legacy_state(store_url)
    engine = StateStore.open(store_url).engine
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"version_table": migrate.VERSION_TABLE, "compare_type": True}
        )
        assert compare_metadata(context, StateBase.metadata) == []


def test_opening_a_current_state_changes_nothing(store_url: str) -> None:
    StateStore.open(store_url).claim_event("Ev1")
    state = StateStore.open(store_url)
    assert not state.claim_event("Ev1")
    tables = set(inspect(state.engine).get_table_names())
    assert {t.name for t in StateBase.metadata.sorted_tables} | {migrate.VERSION_TABLE} <= tables


def _open_and_claim(store_url: str) -> bool:
    return StateStore.open(store_url).claim_event("Ev-race")


def test_workers_starting_together_migrate_once(store_url: str) -> None:
    _make_legacy_state(store_url)
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        won = pool.map(_open_and_claim, [store_url] * 3)
    assert sorted(won) == [False, False, True]
    engine = create_engine(state_url(store_url))
    with engine.connect() as connection:
        versions = connection.execute(text(f"SELECT * FROM {migrate.VERSION_TABLE}")).all()
    engine.dispose()
    assert versions == [(migrate.head(),)]


def test_a_state_from_a_newer_release_is_refused_with_the_reason(store_url: str) -> None:
    StateStore.open(store_url)
    engine = create_engine(state_url(store_url))
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE {migrate.VERSION_TABLE} SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StateUnavailable, match="revision 9999"):
        StateStore.open(store_url)
