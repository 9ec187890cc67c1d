"""The state file (uploads, votes, handled events, the query log) deleted while serving, or
turned read-only and back: the same StateStore heals without a restart, and nothing is
reported stored unless a fresh reader (another worker, a restart) finds it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from store.ingest.read import RawDocument
from store.state import StateStore, StateUnavailable, state_url

HANG_GUARD_SECONDS = 30.0  # healing takes one failed write at most; this only stops a hang


def _document(name: str) -> RawDocument:
    text = f"Vietnam and the RoK agreed on {name} ({uuid.uuid4().hex}).\n"
    return RawDocument(name, text, hashlib.sha256(text.encode()).hexdigest())


def _store_url(folder: Path) -> str:
    return f"sqlite:///{folder / 'attache.db'}"


def _state_file(store_url: str) -> Path:
    return Path(state_url(store_url).removeprefix("sqlite:///"))


def _add(state: StateStore, name: str) -> bool:
    """Whether the upload was reported stored (False: refused with StateUnavailable)."""
    document = _document(name)
    try:
        state.uploads.add(document, 10, "U1", replacing=state.uploads.content_of(name))
    except StateUnavailable:
        return False
    return True


def _kept_for_a_fresh_reader(store_url: str) -> set[str]:
    return {upload.name for upload in StateStore.open(store_url).uploads.listing()}


def _eventually(check: object, what: str) -> None:
    deadline = time.monotonic() + HANG_GUARD_SECONDS
    while True:
        try:
            if check():  # type: ignore[operator]
                return
        except StateUnavailable:
            pass
        assert time.monotonic() < deadline, f"hang guard: {what}"
        time.sleep(0.1)


def test_a_state_file_deleted_while_serving_is_made_again_and_nothing_is_lost_silently(
    tmp_path: Path,
) -> None:
    url = _store_url(tmp_path)
    state = StateStore.open(url)
    assert _add(state, "before.txt")
    for suffix in ("", "-wal", "-shm"):  # what `rm attache.state.db*` does
        Path(f"{_state_file(url)}{suffix}").unlink(missing_ok=True)

    reported = [name for name in ("after-1.txt", "after-2.txt") if _add(state, name)]
    assert reported, "the state never healed"
    assert set(reported) <= _kept_for_a_fresh_reader(url)  # every "stored" is really stored
    assert state.claim_event(f"Ev{uuid.uuid4().hex[:10]}")
    assert _state_file(url).exists()


READ_ONLY_SCRIPT = """
import sys, uuid, hashlib, os
from pathlib import Path
from store.ingest.read import RawDocument
from store.state import StateStore, StateUnavailable, state_url

url = sys.argv[1]
state_file = Path(state_url(url).removeprefix("sqlite:///"))
files = [Path(f"{state_file}{s}") for s in ("", "-wal", "-shm")]

def add(name):
    text = f"Vietnam and the RoK agreed on {name} ({uuid.uuid4().hex}).\\n"
    document = RawDocument(name, text, hashlib.sha256(text.encode()).hexdigest())
    try:
        state.uploads.add(document, 10, "U1", replacing=state.uploads.content_of(name))
        return True
    except StateUnavailable:
        return False

state = StateStore.open(url)
assert add("before.txt")
for f in files:
    f.chmod(0o444)
refused = not add("while-read-only.txt")
for f in files:
    f.chmod(0o644)
healed = any(add("after.txt") for _ in range(3))
kept = sorted(u.name for u in StateStore.open(url).uploads.listing())
print(refused, healed, ",".join(kept))
"""


def test_a_state_file_turned_read_only_and_back_heals(tmp_path: Path) -> None:
    """In a process of its own, as the bot runs it (an ordinary user: root writes anyway)."""
    if os.geteuid() == 0:
        pytest.skip("root writes to a read-only file anyway")
    done = subprocess.run(
        [sys.executable, "-c", READ_ONLY_SCRIPT, _store_url(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    refused, healed, kept = done.stdout.split()
    assert refused == "True"  # never "added" while the file could not be written
    assert healed == "True"  # the same StateStore writes again, no restart
    assert kept.split(",") == ["after.txt", "before.txt"]


ROOT = Path(__file__).resolve().parents[2]
