"""Documents uploaded from Slack: kept in the state so they survive restarts and every worker
sees them; each reseed loads them beside seeds/ as ``uploads/<name>``."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, create_engine, delete, inspect, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.sql.dml import Insert, Update

from store.engines import sqlite_path
from store.ingest.read import RawDocument
from store.pgguard import RESEEDING, guarded_engine
from store.state.base import StateUnavailable, insert_ignoring_conflicts, storable, transaction
from store.state.schema import Upload

PREFIX = "uploads/"  # how uploads are named in the store and in a reseed's summary


class UploadRaced(Exception):
    """Another upload took the name or the content at the same moment; the message says which,
    in words for the person."""


@dataclass(frozen=True)
class UploadInfo:
    """An upload without its text: for listings."""

    name: str
    size: int
    sha256: str
    uploaded_by: str
    uploaded_at: float


class Uploads:
    """The uploaded documents table."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(
        self,
        document: RawDocument,
        size: int,
        by: str,
        now: float | None = None,
        *,
        replacing: str | None,
    ) -> bool:
        """Keep a document under its name in place of the upload whose content was `replacing`
        when the caller looked (None: there was none); True when it replaced one.

        Raises UploadRaced when another upload took the name or the content meanwhile (one
        statement decides, so of two racing uploads exactly one is stored), StateUnavailable on
        trouble with the state.
        """
        values = {
            "name": document.name,
            "text": storable(document.text),
            "sha256": document.sha256,
            "size": size,
            "uploaded_by": by[:40],
            "uploaded_at": time.time() if now is None else now,
        }
        statement: Insert | Update
        if replacing is None:
            statement = insert_ignoring_conflicts(self.engine, Upload, values)
        else:
            statement = (
                update(Upload)
                .where(Upload.name == document.name, Upload.sha256 == replacing)
                .values(**values)
            )
        try:
            with transaction(self.engine, f"store the upload {document.name!r}") as connection:
                stored = connection.execute(statement.returning(Upload.name)).first() is not None
        except StateUnavailable as error:
            if not isinstance(error.__cause__, IntegrityError):  # the content under another name
                raise
            stored = False
        if not stored:
            raise UploadRaced(self._why_not(document))
        return replacing is not None

    def content_of(self, name: str) -> str | None:
        """The sha256 of the upload kept under name, or None."""
        with transaction(self.engine, "look up an upload") as connection:
            return connection.scalar(select(Upload.sha256).where(Upload.name == name))

    def _why_not(self, document: RawDocument) -> str:
        holder = self.named_like(document.sha256)
        if holder == document.name:
            return "already added a moment ago (the same document arrived twice)"
        if holder is not None:
            return f"duplicate of {PREFIX}{holder}, added a moment ago"
        return (
            f"{document.name} was uploaded by someone else a moment ago; "
            "send yours again to replace it"
        )

    def remove(self, name: str) -> bool:
        """Forget an upload; False when there was none of that name."""
        with transaction(self.engine, f"remove the upload {name[:100]!r}") as connection:
            return bool(connection.execute(delete(Upload).where(Upload.name == name)).rowcount)

    def listing(self) -> list[UploadInfo]:
        """Every upload, by name, without the texts."""
        columns = (Upload.name, Upload.size, Upload.sha256, Upload.uploaded_by, Upload.uploaded_at)
        with transaction(self.engine, "list the uploads") as connection:
            rows = connection.execute(select(*columns).order_by(Upload.name)).all()
        return [UploadInfo(*row) for row in rows]

    def named_like(self, sha256: str) -> str | None:
        """The name of the upload with this content, if any."""
        with transaction(self.engine, "look up an upload") as connection:
            return connection.scalar(select(Upload.name).where(Upload.sha256 == sha256))

    def documents(self) -> list[RawDocument]:
        """Every upload as a reseed reads it, named uploads/<name>, in name order."""
        with transaction(self.engine, "read the uploads") as connection:
            return _documents(connection.execute(_ALL).all())


_ALL = select(Upload.name, Upload.text, Upload.sha256).order_by(Upload.name)


def _documents(rows: Sequence[Any]) -> list[RawDocument]:
    return [RawDocument(PREFIX + name, text, sha256) for name, text, sha256 in rows]


def stored_documents(database_url: str) -> list[RawDocument]:
    """The uploads kept for the store at database_url, without creating anything: a store that
    never had a state (or no uploads table yet) has none. Raises StateUnavailable."""
    from store.state import state_url

    url = state_url(database_url)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return []
    engine = create_engine(url) if path is not None else guarded_engine(url, RESEEDING)
    try:
        if not inspect(engine).has_table(Upload.__tablename__):
            return []
        with transaction(engine, "read the uploads") as connection:
            return _documents(connection.execute(_ALL).all())
    except SQLAlchemyError as error:
        raise StateUnavailable(f"cannot read the uploads: {error}") from error
    finally:
        engine.dispose()
