"""The store built at start when there is none: a web process on a host without a shared disk
(Heroku with SQLite: the release step's store stays on its one-off dyno) builds its own from the
seeds it ships, while /healthz answers 503.

Every worker may try; the reseed lock lets one build and the others find it busy, so the store is
built once. The build runs beside the server, so the port is bound at once (Heroku gives a web
dyno 60 s to bind it) and Slack's requests meanwhile get "the store is unavailable".
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from store.db import Store
from store.errors import ReseedInProgress, StoreError

logger = logging.getLogger(__name__)

OTHER_BUILD_WAIT_SECONDS = 3600.0  # past this, /healthz stops saying "being built"


class FirstBuild:
    """Builds the store from seeds_dir once, in a thread, when the store does not exist."""

    def __init__(self, store: Store, seeds_dir: Path) -> None:
        self.store = store
        self.seeds_dir = seeds_dir
        self._thread: threading.Thread | None = None

    def start(self) -> bool:
        """Start building when there is no store; False when there is one already."""
        if self.store.exists():
            return False
        self._thread = threading.Thread(target=self._build, name="attache-first-build", daemon=True)
        self._thread.start()
        return True

    @property
    def building(self) -> bool:
        """Whether this process is building the store now."""
        return self._thread is not None and self._thread.is_alive()

    def wait(self, timeout: float) -> bool:
        """Wait for this process's build to end; False when it is still running after timeout."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.building

    def _build(self) -> None:
        from store.reseed import reseed  # the pipeline is imported only when a build is needed

        logger.info("no store yet: building it from %s", self.seeds_dir)
        try:
            summary = reseed(self.store.database_url, self.seeds_dir, by="first start")
        except ReseedInProgress:
            logger.info("another process is building the store; serving once it is there")
            self._wait_for_the_other()
            return
        except StoreError as error:
            logger.error("could not build the store at start: %s", error)
            return
        except Exception:
            logger.exception("could not build the store at start")
            return
        logger.info("store built at start: %s", "; ".join(summary.lines()[:1]))

    def _wait_for_the_other(self) -> None:
        """Stay `building` while another process builds, so /healthz says why it is 503."""
        deadline = time.monotonic() + OTHER_BUILD_WAIT_SECONDS
        while not self.store.exists() and time.monotonic() < deadline:
            time.sleep(0.5)
