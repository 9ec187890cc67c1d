"""What each on-topic sentence yields on its own, found in the per-document pool.

Introductions (who a sentence names, with which role), commitment cues and multi-word proper
names depend on the sentence's words alone, so they are found with the rest of the per-document
work (store/ingest/per_document.py) on every core; the cross-document merge
(store/ingest/extract.py) only gathers them.
"""

from __future__ import annotations

from store.ingest.commitment_facts import names_in
from store.ingest.commitments import find_commitments
from store.ingest.corpus_types import Sent
from store.ingest.introductions import introductions


def read_sentences(sents: list[Sent]) -> None:
    """Fill in each on-topic sentence's introductions, commitments and proper names (and the
    introductions of photo captions)."""
    for sent in sents:
        if sent.on_topic or sent.caption:  # a caption names who is pictured
            sent.introductions = introductions(sent.text)
        if not sent.on_topic:
            continue
        sent.proper_names = names_in(sent.text)
        if not sent.heading:  # a heading states no commitment of its own
            sent.commitments = find_commitments(sent.text)
