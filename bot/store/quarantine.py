"""Posts set aside because the database refused them, one row each (never their text)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.core.clean_text import clean_str
from bot.core.models import Mention
from bot.store.inserts import insert_ignore
from bot.store.schema import QuarantinedPostRow


def quarantine(session: Session, m: Mention, edge: str, error: str, now: datetime) -> bool:
    """Record a post that failed to store; True the first time it is recorded."""
    values = {
        "platform": m.platform, "account": m.account,
        "external_id": clean_str(m.external_id)[:255], "edge": edge[:120],
        "permalink": clean_str(m.permalink)[:300], "error": clean_str(error)[:500],
        "quarantined_at": now,
    }
    table = QuarantinedPostRow.__table__
    return insert_ignore(session, table, values) is not None  # type: ignore[arg-type]
