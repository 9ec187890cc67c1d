"""Reseed: read, clean, extract and load a folder of documents into the store, atomically."""

from __future__ import annotations

import getpass
import time
from collections.abc import Callable
from pathlib import Path

from store import collector
from store.errors import ReseedFailed, StoreError
from store.ingest.extract import extract_prepared
from store.ingest.load import Summary, write_store
from store.ingest.per_document import prepare_all, worker_pool
from store.ingest.per_document import processes as extract_processes
from store.ingest.publish import reseed_lock
from store.ingest.read import RawDocument, Skipped, read_documents
from store.ingest.vectors import start_vectors

Progress = Callable[[str], None]


def reseed(
    database_url: str,
    seeds_dir: Path,
    by: str | None = None,
    extra: list[RawDocument] | None = None,
    progress: Progress | None = None,
    processes: int | None = None,
) -> Summary:
    """Rebuild the store from every document under seeds_dir plus extra (by default the documents
    uploaded from Slack and kept in the state store); the old store serves until the swap.

    progress, when given, hears one line per step ("cleaning 4000/10000 documents").
    processes: how many processes clean and read the documents (default RESEED_PROCESSES, else
    the cores; 1 = this process); the store is the same whatever the number.
    """
    say = progress or (lambda _line: None)
    started = time.monotonic()
    if not seeds_dir.is_dir():
        raise ReseedFailed(f"seeds folder not found: {seeds_dir}")
    with reseed_lock(database_url), collector.paused():
        say(f"reading {seeds_dir}")
        raw, skipped = read_documents(seeds_dir)
        raw += _distinct(extra if extra is not None else _uploads(database_url), raw, skipped)
        workers = extract_processes(processes)
        with worker_pool(workers, len(raw)) as pool:
            prepared = []
            for index, (document, done) in enumerate(
                zip(raw, prepare_all(raw, pool), strict=True), start=1
            ):
                if index % 1000 == 0:
                    say(f"cleaning {index}/{len(raw)} documents")
                if done is not None:
                    prepared.append(done)
                else:
                    skipped.append(Skipped(document.name, "no text left after cleaning"))
            if not prepared:
                raise ReseedFailed(f"no usable documents in {seeds_dir} ({len(skipped)} skipped)")
            say(f"extracting facts from {len(prepared)} documents")
            vectors_given = start_vectors([s for p in prepared for s in p.sents], pool)
            extraction = extract_prepared(prepared)
            vectors_given()
        say("writing the new store")
        return write_store(database_url, extraction, skipped, started, by or _who())


def _uploads(database_url: str) -> list[RawDocument]:
    from store.state.uploads import stored_documents

    try:
        return stored_documents(database_url)
    except StoreError as error:  # better no reseed than a store that silently lost the uploads
        raise ReseedFailed(str(error)) from error


def _distinct(
    extra: list[RawDocument], read: list[RawDocument], skipped: list[Skipped]
) -> list[RawDocument]:
    """The extra documents whose content is not already loaded; the others are skipped."""
    seen = {document.sha256: document.name for document in read}
    kept = []
    for document in extra:
        if document.sha256 in seen:
            skipped.append(Skipped(document.name, f"duplicate of {seen[document.sha256]}"))
            continue
        seen[document.sha256] = document.name
        kept.append(document)
    return kept


def _who() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"
