"""What listeners are handed besides Bolt's own arguments: the store, the settings, the writable
state (reopened by itself after trouble), the background pools and the reseed runner."""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from bot.config import Settings
from bot.slack.background import Background
from bot.slack.reseeding import Reseeder
from store.db import Store
from store.state import StateStore, StateUnavailable

logger = logging.getLogger(__name__)

REOPEN_AFTER_SECONDS = 30


class StateAccess:
    """The state store, opened on first use; after a failure, tried again at most every 30 s."""

    def __init__(self, database_url: str, retry_seconds: float = REOPEN_AFTER_SECONDS) -> None:
        self.database_url = database_url
        self.retry_seconds = retry_seconds
        self._state: StateStore | None = None
        self._failed_at = -retry_seconds
        self._lock = threading.Lock()
        self._opening: threading.Thread | None = None
        self._starting = threading.Lock()  # not _lock: get() holds that while it opens

    def get(self) -> StateStore | None:
        """The state store, or None while it cannot be opened (the reason is logged once a try)."""
        if self._state is not None:
            return self._state
        with self._lock:
            now = time.monotonic()
            if self._state is None and now - self._failed_at >= self.retry_seconds:
                try:
                    self._state = StateStore.open(self.database_url)
                except StateUnavailable as error:
                    self._failed_at = now
                    logger.error("the bot's state is unavailable: %s", error)
        return self._state

    def ready(self) -> StateStore | None:
        """The state if it is open, else None at once, with an attempt to open it started beside
        the request: opening may wait on a lock or a migration, never in someone's 3 seconds."""
        if self._state is not None:
            return self._state
        with self._starting:
            if self._opening is None or not self._opening.is_alive():
                self._opening = threading.Thread(
                    target=self.get, name="attache-state-open", daemon=True
                )
                self._opening.start()
        return None


@dataclass
class Deps:
    """One app's dependencies, built once per process."""

    store: Store
    settings: Settings
    background: Background = field(default_factory=Background)
    reseeder: Reseeder = field(default_factory=Reseeder)
    state: StateAccess = field(init=False)

    def __post_init__(self) -> None:
        self.state = StateAccess(self.store.database_url)
