"""Counting queries behind the figures (`/feedwatch stats`, the spike check, the weekly report).

Counted and grouped in the database, never by loading rows: a month, or a pile-on, can be a
hundred thousand mentions. Ranges are half-open, [start, end).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, ScalarSelect, String, Text, func, select, type_coerce
from sqlalchemy.orm import Session

from bot.store.alert_state import AlertState
from bot.store.closing import DONE
from bot.store.schema import ACTED_ALERT, AlertRow, AuditRow, DecisionRow, MentionRow
from bot.store.types import utc_instant


def categories_of(value: object, parsed: dict[str, list[str]]) -> list[str]:
    """A decision's categories as stored: SQLite hands back the JSON text (decoded once per
    distinct value: a month has few), PostgreSQL the list."""
    if isinstance(value, str):
        if value not in parsed:
            loaded = json.loads(value)
            parsed[value] = [str(c) for c in loaded] if isinstance(loaded, list) else []
        return parsed[value]
    return [str(c) for c in value] if isinstance(value, list) else []


def latest_decisions(*where: ColumnElement[bool]) -> ScalarSelect[int]:
    """Ids of the latest decision (a "flag is wrong" adds one) of each mention matching
    `where`, for an IN: the counting then happens in the database, not in Python objects."""
    return (select(func.max(DecisionRow.id))
            .join(MentionRow, MentionRow.id == DecisionRow.mention_id)
            .where(*where).group_by(DecisionRow.mention_id).scalar_subquery())


def created_between(start: datetime, end: datetime) -> tuple[ColumnElement[bool], ...]:
    return MentionRow.created_at >= start, MentionRow.created_at < end


def category_counts_created_between(session: Session, start: datetime,
                                    end: datetime) -> Counter[str]:
    """Categories of the mentions created in the range, each mention counted once by its
    latest decision, grouped in the database.

    The latest decision's categories are read per mention from the end of the index on
    (mention_id, id, categories) (0010), so neither the table nor a grouped list of ids is
    built: one pass over the range's mentions and one grouping."""
    latest = (select(type_coerce(DecisionRow.categories, Text))
              .where(DecisionRow.mention_id == MentionRow.id)
              .order_by(DecisionRow.id.desc()).limit(1).scalar_subquery())
    per_mention = select(latest.label("cats")).where(*created_between(start, end)).subquery()
    counts: Counter[str] = Counter()
    parsed: dict[str, list[str]] = {}
    for cats, n in session.execute(select(per_mention.c.cats, func.count())
                                   .group_by(per_mention.c.cats)):
        for cat in categories_of(cats, parsed):
            counts[cat] += int(n)
    return counts


def latest_decision_details_created_between(session: Session, start: datetime,
                                            end: datetime) -> Iterator[dict[str, Any] | None]:
    """The latest decision's stored detail of each mention created in the range, streamed."""
    return iter(session.execute(select(DecisionRow.detail).where(
        DecisionRow.id.in_(latest_decisions(*created_between(start, end))))
        .execution_options(yield_per=1000)).scalars())


def mention_count_created_between(session: Session, start: datetime, end: datetime) -> int:
    return int(session.execute(select(func.count()).select_from(MentionRow).where(
        *created_between(start, end))).scalar_one())


def mention_counts_by_platform_and_kind(session: Session, start: datetime,
                                        end: datetime) -> list[tuple[str, str, int]]:
    """(platform, kind, how many) of the mentions created in the range."""
    return [(platform, kind, int(n)) for platform, kind, n in session.execute(
        select(MentionRow.platform, MentionRow.kind, func.count())
        .where(*created_between(start, end))
        .group_by(MentionRow.platform, MentionRow.kind))]


def _done_between(start: datetime, end: datetime) -> tuple[ColumnElement[bool], ...]:
    return (AuditRow.at >= start, AuditRow.at < end, AuditRow.mention_id.is_not(None),
            AuditRow.outcome == DONE)


def done_action_counts(session: Session, start: datetime,
                       end: datetime) -> list[tuple[str, str, int]]:
    """(actor, action, how many) of the audit rows on a mention in the range that were done
    (outcome "ok"); the caller decides which actors and actions count."""
    return [(actor, action, int(n)) for actor, action, n in session.execute(
        select(AuditRow.actor, AuditRow.action, func.count()).where(*_done_between(start, end))
        .group_by(AuditRow.actor, AuditRow.action))]


def done_action_details(session: Session, action: str, start: datetime,
                        end: datetime) -> list[tuple[str, dict[str, Any] | None]]:
    """(actor, detail) of each done audit row of this action on a mention in the range."""
    return [(actor, detail) for actor, detail in session.execute(
        select(AuditRow.actor, AuditRow.detail).where(*_done_between(start, end),
                                                      AuditRow.action == action))]


def first_action_times(session: Session, start: datetime,
                       end: datetime) -> list[tuple[datetime, datetime]]:
    """(posted_at, first_action_at) of each acted-on alert posted in the range (both kept on
    the alert: bot/store/audit.py records the first action as it happens), both read from the
    index ix_alerts_acted alone. A month has tens of thousands, so the values are taken as
    the driver gives them and made UTC instants in one pass (utc_instant)."""
    return [(utc_instant(posted_at), utc_instant(at)) for posted_at, at in session.execute(
        select(type_coerce(AlertRow.posted_at, String), type_coerce(AlertRow.first_action_at,
                                                                    String))
        .where(ACTED_ALERT, AlertRow.posted_at >= start, AlertRow.posted_at < end))]


def held_alert_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(AlertRow).where(
        AlertRow.state == AlertState.HELD)).scalar_one())


def any_mention_ingested_by(session: Session, at: datetime) -> bool:
    """Was any mention stored at or before `at`?"""
    return session.execute(select(MentionRow.id).where(
        MentionRow.ingested_at <= at).limit(1)).first() is not None


def author_counts_created_between(session: Session, start: datetime,
                                  end: datetime) -> Iterator[tuple[str, str, str, int]]:
    """(author id, handle, name, mentions) of each author with a mention created in the range,
    counted in the database and streamed."""
    rows = session.execute(
        select(MentionRow.author_id, MentionRow.author_handle, MentionRow.author_name,
               func.count()).where(*created_between(start, end))
        .group_by(MentionRow.author_id, MentionRow.author_handle, MentionRow.author_name)
        .execution_options(yield_per=1000))
    return ((aid, handle, name, int(n)) for aid, handle, name, n in rows)


def newest_mention_ids_created_between(session: Session, start: datetime, end: datetime,
                                       limit: int) -> list[int]:
    return list(session.execute(
        select(MentionRow.id).where(*created_between(start, end))
        .order_by(MentionRow.created_at.desc(), MentionRow.id.desc()).limit(limit)
    ).scalars().all())
