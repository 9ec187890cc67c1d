"""CI's own steps: the README's test command first, the slow loops bounded, the audit loud."""

from __future__ import annotations

import importlib.util
import re
import socket
import sys
import uuid
from pathlib import Path
from types import ModuleType

import pytest
from fault_tools import ROOT

CI = ROOT / ".ci" / "run"


@pytest.fixture(scope="module")
def audit() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ci_audit", ROOT / ".ci" / "audit.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def commands() -> list[str]:
    script = CI.read_text().replace("\\\n", " ")
    return [line.strip() for line in script.splitlines() if line.strip() and line[0] != "#"]


def test_ci_runs_the_readme_test_command_first_then_the_slow_loops_bounded() -> None:
    readme = (ROOT / "README.md").read_text()
    command = re.search(r"^(\.venv/bin/python -m pytest -q)\s", readme, re.M)
    assert command, "the README's Development section names the test command"
    runs = [c for c in commands() if "-m pytest" in c]
    assert runs[0] == command.group(1).replace(".venv/", ".venv-ci/")
    assert "-m slow" in runs[1]
    assert "ATTACHE_KILL_ROUNDS=" in runs[1] and "ATTACHE_FUZZ_EXAMPLES=" in runs[1]
    assert commands()[-1].endswith(".ci/audit.py")


def test_slow_tests_are_not_in_the_default_run() -> None:
    assert "-m 'not slow'" in (ROOT / "pyproject.toml").read_text()


def test_a_vulnerability_fails_loudly(audit: ModuleType) -> None:
    report = {
        "dependencies": [
            {
                "name": "requests",
                "version": "2.0.0",
                "vulns": [{"id": "PYSEC-1", "fix_versions": ["2.1"]}],
            },
            {"name": "rapidfuzz", "version": "3.9.0", "vulns": []},
        ]
    }
    status, message = audit.verdict(report)
    assert status == 1
    assert "DEPENDENCY AUDIT FAILED" in message
    assert "requests 2.0.0: PYSEC-1 (fixed in 2.1)" in message


def test_a_clean_audit_passes(audit: ModuleType) -> None:
    report = {
        "dependencies": [
            {"name": "rapidfuzz", "version": "3.9.0", "vulns": []},
            {"name": "private", "skip_reason": "Dependency not found on PyPI"},
        ]
    }
    assert audit.verdict(report) == (
        0,
        "pip-audit: 1 packages audited, no known vulnerabilities, 1 not found on the index",
    )


def test_an_index_without_vulnerability_data_is_a_skip(audit: ModuleType) -> None:
    report = {"dependencies": [{"name": "rapidfuzz", "skip_reason": "not found"}]}
    status, message = audit.verdict(report)
    assert status == 0 and message.startswith("pip-audit skipped: no package index")


@pytest.fixture(scope="module")
def postgres() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ci_postgres", ROOT / ".ci" / "postgres.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ci_never_runs_without_postgresql() -> None:
    script = CI.read_text()
    assert "SQLite only" not in script
    up = next(c for c in commands() if ".ci/postgres.py up" in c)
    assert up.startswith("if !"), "a PostgreSQL that cannot be had stops CI"
    assert commands().index(next(c for c in commands() if "-m pytest" in c)) > commands().index(up)


def test_where_nothing_answers_ci_starts_its_own_postgresql(
    postgres: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TEST_DATABASE_URL", raising=False)
    with socket.socket() as closed:  # a loopback port nothing listens on
        closed.bind(("127.0.0.1", 0))
        nothing = f"postgresql+psycopg://postgres@127.0.0.1:{closed.getsockname()[1]}/test"
    folder = ROOT / f".ci-postgres-{uuid.uuid4().hex[:8]}"  # as CI: in the checkout (reachable by
    # the postgres user a root CI runs the server as; tmp_path is private to root)
    try:
        url = postgres.up(folder, usual=nothing)
        assert url != nothing and postgres.answers(url)
        assert (folder / "data" / "PG_VERSION").exists()
    finally:
        postgres.down(folder)
    assert not folder.exists()
    assert not postgres.answers(url)


def test_a_named_server_that_does_not_answer_stops_ci(
    postgres: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    monkeypatch.setenv("TEST_DATABASE_URL", f"postgresql+psycopg://postgres@127.0.0.1:{port}/x")
    with pytest.raises(SystemExit, match="no server answers"):
        postgres.up(tmp_path / "unused")
