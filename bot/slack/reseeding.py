"""`/attache reseed` from Slack: acknowledged at once, run on a background thread from seeds/ plus
the stored uploads, the summary posted when done; one at a time (here by a lock, across processes
by the store's own reseed lock)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from bot.answer import Answer, Item
from bot.slack.background import Background
from store.errors import ReseedFailed, ReseedInProgress
from store.state import StateStore, StateUnavailable
from store.state.reseeds import ReseedRecord

logger = logging.getLogger(__name__)

MAX_SKIPPED_SHOWN = 10
QUERY = "/attache reseed"


@dataclass(frozen=True)
class Running:
    by: str
    since: float


class Reseeder:
    """Starts reseeds in the background, one at a time per process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.running: Running | None = None

    def __deepcopy__(self, _memo: dict[int, object]) -> Reseeder:
        """Shared, not copied, when Bolt copies a request's context for a lazy listener."""
        return self

    def start(
        self,
        job: ReseedJob,
        background: Background,
        tell: Callable[[Answer], None],
    ) -> Answer:
        """Start the reseed and say so, or say why not; tell(summary) is called when it ends."""
        if not self._lock.acquire(blocking=False):
            running = self.running
            since = _when(running.since) if running else "a moment ago"
            who = f" by {running.by}" if running else ""
            return _note(
                f"A reseed is already running (started {since}{who}). Try again when it is done."
            )
        self.running = Running(job.by, time.time())
        try:
            background.submit(self._run, job, tell)
        except RuntimeError:  # the pool is shutting down
            self._finish()
            return _note("The bot is shutting down; try again in a minute.")
        return _note(
            f"Reseeding from `{job.seeds_dir.name}/` and the uploaded documents. "
            "The old store answers until the new one is ready; I will post the summary here."
        )

    def _run(self, job: ReseedJob, tell: Callable[[Answer], None]) -> None:
        # The lock is held until the summary is out: "running" means "not reported yet".
        started = time.time()
        try:
            outcome, answer = job.run()
            job.record(started, outcome, answer)
            tell(answer)
        except Exception:
            logger.exception("could not finish or report the reseed")
        finally:
            self._finish()

    def _finish(self) -> None:
        self.running = None
        self._lock.release()


@dataclass(frozen=True)
class ReseedJob:
    database_url: str
    seeds_dir: Path
    by: str
    state: StateStore | None

    def run(self) -> tuple[str, Answer]:
        """Reseed; ("ok" | "busy" | "failed", the answer to post)."""
        from store.reseed import reseed  # the pipeline is imported only when a reseed runs

        try:
            extra = self.state.uploads.documents() if self.state is not None else None
            summary = reseed(self.database_url, self.seeds_dir, by=self.by, extra=extra)
        except ReseedInProgress:
            return "busy", _note(
                "Another reseed of this store is running (from the server or another worker); "
                "the store will be rebuilt by it. Try again when it is done."
            )
        except (ReseedFailed, StateUnavailable) as error:
            logger.error("reseed from Slack failed: %s", error)
            return "failed", _note(f"The reseed failed; the old store is still serving. {error}")
        except Exception:
            logger.exception("reseed from Slack failed unexpectedly")
            return "failed", _note(
                "The reseed failed unexpectedly; the old store is still serving."
            )
        return "ok", summary_answer(asdict(summary))

    def record(self, started: float, outcome: str, answer: Answer) -> None:
        if self.state is None:
            return
        run = ReseedRecord(started, time.time(), self.by, outcome, answer.notice or answer.summary)
        try:
            self.state.reseeds.record(run)
        except StateUnavailable as error:
            logger.warning("could not record the reseed: %s", error)


def summary_answer(summary: dict[str, Any]) -> Answer:
    """A reseed's summary as an answer: the counts, then each skipped file with its reason."""
    skipped = list(summary.get("skipped") or [])
    counts = (
        f"{summary.get('documents', 0)} documents · {summary.get('passages', 0)} passages "
        f"({summary.get('off_topic_passages', 0)} off-topic) · {summary.get('people', 0)} people · "
        f"{summary.get('visits', 0)} visits · {summary.get('commitments', 0)} commitments on "
        f"{summary.get('topics', 0)} topics · {summary.get('figures', 0)} figures"
    )
    items: tuple[Item, ...] = ()
    if skipped:
        shown = [f"{s.get('name')}: {s.get('reason')}" for s in skipped[:MAX_SKIPPED_SHOWN]]
        if len(skipped) > MAX_SKIPPED_SHOWN:
            shown.append(f"…and {len(skipped) - MAX_SKIPPED_SHOWN} more")
        items = (Item(title=f"Skipped {len(skipped)} files", bullets=tuple(shown)),)
    return Answer(
        query=QUERY,
        intent="help",
        heading="Reseed done",
        notice=f"{counts}. Took {float(summary.get('seconds') or 0):.1f} s.",
        items=items,
        total=len(items),
        page_size=max(1, len(items)),
    )


def _note(text: str) -> Answer:
    return Answer(query=QUERY, intent="help", heading=QUERY, notice=text)


def _when(epoch: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(epoch))
