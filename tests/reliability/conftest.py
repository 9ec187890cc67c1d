"""Fixtures for the fault tests: stores built from the seeds and from generated corpora, the app.

The Slack helpers (fake Web API, signing client, the served app) come from tests/support.
"""

from __future__ import annotations

import importlib.util
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest
from fault_tools import DATA, SEEDS, Built, run_reseed
from support import SlackClient, serving, slack_settings
from support.fake_slack import FakeSlack

from store.db import Store
from store.reseed import reseed

ROOT = Path(__file__).resolve().parents[2]
CORPUS_DOCUMENTS = 300  # enough for a reseed of a second or more
MIN_RESEED_SECONDS = 1.5  # `python -m store reseed` from start to exit


def _generator() -> Callable[[int, Path, int], None]:
    spec = importlib.util.spec_from_file_location("bench_corpus", ROOT / "bench" / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module.generate


def _build_with_cli(folder: Path, store: Path) -> Built:
    started = time.monotonic()
    done = run_reseed(f"sqlite:///{store}", folder)
    assert done.returncode == 0, done.stderr
    return Built(folder, store, time.monotonic() - started)


@pytest.fixture(scope="session")
def seeds_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The five seed documents."""
    path = tmp_path_factory.mktemp("seeds-store") / "attache.db"
    reseed(f"sqlite:///{path}", SEEDS)
    return Built(SEEDS, path, 0.0)


@pytest.fixture(scope="session")
def data_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The three documents written for the tests (other people, other visits than the seeds)."""
    path = tmp_path_factory.mktemp("data-store") / "attache.db"
    reseed(f"sqlite:///{path}", DATA)
    return Built(DATA, path, 0.0)


@pytest.fixture(scope="session")
def references(
    backend: str,
    make_store_url: Callable[[str], Callable[[str], str]],
    seeds_built: Built,
    data_built: Built,
) -> dict[Path, str]:
    """The seeds and tests/data, each built once on this backend: what a store of them answers."""
    if backend == "sqlite":
        return {SEEDS: seeds_built.url, DATA: data_built.url}
    urls = {SEEDS: make_store_url(backend)("seeds"), DATA: make_store_url(backend)("data")}
    for folder, url in urls.items():
        reseed(url, folder)
    return urls


@pytest.fixture
def seeded_url(
    backend: str,
    make_store_url: Callable[[str], Callable[[str], str]],
    seeds_built: Built,
    store_file: Path,
) -> str:
    """This test's own store on this backend, holding the seeds."""
    if backend == "sqlite":
        return seeds_built.copy_to(store_file)
    url = make_store_url(backend)("own")
    reseed(url, SEEDS)
    return url


@pytest.fixture(scope="session")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> tuple[Built, Built]:
    """Two different generated corpora whose reseed takes a second or more, each built once."""
    generate = _generator()
    built: list[Built] = []
    count = CORPUS_DOCUMENTS
    for seed in (7, 8):
        while True:
            folder = tmp_path_factory.mktemp(f"corpus-{seed}-{count}")
            generate(count, folder, seed)
            candidate = _build_with_cli(folder, folder.parent / f"{folder.name}.db")
            if built or candidate.seconds >= MIN_RESEED_SECONDS or count >= 8 * CORPUS_DOCUMENTS:
                break
            count *= 2  # the pipeline got faster: a bigger corpus keeps the run long enough
        built.append(candidate)
    return built[0], built[1]


@pytest.fixture
def serve(
    fake_slack: FakeSlack,
) -> Callable[[str], AbstractContextManager[SlackClient]]:
    """serve(database_url): the WSGI app gunicorn would serve, on loopback, for one store."""

    @contextmanager
    def serving_store(database_url: str) -> Iterator[SlackClient]:
        settings = slack_settings(database_url, fake_slack, app_token=None)
        with serving(settings, settle=False) as client:
            yield client

    return serving_store


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    """Where a test's own store lives."""
    return tmp_path / "var" / "attache.db"


@pytest.fixture
def seeded(seeds_built: Built, store_file: Path) -> Store:
    """The test's own store, holding the seeds."""
    return Store.open(seeds_built.copy_to(store_file))
