"""A partitioned PostgreSQL: packets swallowed, never refused (a loopback proxy that stops relaying).

The served app gives up on its own rather than hanging: GET /healthz says 503, a command gets
the apology (in its ack, or through its response_url after "Looking that up…"), a store session
reads "no store" and a state write raises StateUnavailable; once the link heals the same app
answers again without a restart. Nothing here measures speed: every wait is a generous hang guard
that fails the test instead of hanging it.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager

import pytest
from fault_tools import SEEDS
from netfaults import Blackhole, blackhole_in_front_of
from support import FakeSlack, SlackClient

from store.db import Store
from store.reseed import reseed
from store.state import StateStore, StateUnavailable

HANG_GUARD_SECONDS = 60.0  # only a hang takes this long; then the test fails instead of hanging
UNAVAILABLE = "The store is unavailable, try again shortly."
LOOKING = "Looking that up…"


@pytest.fixture(scope="module")
def pg_store(make_store_url: Callable[[str], Callable[[str], str]]) -> str:
    """A PostgreSQL store built from the seeds, reached directly."""
    url = make_store_url("postgresql")("partition")
    reseed(url, SEEDS)
    return url


@pytest.fixture
def proxy(pg_store: str) -> Iterator[Blackhole]:
    with blackhole_in_front_of(pg_store) as relay:
        yield relay


def _outcome(call: Callable[[], object]) -> object:
    """call()'s result, or the exception it raised; a call still running after the hang guard
    fails the test instead of hanging it."""
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(_result(call)), daemon=True)
    worker.start()
    worker.join(HANG_GUARD_SECONDS)
    assert outcome, f"hang guard: still waiting after {HANG_GUARD_SECONDS:.0f} s"
    return outcome[0]


def _result(call: Callable[[], object]) -> object:
    try:
        return call()
    except Exception as error:
        return error


def _wait_until(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while not check():
        assert time.monotonic() < deadline, f"hang guard: {what}"
        time.sleep(0.2)


def _healthz(slack: SlackClient) -> int:
    return slack.request("GET", "/healthz", timeout=HANG_GUARD_SECONDS).status


def _answered(slack: SlackClient) -> bool:
    reply = slack.command("/commitment", "trade")
    return "150 billion" in reply.text


def test_healthz_and_a_command_say_the_store_is_unavailable_and_recover_after_the_partition(
    proxy: Blackhole,
    pg_store: str,
    serve: Callable[[str], AbstractContextManager[SlackClient]],
    fake_slack: FakeSlack,
) -> None:
    with serve(proxy.url_for(pg_store)) as slack:
        assert _healthz(slack) == 200
        assert _answered(slack)  # the pools now hold connections through the proxy
        proxy.partition()

        assert _outcome(lambda: _healthz(slack)) == 503

        fake_slack.reset()
        where = f"partition-{uuid.uuid4().hex[:6]}"
        ack = _outcome(
            lambda: slack.command(
                "/commitment", "trade", response_url=fake_slack.response_url(where)
            )
        )
        assert ack.status == 200  # type: ignore[attr-defined]
        acked = json.dumps(ack.json(), ensure_ascii=False)  # type: ignore[attr-defined]
        if LOOKING in acked:
            [later] = fake_slack.wait_for("response_url", timeout=HANG_GUARD_SECONDS)
            assert UNAVAILABLE in json.dumps(later.params, ensure_ascii=False)
        else:
            assert UNAVAILABLE in acked
        assert "Traceback" not in acked

        proxy.heal()
        _wait_until(lambda: _healthz(slack) == 200, "/healthz never said 200 again")
        _wait_until(lambda: _answered(slack), "the command was never answered again")


def test_a_session_on_a_partitioned_store_reads_no_store(proxy: Blackhole, pg_store: str) -> None:
    store = Store.open(proxy.url_for(pg_store))
    assert store.exists()
    proxy.partition()
    assert _outcome(store.exists) is False
    proxy.heal()
    _wait_until(store.exists, "the store was never readable again")


def test_the_state_store_on_a_partitioned_database_says_it_is_unavailable(
    proxy: Blackhole, pg_store: str
) -> None:
    state = StateStore.open(proxy.url_for(pg_store))
    assert state.claim_event(f"Ev{uuid.uuid4().hex[:10]}")
    proxy.partition()
    error = _outcome(lambda: state.claim_event(f"Ev{uuid.uuid4().hex[:10]}"))
    assert isinstance(error, StateUnavailable), error
    proxy.heal()
    _wait_until(lambda: _claims(state), "the state store never recorded an event again")


def _claims(state: StateStore) -> bool:
    try:
        return state.claim_event(f"Ev{uuid.uuid4().hex[:10]}")
    except StateUnavailable:
        return False
