"""What showing the best answering sentences needs from the store, read for the first few of
them at once: their commitments' cards and occasions, their figures, their documents' sentences
(for a title only one person holds). On PostgreSQL each statement is a round trip; a sentence
further down, reached only when those before it were shown already, is read on its own."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.answer import Item
from bot.answers.commitments import commitment_cards, occasions
from bot.rank import Scored
from store import queries, reading
from store.evidence import Candidate
from store.queries import CommitmentInfo, FigureInfo, VisitInfo
from store.reading import WalkRow

AHEAD = 15  # the candidates read at once: three times the sentences an answer shows


@dataclass
class ReadAhead:
    session: Session
    commitments: dict[int, CommitmentInfo]
    visits: dict[int, VisitInfo]
    figures: dict[int, list[FigureInfo]]  # by sentence id
    walked: dict[int, list[WalkRow]]  # by document id

    def cards(self, commitment_ids: list[int], quoting: int) -> list[Item]:
        """The cards of these commitments quoting that sentence (bot.answers.commitments)."""
        missing = [c for c in commitment_ids if c not in self.commitments]
        if missing:
            self._add_commitments(missing)
        shown = [self.commitments[c] for c in commitment_ids if c in self.commitments]
        return commitment_cards([c for c in shown if c.quote.sentence_id == quoting], self.visits)

    def figures_of(self, candidate: Candidate) -> list[FigureInfo]:
        """The figures the candidate's sentence states, in the order of their ids."""
        sentence_id = candidate.quote.sentence_id
        if sentence_id not in self.figures:
            self.figures[sentence_id] = queries.figures(self.session, sentence_ids=[sentence_id])
        return self.figures[sentence_id]

    def walk_of(self, document_id: int) -> list[WalkRow]:
        """The document's sentences in reading order, with the people each names."""
        if document_id not in self.walked:
            self.walked.update(reading.walks(self.session, [document_id]))
        return self.walked[document_id]

    def _add_commitments(self, ids: list[int]) -> None:
        found = queries.commitments(self.session, ids)
        self.commitments.update((c.id, c) for c in found)
        wanted = [c for c in found if any(v not in self.visits for v in c.occasions)]
        self.visits.update(occasions(self.session, wanted))


def read_ahead(
    session: Session, found: list[Scored], cards: bool, counting: bool, titled: bool
) -> ReadAhead:
    """Read what the first candidates to show may need: commitment cards (`cards`), figures
    (`counting`), their documents' sentences for those naming nobody (`titled`)."""
    first = [s.candidate for s in found]
    reads = ReadAhead(session, {}, {}, {}, {})
    if cards:
        wanted = list(dict.fromkeys(c for f in first for c in f.facts.commitments))
        if wanted:
            reads._add_commitments(wanted)
    if counting:
        stating = [f.quote.sentence_id for f in first if f.facts.figures]
        by_sentence: dict[int, list[FigureInfo]] = defaultdict(list)
        for figure in queries.figures(session, sentence_ids=stating) if stating else []:
            by_sentence[figure.sentence_id].append(figure)
        # a sentence's figures are all its facts name, or it is read again on its own
        reads.figures.update(
            (f.quote.sentence_id, by_sentence[f.quote.sentence_id])
            for f in first
            if f.facts.figures
            and {x.id for x in by_sentence[f.quote.sentence_id]} == set(f.facts.figures)
        )
    if titled:
        documents = sorted({f.quote.document.id for f in first if not f.facts.people})
        reads.walked.update(reading.walks(session, documents))
    return reads
