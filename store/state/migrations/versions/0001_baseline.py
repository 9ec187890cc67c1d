"""The state tables as they were before the state had a history.

Revision ID: 0001
Revises:
Create Date: 2026-11-30

IF NOT EXISTS throughout: a state database made before Alembic already has these tables (and
their rows); upgrading it runs this revision as a no-op and records it, so later revisions apply.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "answer_votes",
        sa.Column("answer_id", sa.String(32), primary_key=True),
        sa.Column("user_hash", sa.String(64), primary_key=True),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("vote", sa.Integer(), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
        if_not_exists=True,
    )
    op.create_index("ix_answer_votes_at", "answer_votes", ["at"], if_not_exists=True)
    op.create_table(
        "handled_events",
        sa.Column("event_id", sa.String(100), primary_key=True),
        sa.Column("handled_at", sa.Double(), nullable=False),
        if_not_exists=True,
    )
    op.create_index(
        "ix_handled_events_handled_at", "handled_events", ["handled_at"], if_not_exists=True
    )
    op.create_table(
        "query_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.Double(), nullable=False),
        sa.Column("user_hash", sa.String(64), nullable=False),
        sa.Column("source", sa.String(16), nullable=False),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("query_key", sa.String(500), nullable=False),
        sa.Column("intent", sa.String(20), nullable=False),
        sa.Column("score", sa.Double(), nullable=False),
        sa.Column("results", sa.Integer(), nullable=False),
        sa.Column("empty", sa.Boolean(), nullable=False),
        sa.Column("latency_ms", sa.Integer(), nullable=False),
        sa.Column("answer_id", sa.String(32), nullable=False),
        if_not_exists=True,
    )
    op.create_index("ix_query_log_at", "query_log", ["at"], if_not_exists=True)
    op.create_index("ix_query_log_key", "query_log", ["query_key"], if_not_exists=True)
    op.create_table(
        "reseed_runs",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("started_at", sa.Double(), nullable=False),
        sa.Column("finished_at", sa.Double(), nullable=False),
        sa.Column("by", sa.String(100), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        if_not_exists=True,
    )
    op.create_index("ix_reseed_runs_started_at", "reseed_runs", ["started_at"], if_not_exists=True)
    op.create_table(
        "state_meta",
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
        if_not_exists=True,
    )
    op.create_table(
        "uploaded_documents",
        sa.Column("name", sa.String(200), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("uploaded_by", sa.String(40), nullable=False),
        sa.Column("uploaded_at", sa.Double(), nullable=False),
        if_not_exists=True,
    )


def downgrade() -> None:
    for table in (
        "uploaded_documents",
        "state_meta",
        "reseed_runs",
        "query_log",
        "handled_events",
        "answer_votes",
    ):
        op.drop_table(table)
