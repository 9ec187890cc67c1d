"""What each on-topic sentence yields on its own, found in the per-document pool.

Introductions (who a sentence names, with which role), commitment cues, multi-word proper names
and the lexicon's topics depend on the sentence's words alone, so they are found with the rest of
the per-document work (store/ingest/per_document.py) on every core; the cross-document merge
(store/ingest/extract.py) only gathers them, and looks for the topic aliases the corpus taught.
"""

from __future__ import annotations

from functools import cache

from store.ingest.commitment_facts import names_in
from store.ingest.commitments import find_commitments
from store.ingest.corpus_types import Sent
from store.ingest.introductions import introductions
from store.ingest.topics import TopicMatcher

# The lexicon's topics without the aliases a corpus teaches (added by the merge): one a process.
_lexicon_topics = cache(TopicMatcher)


def read_sentences(sents: list[Sent]) -> None:
    """Fill in each on-topic sentence's introductions, commitments and proper names (and the
    introductions of photo captions)."""
    for sent in sents:
        if sent.on_topic or sent.caption:  # a caption names who is pictured
            sent.introductions = introductions(sent.text)
        if not sent.on_topic:
            continue
        sent.topics = _lexicon_topics().topics_in(sent.text)
        sent.proper_names = names_in(sent.text)
        if not sent.heading:  # a heading states no commitment of its own
            sent.commitments = find_commitments(sent.text)
