"""What the morning digest reads: the night's mentions, outages, signposting and storms.

The night's mentions are streamed as columns (never whole rows), each with its latest
decision: a night can be a pile-on of a hundred thousand posts (the memory target in
`make bench`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Text, func, select, type_coerce
from sqlalchemy.orm import Session

from bot.store.schema import (
    AlertRow,
    DecisionRow,
    MentionRow,
    PollGapRow,
    SignpostRow,
    SourceStateRow,
    StormGroupRow,
    StormMemberRow,
)
from bot.store.stats_queries import latest_decisions


def night_mention_rows(session: Session, start: datetime, end: datetime) -> Iterator[Row[Any]]:
    """Mentions ingested in [start, end), oldest first, streamed, as (id, platform, kind,
    created_at, permalink, author_id, author_handle, author_name, categories as stored,
    suggested action, alert state, hold reason, alert channel); the decision and alert
    columns are None for a mention without them."""
    night = (MentionRow.ingested_at >= start, MentionRow.ingested_at < end)
    return iter(session.execute(
        select(MentionRow.id, MentionRow.platform, MentionRow.kind, MentionRow.created_at,
               MentionRow.permalink, MentionRow.author_id, MentionRow.author_handle,
               MentionRow.author_name, type_coerce(DecisionRow.categories, Text),
               DecisionRow.action, AlertRow.state, AlertRow.hold_reason, AlertRow.channel)
        .outerjoin(DecisionRow, (DecisionRow.mention_id == MentionRow.id)
                   & DecisionRow.id.in_(latest_decisions(*night)))
        .outerjoin(AlertRow, (AlertRow.mention_id == MentionRow.id)
                   & (AlertRow.kind == "mention"))
        .where(*night)
        .order_by(MentionRow.created_at, MentionRow.id)
        .execution_options(yield_per=1000)))


def poll_gaps_overlapping(session: Session, start: datetime, end: datetime) -> list[PollGapRow]:
    """Stretches a feed went unread that overlap [start, end), earliest first."""
    return list(session.execute(
        select(PollGapRow).where(PollGapRow.ended_at > start, PollGapRow.started_at < end)
        .order_by(PollGapRow.started_at)).scalars())


def failing_sources(session: Session) -> list[SourceStateRow]:
    """Feeds whose last poll failed, by key."""
    return list(session.execute(
        select(SourceStateRow).where(SourceStateRow.consecutive_failures > 0)
        .order_by(SourceStateRow.key)).scalars())


def signposts_decided_between(session: Session, start: datetime,
                              end: datetime) -> list[SignpostRow]:
    return list(session.execute(
        select(SignpostRow).where(SignpostRow.decided_at >= start, SignpostRow.decided_at < end)
        .order_by(SignpostRow.decided_at)).scalars())


def storms_active_between(session: Session, start: datetime,
                          end: datetime) -> list[tuple[int, str, str, str, datetime, int]]:
    """(id, platform, account, label, started_at, members) of each storm group active in
    [start, end), by id."""
    return [(gid, platform, account, label, started, int(n))
            for gid, platform, account, label, started, n in session.execute(
        select(StormGroupRow.id, StormGroupRow.platform, StormGroupRow.account,
               StormGroupRow.label, StormGroupRow.started_at, func.count())
        .join(StormMemberRow, StormMemberRow.group_id == StormGroupRow.id)
        .where(StormGroupRow.last_at >= start, StormGroupRow.started_at < end)
        .group_by(StormGroupRow.id).order_by(StormGroupRow.id))]
