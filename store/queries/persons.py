"""People and their aliases."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from store import fact_models as fm
from store.queries.records import PersonInfo


def people(
    session: Session, ids: set[int] | None = None, with_aliases: bool = True
) -> list[PersonInfo]:
    """People (all of them, or those with these ids), with their aliases if asked."""
    aliases: dict[int, list[str]] = defaultdict(list)
    alias_query = select(fm.PersonAlias.person_id, fm.PersonAlias.alias).order_by(fm.PersonAlias.id)
    person_query = select(*person_columns(fm.Person)).order_by(fm.Person.id)
    if ids is not None:
        alias_query = alias_query.where(fm.PersonAlias.person_id.in_(ids))
        person_query = person_query.where(fm.Person.id.in_(ids))
    for person_id, alias in session.execute(alias_query) if with_aliases else ():
        aliases[person_id].append(alias)
    return [person_info(row, tuple(aliases[row[0]])) for row in session.execute(person_query)]


def person_columns(person: Any) -> tuple[Any, ...]:
    """What a PersonInfo is read from (of the people table, or an alias of it in a join), as
    columns: a page of visits names a hundred people, read-only, not worth ORM objects."""
    return (
        person.id,
        person.name,
        person.side,
        person.role,
        person.other_roles,
        person.spouse_of,
        person.mention_count,
        person.document_count,
    )


def person_info(row: Sequence[Any], aliases: tuple[str, ...] = ()) -> PersonInfo:
    """A PersonInfo from the values of person_columns(), in order."""
    pid, name, side, role, other_roles, spouse_of, mentions, documents = row
    return PersonInfo(
        pid,
        name,
        side,
        role,
        tuple(r for r in other_roles.split("\n") if r),
        spouse_of,
        mentions,
        aliases,
        documents,
    )


def person_keys(session: Session) -> dict[int, list[str]]:
    """Each person's comparison keys as stored at reseed: the name's, then each alias's in order
    (textutil.key of each, computed once at reseed rather than for thousands at every start)."""
    found: dict[int, list[str]] = {
        pid: [folded] for pid, folded in session.execute(select(fm.Person.id, fm.Person.folded))
    }
    for pid, alias_key in session.execute(
        select(fm.PersonAlias.person_id, fm.PersonAlias.key).order_by(fm.PersonAlias.id)
    ):
        found.setdefault(pid, []).append(alias_key)
    return found
