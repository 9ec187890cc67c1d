"""The segment step: sentences split at full stops, not at abbreviations, initials or decimals."""

from __future__ import annotations

import pytest

from store.ingest.segment import MAX_SENTENCE, split_sentences

CASES = [
    (
        "two plain sentences",
        "The two sides held talks. They agreed.",
        ["The two sides held talks.", "They agreed."],
    ),
    (
        "Mr. and Dr.",
        "Mr. To Lam met Dr. Kim Sang-woo in Seoul. They talked.",
        ["Mr. To Lam met Dr. Kim Sang-woo in Seoul.", "They talked."],
    ),
    (
        "Mrs., Ms. and Prof.",
        "Mrs. Kim met Ms. Ly and Prof. Ahn. Then they left.",
        ["Mrs. Kim met Ms. Ly and Prof. Ahn.", "Then they left."],
    ),
    (
        "a month abbreviation",
        "The talks were held on Aug. 11 in Seoul. Both sides agreed.",
        ["The talks were held on Aug. 11 in Seoul.", "Both sides agreed."],
    ),
    (
        "initials",
        "Professor J. K. Park spoke at the forum. He left.",
        ["Professor J. K. Park spoke at the forum.", "He left."],
    ),
    (
        "a dotted acronym",
        "The U.S. and Vietnam held talks. Others did not.",
        ["The U.S. and Vietnam held talks.", "Others did not."],
    ),
    (
        "decimals",
        "Trade reached USD 150.5 billion in 2024. It grew 7.5% on the year.",
        ["Trade reached USD 150.5 billion in 2024.", "It grew 7.5% on the year."],
    ),
    (
        "a number ends a sentence",
        "Ties were set up in 1992. They have grown since.",
        ["Ties were set up in 1992.", "They have grown since."],
    ),
    (
        "a quote ends a sentence",
        'He said: "We will cooperate." The minister then left.',
        ['He said: "We will cooperate."', "The minister then left."],
    ),
    (
        "curly quotes",
        "He called Vietnam “a great country.” The visit ended.",
        ["He called Vietnam “a great country.”", "The visit ended."],
    ),
    (
        "a comma inside a quote",
        '"We will cooperate," he said. Then he left.',
        ['"We will cooperate," he said.', "Then he left."],
    ),
    (
        "question and exclamation marks",
        "Why now? Because the time is right! The talks began.",
        ["Why now?", "Because the time is right!", "The talks began."],
    ),
    (
        "a bracketed sentence",
        "(The meeting ended at noon.) The press briefing followed.",
        ["(The meeting ended at noon.)", "The press briefing followed."],
    ),
    (
        "a sentence opening with a Vietnamese capital",
        "The guests arrived. Đà Nẵng welcomed them.",
        ["The guests arrived.", "Đà Nẵng welcomed them."],
    ),
    (
        "a sentence opening with a number",
        "The forum closed. 50 agreements were signed.",
        ["The forum closed.", "50 agreements were signed."],
    ),
    (
        "e.g. before a lower-case word",
        "They discussed areas, e.g. energy and trade. Then they left.",
        ["They discussed areas, e.g. energy and trade.", "Then they left."],
    ),
    (
        "a Vietnamese abbreviation of a city",
        "The office opened in TP. Cần Thơ on Friday. Staff moved in.",
        ["The office opened in TP. Cần Thơ on Friday.", "Staff moved in."],
    ),
    ("a numbered heading", "2. Applicants", ["2. Applicants"]),
    (
        "a numbered item",
        "3. Fees are paid online. Receipts follow.",
        ["3. Fees are paid online.", "Receipts follow."],
    ),
    (
        "a number ending a sentence is no marker",
        "The ministers met 3. Then they left.",
        ["The ministers met 3.", "Then they left."],
    ),
    ("no final full stop", "The two sides held talks", ["The two sides held talks"]),
    ("nothing", "", []),
]


@pytest.mark.parametrize(("case", "paragraph", "sentences"), CASES, ids=[c[0] for c in CASES])
def test_split_sentences(case: str, paragraph: str, sentences: list[str]) -> None:
    assert split_sentences(paragraph) == sentences


def test_an_overlong_sentence_is_cut_into_bounded_pieces_at_clause_marks() -> None:
    clause = "the two sides agreed to expand trade in farm produce, "
    pieces = split_sentences("In Hanoi, " + clause * 40 + "and more.")
    assert len(pieces) > 1
    assert all(len(p) <= MAX_SENTENCE for p in pieces)
    assert all(p.endswith(",") for p in pieces[:-1])  # cut after a comma, not inside a word
    assert " ".join(pieces) == ("In Hanoi, " + clause * 40 + "and more.").strip()


def test_one_enormous_token_is_cut_where_it_must_be() -> None:
    pieces = split_sentences("A" + "b" * 5000 + ".")
    assert [len(p) for p in pieces[:-1]] == [MAX_SENTENCE] * (len(pieces) - 1)
    assert "".join(pieces) == "A" + "b" * 5000 + "."
