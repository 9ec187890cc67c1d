"""People and their aliases."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from store import models as m
from store.queries.records import PersonInfo


def people(
    session: Session, ids: set[int] | None = None, with_aliases: bool = True
) -> list[PersonInfo]:
    """People (all of them, or those with these ids), with their aliases if asked."""
    aliases: dict[int, list[str]] = defaultdict(list)
    alias_query = select(m.PersonAlias.person_id, m.PersonAlias.alias).order_by(m.PersonAlias.id)
    # Columns, not ORM objects: a page of visits names a hundred people, all read-only here.
    person_query = select(
        m.Person.id,
        m.Person.name,
        m.Person.side,
        m.Person.role,
        m.Person.other_roles,
        m.Person.spouse_of,
        m.Person.mention_count,
    ).order_by(m.Person.id)
    if ids is not None:
        alias_query = alias_query.where(m.PersonAlias.person_id.in_(ids))
        person_query = person_query.where(m.Person.id.in_(ids))
    for person_id, alias in session.execute(alias_query) if with_aliases else ():
        aliases[person_id].append(alias)
    return [
        PersonInfo(
            pid,
            name,
            side,
            role,
            tuple(r for r in other_roles.split("\n") if r),
            spouse_of,
            mentions,
            tuple(aliases[pid]),
        )
        for pid, name, side, role, other_roles, spouse_of, mentions in session.execute(person_query)
    ]
