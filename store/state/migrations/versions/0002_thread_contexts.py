"""Thread contexts: the last question answered in each Slack thread, for follow-ups.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "thread_contexts",
        sa.Column("channel", sa.String(40), primary_key=True),
        sa.Column("thread_ts", sa.String(40), primary_key=True),
        sa.Column("query", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("at", sa.Double(), nullable=False),
    )
    op.create_index("ix_thread_contexts_at", "thread_contexts", ["at"])


def downgrade() -> None:
    op.drop_index("ix_thread_contexts_at", table_name="thread_contexts")
    op.drop_table("thread_contexts")
