"""The outbox's reads and writes on alert rows (bot/alerts/outbox.py posts them).

Several processes may share one PostgreSQL database: a row about to be posted is taken with
SELECT ... FOR UPDATE SKIP LOCKED (SQLite ignores the clause: it has one writer anyway).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from sqlalchemy import Row, func, or_, select, update
from sqlalchemy.orm import Session

from bot.store.alert_state import AlertState
from bot.store.schema import AlertRow, MentionRow


def alert_with_dedupe_key(session: Session, key: str) -> AlertRow | None:
    return session.execute(select(AlertRow).where(AlertRow.dedupe_key == key)
                           ).scalar_one_or_none()


def alert_id_with_dedupe_key(session: Session, key: str) -> int | None:
    found = session.execute(select(AlertRow.id).where(AlertRow.dedupe_key == key)).first()
    return None if found is None else int(found[0])


def alert_state_with_dedupe_key(session: Session, key: str) -> str | None:
    return session.execute(select(AlertRow.state).where(AlertRow.dedupe_key == key)
                           ).scalar_one_or_none()


def due_alerts(session: Session, now: datetime, limit: int) -> list[Row[Any]]:
    """Up to `limit` alerts due to be posted (pending, or sending and due for a history check),
    in due order, as (id, channel, kind, mention_id, created_at of the mention or None,
    next_attempt_at)."""
    return list(session.execute(
        select(AlertRow.id, AlertRow.channel, AlertRow.kind, AlertRow.mention_id,
               MentionRow.created_at, AlertRow.next_attempt_at)
        .join(MentionRow, MentionRow.id == AlertRow.mention_id, isouter=True)
        .where(or_(AlertRow.state == AlertState.PENDING, AlertRow.state == AlertState.SENDING))
        .where(AlertRow.next_attempt_at <= now)
        .order_by(AlertRow.next_attempt_at, AlertRow.id)
        .limit(limit)
    ).all())


def lock_alert(session: Session, alert_id: int) -> AlertRow | None:
    """The alert, locked for this transaction; None when another process holds it."""
    return session.execute(
        select(AlertRow).where(AlertRow.id == alert_id).with_for_update(skip_locked=True)
    ).scalar_one_or_none()


def last_posted_at_by_channel(session: Session,
                              channels: Collection[str]) -> list[tuple[str, datetime | None]]:
    """When each of these channels was last posted to, by any process."""
    return [(channel, posted_at) for channel, posted_at in session.execute(
        select(AlertRow.channel, func.max(AlertRow.posted_at))
        .where(AlertRow.channel.in_(channels), AlertRow.posted_at.is_not(None))
        .group_by(AlertRow.channel))]


def delay_queued_alerts(session: Session, channel: str, until: datetime) -> None:
    """No queued alert in this channel is due before `until`."""
    session.execute(update(AlertRow).where(
        AlertRow.channel == channel,
        AlertRow.state.in_((AlertState.PENDING, AlertState.SENDING)),
        AlertRow.next_attempt_at < until).values(next_attempt_at=until)
        .execution_options(synchronize_session=False))


def retried_alerts_posted_between(session: Session, start: datetime,
                                  end: datetime) -> list[AlertRow]:
    """Posted alerts that took more than one attempt, posted in [start, end]."""
    return list(session.execute(select(AlertRow).where(
        AlertRow.state == AlertState.POSTED, AlertRow.attempts > 1,
        AlertRow.posted_at >= start, AlertRow.posted_at <= end)).scalars().all())


def unposted_alert_count(session: Session) -> int:
    """Alerts queued, held or being sent: not yet in Slack."""
    return int(session.execute(select(func.count()).select_from(AlertRow)
                               .where(AlertRow.state != AlertState.POSTED)).scalar_one())


def held_alert_ids(session: Session, reasons: Collection[str]) -> list[int]:
    return [int(i) for i in session.execute(
        select(AlertRow.id).where(AlertRow.state == AlertState.HELD,
                                  AlertRow.hold_reason.in_(reasons))).scalars()]


def held_alerts_with_mention_times(
        session: Session, reasons: Collection[str],
) -> list[tuple[int, datetime | None, int | None]]:
    """(alert id, the mention's created_at, mention id) of each alert held for these reasons;
    None for an alert without a mention."""
    return [(r[0], r[1], r[2]) for r in session.execute(
        select(AlertRow.id, MentionRow.created_at, AlertRow.mention_id)
        .join(MentionRow, MentionRow.id == AlertRow.mention_id, isouter=True)
        .where(AlertRow.state == AlertState.HELD, AlertRow.hold_reason.in_(reasons)))]


def alerts_held_for(session: Session, reason: str) -> list[AlertRow]:
    return list(session.execute(
        select(AlertRow).where(AlertRow.state == AlertState.HELD,
                               AlertRow.hold_reason == reason)).scalars().all())


def posted_mention_alerts_created_since(session: Session,
                                        since: datetime) -> list[tuple[int | None, datetime]]:
    """(mention id, the mention's created_at) of each posted mention alert whose mention was
    created since `since`."""
    return [(mid, created) for mid, created in session.execute(
        select(AlertRow.mention_id, MentionRow.created_at)
        .join(MentionRow, MentionRow.id == AlertRow.mention_id)
        .where(AlertRow.kind == "mention", AlertRow.state == AlertState.POSTED,
               MentionRow.created_at >= since))]
