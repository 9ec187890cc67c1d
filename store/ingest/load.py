"""Load step: write a complete store into a new file, then swap it in with one rename."""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import asdict, dataclass, field

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from store import fact_models as fm
from store import models as m
from store.bulk import insert_rows
from store.ingest.corpus_types import Sent
from store.ingest.extract import Extraction
from store.ingest.facts import rows
from store.ingest.publish import publish
from store.ingest.read import Skipped
from store.ingest.vectors import start_vectors
from store.search import create_full_text_index


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


def write_store(
    database_url: str, extraction: Extraction, skipped: list[Skipped], started: float, by: str
) -> Summary:
    """Build the whole store in one transaction and publish it atomically."""

    def build(connection: Connection) -> Summary:
        m.Base.metadata.create_all(connection)
        summary = _insert(connection, extraction, skipped)
        summary.seconds = round(time.monotonic() - started, 3)
        _insert_meta(connection, summary, by)
        return summary

    return publish(database_url, build)


def _insert(connection: Connection, extraction: Extraction, skipped: list[Skipped]) -> Summary:
    tables = rows(extraction)
    for model, records in tables.items():
        if records and model != "fts":
            insert_rows(connection, model, records)
    if skipped:
        insert_rows(connection, m.Skipped, [{"name": s.name, "reason": s.reason} for s in skipped])
    create_full_text_index(connection, tables["fts"])
    _insert_vectors(connection, extraction.sents)
    passages = tables[m.Passage]
    return Summary(
        documents=len(tables[m.Document]),
        passages=len(passages),
        off_topic_passages=sum(1 for p in passages if not p["on_topic"]),
        sentences=len(tables[m.Sentence]),
        people=len(tables[fm.Person]),
        visits=len(tables[fm.Visit]),
        commitments=len(tables[fm.Commitment]),
        topics=len({r["topic"] for r in tables[fm.CommitmentTopic]}),
        figures=len(tables[fm.Figure]),
        skipped=[{"name": s.name, "reason": s.reason} for s in skipped],
    )


def _insert_vectors(connection: Connection, sents: list[Sent]) -> None:
    """Meaning vectors of the on-topic sentences (what answers quote), for ranking by meaning:
    a reseed computes them beside the merge (store/ingest/vectors.py), the others here."""
    on_topic = [s for s in sents if s.on_topic]
    start_vectors([s for s in on_topic if s.vector is None], None)()
    records = [{"sentence_id": s.id, "vector": s.vector} for s in on_topic if s.vector]
    for start in range(0, len(records), 2000):
        insert_rows(connection, m.SentenceVector, records[start : start + 2000])


def _insert_meta(connection: Connection, summary: Summary, by: str) -> None:
    values = {
        "reseeded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "reseeded_by": by,
        "summary": json.dumps(asdict(summary)),
        "schema": m.SCHEMA_VERSION,
        "build_id": uuid.uuid4().hex,  # changes with every reseed, however close together
    }
    connection.execute(insert(m.Meta), [{"key": k, "value": v} for k, v in values.items()])
