"""Initial schema: mentions, decisions, alerts (outbox), audit log, source state.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("account", sa.String(40), nullable=False),
        sa.Column("external_id", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("author_id", sa.String(64), nullable=False),
        sa.Column("author_handle", sa.String(64), nullable=False),
        sa.Column("author_name", sa.String(200), nullable=False),
        sa.Column("author_url", sa.String(300), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("media", JSON, nullable=False),
        sa.Column("links", JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("permalink", sa.String(300), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("parent_id", sa.String(255), nullable=False),
        sa.Column("in_own_conversation", sa.Boolean, nullable=False),
        sa.Column("raw", JSON, nullable=False),
        sa.Column("ingested_at", TS, nullable=False),
        sa.UniqueConstraint("platform", "account", "external_id", name="uq_mentions_platform_item"),
    )
    op.create_index("ix_mentions_created_at", "mentions", ["created_at"])
    op.create_index("ix_mentions_author", "mentions", ["platform", "author_id"])

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "mention_id",
            sa.Integer,
            sa.ForeignKey("mentions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("policy_version", sa.String(64), nullable=False),
        sa.Column("categories", JSON, nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("detail", JSON, nullable=False),
        sa.Column("decided_at", TS, nullable=False),
    )
    op.create_index("ix_decisions_mention", "decisions", ["mention_id"])

    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("dedupe_key", sa.String(200), nullable=False),
        sa.Column(
            "mention_id",
            sa.Integer,
            sa.ForeignKey("mentions.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("payload", JSON, nullable=False),
        sa.Column("channel", sa.String(32), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("ts", sa.String(32), nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("next_attempt_at", TS, nullable=False),
        sa.Column("last_error", sa.String(500), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("posted_at", TS, nullable=True),
        sa.UniqueConstraint("dedupe_key", name="uq_alerts_dedupe_key"),
    )
    op.create_index("ix_alerts_due", "alerts", ["state", "next_attempt_at"])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("at", TS, nullable=False),
        sa.Column("actor", sa.String(64), nullable=False),
        sa.Column("action", sa.String(48), nullable=False),
        sa.Column("mention_id", sa.Integer, nullable=True),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("detail", JSON, nullable=False),
        sa.Column("policy_version", sa.String(64), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )

    op.create_table(
        "source_state",
        sa.Column("key", sa.String(120), primary_key=True),
        sa.Column("cursor", sa.String(64), nullable=True),
        sa.Column("last_success_at", TS, nullable=True),
        sa.Column("last_attempt_at", TS, nullable=True),
        sa.Column("backoff_until", TS, nullable=True),
        sa.Column("last_error", sa.String(500), nullable=False),
        sa.Column("consecutive_failures", sa.Integer, nullable=False),
    )

    if op.get_bind().dialect.name == "postgresql":
        # The audit log is append-only at the database level, not just by convention.
        op.execute(
            """
            CREATE FUNCTION feedwatch_audit_append_only() RETURNS trigger AS $$
            BEGIN
              RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
            END;
            $$ LANGUAGE plpgsql;
            """
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION feedwatch_audit_append_only();"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                f"BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: {verb} refused'); END;"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS feedwatch_audit_append_only()")
    for table in ("source_state", "audit_log", "alerts", "decisions", "mentions"):
        op.drop_table(table)
