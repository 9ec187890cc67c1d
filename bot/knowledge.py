"""What the store knows that queries are matched against, loaded once per reseed."""

from __future__ import annotations

import gc
import json
import threading
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from sqlalchemy.orm import Session

from store import queries, word_counts
from store.lexicon import city_aliases, parties
from store.lexicon import months as month_names
from store.queries import PersonInfo, TopicInfo
from store.textutil import key


@cache
def routing() -> dict[str, Any]:
    """The router's data file."""
    return json.loads(resources.files("bot").joinpath("routing.json").read_text("utf-8"))


@dataclass(frozen=True)
class Knowledge:
    stamp: str | None
    topics: tuple[TopicInfo, ...]
    topic_aliases: dict[str, str]  # alias key -> topic key
    people: tuple[PersonInfo, ...]
    person_aliases: dict[str, int]  # alias key (and without spaces) -> person id
    places: dict[str, str]  # place key -> place as written
    months: dict[str, int]
    latest: date | None = None  # the newest day the articles speak of ("last month" is before it)
    words: int = 0  # every indexed word, once per occurrence (how rare an asked word is)
    # Looked up on every question: by id, and each name's words (a scan of thousands otherwise).
    by_id: dict[int, PersonInfo] = field(default_factory=dict, compare=False, repr=False)
    name_words: dict[int, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    # The dateline city's key of each article's opening sentence, which the dateline places
    openings: dict[int, str] = field(default_factory=dict, compare=False, repr=False)
    spouses: dict[int, list[str]] = field(default_factory=dict, compare=False, repr=False)
    # Topic scores of the arguments asked lately: one question matches its words several times.
    scores: dict[str, dict[str, float]] = field(default_factory=dict, compare=False, repr=False)
    # Each title (folded) -> the people holding it, built on the first free-text question
    # (bot/calling.py): a question is read against it word by word, not person by person.
    title_holders: dict[str, frozenset[int]] = field(
        default_factory=dict, compare=False, repr=False
    )
    # The words of every name and place ("Madame Ly" is no name's first word), built with them.
    name_and_place_words: set[str] = field(default_factory=set, compare=False, repr=False)
    # Each person's roles as words (abbreviations spelt out) and side, built on the first
    # question naming a role (bot/resolve.py): "korean ambassador" is matched against them.
    described: dict[int, tuple[frozenset[str], str]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def __post_init__(self) -> None:
        self.by_id.update((p.id, p) for p in self.people)
        if not self.spouses:
            for person in self.people:
                if person.spouse_of is not None:
                    self.spouses.setdefault(person.spouse_of, []).append(person.name)
        if not self.name_words:
            self.name_words.update((p.id, frozenset(key(p.name).split())) for p in self.people)

    def topic(self, topic_key: str) -> TopicInfo:
        return next(t for t in self.topics if t.key == topic_key)

    def person(self, person_id: int) -> PersonInfo:
        return self.by_id[person_id]


def build(session: Session, stamp: str | None) -> Knowledge:
    """Read the topics, people and places of the store into matching tables."""
    topics = tuple(queries.topics(session))
    topic_aliases: dict[str, str] = {}
    for topic in topics:
        for alias in (topic.key, topic.label, *topic.aliases):
            topic_aliases.setdefault(key(alias), topic.key)
    people = tuple(queries.people(session))
    keys = queries.person_keys(session)  # key() of each name and alias, as stored at reseed
    person_aliases: dict[str, int] = {}
    for person in people:
        for alias_key in keys.get(person.id, ()):
            person_aliases.setdefault(alias_key, person.id)
            person_aliases.setdefault(alias_key.replace(" ", ""), person.id)
    canonical = city_aliases()
    places = {key(city): canonical.get(city, city) for party in parties() for city in party.cities}
    places.update({key(p): p for p in queries.places(session)})
    for alias, city in city_aliases().items():
        places.setdefault(key(alias), city)
    return Knowledge(
        stamp,
        topics,
        topic_aliases,
        people,
        person_aliases,
        places,
        dict(month_names()),
        queries.latest_day(session),
        word_counts.total_words(session),
        name_words={p.id: frozenset(keys[p.id][0].split()) for p in people},
        openings=_openings(session),
    )


def _openings(session: Session) -> dict[int, str]:
    """Each dateline's city as a key, by opening sentence, in the store's spelling ("Ha Noi" and
    "HÀ NỘI" are Hanoi)."""
    canonical = {key(alias): city for alias, city in city_aliases().items()}
    return {
        sentence_id: key(canonical.get(key(city), city))
        for sentence_id, city in queries.opening_datelines(session).items()
    }


_lock = threading.Lock()
_cached: dict[str, Knowledge] = {}


def knowledge(session: Session, database_url: str) -> Knowledge:
    """The Knowledge of the current store, rebuilt only when a reseed has changed it."""
    stamp = queries.reseed_stamp(session)
    with _lock:
        known = _cached.get(database_url)
        if known is not None and known.stamp == stamp:
            return known
    fresh = build(session, stamp)
    with _lock:
        _cached[database_url] = fresh
    if _settling.is_set():
        _settle()
    return fresh


_settling = threading.Event()


def settle_after_builds() -> None:
    """In a served worker (gunicorn's post_fork): after each build is read, what the worker holds
    from then on (this Knowledge, the modules, the engine) is kept out of the cycle collector's
    full passes, which otherwise walk all of it every few hundred answers and stall the answer
    that triggers them (30-45 ms at 10,000 documents). Not in other processes: a test run or a
    console holds many stores, and freezing their garbage would keep their connections open."""
    _settling.set()


def _settle() -> None:
    """Collect first, so the previous build's cycles (and any connection they hold) are freed,
    not kept for the worker's life; a worker's heap is small, so this costs one answer once."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
