"""Figures, people and dates answered from articles whose names, places and subjects are in no
list: what is found is found by the text's shape, never by a lexicon of this corpus.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from asking import answer, store_among_seeds

from bot.stems import variants
from store.db import Store
from store.lexicon import load

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = {
    "loans.txt": """Korea to lend Tessaly province for its coastal roads
Hanoi, March 4, 2025 (VNA) – Korea will provide about 2.4 billion USD in official development assistance (ODA) to Vietnam over the next five years, the Korean embassy said.
The Korea Eximbank and the Tessaly People's Committee signed a framework agreement on concessional loans worth 640 million USD for 2025 – 2028 to build coastal roads.
Tessaly also exported 12,000 tonnes of dried quillfruit to Korea last year.
""",
    "plant.txt": """Brambleton Optics opens lens plant in Velmora
Velmora, June 2, 2025 (VNA) – South Korea's Brambleton Optics inaugurated a lens factory in Velmora province on Monday.
The company's chairman said the factory is expected to employ over 2,600 Vietnamese workers by 2027.
The plant cost 310 million USD.
""",
    "noodles.txt": """Marlo Foods marks milestone in Brenmoor
Brenmoor, May 5, 2025 (VNA) – South Korea's Marlo Foods, which has run a noodle plant in Brenmoor province since 2011, celebrated its anniversary on Monday.
Korean businesses have invested in Brenmoor since 2009, the provincial People's Committee said.
""",
    "speaker.txt": """Speaker Holvik visits Tessaly
Tessaly, June 9, 2025 (VNA) – Korean Assembly Speaker Dorin Holvik met provincial leaders in Tessaly on Monday.
Holvik said that about 3,000 South Korean companies operate in Tessaly, making a significant contribution to its exports.
""",
    "chamber.txt": """Korean firms flock to Tessaly
Tessaly, July 1, 2025 (VNA) – According to the Orvel Business Chamber, some 4,500 South Korean companies operate in Tessaly, most of them in textiles.
""",
    "lenses.txt": """Brambleton Optics to add a lens line in Velmora
Velmora, August 3, 2025 (VNA) – Brambleton Optics plans to invest 90 million USD in a new lens line at its Velmora factory.
""",
    "optics_profile.txt": """Korean optics maker deepens roots in Vietnam
Hanoi, August 20, 2025 (VNA) – Brambleton Optics, which entered Vietnam in 2008, has invested 1.2 billion USD in the country in total, the firm said.
""",
    "workshop.txt": """Quillan college opens ceramics workshop in Busan
Busan, May 19, 2025 (VNA) – On Saturday, May 17, the Quillan College of Arts opened a ceramics workshop in Busan for Vietnamese potters, with kilns donated by the Orsolo foundation.
""",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The invented articles among the seeds (whose words make the invented ones rare)."""
    return store_among_seeds(tmp_path_factory.mktemp("invented"), DOCUMENTS)


def test_the_names_are_in_no_list() -> None:
    everything = str([load(n) for n in ("parties", "titles", "topics", "countries", "cues")])
    for word in (
        "Tessaly",
        "quillfruit",
        "Brambleton",
        "Velmora",
        "Quillan",
        "Orsolo",
        "ceramic",
        "Marlo",
    ):
        assert word not in everything


def test_a_figure_on_the_named_topic_said_in_other_words(store: Store) -> None:
    """`/figure oda` finds the concessional loans too, though their sentence never says ODA."""
    found = answer(store, "/figure oda")
    assert "2.4 billion" in found and "640 million" in found
    assert "12,000" not in found


def test_a_narrower_word_of_a_topic_is_not_the_topic(store: Store) -> None:
    """`/figure quillfruit loans`: the loans' figures do not answer a word no sentence says."""
    assert re.search(r"\bno\b.{0,80}\bfound\b", answer(store, "/figure quillfruit loans"), re.I)


def test_a_short_plural_finds_its_paraphrases() -> None:
    assert variants("job") < variants("jobs") and "emplo" in variants("jobs")
    assert variants("glass") == {"glass"}


def test_the_verb_closing_a_how_many_question_ranks_but_does_not_decide(store: Store) -> None:
    """The jobs the plant will "create" are the workers it is expected to employ."""
    assert "2,600" in answer(store, "How many jobs will the Brambleton Optics plant create?")


def test_a_visit_found_by_its_place_alone_does_not_answer_another_event(store: Store) -> None:
    """The workshop opened in a city a leader visited (in the seeds): the workshop's day
    answers, not the visit's card."""
    found = answer(store, "when did the ceramics workshop open in Busan?")
    assert "May 17" in found.split("\n")[0]
    assert "To Lam" not in found


def test_a_founding_year_is_no_count(store: Store) -> None:
    """ "since 2009" says when businesses came, not how many did: nothing counts them."""
    found = answer(store, "How many Korean businesses have invested in Brenmoor?")
    assert re.match(r"No \w+ found", found)
    assert "2011" in answer(store, "/figure Marlo Foods")  # a milestone is still a figure


def test_according_to_someone_asks_for_their_figure(store: Store) -> None:
    """Two sources count the firms differently: the one cited is the answer."""
    asked = "How many South Korean companies operate in Tessaly, according to {}?"
    found = answer(store, asked.format("Holvik"))
    assert "3,000" in found and "4,500" not in found
    found = answer(store, asked.format("the Orvel Business Chamber"))
    assert "4,500" in found and "3,000" not in found


def test_a_total_asked_is_not_a_part(store: Store) -> None:
    """One project's investment is a part of what the firm has invested in total."""
    found = answer(store, "how much has Brambleton Optics invested in Vietnam in total?")
    assert "1.2 billion" in found and "90 million" not in found
