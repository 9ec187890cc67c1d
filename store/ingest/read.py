"""Read step: every *.txt under a folder, as UTF-8, skipping what cannot be a document."""

from __future__ import annotations

import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class RawDocument:
    name: str
    text: str
    sha256: str


@dataclass(frozen=True)
class Skipped:
    name: str
    reason: str


def read_documents(folder: Path) -> tuple[list[RawDocument], list[Skipped]]:
    """Every readable, distinct text document under folder, and each skipped file with its reason."""
    documents: list[RawDocument] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for path in _candidates(folder):
        # A name that is not UTF-8 is kept readable ("caf?.txt") rather than failing the reseed.
        name = os.fsencode(path.relative_to(folder)).decode("utf-8", "replace")
        outcome = read_one(path)
        if isinstance(outcome, str):
            skipped.append(Skipped(name, outcome))
            continue
        text, digest = outcome
        if digest in seen:
            skipped.append(Skipped(name, f"duplicate of {seen[digest]}"))
            continue
        seen[digest] = name
        documents.append(RawDocument(name=name, text=text, sha256=digest))
    return documents, skipped


def _candidates(folder: Path) -> list[Path]:
    """*.txt paths under folder in a stable order, without following directory links in circles."""
    found: list[Path] = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs.sort()
        for file_name in sorted(files) + sorted(d for d in dirs if d.endswith(".txt")):
            if file_name.endswith(".txt"):
                found.append(Path(root) / file_name)
    return found


def read_one(path: Path) -> tuple[str, str] | str:
    """(text, sha256) of a document, or the reason it is skipped."""
    try:
        info = path.stat()
    except OSError as error:
        return f"unreadable ({error.strerror or error})"
    if stat.S_ISDIR(info.st_mode):
        return "a directory, not a file"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file"
    if info.st_size > MAX_BYTES:
        return f"too large ({info.st_size:,} bytes > {MAX_BYTES:,})"
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as error:
        return f"unreadable ({error.strerror or error})"
    if len(data) > MAX_BYTES:
        return f"too large (over {MAX_BYTES:,} bytes)"
    if not data.strip():
        return "empty"
    if b"\x00" in data:
        return "binary (contains NUL bytes)"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return f"not UTF-8 (byte {error.start}: {data[error.start : error.start + 1]!r})"
    if _mostly_control(text):
        return "binary (mostly control characters)"
    # Same words, other line endings or a BOM: still the same document.
    canonical = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    return text, hashlib.sha256(canonical.encode("utf-8")).hexdigest()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _mostly_control(text: str) -> bool:
    return len(_CONTROL.findall(text)) > max(8, len(text) // 20)
