"""Admin alerts: problems a person must fix, posted once per problem, never held."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.store import audit
from bot.store.inserts import insert_ignore
from bot.store.schema import AlertRow


def raise_alert(
    session: Session, key: str, title: str, body: str, fix: str, channel: str, now: datetime
) -> bool:
    """Queue an admin alert unless one with this key exists; True when newly queued."""
    alert_id = insert_ignore(
        session,
        AlertRow.__table__,  # type: ignore[arg-type]
        {
            "kind": "admin",
            "dedupe_key": f"admin:{key}"[:200],
            "mention_id": None,
            "payload": {"title": title, "body": body, "fix": fix},
            "channel": channel,
            "state": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "last_error": "",
            "created_at": now,
        },
    )
    if alert_id is not None:
        audit.append(
            session, at=now, actor=audit.SYSTEM_ACTOR, action="admin_alert",
            detail={"key": key, "title": title},
        )
    return alert_id is not None
