"""Work done after Slack has its answer: listener bodies, slow answers, uploads and reseeds.

The app runs with process_before_response=True: commands are answered in their ack (a "looking…"
placeholder after ANSWER_BUDGET_SECONDS, the answer later through the response_url), and events
and buttons are acknowledged at once and handled by Bolt's lazy listeners on `listeners`
(bot.slack.lazy).
`work` takes what a listener hands off and may wait for; a separate pool, so a listener waiting on
it never starves it. Both pools count what they run, so shutdown (and the tests) can wait until
nothing is left.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

LISTENER_THREADS = 8
WORK_THREADS = 4


class _Counter:
    def __init__(self) -> None:
        self.running = 0
        self.changed = threading.Condition()

    def add(self, step: int) -> None:
        with self.changed:
            self.running += step
            self.changed.notify_all()


class CountingExecutor(ThreadPoolExecutor):
    """A thread pool whose submitted tasks are counted until they finish."""

    def __init__(self, counter: _Counter, workers: int, name: str) -> None:
        super().__init__(max_workers=workers, thread_name_prefix=name)
        self.counter = counter

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        self.counter.add(1)
        try:
            future = super().submit(fn, *args, **kwargs)
        except BaseException:
            self.counter.add(-1)
            raise
        future.add_done_callback(lambda _done: self.counter.add(-1))
        return future


class Background:
    """The two pools of one app, and a way to wait until both are idle."""

    def __init__(self, listeners: int = LISTENER_THREADS, work: int = WORK_THREADS) -> None:
        self._counter = _Counter()
        self.listeners = CountingExecutor(self._counter, listeners, "attache-listener")
        self.work = CountingExecutor(self._counter, work, "attache-work")

    def submit(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> Future[T]:
        """Run fn on the work pool."""
        return self.work.submit(fn, *args, **kwargs)

    def __deepcopy__(self, _memo: dict[int, object]) -> Background:
        """Shared, not copied, when Bolt copies a request's context for a lazy listener."""
        return self

    def wait_idle(self, timeout: float) -> bool:
        """Wait until nothing runs or waits on either pool; False when timeout came first."""
        with self._counter.changed:
            return self._counter.changed.wait_for(lambda: self._counter.running == 0, timeout)
