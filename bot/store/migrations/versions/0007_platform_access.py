"""mentions.lang (the platform's language of each post) and platform_access (what each watched
account's API access allows, e.g. X Block through v1.1, learnt by `feedwatch check` or from a
refusal), so buttons the platform would refuse are not offered, across processes and restarts.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from bot.store.types import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mentions", sa.Column("lang", sa.String(16), nullable=False,
                                        server_default=""))
    op.create_table(
        "platform_access",
        sa.Column("account", sa.String(40), primary_key=True),
        sa.Column("capability", sa.String(32), primary_key=True),
        sa.Column("allowed", sa.Boolean, nullable=False),
        sa.Column("detail", sa.String(300), nullable=False),
        sa.Column("checked_at", UTCDateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("platform_access")
    op.drop_column("mentions", "lang")
