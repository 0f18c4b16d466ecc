"""Slack interactions already handled, so a captured signed request replayed within Slack's
five-minute window (to this process or another) does nothing. Kept in the database, not in
memory: a restart or a second process must not forget them."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete

from bot.store.db import Database
from bot.store.inserts import insert_ignore_many
from bot.store.schema import SeenInteractionRow

# Slack refuses a signature older than five minutes; kept twice that, for clock skew.
KEEP = timedelta(minutes=10)


def first_time(db: Database, key: str, now: datetime) -> bool:
    """Record `key`; True when it had not been seen (within KEEP) before."""
    table = SeenInteractionRow.__table__
    with db.session() as s:
        s.execute(delete(SeenInteractionRow).where(SeenInteractionRow.expires_at < now))
        inserted = insert_ignore_many(
            s, table, [{"key": key[:200], "seen_at": now, "expires_at": now + KEEP}],  # type: ignore[arg-type]
            returning=(table.c.key,))
    return bool(inserted)
