"""Typed questions: what a line asks for, about what, who, where and when (pure parsing)."""

from __future__ import annotations

from datetime import date
from time import perf_counter

import pytest

from bot.asked_for.dates import mentions_period
from bot.calling import named
from bot.elsewhere import unlisted_place
from bot.knowledge import Knowledge
from bot.owner import owned_role
from bot.periods import parse_period
from bot.question import parse
from bot.roles import joined_roles
from bot.shape import other_role, role_of
from bot.stems import rephrase, stem, variants
from store.textutil import words

LATEST = date(2025, 10, 30)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("when did To Lam visit Korea?", "when"),
        ("what day did the two leaders hold talks?", "when"),
        ("where did To Lam give his policy address?", "where"),
        ("which city did Luong Cuong go to?", "where"),
        ("who led the Vietnamese delegation?", "who"),
        ("who is the Korean first lady?", "who"),
        ("how many Vietnamese live in Korea?", "how_many"),
        ("how big is the Vietnamese community?", "how_many"),
        ("how much is the trade target?", "how_much"),
        ("how fast is Vietnam's economy growing?", "how_much"),
        ("what share of the weapons came from Russia?", "how_much"),
        ("how long was the state visit?", "how_long"),
        ("how many days did the General Secretary spend in the RoK?", "how_long"),
        ("what were the dates of the state visit?", "when"),
        ("what did To Lam tell students at Yonsei?", "what_did"),
        ("which Vietnamese leaders visited Korea?", "who"),
        ("what did Lee Jae Myung propose?", "what_did"),
        ("what did Korea pledge on development aid?", "what_did"),
        ("what was agreed in Gyeongju?", "outcomes"),
        ("what came out of the Busan leg of the visit?", "outcomes"),
        ("did they agree on nuclear power?", "yes_no"),
        ("will Korea fund the Hanoi metro?", "yes_no"),
        ("is a football friendly planned?", "yes_no"),
        ("list the commitments on trade", "list"),
        ("tell me about the statue", "search"),
        ("/commitment trade", "command"),
        ("/visit august", "command"),
        ("hello", "help"),
        ("", "help"),
    ],
)
def test_kinds(seeds_known: Knowledge, line: str, kind: str) -> None:
    assert parse(line, seeds_known, LATEST).kind == kind


@pytest.mark.parametrize(
    ("text", "start", "end", "months"),
    [
        ("on 21/11/2025", date(2025, 11, 21), date(2025, 11, 21), None),
        ("21.11.2025", date(2025, 11, 21), date(2025, 11, 21), None),
        ("on 21 nov", date(2024, 11, 21), date(2024, 11, 21), None),  # after the newest day
        ("nov 21st", date(2024, 11, 21), date(2024, 11, 21), None),
        ("aug 11th", date(2025, 8, 11), date(2025, 8, 11), None),
        ("on 11/08/2025", date(2025, 8, 11), date(2025, 8, 11), None),  # day first
        ("in mid-november 2025", date(2025, 11, 11), date(2025, 11, 20), None),
        ("late october", date(2025, 10, 21), date(2025, 10, 31), None),
        ("winter 2025", date(2025, 12, 1), date(2026, 2, 28), None),
        ("autumn 2025", date(2025, 9, 1), date(2025, 11, 30), None),
        ("last month", date(2025, 9, 1), date(2025, 9, 30), None),
        ("last november", date(2024, 11, 1), date(2024, 11, 30), None),
        ("last august", date(2025, 8, 1), date(2025, 8, 31), None),
        ("last october", date(2025, 10, 1), date(2025, 10, 31), None),  # the newest's month
        ("this year", date(2025, 1, 1), date(2025, 12, 31), None),
        ("in 2024", date(2024, 1, 1), date(2024, 12, 31), None),
        ("from june to august 2025", date(2025, 6, 1), date(2025, 8, 31), None),
        ("2023-2024", date(2023, 1, 1), date(2024, 12, 31), None),
        ("q3 2025", date(2025, 7, 1), date(2025, 9, 30), None),
        ("august 2025", date(2025, 8, 1), date(2025, 8, 31), None),
        ("in august", None, None, {8}),
        ("visits in may", None, None, {5}),
    ],
)
def test_periods(text: str, start: date | None, end: date | None, months: set[int] | None) -> None:
    period = parse_period(text, LATEST)
    assert period is not None
    assert (period.start, period.end) == (start, end)
    if months is not None:
        assert period.months == frozenset(months)


@pytest.mark.parametrize(
    ("sentence", "inside"),
    [
        ("Trade reached 80 billion USD in 2021.", True),
        ("The talks opened on 5 June.", True),  # a day without its year: some year since
        ("The office opened in March.", True),
        ("Ties were set up in 1991.", False),
        ("Nothing dated here.", False),
    ],
)
def test_an_open_period_since_a_year(seeds_known: Knowledge, sentence: str, inside: bool) -> None:
    """ "since 1992" runs on without end: a sentence dated in any later year is within it, read
    without walking the years up to its open end (the year 9999) one by one."""
    period = parse_period("how many times has trade grown since 1992", LATEST)
    assert period is not None and period.start == date(1992, 1, 1)
    assert mentions_period(sentence, period) is inside
    question = parse("how many times has trade grown since 1992?", seeds_known, LATEST)
    assert "1992" not in question.words


@pytest.mark.parametrize(
    "text", ["what may happen next", "3.5 million visitors", "the 150 billion USD target", "hello"]
)
def test_no_period_where_none_is_written(text: str) -> None:
    assert parse_period(text, LATEST) is None


def test_a_question_keeps_its_person_place_and_period(seeds_known: Knowledge) -> None:
    question = parse("when did Luong Cuong hold talks with Lee Jae Myung?", seeds_known, LATEST)
    assert question.person is not None and question.person.name == "Luong Cuong"  # the first named
    question = parse("how many Vietnamese live in Korea?", seeds_known, LATEST)
    assert question.place == "the RoK"  # the last country named: where they live
    question = parse("what was agreed in Gyeongju in late October?", seeds_known, LATEST)
    assert question.place == "Gyeongju"
    assert question.period is not None and question.period.start == date(2025, 10, 21)


def test_an_occasions_preposition_is_not_asked_about(seeds_known: Knowledge) -> None:
    """ "during" says when the agreeing happened; an outcome need not say "during"."""
    question = parse("what was agreed during To Lam's state visit?", seeds_known, LATEST)
    assert question.kind == "outcomes" and "during" not in question.words
    question = parse("what were the results of the talks with Lee?", seeds_known, LATEST)
    assert "results" not in question.words  # what is asked for, as "date" is for when


def test_a_roles_owner_is_said_by_a_possessive_or_an_adjective(seeds_known: Knowledge) -> None:
    for line in ("who is the Korean ambassador to Vietnam?", "who coaches South Korea's team?"):
        owned = owned_role(parse(line, seeds_known, LATEST))
        assert owned is not None and ("korea",) in owned.names and ("vietnam",) in owned.others
    assert owned_role(parse("who is the new ambassador?", seeds_known, LATEST)) is None


def test_paraphrases_say_the_same(seeds_known: Knowledge) -> None:
    assert variants("pledged") >= {stem("promise"), stem("vow"), stem("commit")}
    assert stem("upgraded") == stem("upgrading") == stem("upgrade")
    assert stem("elevate") in variants("upgrade")
    assert {stem("spouse"), stem("wife")} <= variants("wife")
    assert stem("reside") in variants("live")
    assert {stem("companies"), stem("enterprises")} <= variants("firms")
    assert stem("target") in variants("goal")
    assert rephrase("who is the korean first lady") == "who is the korean spouse"


def test_several_subjects_are_each_asked(seeds_known: Knowledge) -> None:
    question = parse("what was agreed on labour and tourism?", seeds_known, LATEST)
    assert question.subjects == ("labour", "tourism")
    assert len(question.alternatives) == 2


def test_names_in_no_lexicon_are_still_asked_about(seeds_known: Knowledge) -> None:
    question = parse("what did Zorblax Quintero promise about moon cheese?", seeds_known, LATEST)
    assert question.kind == "what_did"
    assert {"zorblax", "quintero", "moon", "cheese"} <= set(question.words)


def test_a_person_called_by_a_title_or_a_part_of_the_name(seeds_known: Knowledge) -> None:
    question = parse("what were the dates of the General Secretary's visit?", seeds_known, LATEST)
    assert question.person is not None and question.person.name == "To Lam"
    assert "secretary" not in question.words  # the title names the person, it is not asked
    question = parse("what did Madame Ly hope for?", seeds_known, LATEST)
    assert question.person is not None and question.person.name == "Ngo Phuong Ly"
    assert parse("who is the General Secretary?", seeds_known, LATEST).person is not None
    # a title asked for names nobody yet; a place is no part of a name
    assert parse("which general secretary came?", seeds_known, LATEST).person is None
    assert parse("when did they visit Bac Giang?", seeds_known, LATEST).person is None


def test_what_a_person_told_is_what_they_said(seeds_known: Knowledge) -> None:
    question = parse("what did To Lam tell students at Yonsei?", seeds_known, LATEST)
    assert stem("said") in question.action and "tell" not in question.words
    assert "tell" not in parse("tell me about the statue", seeds_known, LATEST).words


def test_what_the_subject_said_not_whom_to(seeds_known: Knowledge) -> None:
    question = parse("what did Lee promise Luong Cuong?", seeds_known, LATEST)
    assert question.person is not None and question.person.name == "Lee Jae Myung"
    question = parse("what did President Lee pledge at his talks with To Lam?", seeds_known, LATEST)
    assert stem("pledge") in question.action and stem("talks") not in question.action
    assert stem("talks") in question.soft  # the occasion ranks, it does not decide


def test_everyone_named_in_full_is_found_in_order(seeds_known: Knowledge) -> None:
    people = named("what day did Lee Jae Myung and To Lam hold their talks?", seeds_known)
    assert [p.name for p in people] == ["Lee Jae Myung", "To Lam"]


def test_an_open_period_finds_its_years_at_once() -> None:
    """'since 1992' runs to the last year a date has: a sentence's years are read, not each year
    of the period looked for (a question once took 24 s, 8,000 searches per sentence)."""
    since = parse_period("how has trade grown since 1992?", LATEST)
    assert since is not None
    started = perf_counter()
    for _ in range(50):
        assert mentions_period("Trade reached $80 billion in 2021.", since)
        assert not mentions_period("Trade stood at $500 million in 1985.", since)
    assert perf_counter() - started < 2.0


def test_a_vice_or_acting_role_is_not_the_role_asked(seeds_known: Knowledge) -> None:
    asked = parse("who is the mayor of Quillport?", seeds_known, LATEST)
    role = role_of(asked)
    assert role is not None
    assert other_role(asked, role[0], words("Quillport Vice Mayor Dae Orun cut the ribbon"))
    assert not other_role(asked, role[0], words("Quillport Mayor Dae Orun cut the ribbon"))
    said = words("Acting Mayor Dae Orun met the Quillport mayor, Sel Varo")
    assert not other_role(asked, role[0], said)  # the mayor is named too
    vice = parse("who is the vice mayor of Quillport?", seeds_known, LATEST)
    vice_role = role_of(vice)
    assert vice_role is None or not other_role(vice, vice_role[0], words("Vice Mayor Dae Orun"))


def test_a_modified_role_is_its_own_word() -> None:
    assert joined_roles("quillport vice mayor") == "quillport vicemayor"
    assert "mayor" not in joined_roles("acting mayor of quillport").split()
    assert joined_roles("mayor of quillport") == "mayor of quillport"


def test_a_place_named_after_in_is_read_by_its_shape_not_a_list(seeds_known: Knowledge) -> None:
    def place(line: str) -> tuple[str, ...]:
        return unlisted_place(parse(line, seeds_known, LATEST), seeds_known)

    assert place("How much has Quillcorp invested in Varo Denn?") == ("varo", "denn")
    assert place("What did Quillcorp open in Varo Denn in May?") == ("varo", "denn")
    assert place("How much did Quillcorp invest in May?") == ()
    assert place("How much has Quillcorp invested in Korea?") == ()
    assert place("How much is the Quillcorp plant worth in VND?") == ()
