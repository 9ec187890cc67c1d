"""A SQLite state file that turns read-only and back, or is deleted while the bot serves, heals
without a restart.

Pooled connections keep their file open: after the file is deleted they write into a file no one
will read again (the write "succeeds" and is lost), and after a read-only spell they may keep
failing. So every transaction first checks that the file is still the one the pool opened, and a
failed or suspicious one makes the next transaction start from fresh connections (with the schema
made again when the file is new). A commit whose file vanished meanwhile is reported as failed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import IO
from weakref import WeakKeyDictionary

from sqlalchemy import Engine

FileIdentity = tuple[int, int]  # device, inode


def identity(path: Path) -> FileIdentity | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino)


class Watch:
    """One state file and how to reopen it."""

    def __init__(self, path: Path, reopen: Callable[[], None]) -> None:
        self.path = path
        self.reopen = reopen
        self.known = identity(path)
        self.suspect = False
        self.lock = threading.Lock()

    def check(self, engine: Engine) -> None:
        """Reopen when the file changed or the last transaction failed."""
        if not self.suspect and identity(self.path) == self.known:
            return
        with self.lock:
            if not self.suspect and identity(self.path) == self.known:
                return
            engine.dispose()  # connections to the old file (or stuck read-only) are dropped
            with _between_processes(self.path):
                if identity(self.path) is None:
                    _remove_stale_logs(self.path)
                self.reopen()
            self.known = identity(self.path)
            self.suspect = False

    def confirm(self) -> bool:
        """After a commit: whether it went into the file readers will see."""
        if identity(self.path) == self.known:
            return True
        self.suspect = True
        return False


_watches: WeakKeyDictionary[Engine, Watch] = WeakKeyDictionary()


def watch(engine: Engine, path: Path, reopen: Callable[[], None]) -> None:
    """Check the file behind engine before each of its transactions (see transaction())."""
    _watches[engine] = Watch(path, reopen)


def before(engine: Engine) -> None:
    found = _watches.get(engine)
    if found is not None:
        found.check(engine)


def committed(engine: Engine) -> bool:
    found = _watches.get(engine)
    return found is None or found.confirm()


def failed(engine: Engine) -> None:
    found = _watches.get(engine)
    if found is not None:
        found.suspect = True


class _between_processes:
    """Other workers heal the same file: one at a time, so none removes another's new log."""

    def __init__(self, path: Path) -> None:
        self.lock_path = path.with_name(path.name + ".heal.lock")

    def __enter__(self) -> None:
        try:
            self.handle: IO[str] | None = open(self.lock_path, "w")
        except OSError:  # a read-only folder: nothing can be made there anyway
            self.handle = None
            return
        fcntl.flock(self.handle, fcntl.LOCK_EX)

    def __exit__(self, *_exc: object) -> None:
        if self.handle is not None:
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            self.handle.close()


def _remove_stale_logs(path: Path) -> None:
    """The WAL of a deleted state would be replayed into the new file: it goes first."""
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(path.with_name(path.name + suffix))
