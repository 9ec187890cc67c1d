"""Corroboration: how many documents report the fact a sentence carries."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from store import fact_models as fm


def sentence_reports(session: Session, sentence_ids: list[int]) -> dict[int, int]:
    """Sentence id -> the documents reporting a commitment or a figure the sentence states (the
    best-reported one); sentences that state neither are left out."""
    if not sentence_ids:
        return {}
    wanted = set(sentence_ids)
    found: dict[int, int] = defaultdict(int)
    for sentence_id, count in session.execute(
        select(fm.CommitmentSource.sentence_id, func.max(fm.Commitment.report_count))
        .join(fm.Commitment, fm.Commitment.id == fm.CommitmentSource.commitment_id)
        .where(fm.CommitmentSource.sentence_id.in_(wanted))
        .group_by(fm.CommitmentSource.sentence_id)
    ):
        found[sentence_id] = max(found[sentence_id], int(count))
    for sentence_id, count in session.execute(
        select(fm.Figure.sentence_id, func.max(fm.Figure.group_documents))
        .where(fm.Figure.sentence_id.in_(wanted))
        .group_by(fm.Figure.sentence_id)
    ):
        found[sentence_id] = max(found[sentence_id], int(count))
    return dict(found)
