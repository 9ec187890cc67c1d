"""The store's tables of text and bookkeeping: documents, their passages and sentences (with
meaning vectors), the indexed vocabulary, skipped files and the store's meta rows. The facts
extracted from them are store/fact_models.py."""

from __future__ import annotations

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Bumped whenever the tables change: a store built by older code is rebuilt, not misread.
SCHEMA_VERSION = "10"


class Base(DeclarativeBase):
    pass


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(Text)
    has_title: Mapped[bool]
    agency: Mapped[str | None] = mapped_column(String(100))
    author: Mapped[str | None] = mapped_column(String(200))
    dateline: Mapped[str | None] = mapped_column(String(100))
    dated: Mapped[str | None] = mapped_column(String(40))  # the dateline's date, as written
    url: Mapped[str | None] = mapped_column(Text)  # the article's address, when it gives one
    reference_year: Mapped[int | None]
    year_note: Mapped[str | None] = mapped_column(Text)
    original_text: Mapped[str] = mapped_column(Text)
    # The first sentence outside a heading: the one a dateline places ("HANOI, July 9 (VNA) - …")
    opening_sentence_id: Mapped[int | None]

    def __repr__(self) -> str:
        return f"Document({self.id}, {self.name!r})"


class Passage(Base):
    """A paragraph of a cleaned document."""

    __tablename__ = "passages"
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    ordinal: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    on_topic: Mapped[bool]
    heading: Mapped[bool]
    relevance: Mapped[str] = mapped_column(String(200))

    def __repr__(self) -> str:
        return f"Passage({self.id}, on_topic={self.on_topic})"


class Sentence(Base):
    __tablename__ = "sentences"
    id: Mapped[int] = mapped_column(primary_key=True)
    passage_id: Mapped[int] = mapped_column(ForeignKey("passages.id"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"), index=True)
    ordinal: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    on_topic: Mapped[bool]

    def __repr__(self) -> str:
        return f"Sentence({self.id}, {self.text[:40]!r})"


class SentenceVector(Base):
    """A sentence's meaning vector (store/meaning.py), stored at reseed for ranking answers."""

    __tablename__ = "sentence_vectors"
    sentence_id: Mapped[int] = mapped_column(ForeignKey("sentences.id"), primary_key=True)
    vector: Mapped[bytes] = mapped_column(LargeBinary)


class Skipped(Base):
    __tablename__ = "skipped_files"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(500))
    reason: Mapped[str] = mapped_column(Text)


class Vocabulary(Base):
    """Every indexed word with its count, for correcting misspelt search words."""

    __tablename__ = "vocabulary"
    term: Mapped[str] = mapped_column(String(100), primary_key=True)
    count: Mapped[int]


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
