"""Pure helpers of the evidence ranking: initials of titled phrases, a person's titles, places by
their shape, list lines."""

from __future__ import annotations

from bot.asked_for.names import agents, initials
from bot.asked_for.places import placed
from bot.calling import titles
from bot.list_lines import list_line
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


def test_a_passive_verbs_by_names_who_did_it() -> None:
    assert agents("The Koreans, who are coached by Spaniard César Hernández González, lost") == [
        "Spaniard César Hernández González"
    ]
    assert agents("the team will no longer be trained by Korean expert Park Chae-soon") == [
        "Park Chae-soon"
    ]
    assert agents("The delegation was received by Nguyễn Văn Thọ, Chairman of…") == [
        "Nguyễn Văn Thọ"
    ]
    assert agents("by the end of June 2024, signed by both sides on Friday") == []


def test_a_place_is_read_by_its_shape_not_a_list() -> None:
    assert placed("Kick-off is at 6 p.m. local time at King Abdullah Sports City Hall Stadium.")
    assert placed("The trials move to Sokcho next.") and placed("farms in An Giang")
    assert not placed("The talks were held in May.") and not placed("They met on Friday.")


def test_a_list_line_is_a_bullet_or_a_short_label() -> None:
    assert list_line("- Đà Nẵng: May 8 to June 11, 2025")
    assert list_line("Sokcho: August 5 to August 9")
    assert not list_line("Trials for the national youth squad will follow the camp:")
    assert not list_line("Ambassador Choi: " + "This has been a remarkable year. " * 6)


def test_a_venue_is_a_name_of_several_words_after_at() -> None:
    assert placed(
        "Kick-off is at 6 p.m. local time at King Abdullah Sports City Hall Stadium.", True
    )
    assert not placed("The match kicks off at 6 p.m. in Jeddah.", venue=True)
    assert not placed("They met at Christmas.", venue=True)
