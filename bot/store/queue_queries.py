"""The open queue and an alert's history: what the slash commands and the Home tab read.

Open alerts are exactly the partial index's condition (schema.OPEN_ALERT: posted mention
alerts with closed_at unset), as literal SQL: SQLite uses a partial index only for a query
that states its condition, and compares fewer terms per row without bound copies of it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from datetime import datetime
from typing import Any

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


def audit_actions_of_mention(session: Session, mention_id: int) -> list[tuple[str, str, str]]:
    """(actor, action, outcome) of every audit row about the mention."""
    return [(a, act, out) for a, act, out in session.execute(
        select(AuditRow.actor, AuditRow.action, AuditRow.outcome).where(
            AuditRow.mention_id == mention_id)).all()]


def audit_count_and_last(session: Session, mention_id: int,
                         action: str) -> tuple[int, datetime | None]:
    """How many audit rows of this action the mention has, and when the last was written."""
    n, last = session.execute(select(func.count(), func.max(AuditRow.at)).where(
        AuditRow.mention_id == mention_id, AuditRow.action == action)).one()
    return int(n), last


def last_audit_of_actions(session: Session, mention_id: int, actions: Collection[str],
                          ) -> tuple[str, str, dict[str, Any] | None] | None:
    """(actor, action, detail) of the mention's latest audit row of one of these actions."""
    row = session.execute(select(AuditRow.actor, AuditRow.action, AuditRow.detail)
                          .where(AuditRow.mention_id == mention_id,
                                 AuditRow.action.in_(tuple(actions)))
                          .order_by(AuditRow.id.desc()).limit(1)).first()
    return None if row is None else (row[0], row[1], row[2])


def untouched_unclaimed_open_alerts(session: Session,
                                    since: datetime) -> dict[int, datetime | None]:
    """Open alerts posted since `since` that nobody has acted on or claimed (nor been assigned):
    their mention id and when each was posted."""
    claimed = select(ModerationStateRow.mention_id).where(ModerationStateRow.claimed_by != "")
    return {mid: posted for mid, posted in session.execute(
        select(AlertRow.mention_id, AlertRow.posted_at)
        .where(OPEN_ALERT, AlertRow.first_action_at.is_(None),
               AlertRow.posted_at >= since, AlertRow.mention_id.not_in(claimed))).all()}
