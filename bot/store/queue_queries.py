"""The open queue and an alert's history: what the slash commands and the Home tab read.

Open alerts are exactly the partial index's condition (schema.OPEN_ALERT: posted mention
alerts with closed_at unset), as literal SQL: SQLite uses a partial index only for a query
that states its condition, and compares fewer terms per row without bound copies of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from bot.store.schema import OPEN_ALERT, AlertRow, AuditRow, ModerationStateRow


def open_alert_rows(session: Session, limit: int | None = None) -> list[AlertRow]:
    """Posted mention alerts no moderator has closed yet (bot/store/closing.py), oldest first."""
    query = select(AlertRow).where(OPEN_ALERT).order_by(AlertRow.posted_at, AlertRow.id)
    if limit is not None:
        query = query.limit(limit)
    return list(session.execute(query).scalars())


def open_alert_count(session: Session) -> int:
    return int(session.execute(
        select(func.count()).select_from(AlertRow).where(OPEN_ALERT)).scalar_one())


def _held_by(holder: str) -> ColumnElement[bool]:
    return AlertRow.mention_id.in_(select(ModerationStateRow.mention_id).where(
        ModerationStateRow.claimed_by == holder))


def open_alerts_held_by(session: Session, holder: str,
                        limit: int) -> tuple[list[AlertRow], int]:
    """The oldest open alerts this person is handling (claimed, or assigned to them), and how
    many they are handling in all."""
    rows = session.execute(select(AlertRow).where(OPEN_ALERT, _held_by(holder))
                           .order_by(AlertRow.posted_at, AlertRow.id).limit(limit)).scalars()
    total = session.execute(select(func.count()).select_from(AlertRow)
                            .where(OPEN_ALERT, _held_by(holder))).scalar_one()
    return list(rows), int(total)


def audit_rows_of_mention(session: Session, mention_id: int) -> list[AuditRow]:
    """Everything the audit log holds about one mention, oldest first."""
    return list(session.execute(select(AuditRow).where(AuditRow.mention_id == mention_id)
                                .order_by(AuditRow.id)).scalars())


def audit_rows_between(session: Session, start: datetime, end: datetime) -> Iterator[AuditRow]:
    """The audit log's rows written in [start, end), oldest first."""
    return iter(session.execute(select(AuditRow).where(AuditRow.at >= start, AuditRow.at < end)
                                .order_by(AuditRow.id)).scalars())
