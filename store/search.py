"""Full-text search behind one interface: SQLite FTS5 or PostgreSQL tsvector, user words never syntax."""

from __future__ import annotations

from typing import Any

from sqlalchemy import column, table, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from store.bulk import insert_rows
from store.textutil import words as folded_words

MAX_TERMS = 12


def _terms(words: list[str]) -> list[str]:
    """Folded alphanumeric terms only: quotes, operators and brackets never reach the engine."""
    return list(dict.fromkeys(w for raw in words for w in folded_words(raw)))[:MAX_TERMS]


def fts_match(words: list[str], any_word: bool = False) -> str:
    """An FTS5 MATCH expression of quoted words (a prefix when long enough), AND-ed or OR-ed."""
    terms = [f'"{t}"*' if len(t) >= 4 else f'"{t}"' for t in _terms(words)]
    return (" OR " if any_word else " ").join(terms)


def tsquery(words: list[str], any_word: bool = False) -> str:
    """The same query for PostgreSQL's to_tsquery('simple', …)."""
    terms = [f"{t}:*" if len(t) >= 4 else t for t in _terms(words)]
    return (" | " if any_word else " & ").join(terms)


def create_full_text_index(connection: Connection, rows: list[dict[str, Any]]) -> None:
    """Index every sentence's folded text (rows of id, text) in the engine's own full-text search."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='', "
            'tokenize="unicode61 remove_diacritics 2")'
        )
        if rows:  # the driver's executemany: SQLAlchemy's per-row handling cost more
            connection.exec_driver_sql(
                "INSERT INTO sentence_fts(rowid, text) VALUES (?, ?)",
                [(row["id"], row["text"]) for row in rows],
            )
        return
    connection.exec_driver_sql(
        "CREATE TABLE sentence_fts (id integer PRIMARY KEY, text text NOT NULL, tsv tsvector)"
    )
    insert_rows(connection, table("sentence_fts", column("id"), column("text")), rows)
    connection.exec_driver_sql("UPDATE sentence_fts SET tsv = to_tsvector('simple', text)")
    connection.exec_driver_sql("CREATE INDEX sentence_fts_tsv ON sentence_fts USING gin (tsv)")


def matching_sentence_ids(
    session: Session, words: list[str], limit: int, any_word: bool = False
) -> list[int]:
    """Ids of sentences matching the words, best first (ties by id).

    An answer that looks the same words up again (a /figure word checked after the search that
    found its candidates) is served from the longest list the session has read: ranking every
    sentence saying a common word is the dearest statement an answer runs.
    """
    sqlite = session.get_bind().dialect.name == "sqlite"
    match = fts_match(words, any_word) if sqlite else tsquery(words, any_word)
    if not match:
        return []
    read: dict[str, tuple[int, list[int]]] = session.info.setdefault(_READ, {})
    if match in read and (read[match][0] >= limit or len(read[match][1]) < read[match][0]):
        return read[match][1][:limit]
    if sqlite:
        sql = (
            "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH :q "
            "ORDER BY rank, rowid LIMIT :n"
        )
    else:
        sql = (
            "SELECT id FROM sentence_fts WHERE tsv @@ to_tsquery('simple', :q) "
            "ORDER BY ts_rank(tsv, to_tsquery('simple', :q)) DESC, id LIMIT :n"
        )
    found = [row[0] for row in session.execute(text(sql), {"q": match, "n": limit})]
    read[match] = (limit, found)
    return found


_READ = "attache_sentence_matches"  # Session.info key: match expression -> (limit, ids read)
