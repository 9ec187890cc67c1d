"""Python's cycle collector, paused for work that makes many objects and frees them by reference
counting (a reseed; a one-shot `attache ask`), where its full passes would walk everything alive
again and again to free nothing."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """The collector off for the block, process-wide, and as it was after (callers in process)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
