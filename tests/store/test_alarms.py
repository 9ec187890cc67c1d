"""store.alarms: deadlines kept on one thread fire in order, a cancelled one never does, and one
that fails does not stop the others."""

from __future__ import annotations

import threading

from store import alarms

HANG_GUARD_SECONDS = 30.0  # only a hang takes this long; then the test fails instead of hanging


def test_alarms_fire_in_order_and_a_cancelled_one_never() -> None:
    fired: list[str] = []
    last = threading.Event()
    holding, release = threading.Event(), threading.Event()

    def note(name: str) -> None:
        fired.append(name)
        if name == "last":
            last.set()

    def hold() -> None:
        holding.set()
        release.wait(HANG_GUARD_SECONDS)

    # The alarm thread is held while the others are armed, so none can fire before the cancel.
    alarms.after(0.0, hold)
    assert holding.wait(HANG_GUARD_SECONDS)
    alarms.after(0.0, lambda: note("first"))
    cancelled = alarms.after(0.0, lambda: note("cancelled"))
    alarms.after(0.0, lambda: note("second"))
    alarms.after(0.0, lambda: note("last"))
    cancelled.cancel()
    release.set()
    assert last.wait(HANG_GUARD_SECONDS)
    assert fired == ["first", "second", "last"]


def test_a_failing_alarm_does_not_stop_the_next() -> None:
    done = threading.Event()

    def fail() -> None:
        raise RuntimeError("an alarm that fails")

    alarms.after(0.0, fail)
    alarms.after(0.01, done.set)
    assert done.wait(HANG_GUARD_SECONDS)


def test_every_alarm_shares_one_thread() -> None:
    threads: list[int] = []
    count = 20
    done = threading.Event()

    def note() -> None:
        threads.append(threading.get_ident())
        if len(threads) == count:
            done.set()

    for _ in range(count):
        alarms.after(0.0, note)
    assert done.wait(HANG_GUARD_SECONDS)
    assert len(set(threads)) == 1
    assert threading.get_ident() not in threads
