"""Fixtures shared by every test package: stores on each available backend.

SQLite always; PostgreSQL too when TEST_DATABASE_URL names a server (each store then gets a
database of its own, dropped at the end of the session).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
from support import FakeSlack, start_fake_slack
from support.databases import drop_databases

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "").strip()
BACKENDS = ["sqlite", *(["postgresql"] if TEST_DATABASE_URL else [])]

MakeUrl = Callable[[str], str]


def pytest_report_header() -> str:
    if TEST_DATABASE_URL:
        return (
            f"store backends: sqlite, postgresql ({make_url(TEST_DATABASE_URL).render_as_string()})"
        )
    return "store backends: sqlite (PostgreSQL tests skipped: TEST_DATABASE_URL is not set)"


@pytest.fixture(scope="session")
def make_store_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[str], MakeUrl]]:
    """make_store_url(backend)(name) -> the URL of a new, empty store on that backend."""
    created: list[str] = []
    admin = (
        create_engine(TEST_DATABASE_URL, isolation_level="AUTOCOMMIT")
        if TEST_DATABASE_URL
        else None
    )

    def for_backend(backend: str) -> MakeUrl:
        def make(name: str) -> str:
            if backend == "sqlite":
                return f"sqlite:///{tmp_path_factory.mktemp(name) / 'store.db'}"
            if admin is None:
                pytest.skip("PostgreSQL: TEST_DATABASE_URL is not set")
            database = f"attache_test_{name}_{uuid.uuid4().hex[:8]}".lower()
            with admin.connect() as connection:
                connection.execute(text(f'CREATE DATABASE "{database}"'))
            created.append(database)
            return (
                make_url(TEST_DATABASE_URL)
                .set(database=database)
                .render_as_string(hide_password=False)
            )

        return make

    yield for_backend
    if admin is not None:
        drop_databases(admin, created)
        admin.dispose()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """Each store backend the suite can reach."""
    return str(request.param)


@pytest.fixture
def own_store_url(backend: str, make_store_url: Callable[[str], MakeUrl], tmp_path: Path) -> str:
    """The URL of this test's own empty store on each backend (SQLite: tmp_path/store.db)."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return make_store_url(backend)("own")


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def fake_slack() -> Iterator[FakeSlack]:
    """The Slack Web API on loopback, shared by the session (tests reset it: `fake_slack.reset()`)."""
    fake = start_fake_slack()
    yield fake
    fake.server.shutdown()
    fake.server.server_close()
