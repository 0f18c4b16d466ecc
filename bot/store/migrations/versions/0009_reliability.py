"""Posts set aside when the database refuses them; when a feed's failure streak began; the
audit chain's signed head (its last row, hash and row count) and signed prune anchors; Slack
interactions already handled (replays).

Revision ID: 0009
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "quarantined_posts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("account", sa.String(40), nullable=False),
        sa.Column("external_id", sa.String(255), nullable=False),
        sa.Column("edge", sa.String(120), nullable=False),
        sa.Column("permalink", sa.String(300), nullable=False),
        sa.Column("error", sa.String(500), nullable=False),
        sa.Column("quarantined_at", TS, nullable=False),
        sa.UniqueConstraint("platform", "account", "external_id", name="uq_quarantined_post"),
    )
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("last_id", sa.Integer, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.Column("row_count", sa.Integer, nullable=False),
        sa.Column("mac", sa.String(64), nullable=False),
        sa.Column("note", sa.String(300), nullable=False),
        sa.Column("signed_from", sa.Integer, nullable=True),
        sa.Column("updated_at", TS, nullable=True),
    )
    # A plain ADD COLUMN: recreating the table (batch mode) would drop its append-only triggers.
    op.add_column("audit_anchors",
                  sa.Column("mac", sa.String(64), nullable=False, server_default=""))
    # The head starts where the log now ends (unsigned: the first row written with
    # AUDIT_HMAC_KEY set signs it).
    bind = op.get_bind()
    last = bind.execute(sa.text(
        "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    present = bind.execute(sa.text("SELECT COUNT(*) FROM audit_log")).scalar_one()
    pruned = bind.execute(sa.text(
        "SELECT COALESCE(SUM(rows), 0) FROM audit_anchors")).scalar_one()
    bind.execute(sa.text(
        "INSERT INTO audit_head (id, last_id, last_hash, row_count, mac, note) "
        "VALUES (1, :id, :hash, :n, '', '')"),
        {"id": last[0] if last else 0, "hash": last[1] if last else "0" * 64,
         "n": int(present) + int(pruned)})
    # When the current failure streak of a feed began (None while it is healthy).
    op.add_column("source_state", sa.Column("failing_since", TS, nullable=True))
    op.create_table(
        "seen_interactions",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("seen_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
    )
    op.create_index("ix_seen_interactions_expires", "seen_interactions", ["expires_at"])


def downgrade() -> None:
    op.drop_index("ix_seen_interactions_expires", "seen_interactions")
    op.drop_table("seen_interactions")
    op.drop_column("source_state", "failing_since")
    op.drop_column("audit_anchors", "mac")
    op.drop_table("audit_head")
    op.drop_table("quarantined_posts")
