"""Whether a SQLite store file reads whole: PRAGMA quick_check over every page, its verdict
kept per version of the file."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

FileVersion = tuple[int, int, int]  # inode, mtime in ns, size: a reseed or an edit changes it
_intact: dict[Path, tuple[FileVersion, bool]] = {}
_intact_lock = threading.Lock()


def _version(path: Path) -> FileVersion | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (stat.st_ino, stat.st_mtime_ns, stat.st_size)


def sqlite_intact(path: Path) -> bool:
    """PRAGMA quick_check over every page: damage the meta row does not show is found too.

    It reads the whole file, so its verdict is kept per version of the file.
    """
    before = _version(path)
    if before is None:
        return False
    with _intact_lock:
        known = _intact.get(path)
    if known is not None and known[0] == before:
        return known[1]
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
        intact = rows == [("ok",)]
    except sqlite3.Error:
        intact = False
    if _version(path) == before:  # not replaced while it was being read
        with _intact_lock:
            _intact[path] = (before, intact)
    return intact
