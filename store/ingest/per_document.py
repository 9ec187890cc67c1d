"""The per-document half of a reseed, on every core: what one document yields on its own.

Cleaning, the relevance of each paragraph, sentences, their dates (relative ones against the
page's own date) and figures depend on the document alone, so they run in a process pool sized to
the machine (RESEED_PROCESSES, or os.cpu_count(); 1 runs them in this process). The pool hands
results back in document order and every number (document index, passage and sentence ids) is
given afterwards by the merge (store/ingest/extract.py), so the store is the same with any number
of processes. People, topics, visits and commitments need every document and are found after.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date

from store.errors import ReseedFailed
from store.ingest.clean import CleanDocument, clean_document
from store.ingest.corpus_types import Sent
from store.ingest.dates import DateMention, find_dates
from store.ingest.figures import find_figures
from store.ingest.page_lines import stamp_date
from store.ingest.per_sentence import read_sentences
from store.ingest.read import RawDocument
from store.ingest.relative_dates import relative_dates, with_dates
from store.ingest.relevance import Relevance, classify
from store.ingest.segment import split_sentences
from store.textutil import fold, shorten, words_of_folded

PROCESSES_VARIABLE = "RESEED_PROCESSES"
PARENT_CHECK_SECONDS = 0.5  # how soon a worker of a killed reseed ends
CHUNK = 16  # documents sent to a process at a time: fewer round trips, still balanced


@dataclass
class Prepared:
    """One document after the per-document steps; sentence ids and passage ids are local (the
    passage is its index in `passages`), numbered for the whole corpus by the merge."""

    raw: RawDocument
    clean: CleanDocument
    title: str
    passages: list[tuple[str, bool, bool, str]]  # text, on_topic, heading, why
    sents: list[Sent]
    vocabulary: Counter[str]  # the words of the shown sentences, for spelling suggestions


def processes(configured: int | None = None) -> int:
    """How many processes to extract with: the option, else RESEED_PROCESSES, else the cores."""
    if configured is None:
        raw = os.environ.get(PROCESSES_VARIABLE, "").strip()
        if raw:
            try:
                configured = int(raw)
            except ValueError:
                message = f"{PROCESSES_VARIABLE} must be a whole number, not {raw[:20]!r}"
                raise ReseedFailed(message) from None
    if configured is None:
        configured = os.cpu_count() or 1
    return max(1, configured)


@contextlib.contextmanager
def worker_pool(workers: int, documents: int) -> Iterator[Executor | None]:
    """A process pool for a reseed of that many documents, or None to work in this process."""
    if workers <= 1 or documents < 2 * CHUNK:
        yield None
        return
    # spawn, not fork: a reseed started from Slack runs in a threaded web worker, and a forked
    # child would inherit its locks and connections mid-use.
    context = multiprocessing.get_context("spawn")
    count = min(workers, documents // CHUNK)
    with ProcessPoolExecutor(
        max_workers=count,
        mp_context=context,
        initializer=follow_parent,
        initargs=(os.getpid(),),
    ) as pool:
        yield pool


def follow_parent(parent: int) -> None:
    """In a pool worker: end with the reseed that started it. A reseed killed outright (SIGKILL,
    the OOM killer, a host restarting a dyno) cannot shut its pool down, and its workers would
    otherwise wait on their queue for ever, one idle process per core per killed reseed."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="attache-reseed-parent", daemon=True).start()


def prepare_all(raw: list[RawDocument], pool: Executor | None) -> Iterator[Prepared | None]:
    """prepare() of every document, in order (None for one with no text left after cleaning)."""
    if pool is None:
        yield from map(prepare, raw)
        return
    yield from pool.map(prepare, raw, chunksize=CHUNK)


def prepare(raw: RawDocument) -> Prepared | None:
    """Clean one document, split it into passages and sentences, find their dates and figures."""
    clean = clean_document(raw.text)
    return prepare_clean(raw, clean) if clean.paragraphs else None


def prepare_clean(raw: RawDocument, clean: CleanDocument) -> Prepared:
    """prepare() of a document already cleaned."""
    title = clean.title or shorten(clean.paragraphs[0] if clean.paragraphs else raw.name, 90)
    relevances = classify(clean.paragraphs, clean.tail_start)
    for index in clean.captions:  # searchable, citable, but never the source of a fact
        relevances[index] = Relevance(False, "photo caption")
    split = [
        [(text, find_dates(text)) for text in split_sentences(paragraph)]
        for paragraph in clean.paragraphs
    ]
    published = _published(clean, [d for sentences in split for _, ds in sentences for d in ds])
    passages: list[tuple[str, bool, bool, str]] = []
    sents: list[Sent] = []
    for passage, (paragraph, relevance, sentences) in enumerate(
        zip(clean.paragraphs, relevances, split, strict=True)
    ):
        heading = paragraph[-1] not in '.!?"”’:;)' and len(paragraph.split()) <= 15
        shown_paragraph = paragraph
        for ordinal, (text, dates) in enumerate(sentences):
            sent = Sent(len(sents) + 1, 0, passage, ordinal, text, relevance.on_topic, heading)
            sent.dates = dates
            sent.shown = text
            sent.caption = relevance.reason == "photo caption"
            if published is not None:
                relative = relative_dates(text, published, sent.dates)
                sent.dates += relative
                sent.dates.sort(key=lambda d: d.start)
                sent.shown = with_dates(text, relative)
                shown_paragraph = shown_paragraph.replace(text, sent.shown, 1)
            if sent.on_topic and not heading:
                sent.figures = find_figures(text, sent.dates)
            sents.append(sent)
        passages.append((shown_paragraph, relevance.on_topic, heading, relevance.reason))
    read_sentences(sents)
    vocabulary: Counter[str] = Counter()
    for sent in sents:
        sent.folded = fold(sent.shown)
        # Long runs (a crafted 50,000-letter token) are no word anyone misspells: not kept.
        vocabulary.update(w for w in words_of_folded(sent.folded) if len(w) <= 40)
    return Prepared(raw, clean, title, passages, sents, vocabulary)


def _published(clean: CleanDocument, stated: list[DateMention]) -> date | None:
    """The article's own date: its page stamp, else a dateline date that states its year, else a
    yearless dateline ("BANGKOK, Jan. 5") with the year of the same day stated in the text."""
    if clean.published is not None:
        return clean.published
    stamp = stamp_date(clean.dated) if clean.dated else None
    if stamp:
        return stamp[0]
    dateline = [d for d in find_dates(clean.dated or "") if d.kind == "day" and d.day]
    if not dateline:
        return None
    month, day = dateline[0].month, dateline[0].day
    years = {d.year for d in stated if d.kind == "day" and (d.month, d.day) == (month, day)}
    if len(years) != 1 or month is None or day is None:
        return None
    (year,) = years
    return date(year, month, day) if year else None
