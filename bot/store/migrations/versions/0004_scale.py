"""Indexes for a year of history (the benchmarks): the stats range queries, the alert of a
mention, and the last post per channel that pacing reads when several processes post.

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_alerts_mention", "alerts", ["mention_id"])
    op.create_index("ix_alerts_posted_at", "alerts", ["posted_at"])
    op.create_index("ix_alerts_channel_posted", "alerts", ["channel", "posted_at"])
    op.create_index("ix_audit_log_at", "audit_log", ["at"])
    op.create_index("ix_audit_log_mention", "audit_log", ["mention_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_mention", "audit_log")
    op.drop_index("ix_audit_log_at", "audit_log")
    op.drop_index("ix_alerts_channel_posted", "alerts")
    op.drop_index("ix_alerts_posted_at", "alerts")
    op.drop_index("ix_alerts_mention", "alerts")
