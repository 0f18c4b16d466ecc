"""What the health checks and /metrics read: is the database there, how each feed is doing,
and whether the outbox is moving. An alert is *waiting* while pending or being sent."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime

from sqlalchemy import ColumnElement, func, or_, select, text
from sqlalchemy.orm import Session

from bot.store.alert_state import AlertState
from bot.store.schema import AlertRow, SourceStateRow


def ping(session: Session) -> None:
    """Raises unless the database answers."""
    session.execute(text("SELECT 1"))


def states_of_sources(session: Session, keys: Collection[str]) -> dict[str, SourceStateRow]:
    """These sources' states, by key (a source never read has none)."""
    return {r.key: r for r in session.execute(
        select(SourceStateRow).where(SourceStateRow.key.in_(list(keys)))).scalars()}


def feed_lines_except(session: Session,
                      key: str) -> list[tuple[str, datetime | None, int | None]]:
    """(key, last success, failures in a row) of every source but this one."""
    return [(k, last, failures) for k, last, failures in session.execute(
        select(SourceStateRow.key, SourceStateRow.last_success_at,
               SourceStateRow.consecutive_failures)
        .where(SourceStateRow.key != key)).all()]


def _waiting() -> ColumnElement[bool]:
    return or_(AlertRow.state == AlertState.PENDING, AlertRow.state == AlertState.SENDING)


def waiting_count_and_oldest(session: Session) -> tuple[int, datetime | None]:
    """How many alerts wait, and since when the oldest has (released, or else created)."""
    count, oldest = session.execute(
        select(func.count(), func.min(func.coalesce(AlertRow.released_at, AlertRow.created_at)))
        .where(_waiting())).one()
    return int(count), oldest


def waiting_count_due_before(session: Session, before: datetime) -> int:
    return int(session.execute(select(func.count()).where(
        _waiting(), AlertRow.next_attempt_at < before)).scalar_one())


def waiting_count_tried_at_least(session: Session, attempts: int) -> int:
    return int(session.execute(select(func.count()).where(
        _waiting(), AlertRow.attempts >= attempts)).scalar_one())
