"""Load step: write a complete store into a new file, then swap it in with one rename."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import create_engine, event, insert, text
from sqlalchemy.engine import Connection

from store import models as m
from store.errors import ReseedFailed, ReseedInProgress
from store.ingest.extract import Extraction
from store.ingest.facts import rows
from store.ingest.read import Skipped


@dataclass
class Summary:
    documents: int = 0
    passages: int = 0
    off_topic_passages: int = 0
    sentences: int = 0
    people: int = 0
    visits: int = 0
    commitments: int = 0
    topics: int = 0
    figures: int = 0
    seconds: float = 0.0
    skipped: list[dict[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The summary as printed by `python -m store reseed`."""
        out = [
            f"documents:   {self.documents}",
            f"passages:    {self.passages} ({self.off_topic_passages} off-topic)",
            f"sentences:   {self.sentences}",
            f"people:      {self.people}",
            f"visits:      {self.visits}",
            f"commitments: {self.commitments} on {self.topics} topics",
            f"figures:     {self.figures}",
            f"skipped:     {len(self.skipped)}",
        ]
        out += [f"  - {s['name']}: {s['reason']}" for s in self.skipped]
        out.append(f"took {self.seconds:.2f} s")
        return out


@contextlib.contextmanager
def reseed_lock(target: Path) -> Iterator[None]:
    """One reseed at a time per store file; a second one is refused, not queued."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target.with_name(target.name + ".lock"), "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as error:
            raise ReseedInProgress("another reseed of this store is running") from error
        yield


def write_store(
    target: Path, extraction: Extraction, skipped: list[Skipped], started: float, by: str
) -> Summary:
    """Build the store beside target and rename it over target; the old store serves until then."""
    for stale in target.parent.glob(target.name + ".building-*"):
        stale.unlink(missing_ok=True)
    building = target.with_name(f"{target.name}.building-{os.getpid()}")
    engine = create_engine(f"sqlite:///{building}")
    event.listen(engine, "connect", lambda c, _r: c.execute("PRAGMA synchronous = OFF"))
    try:
        with engine.begin() as connection:
            m.Base.metadata.create_all(connection)
            summary = _insert(connection, extraction, skipped)
            summary.seconds = round(time.monotonic() - started, 3)
            _insert_meta(connection, summary, by)
        engine.dispose()
        _fsync(building)
        os.replace(building, target)
        _fsync(target.parent)
    except Exception as error:
        engine.dispose()
        building.unlink(missing_ok=True)
        raise ReseedFailed(f"could not write the store: {error}") from error
    return summary


def _insert(connection: Connection, extraction: Extraction, skipped: list[Skipped]) -> Summary:
    tables = rows(extraction)
    for model, records in tables.items():
        if records and model != "fts":
            connection.execute(insert(model), records)
    if skipped:
        connection.execute(
            insert(m.Skipped), [{"name": s.name, "reason": s.reason} for s in skipped]
        )
    connection.exec_driver_sql(
        "CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='', "
        'tokenize="unicode61 remove_diacritics 2")'
    )
    connection.exec_driver_sql(
        "CREATE VIRTUAL TABLE sentence_vocab USING fts5vocab(sentence_fts, 'row')"
    )
    if tables["fts"]:
        connection.execute(
            text("INSERT INTO sentence_fts(rowid, text) VALUES (:id, :text)"), tables["fts"]
        )
    passages = tables[m.Passage]
    return Summary(
        documents=len(tables[m.Document]),
        passages=len(passages),
        off_topic_passages=sum(1 for p in passages if not p["on_topic"]),
        sentences=len(tables[m.Sentence]),
        people=len(tables[m.Person]),
        visits=len(tables[m.Visit]),
        commitments=len(tables[m.Commitment]),
        topics=len({r["topic"] for r in tables[m.CommitmentTopic]}),
        figures=len(tables[m.Figure]),
        skipped=[{"name": s.name, "reason": s.reason} for s in skipped],
    )


def _insert_meta(connection: Connection, summary: Summary, by: str) -> None:
    values = {
        "reseeded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "reseeded_by": by,
        "summary": json.dumps(asdict(summary)),
        "schema": "1",
    }
    connection.execute(insert(m.Meta), [{"key": k, "value": v} for k, v in values.items()])


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
