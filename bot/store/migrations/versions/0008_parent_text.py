"""mentions.parent_text: the text of the post a mention replies to (or a comment sits under),
fetched with the mention, so its alert shows the conversation in one line. Old rows stay empty.

Revision ID: 0008
Revises: 0007
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("mentions", sa.Column("parent_text", sa.Text(), nullable=False,
                                        server_default=""))


def downgrade() -> None:
    # Not a batch (table copy): on SQLite that would drop and recreate mentions, and the
    # alerts that reference them would go with it.
    op.drop_column("mentions", "parent_text")
