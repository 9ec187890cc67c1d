"""Pure helpers of the evidence ranking: initials of titled phrases, a person's titles."""

from __future__ import annotations

from bot.asked_for import initials
from bot.calling import titles
from store.queries import PersonInfo


def test_a_titled_phrase_gives_its_initials() -> None:
    found = initials("promote the early upgrade of the ASEAN-Korea Free Trade Agreement (AKFTA)")
    assert "fta" in found
    assert "oda" in initials("expand Official Development Assistance to Vietnam")
    assert initials("they agreed to cooperate on energy") == set()


def _person(role: str, *other: str) -> PersonInfo:
    return PersonInfo(1, "Oh Sang-min", "RoK", role, other, None, 1, ())


def test_a_persons_titles_come_from_their_own_roles() -> None:
    assert titles(_person("General Secretary of the Communist Party of Vietnam")) == {
        "general secretary"
    }
    assert "provincial governor" in titles(_person("Deputy Provincial Governor"))
    assert titles(_person("President")) == set()  # a bare "the President" may be anyone
    assert titles(_person("spouse of To Lam")) == set()  # not a title
