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
    alias_query = select(m.PersonAlias)
    person_query = select(m.Person).order_by(m.Person.id)
    if ids is not None:
        alias_query = alias_query.where(m.PersonAlias.person_id.in_(ids))
        person_query = person_query.where(m.Person.id.in_(ids))
    for alias in session.scalars(alias_query) if with_aliases else ():
        aliases[alias.person_id].append(alias.alias)
    return [
        PersonInfo(
            p.id,
            p.name,
            p.side,
            p.role,
            tuple(r for r in p.other_roles.split("\n") if r),
            p.spouse_of,
            p.mention_count,
            tuple(aliases[p.id]),
        )
        for p in session.scalars(person_query)
    ]
