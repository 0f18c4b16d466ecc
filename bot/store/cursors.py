"""Per-source cursors and health: the cursor moves only in the transaction that stores."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.store.schema import PollGapRow, SourceStateRow

log = logging.getLogger(__name__)


def get_state(session: Session, key: str) -> SourceStateRow:
    row = session.get(SourceStateRow, key)
    if row is None:
        row = SourceStateRow(key=key, cursor=None, last_error="", consecutive_failures=0)
        session.add(row)
        session.flush()
    return row


def all_states(session: Session) -> list[SourceStateRow]:
    """Every source's state, by key."""
    return list(session.execute(select(SourceStateRow).order_by(SourceStateRow.key)).scalars())


def record_success(session: Session, key: str, now: datetime, cursor: str | None) -> None:
    row = get_state(session, key)
    if cursor is not None:
        row.cursor = cursor
    row.last_success_at = now
    row.last_attempt_at = now
    row.last_error = ""
    row.consecutive_failures = 0
    row.backoff_until = None
    row.failing_since = None


def record_failure(
    session: Session, key: str, now: datetime, error: str, backoff_until: datetime | None
) -> int:
    """Note a failed poll; returns how many in a row have failed."""
    row = get_state(session, key)
    row.last_attempt_at = now
    row.last_error = error[:500]
    if not row.consecutive_failures or row.failing_since is None:
        row.failing_since = now
    row.consecutive_failures = (row.consecutive_failures or 0) + 1
    row.backoff_until = backoff_until
    return row.consecutive_failures


def record_poll_gap(session: Session, edge: str, last_success: datetime | None, now: datetime,
                    gap_after: timedelta) -> None:
    """Called as a poll succeeds: note the stretch since the previous success if too long."""
    if last_success is not None and now - last_success > gap_after:
        session.add(PollGapRow(edge=edge, started_at=last_success, ended_at=now))
        log.info("%s: not polled from %s to %s", edge, last_success.isoformat(), now.isoformat())
