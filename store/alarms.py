"""Deadlines on one thread: `after(seconds, fire)` calls fire() then, unless cancelled first.

Guards that bound a wait (a request body that must arrive, a database connection that must
answer) are armed on every request and almost never fire; a `threading.Timer` each started a
thread per request, which cost more CPU than the work it guarded.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import threading
import time
from collections.abc import Callable

logger = logging.getLogger(__name__)


class Alarm:
    """One deadline; cancel() before it comes and fire() is never called."""

    __slots__ = ("_fire",)

    def __init__(self, fire: Callable[[], None]) -> None:
        self._fire: Callable[[], None] | None = fire

    @property
    def armed(self) -> bool:
        return self._fire is not None

    def cancel(self) -> None:
        self._fire = None

    def _take(self) -> Callable[[], None] | None:
        fire, self._fire = self._fire, None
        return fire


class _Alarms:
    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._due: list[tuple[float, int, Alarm]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def add(self, seconds: float, alarm: Alarm) -> None:
        due = time.monotonic() + seconds
        with self._changed:
            if self._thread is None or not self._thread.is_alive():  # first use, or after a fork
                self._thread = threading.Thread(target=self._run, name="attache-alarms")
                self._thread.daemon = True
                self._thread.start()
            heapq.heappush(self._due, (due, next(self._order), alarm))
            if self._due[0][2] is alarm:
                self._changed.notify()

    def _run(self) -> None:
        while True:
            with self._changed:
                while True:
                    while self._due and not self._due[0][2].armed:
                        heapq.heappop(self._due)  # cancelled: dropped when it reaches the top
                    wait = self._due[0][0] - time.monotonic() if self._due else None
                    if wait is not None and wait <= 0:
                        fire = heapq.heappop(self._due)[2]._take()
                        break
                    self._changed.wait(wait)
            if fire is None:
                continue
            try:
                fire()
            except Exception:
                logger.exception("an alarm failed")


_alarms = _Alarms()


def after(seconds: float, fire: Callable[[], None]) -> Alarm:
    """Call fire() on the alarm thread in `seconds`, unless the returned Alarm is cancelled."""
    alarm = Alarm(fire)
    _alarms.add(seconds, alarm)
    return alarm
