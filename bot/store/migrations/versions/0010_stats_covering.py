"""Indexes that hold everything `/feedwatch stats` reads, so a month's figures come from the
indexes alone and never from the rows (the stats benchmark: a year of a million mentions):

- mentions by creation time also carry platform and kind (replaces ix_mentions_created_at,
  which the new index serves in every query that used it);
- a mention's decisions, newest last, carry their categories, so its latest decision's
  categories are read at the end of its run (replaces ix_decisions_mention);
- the alerts acted on carry the columns of their own condition too, as ix_alerts_open does.

Revision ID: 0010
Revises: 0009
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ACTED = sa.text("kind = 'mention' AND state = 'posted' AND first_action_at IS NOT NULL")


def upgrade() -> None:
    op.create_index("ix_mentions_created_kind", "mentions", ["created_at", "platform", "kind"])
    op.drop_index("ix_mentions_created_at", "mentions")
    op.create_index("ix_decisions_latest", "decisions", ["mention_id", "id", "categories"])
    op.drop_index("ix_decisions_mention", "decisions")
    op.drop_index("ix_alerts_acted", "alerts")
    op.create_index("ix_alerts_acted", "alerts", ["posted_at", "first_action_at", "kind", "state"],
                    sqlite_where=ACTED, postgresql_where=ACTED)


def downgrade() -> None:
    op.drop_index("ix_alerts_acted", "alerts")
    op.create_index("ix_alerts_acted", "alerts", ["posted_at", "first_action_at"],
                    sqlite_where=ACTED, postgresql_where=ACTED)
    op.create_index("ix_decisions_mention", "decisions", ["mention_id"])
    op.drop_index("ix_decisions_latest", "decisions")
    op.create_index("ix_mentions_created_at", "mentions", ["created_at"])
    op.drop_index("ix_mentions_created_kind", "mentions")
