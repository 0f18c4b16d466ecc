"""Office hours, holding, signposting, poll gaps, job runs, retention and audit anchors.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")

# Audit rows may be deleted only up to the newest anchor written by retention pruning; every
# other UPDATE or DELETE is still refused by the database.
_PG_FUNCTION = """
CREATE OR REPLACE FUNCTION feedwatch_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD.id <= (SELECT COALESCE(MAX(through_id), 0) FROM audit_anchors)
  THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""
_PG_FUNCTION_0001 = """
CREATE OR REPLACE FUNCTION feedwatch_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;
"""


def upgrade() -> None:
    with op.batch_alter_table("alerts") as batch:
        batch.add_column(sa.Column("hold_reason", sa.String(16), nullable=False,
                                   server_default=""))
        batch.add_column(sa.Column("released_at", TS, nullable=True))
    with op.batch_alter_table("mentions") as batch:
        batch.add_column(sa.Column("content_erased_at", TS, nullable=True))
        batch.add_column(sa.Column("author_erased_at", TS, nullable=True))

    op.create_table(
        "office_state",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("paused_until", TS, nullable=True),
        sa.Column("paused_by", sa.String(64), nullable=False),
        sa.Column("paused_at", TS, nullable=True),
        sa.Column("last_spike_at", TS, nullable=True),
    )
    op.create_table(
        "signposts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("account", sa.String(40), nullable=False),
        sa.Column("author_id", sa.String(64), nullable=False),
        sa.Column("night", sa.String(10), nullable=False),
        sa.Column("mention_id", sa.Integer,
                  sa.ForeignKey("mentions.id", ondelete="CASCADE"), nullable=False),
        sa.Column("template", sa.String(64), nullable=False),
        sa.Column("status", sa.String(24), nullable=False),
        sa.Column("reason", sa.String(300), nullable=False),
        sa.Column("decided_at", TS, nullable=False),
        sa.UniqueConstraint("platform", "account", "author_id", "night",
                            name="uq_signposts_night"),
    )
    op.create_table(
        "poll_gaps",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("edge", sa.String(120), nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("ended_at", TS, nullable=False),
    )
    op.create_index("ix_poll_gaps_ended", "poll_gaps", ["ended_at"])
    op.create_table(
        "job_runs",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("finished_at", TS, nullable=True),
        sa.Column("detail", JSON, nullable=False),
        sa.UniqueConstraint("key", name="uq_job_runs_key"),
    )
    op.create_table(
        "audit_anchors",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("through_id", sa.Integer, nullable=False),
        sa.Column("anchor_hash", sa.String(64), nullable=False),
        sa.Column("rows", sa.Integer, nullable=False),
        sa.Column("pruned_at", TS, nullable=False),
    )

    if op.get_bind().dialect.name == "postgresql":
        op.execute(_PG_FUNCTION)
        op.execute(
            "CREATE TRIGGER audit_anchors_append_only BEFORE UPDATE OR DELETE ON audit_anchors "
            "FOR EACH ROW EXECUTE FUNCTION feedwatch_audit_append_only();"
        )
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        op.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "WHEN OLD.id > (SELECT COALESCE(MAX(through_id), 0) FROM audit_anchors) "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END;"
        )
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_anchors_no_{verb.lower()} BEFORE {verb} ON audit_anchors "
                f"BEGIN SELECT RAISE(ABORT, 'audit_anchors is append-only: {verb} refused'); END;"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_anchors_append_only ON audit_anchors")
        op.execute(_PG_FUNCTION_0001)
    else:
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        op.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only: DELETE refused'); END;"
        )
    for table in ("audit_anchors", "job_runs", "poll_gaps", "signposts", "office_state"):
        op.drop_table(table)
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("author_erased_at")
        batch.drop_column("content_erased_at")
    with op.batch_alter_table("alerts") as batch:
        batch.drop_column("released_at")
        batch.drop_column("hold_reason")
