"""What was said, asked or promised: a person called by their side and title, a statement told
over several sentences, "call on" in its visiting sense, a city the question names itself, a
sentence pointing back shown with the one before; each with names and places no lexicon holds."""

from __future__ import annotations

from datetime import date

from bot.answers.common import with_before
from bot.answers.statements import continued
from bot.calling import called, heads, titles
from bot.elsewhere import elsewhere
from bot.knowledge import Knowledge
from bot.question import Question, _subjects, _words
from bot.question_words import kind_of
from bot.rank import Scored
from bot.router import Route
from bot.speech_acts import implied
from bot.stems import covered, other_senses, stem, variants
from store.evidence import Candidate, Facts
from store.queries import PersonInfo
from store.queries.records import DocRef, Quote


def _person(pid: int, name: str, side: str, role: str) -> PersonInfo:
    return PersonInfo(pid, name, side, role, (), None, 1, (name,))


def _known(*people: PersonInfo, places: tuple[str, ...] = ()) -> Knowledge:
    aliases = {p.name.lower(): p.id for p in people}
    cities = {p.lower(): p for p in places}
    return Knowledge(None, (), {}, people, aliases, cities, {}, date(2031, 5, 1))


def test_a_title_is_called_by_the_adjective_of_its_holders_side() -> None:
    speaker = _person(1, "Quellan Brisk", "the RoK", "Speaker of the Grand Moot of Ostria")
    assert {"korean speaker", "south korean speaker"} <= titles(speaker)
    assert heads(speaker) == {"speaker"}
    helper = _person(2, "Dovi Marr", "the RoK", "Ostria volunteer")  # no title: lower case
    assert "korean volunteer" not in titles(helper)
    known = _known(speaker, helper)
    found = called("What did the Korean Speaker ask for?", known)
    assert found is not None and found.name == "Quellan Brisk"


def test_a_title_two_people_hold_names_neither() -> None:
    one = _person(1, "Pell Orrin", "Vietnam", "Ambassador to Ostria")
    two = _person(2, "Saba Tunn", "Vietnam", "Vietnamese Ambassador to Ostria")
    assert called("what did the Vietnamese ambassador say?", _known(one, two)) is None


def test_calling_on_someone_visits_them_and_asks_nothing() -> None:
    assert other_senses("He is to call on the Chief Elder of Ostria.") == {"call"}
    assert other_senses("He called on Brisk Foods to open a plant in Vell.") == set()


def test_what_was_discussed_asks_for_an_occasions_outcomes() -> None:
    assert kind_of("what was discussed during the speaker's visit to vellmora") == "outcomes"
    assert kind_of("what was raised at the talks") == "outcomes"


def test_what_someone_wants_is_what_they_hope_for() -> None:
    line = "what does vellmora want to learn"
    words, _soft, action = _words(line, None, None, None, _known(), "what_did")
    assert covered(frozenset(action), {stem("hoped")}) and covered(frozenset(action), {"wants"})
    assert words == ["vellmora", "learn"]


def test_a_city_the_question_names_is_no_other_place() -> None:
    known = _known(places=("Vellmora", "Quintara", "Ostbay"))
    route = Route("search", "", 50.0, False)
    text = "what does Vellmora want to learn from Quintara's port?"
    question = Question(text, "what_did", route, place="Vellmora")
    assert not elsewhere(question, "He hoped to learn from Quintara's port.", known)
    assert elsewhere(question, "He hoped to learn from Ostbay's port.", known)


def test_a_sentence_pointing_back_is_shown_with_the_one_before() -> None:
    before = "Orrin asked the Ostria Fund to keep paying for wells."
    text = "He also asked the agency to fund a road in Vell."
    assert with_before(text, before) == f"{before} {text}"
    assert with_before("The Fund paid for wells.", "Orrin spoke.") == "The Fund paid for wells."
    assert with_before(text, None) == text


def _scored(sentence_id: int, text: str, score: float, answers: bool, *people: int) -> Scored:
    quote = Quote(sentence_id, text, True, DocRef(7, "d", "Ostria talks", None))
    candidate = Candidate(quote, 0, Facts(people=tuple(people)))
    return Scored(candidate, score, 1.0 if answers else 0.5, answers, (), 1)


def test_a_statement_goes_on_after_the_sentence_that_answers() -> None:
    person = _person(1, "Quellan Brisk", "the RoK", "Speaker")
    route = Route("who", "Quellan Brisk", 85.0, False)
    question = Question(
        "what did Brisk ask?", "what_did", route, action=variants("ask"), person=person
    )
    ranked = [
        _scored(10, "Brisk asked Ostria to open its ports.", 3.0, True, 1),
        _scored(11, "He noted that firms hope Ostria will ease its fees.", 1.5, False),
        _scored(12, "Orrin replied that Ostria would study it.", 1.4, False, 2),
        _scored(30, "He was elected in 2030.", 1.2, False),
    ]
    pointing = frozenset({11, 12, 30})
    out = continued(question, ranked, pointing)
    assert [s.candidate.quote.sentence_id for s in out] == [10, 11, 12, 30]
    assert out[1].answers and out[1].score < out[0].score
    assert not out[2].answers and not out[3].answers  # another's reply; not right after


def test_without_an_asked_person_he_goes_on_from_the_speaker_before() -> None:
    route = Route("search", "", 50.0, False)
    question = Question("what does Vell want to learn?", "what_did", route, action=variants("want"))
    ranked = [
        _scored(20, "The chairman said Vell hoped to learn from Ostbay's ports.", 2.0, True),
        _scored(21, "He said the cranes there had impressed him.", 1.0, False),
        _scored(22, "Orrin said the ports were busy.", 0.9, False, 2),
    ]
    out = continued(question, ranked, frozenset())
    assert [s.candidate.quote.sentence_id for s in out] == [20, 21, 22]
    assert out[1].answers and not out[2].answers


def test_things_of_several_words_asked_together_are_each_asked() -> None:
    line = "tell me about zorb cheese making and the quell glass fair in Vell"
    assert _subjects(line, _known(), "search") == ("zorb cheese making", "quell glass fair vell")
    assert _subjects("what did Vell and Ostria agree", _known(), "what_did") == ()


def test_keen_on_is_interested_in() -> None:
    assert covered(variants("interested"), {stem("keen")})


def test_the_points_an_answering_lead_in_introduces_answer_too() -> None:
    route = Route("commitment", "", 90.0, False)
    question = Question("what did Vell agree?", "what_did", route, action=variants("agree"))
    ranked = [
        _scored(40, "Under the memorandum, the two sides agreed on the following points:", 2, True),
        _scored(41, "a) Vell will send quillfruit experts to Ostbay every spring.", 1.0, False),
        _scored(42, "b) Ostbay will open a trade office in Vell.", 2.5, False),
        _scored(43, "The memorandum takes effect at once.", 0.8, False),
    ]
    out = {s.candidate.quote.sentence_id: s for s in continued(question, ranked, frozenset())}
    assert out[41].answers and out[42].answers and not out[43].answers
    assert out[42].score == 2.5 and out[41].score < 2  # its own words may rank it higher


def test_a_promise_or_a_request_in_other_words() -> None:
    promise, ask = variants("promise"), variants("ask")
    assert implied(promise, "Dao said his country will send quillfruit experts to Vell.")
    assert implied(promise, "Dao responded that Ostria would study the request.")
    assert not implied(promise, "Dao said the talks were useful.")
    assert implied(ask, "He noted that firms hope Ostria will simplify licences.")
    assert not implied(ask, "Dao said his country will send experts.")
    assert not implied(variants("say"), "Dao said his country will send experts.")
    proposal = "he raised the idea of a quillfruit park run jointly by the two provinces"
    assert implied(variants("propose"), proposal)
    assert not implied(variants("propose"), "They raised funds for the quillfruit park.")
