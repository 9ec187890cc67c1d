"""The atomic swap: readers see the old store or the new one, never a mix; a failure leaves the old one."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select
from support.builds import half_written_then

from store import fact_models as fm
from store import models as m
from store.db import Store
from store.errors import ReseedFailed, ReseedInProgress
from store.ingest.publish import publish, reseed_lock
from store.reseed import reseed


@pytest.fixture
def one_document(tmp_path: Path, data_dir: Path) -> Path:
    """A seeds folder holding only the minister's trip to Busan."""
    folder = tmp_path / "one-document"
    folder.mkdir()
    shutil.copy(data_dir / "minister_busan_trip.txt", folder)
    return folder


@pytest.fixture
def unusable(tmp_path: Path) -> Path:
    """A seeds folder where nothing can be loaded."""
    folder = tmp_path / "unusable"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (folder / "latin1.txt").write_bytes("Café".encode("latin-1"))
    (folder / "debris.txt").write_text("IMG_4821.JPG\n |\nPhoto: VNA\n", encoding="utf-8")
    return folder


def _documents(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(m.Document)) or 0


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_open_session_keeps_reading_the_old_store(
    store_url: str, one_document: Path, data_dir: Path
) -> None:
    reseed(store_url, one_document)
    store = Store.open(store_url)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(m.Document)) == 1
        reseed(store_url, data_dir)  # replaces the file under the open session
        assert session.scalar(select(func.count()).select_from(m.Document)) == 1
        visitors = session.scalars(
            select(fm.Person.name).join(fm.Visit, fm.Visit.visitor_id == fm.Person.id)
        ).all()
        assert visitors == ["Tran Minh Khoa"]
        sentences = session.scalar(select(func.count()).select_from(m.Sentence))
        orphans = session.scalar(
            select(func.count())
            .select_from(m.Sentence)
            .outerjoin(m.Document, m.Sentence.document_id == m.Document.id)
            .where(m.Document.id.is_(None))
        )
        assert sentences and orphans == 0
    assert _documents(store) == 3


def test_readers_never_see_a_mix(store_url: str, one_document: Path, data_dir: Path) -> None:
    reseed(store_url, one_document)
    store = Store.open(store_url)
    seen: list[tuple[int, int]] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def read() -> None:
        try:
            while not done.is_set():
                with store.session() as session:
                    summary = json.loads(
                        session.scalars(select(m.Meta.value).where(m.Meta.key == "summary")).one()
                    )
                    documents = session.scalar(select(func.count()).select_from(m.Document))
                    sentences = session.scalar(select(func.count()).select_from(m.Sentence))
                    assert (documents, sentences) == (summary["documents"], summary["sentences"])
                    seen.append((documents or 0, sentences or 0))
        except BaseException as error:
            errors.append(error)

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for folder in (data_dir, one_document, data_dir, one_document, data_dir):
            reseed(store_url, folder)
    finally:
        done.set()
        reader.join(timeout=30)
    assert errors == []
    assert {documents for documents, _ in seen} <= {1, 3}
    assert len(seen) > 5


def test_a_failed_reseed_leaves_the_old_store_serving(
    store_path: Path, store_url: str, one_document: Path, unusable: Path
) -> None:
    reseed(store_url, one_document)
    before = _sha(store_path)
    with pytest.raises(ReseedFailed, match="no usable documents"):
        reseed(store_url, unusable)
    assert _sha(store_path) == before
    assert Store.open(store_url).exists()
    assert _documents(Store.open(store_url)) == 1
    assert list(store_path.parent.glob("*.building-*")) == []


@pytest.mark.parametrize(
    ("error", "told"),
    [
        (ReseedFailed("the extraction gave up"), "the extraction gave up"),
        (
            RuntimeError("database or disk is full\nINSERT INTO …"),
            "could not write the store: database or disk is full",
        ),
        (None, "could not write the store: no such table: missing"),  # the driver's words
        (RuntimeError(""), "could not write the store: RuntimeError"),
    ],
)
def test_a_write_that_fails_halfway_leaves_the_old_store_and_no_leftover(
    store_path: Path, store_url: str, one_document: Path, error: Exception, told: str
) -> None:
    reseed(store_url, one_document)
    before = _sha(store_path)
    with reseed_lock(store_url), pytest.raises(ReseedFailed) as failed:
        publish(store_url, half_written_then(error))
    assert str(failed.value) == told  # one line, without the SQL
    assert _sha(store_path) == before
    assert [p.name for p in store_path.parent.iterdir() if ".building-" in p.name] == []


def test_a_missing_seeds_folder_leaves_the_old_store(
    store_path: Path, store_url: str, one_document: Path, tmp_path: Path
) -> None:
    reseed(store_url, one_document)
    before = _sha(store_path)
    with pytest.raises(ReseedFailed, match="not found"):
        reseed(store_url, tmp_path / "no-such-folder")
    assert _sha(store_path) == before


def test_a_leftover_from_a_killed_reseed_does_not_break_the_next(
    store_path: Path, store_url: str, one_document: Path, data_dir: Path
) -> None:
    reseed(store_url, one_document)
    leftover = store_path.with_name(store_path.name + ".building-4242")
    leftover.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # half-written by a killed reseed
    summary = reseed(store_url, data_dir)
    assert summary.documents == 3
    assert not leftover.exists()
    assert list(store_path.parent.glob("*.building-*")) == []
    assert _documents(Store.open(store_url)) == 3


def test_a_leftover_without_an_old_store(store_path: Path, store_url: str, data_dir: Path) -> None:
    store_path.parent.mkdir(parents=True)
    store_path.with_name(store_path.name + ".building-1").write_text("garbage")
    reseed(store_url, data_dir)
    assert _documents(Store.open(store_url)) == 3


def test_a_second_reseed_at_the_same_time_is_refused(
    store_path: Path, store_url: str, one_document: Path, data_dir: Path
) -> None:
    reseed(store_url, one_document)
    before = _sha(store_path)
    with reseed_lock(store_url), pytest.raises(ReseedInProgress):
        reseed(store_url, data_dir)
    assert _sha(store_path) == before
    assert reseed(store_url, data_dir).documents == 3  # the lock is released


def test_no_store_yet_is_not_a_store(store_url: str) -> None:
    assert not Store.open(store_url).exists()
