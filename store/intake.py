"""Documents that arrive one at a time (uploads from Slack): the same read and clean checks a
reseed applies to seeds/, a duplicate check against seeds/ and earlier uploads, and a preview of
what the extraction finds in the document on its own."""

from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from store.db import Store
from store.ingest.clean import clean_document
from store.ingest.read import MAX_BYTES, RawDocument, read_documents, read_one
from store.models import Document

MAX_NAME_CHARS = 100


@dataclass(frozen=True)
class Preview:
    """What a reseed would take from one document read alone."""

    title: str
    passages: int
    off_topic: int
    people: int
    visits: int
    commitments: int
    figures: int


def upload_name(raw: str) -> str | None:
    """A safe file name for an upload (letters, digits, `.-_ `; ends in .txt), or None."""
    base = unicodedata.normalize("NFC", raw.replace("\\", "/").rsplit("/", 1)[-1])
    base = re.sub(r"[^\w.\- ]+", "_", base).strip(" ._")
    if not base.lower().endswith(".txt"):
        return None
    stem = base[:-4].strip(" ._")[: MAX_NAME_CHARS - 4]
    return f"{stem}.txt" if stem else None


def pasted_name(text: str, sha256: str) -> str:
    """A name for pasted text: its first words and a short hash, e.g. `pasted-vietnam-rok-1a2b3c4d.txt`."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    slug = "-".join(re.findall(r"\w+", first.lower())[:6])[:60]
    return f"pasted-{slug + '-' if slug else ''}{sha256[:8]}.txt"


def read_upload(name: str, data: bytes) -> RawDocument | str:
    """The document, or why it is refused: the read step's own checks on the bytes."""
    if len(data) > MAX_BYTES:
        return f"too large ({len(data):,} bytes > {MAX_BYTES:,})"
    # read_one checks a file; the bytes go through a private temporary file so the checks (size,
    # empty, binary, UTF-8, control characters) and the content hash are exactly a reseed's.
    with tempfile.TemporaryDirectory(prefix="attache-upload-") as folder:
        path = Path(folder) / "upload.txt"
        path.write_bytes(data)
        outcome = read_one(path)
    if isinstance(outcome, str):
        return outcome
    text, digest = outcome
    return RawDocument(name=name, text=text, sha256=digest)


def duplicate_of(document: RawDocument, seeds_dir: Path) -> str | None:
    """The seed file with the same content (other line endings or a BOM do not count), if any."""
    if not seeds_dir.is_dir():
        return None
    seeds, _skipped = read_documents(seeds_dir)
    return next((seed.name for seed in seeds if seed.sha256 == document.sha256), None)


def preview(document: RawDocument) -> Preview | str:
    """What the extraction finds in this document alone, or why a reseed would skip it."""
    from store.ingest.extract import extract  # the pipeline is only imported when needed

    clean = clean_document(document.text)
    if not clean.paragraphs:
        return "no text left after cleaning"
    extraction = extract([(document, clean)])
    passages = [p for doc in extraction.docs for p in doc.passages]
    return Preview(
        title=extraction.docs[0].title if extraction.docs else document.name,
        passages=len(passages),
        off_topic=sum(1 for p in passages if not p[1]),
        people=len(extraction.people),
        visits=len(extraction.visits),
        commitments=len(extraction.commitments),
        figures=len(extraction.figures),
    )


def loaded_digests(store: Store) -> set[str]:
    """The content hashes of the documents in the store now (to tell which uploads it has)."""
    with store.session() as session:
        return set(session.scalars(select(Document.sha256)))
