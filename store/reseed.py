"""Reseed: read, clean, extract and load a folder of documents into the store, atomically."""

from __future__ import annotations

import getpass
import time
from pathlib import Path

from store.errors import ReseedFailed
from store.ingest.clean import clean_document
from store.ingest.extract import extract
from store.ingest.load import Summary, write_store
from store.ingest.publish import reseed_lock
from store.ingest.read import Skipped, read_documents


def reseed(database_url: str, seeds_dir: Path, by: str | None = None) -> Summary:
    """Rebuild the store from every document under seeds_dir; the old store serves until the swap."""
    started = time.monotonic()
    if not seeds_dir.is_dir():
        raise ReseedFailed(f"seeds folder not found: {seeds_dir}")
    with reseed_lock(database_url):
        raw, skipped = read_documents(seeds_dir)
        cleaned = []
        for document in raw:
            clean = clean_document(document.text)
            if clean.paragraphs:
                cleaned.append((document, clean))
            else:
                skipped.append(Skipped(document.name, "no text left after cleaning"))
        if not cleaned:
            raise ReseedFailed(f"no usable documents in {seeds_dir} ({len(skipped)} skipped)")
        extraction = extract(cleaned)
        return write_store(database_url, extraction, skipped, started, by or _who())


def _who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
