"""Storm mode: groups of near-duplicate mentions, their members, and the marks that count a
pile-on.

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _mention(primary_key: bool = False) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column("mention_id", sa.Integer, sa.ForeignKey("mentions.id", ondelete="CASCADE"),
                     nullable=False, primary_key=primary_key)


def upgrade() -> None:
    op.create_table(
        "storm_groups",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("platform", sa.String(16), nullable=False),
        sa.Column("account", sa.String(40), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("label", sa.String(300), nullable=False),
        sa.Column("shingles", JSON, nullable=False),
        sa.Column("started_at", TS, nullable=False),
        sa.Column("last_at", TS, nullable=False),
        sa.Column("dirty", sa.Boolean, nullable=False),
        sa.Column("updated_at", TS, nullable=True),
        sa.Column("hide_by", sa.String(64), nullable=False),
        sa.Column("hide_by_name", sa.String(100), nullable=False),
        sa.Column("hide_at", TS, nullable=True),
    )
    op.create_index("ix_storm_groups_key", "storm_groups", ["account", "key", "last_at"])
    op.create_table(
        "storm_members",
        _mention(primary_key=True),
        sa.Column("group_id", sa.Integer,
                  sa.ForeignKey("storm_groups.id", ondelete="CASCADE"), nullable=False),
        sa.Column("rank", sa.Integer, nullable=False),
        sa.Column("flagged", sa.Boolean, nullable=False),
        sa.Column("added_at", TS, nullable=False),
        sa.Column("hide_state", sa.String(16), nullable=False),
        sa.Column("hide_note", sa.String(300), nullable=False),
    )
    op.create_index("ix_storm_members_group", "storm_members", ["group_id", "rank"])
    op.create_table(
        "storm_marks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("account", sa.String(40), nullable=False),
        sa.Column("key", sa.String(300), nullable=False),
        _mention(),
        sa.Column("at", TS, nullable=False),
    )
    op.create_index("ix_storm_marks_key", "storm_marks", ["account", "key", "at"])


def downgrade() -> None:
    op.drop_table("storm_marks")
    op.drop_table("storm_members")
    op.drop_table("storm_groups")
