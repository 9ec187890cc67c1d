"""Data files that drive extraction: parties, countries, topics, titles, months and cue words."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from store.lexicon.gazetteer import Gazetteer
from store.textutil import fold


def load(name: str) -> Any:
    """Parse one JSON data file of this package."""
    return json.loads(resources.files(__package__).joinpath(f"{name}.json").read_text("utf-8"))


def phrase_pattern(phrases: list[str], plural: bool = False) -> str:
    """A regex alternation of whole-word phrases, longest first, spaces matching spaces or dashes."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = r"[\s\-–]+".join(re.escape(word) for word in phrase.split())
        parts.append(body + (r"(?:s|es)?" if plural and phrase[-1].isalpha() else ""))
    return r"(?<![\w&])(?:" + "|".join(parts) + r")(?![\w&])"


@dataclass(frozen=True)
class Party:
    key: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    cities: tuple[str, ...]
    surnames: frozenset[str]


@dataclass(frozen=True)
class Topic:
    key: str
    label: str
    aliases: tuple[str, ...]


@cache
def parties() -> tuple[Party, ...]:
    """The two parties the corpus is about."""
    data = load("parties")["parties"]
    return tuple(
        Party(
            key=p["key"],
            name=p["name"],
            aliases=tuple(p["aliases"]),
            adjectives=tuple(p["adjectives"]),
            cities=tuple(p["cities"]),
            surnames=frozenset(p["surnames"]),
        )
        for p in data
    )


@cache
def city_aliases() -> dict[str, str]:
    """Other spellings of cities -> the name the store uses ("HCM City" -> "Ho Chi Minh City")."""
    return dict(load("parties")["city_aliases"])


@cache
def party_gazetteer() -> Gazetteer:
    """Every alias, adjective and city of each party, to its party key ("-" for North Korea)."""
    entries = [(name, p.key) for p in parties() for name in (*p.aliases, *p.adjectives, *p.cities)]
    entries += [(name, "-") for name in load("parties")["not_parties"]]
    return Gazetteer.of(entries, case_sensitive=True)


def parties_named(text: str) -> set[str]:
    """The keys of the parties a text names (aliases, adjectives or cities)."""
    return set(party_gazetteer().longest(fold(text)))


def city_parties(place: str) -> set[str]:
    """The parties a place is a listed city of."""
    folded = fold(place)
    return {key for key, cities in _folded_cities() if folded in cities}


@cache
def _folded_cities() -> tuple[tuple[str, frozenset[str]], ...]:
    return tuple((p.key, frozenset(fold(c) for c in p.cities)) for p in parties())


@cache
def country_gazetteer() -> Gazetteer:
    """Countries other than the parties, and their demonyms ("-" for names like South China Sea)."""
    data = load("countries")
    entries = [(name, name) for name in data["countries"] + data["demonyms"]]
    entries += [(name, "-") for name in data["not_countries"]]
    return Gazetteer.of(entries, case_sensitive=True)


@cache
def topics() -> tuple[Topic, ...]:
    """Every topic with its aliases."""
    return tuple(
        Topic(key=t["key"], label=t["label"], aliases=tuple(t["aliases"]))
        for t in load("topics")["topics"]
    )


@cache
def cues() -> dict[str, Any]:
    return load("cues")


@cache
def titles() -> dict[str, Any]:
    return load("titles")


@cache
def months() -> dict[str, int]:
    return load("months")["months"]


@cache
def day_parts() -> tuple[str, ...]:
    return tuple(load("months")["day_parts"])
