"""alerts.first_action_at and alerts.closed_at: when a moderator first acted on the alert, and
first dealt with it (bot/store/closing.py), so the time to first action and the open alerts are read
from small partial indexes instead of a year of the audit log (the stats benchmark). Existing
alerts are filled in from the audit log.

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

from bot.store.closing import acts, closes_alert

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
OPEN = sa.text("kind = 'mention' AND state = 'posted' AND closed_at IS NULL "
               "AND mention_id IS NOT NULL")
ACTED = sa.text("kind = 'mention' AND state = 'posted' AND first_action_at IS NOT NULL")


def upgrade() -> None:
    op.add_column("alerts", sa.Column("first_action_at", TS, nullable=True))
    op.add_column("alerts", sa.Column("closed_at", TS, nullable=True))
    op.create_index("ix_alerts_open", "alerts",
                    ["posted_at", "id", "kind", "state", "closed_at", "mention_id"],
                    sqlite_where=OPEN,
                    postgresql_where=OPEN)
    op.create_index("ix_alerts_acted", "alerts", ["posted_at", "first_action_at"],
                    sqlite_where=ACTED, postgresql_where=ACTED)
    bind = op.get_bind()
    for column, counts in (("first_action_at", acts), ("closed_at", closes_alert)):
        first: dict[int, object] = {}
        rows = bind.execute(sa.text(
            "SELECT mention_id, actor, action, outcome, at FROM audit_log "
            "WHERE mention_id IS NOT NULL ORDER BY id"))
        for mention_id, actor, action, outcome, at in rows:
            if mention_id not in first and counts(actor, action, outcome):
                first[mention_id] = at
        update = sa.text(f"UPDATE alerts SET {column} = :at WHERE mention_id = :mid "
                         f"AND kind = 'mention' AND {column} IS NULL")
        batch = [{"mid": mid, "at": at} for mid, at in first.items()]
        for start in range(0, len(batch), 1000):
            bind.execute(update, batch[start:start + 1000])


def downgrade() -> None:
    op.drop_index("ix_alerts_acted", "alerts")
    op.drop_index("ix_alerts_open", "alerts")
    op.drop_column("alerts", "closed_at")
    op.drop_column("alerts", "first_action_at")
