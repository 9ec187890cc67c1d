"""What was said, asked, proposed or agreed, answered from articles whose names, places and
subjects are in no list: a speech's "I propose that…", a request told over two sentences, an
agreement's lettered points, a /search hit that points back to the sentence before it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from asking import answer, store_among_seeds

from store.db import Store
from store.lexicon import load

ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = {
    "speech.txt": """Remarks by Vice Minister of Foreign Affairs Orlan Vesk at the Tessaly Friendship Dinner
Seoul, May 3, 2031
Good evening, distinguished guests, and xin chào.
I am glad to be with our Vietnamese friends tonight, and I thank the Embassy of Viet Nam for its welcome.
Looking ahead, I propose that our two countries build a joint seed bank for quillfruit growers.
We will also open our laboratories to young Vietnamese botanists.
Our friendship has deep roots, and I am confident it will grow.
Vice Minister Orlan Vesk delivers his remarks at the dinner in Seoul.
""",
    "visit.txt": """Korean Speaker Moak Ha-rok asks Vietnam to ease licences for Korean firms
Hanoi, June 12, 2031 (VNA) – Moak Ha-rok, Speaker of the National Assembly of the Republic of Korea, met Vietnamese Prime Minister Tran Van Dao in Hanoi on Thursday.
During the meeting, Moak said that Korean firms in Vietnam were doing well, and requested more support for them.
He noted that the firms hope Vietnam will simplify licences for quillfruit processing plants.
Dao said Vietnam would study the request.
The Speaker travelled with four members of the Korean legislature: Ahn Bo-ri, Seo Mun-jae, Pyo Da-eun and Gil Tae-ho.
Dao said his government will send a trade mission to Ulsan next spring.
""",
    "mou.txt": """Tessaly and Dunmere sign cooperation memorandum
Tessaly, July 2, 2031 (VNA) – The People's Committee of Tessaly province and the government of Dunmere county of the Republic of Korea signed a memorandum of understanding on Tuesday.
Under the memorandum, the two sides agreed on the following points:
a) Dunmere will send quillfruit experts to Tessaly every spring to train local growers in pruning and storage.
b) Tessaly will open a Dunmere trade office in its provincial capital and will handle the paperwork of Dunmere firms promptly.
The memorandum takes effect from the date of signing.
""",
    "digest.txt": """Tessaly news digest
Deputy Prime Minister Tran Van Dao received Dunmere Aid Fund president Ysolde Crane in Hanoi on Monday.
Dao asked the Fund to keep financing irrigation in Tessaly. He also asked the agency to press for a formal commitment to a solar pump project in the highland district of Orrisvale.
""",
    "notice.txt": """NOTICE: 2031 quillfruit grading exam (QGX-7) for growers going to Korea
[Home] > [Growers] > [Korea]
On Monday, March 3, 2031, the Tessaly Growers Office, with the Dunmere Farm Board, opened the 2031 grading exam for growers who wish to work on Korean farms.
Part 1 of the QGX-7 is a written test of 30 questions.
""",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """The invented articles among the seeds (whose words make the invented ones rare)."""
    return store_among_seeds(tmp_path_factory.mktemp("statements"), DOCUMENTS)


def test_the_names_are_in_no_list() -> None:
    everything = str([load(n) for n in ("parties", "titles", "topics", "countries", "cues")])
    for word in ("Tessaly", "Dunmere", "quillfruit", "Orlan Vesk", "Moak", "Orrisvale", "QGX"):
        assert word not in everything


def test_a_speakers_i_propose_is_their_proposal(store: Store) -> None:
    assert "seed bank" in answer(store, "What did Orlan Vesk propose?")


def test_a_request_told_over_two_sentences_is_answered_whole(store: Store) -> None:
    found = answer(store, "What did Moak Ha-rok ask Vietnam to do for Korean firms?")
    assert "requested more support" in found and "quillfruit processing" in found


def test_the_speaker_is_called_by_the_side_and_the_title(store: Store) -> None:
    assert "quillfruit processing" in answer(
        store, "What did the Korean Speaker ask Vietnam to do?"
    )


def test_a_promise_said_with_will_is_a_promise(store: Store) -> None:
    assert "trade mission to Ulsan" in answer(store, "What did Tran Van Dao promise Moak Ha-rok?")


def test_who_travelled_with_the_person_named_by_title(store: Store) -> None:
    found = answer(store, "Which lawmakers travelled with the Korean Speaker?")
    assert "Ahn Bo-ri" in found and "Gil Tae-ho" in found


def test_an_agreements_lettered_points_are_what_was_agreed(store: Store) -> None:
    found = answer(store, "What did Tessaly and Dunmere agree in the memorandum?")
    assert "quillfruit experts" in found and "trade office" in found


def test_a_search_hit_pointing_back_shows_who_asked(store: Store) -> None:
    found = answer(store, "/search solar pump Orrisvale")
    assert "Dao asked the Fund" in found


def test_a_search_names_the_article_titled_for_it(store: Store) -> None:
    found = answer(store, "/search QGX-7")
    assert "Part 1 of the QGX-7" in found and "Tessaly Growers Office" in found
