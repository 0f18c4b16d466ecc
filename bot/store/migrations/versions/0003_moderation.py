"""Moderation: per-mention state, the action ledger, evidence packs, captured media, overrides.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _mention_fk(primary_key: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("mention_id", sa.Integer, sa.ForeignKey("mentions.id", ondelete="CASCADE"),
                     nullable=False, primary_key=primary_key)


def upgrade() -> None:
    op.create_table(
        "moderation_state",
        _mention_fk(primary_key=True),
        sa.Column("generation", sa.Integer, nullable=False),
        sa.Column("hidden", sa.Boolean, nullable=False),
        sa.Column("deleted", sa.Boolean, nullable=False),
        sa.Column("blocked", sa.Boolean, nullable=False),
        sa.Column("muted", sa.Boolean, nullable=False),
        sa.Column("claimed_by", sa.String(64), nullable=False),
        sa.Column("closed", sa.Boolean, nullable=False),
        sa.Column("state_line", sa.String(500), nullable=False),
        sa.Column("report_link", sa.String(500), nullable=False),
        sa.Column("complaint_overdue", sa.Boolean, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "moderation_ledger",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(120), nullable=False),
        _mention_fk(),
        sa.Column("action", sa.String(24), nullable=False),
        sa.Column("generation", sa.Integer, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("actor_name", sa.String(100), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("told", sa.String(16), nullable=False),
        sa.Column("told_note", sa.String(300), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("template", sa.String(64), nullable=False),
        sa.Column("result_id", sa.String(255), nullable=False),
        sa.Column("error", sa.String(500), nullable=False),
        sa.Column("error_code", sa.String(32), nullable=False),
        sa.Column("policy_version", sa.String(64), nullable=False),
        sa.Column("requested_at", TS, nullable=False),
        sa.Column("completed_at", TS, nullable=True),
        sa.UniqueConstraint("key", name="uq_moderation_ledger_key"),
    )
    op.create_index("ix_moderation_ledger_state", "moderation_ledger", ["state"])
    op.create_index("ix_moderation_ledger_mention", "moderation_ledger", ["mention_id"])
    op.create_table(
        "evidence_packs",
        sa.Column("id", sa.Integer, primary_key=True),
        _mention_fk(),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("html_sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("pack", JSON, nullable=False),
        sa.Column("slack_file_ids", JSON, nullable=False),
        sa.Column("report_open", sa.Boolean, nullable=False),
    )
    op.create_index("ix_evidence_packs_mention", "evidence_packs", ["mention_id"])
    op.create_table(
        "captured_media",
        sa.Column("id", sa.Integer, primary_key=True),
        _mention_fk(),
        sa.Column("media_key", sa.String(120), nullable=False),
        sa.Column("url", sa.String(1000), nullable=False),
        sa.Column("content_type", sa.String(100), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=True),
        sa.Column("error", sa.String(300), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("captured_at", TS, nullable=False),
        sa.UniqueConstraint("mention_id", "media_key", name="uq_captured_media_item"),
    )
    op.create_table(
        "flag_overrides",
        sa.Column("id", sa.Integer, primary_key=True),
        _mention_fk(),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("removed", JSON, nullable=False),
        sa.Column("added", JSON, nullable=False),
        sa.Column("categories_before", JSON, nullable=False),
        sa.Column("categories_after", JSON, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("policy_version", sa.String(64), nullable=False),
    )
    op.create_index("ix_flag_overrides_at", "flag_overrides", ["at"])


def downgrade() -> None:
    for table in ("flag_overrides", "captured_media", "evidence_packs", "moderation_ledger",
                  "moderation_state"):
        op.drop_table(table)
