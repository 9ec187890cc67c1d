"""Meaning vectors of a reseed's on-topic sentences, computed beside the cross-document merge.

A vector depends on its sentence's text alone, so once the per-document steps have given every
sentence its text the vectors are computed in the reseed's process pool while this process
merges the documents (store/ingest/extract.py): on two cores the merge no longer waits for them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Executor

from store.ingest.corpus_types import Sent
from store.meaning import embed

BATCH = 2000  # sentences per job: few round trips, and the pool's processes share the work


def start_vectors(sents: list[Sent], pool: Executor | None) -> Callable[[], None]:
    """Start computing the on-topic sentences' vectors (of the text as stored and quoted); the
    function returned waits for them and gives each sentence its vector."""
    on_topic = [s for s in sents if s.on_topic]
    batches = [on_topic[start : start + BATCH] for start in range(0, len(on_topic), BATCH)]
    texts = [[s.shown or s.text for s in batch] for batch in batches]
    if pool is None:
        return lambda: _give(batches, map(embed, texts))
    jobs = [pool.submit(embed, batch) for batch in texts]
    return lambda: _give(batches, (job.result() for job in jobs))


def _give(batches: list[list[Sent]], vectors: Iterable[list[bytes]]) -> None:
    for batch, batch_vectors in zip(batches, vectors, strict=True):
        for sent, vector in zip(batch, batch_vectors, strict=False):  # [] without the model
            sent.vector = vector
