"""The morning: one digest of the night, then the held alerts, most urgent first (point 2).

`open_office` is called by the scheduler's office tick (every minute). It is idempotent: the
digest is an outbox row with a per-day dedupe key, and release only touches rows still held,
so a restart, a late tick or two ticks at once post one digest and each alert once.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.holding import (
    HOLD_HOURS,
    HOLD_PAUSE,
    RELEASE_BASE,
    active_pause,
    held_count,
    release,
)
from bot.hours import OfficeHours
from bot.outbox import POSTED, enqueue_message
from bot.routing import DEFAULT_URGENT, Router
from bot.slack.alert_parts import author_label
from bot.slack.digest_blocks import DigestView, GapItem, SignpostItem, UrgentItem, build_digest
from bot.store.db import Database
from bot.store.mentions import mention_from_row
from bot.store.schema import (
    AlertRow,
    DecisionRow,
    MentionRow,
    PollGapRow,
    SignpostRow,
    SourceStateRow,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpeningReport:
    digest_queued: bool
    released: int


def record_poll_gap(session: Session, edge: str, last_success: datetime | None, now: datetime,
                    gap_after: timedelta) -> None:
    """Called as a poll succeeds: note the stretch since the previous success if too long."""
    if last_success is not None and now - last_success > gap_after:
        session.add(PollGapRow(edge=edge, started_at=last_success, ended_at=now))
        log.info("%s: not polled from %s to %s", edge, last_success.isoformat(), now.isoformat())


def _latest_decisions(session: Session, mention_ids: list[int]) -> dict[int, DecisionRow]:
    out: dict[int, DecisionRow] = {}
    for start in range(0, len(mention_ids), 500):
        chunk = mention_ids[start:start + 500]
        for row in session.execute(select(DecisionRow).where(DecisionRow.mention_id.in_(chunk))
                                   .order_by(DecisionRow.id)).scalars():
            out[row.mention_id] = row  # ordered by id: the latest wins
    return out


def collect(session: Session, night_start: datetime, opening: datetime, now: datetime,
            router: Router, gap_after: timedelta, tz: ZoneInfo, held: int,
            paused: bool = False) -> DigestView:
    """The night's picture, from what is stored: mentions ingested since the last closing."""
    rows = session.execute(
        select(MentionRow).where(MentionRow.ingested_at >= night_start,
                                 MentionRow.ingested_at < now)
        .order_by(MentionRow.created_at, MentionRow.id)
    ).scalars().all()
    decisions = _latest_decisions(session, [r.id for r in rows])
    alerts = {a.mention_id: a for a in session.execute(
        select(AlertRow).where(AlertRow.mention_id.in_([r.id for r in rows]))).scalars()}
    by_category: Counter[str] = Counter()
    by_action: Counter[str] = Counter()
    urgent_cats = router.urgent | DEFAULT_URGENT
    urgent: list[UrgentItem] = []
    for r in rows:
        d = decisions.get(r.id)
        cats = tuple(d.categories or []) if d else ()
        by_category.update(cats)
        by_action[d.action if d else "none"] += 1
        if set(cats) & urgent_cats:
            alert = alerts.get(r.id)
            posted_overnight = (alert is not None and alert.state == POSTED
                                and not alert.hold_reason)
            urgent.append(UrgentItem(
                mention_id=r.id, platform=r.platform, kind=r.kind, categories=cats,
                author=author_label(mention_from_row(r).author), created_at=r.created_at,
                permalink=r.permalink, posted_to=alert.channel if posted_overnight and alert
                else ""))
    gaps = [GapItem(g.edge, g.started_at, g.ended_at) for g in session.execute(
        select(PollGapRow).where(PollGapRow.ended_at > night_start,
                                 PollGapRow.started_at < now)
        .order_by(PollGapRow.started_at)).scalars()]
    for st in session.execute(select(SourceStateRow).order_by(SourceStateRow.key)).scalars():
        if st.last_success_at is not None and now - st.last_success_at > gap_after:
            gaps.append(GapItem(st.key, st.last_success_at, None))
    signposts = [SignpostItem(sp.mention_id, sp.platform, sp.status, sp.reason, sp.decided_at)
                 for sp in session.execute(
                     select(SignpostRow).where(SignpostRow.decided_at >= night_start,
                                               SignpostRow.decided_at < now)
                     .order_by(SignpostRow.decided_at)).scalars()]
    return DigestView(
        night_start=night_start, opening=opening, total=len(rows),
        by_platform=dict(Counter(r.platform for r in rows)),
        by_kind=dict(Counter(r.kind for r in rows)),
        by_category=dict(by_category), by_action=dict(by_action),
        urgent=tuple(urgent), gaps=tuple(gaps), signposts=tuple(signposts), held=held,
        paused=paused, tz=tz,
    )


def digest_key(hours: OfficeHours, opening: datetime) -> str:
    return f"digest:{hours.local_date(opening).isoformat()}"


def open_office(db: Database, hours: OfficeHours, router: Router, channel: str, now: datetime,
                gap_after: timedelta) -> OpeningReport | None:
    """While open: the day's digest once, then release what is held. None while closed.

    During a hand pause the digest still comes at opening, but nothing is released until
    `/feedwatch resume` (or the pause's end).
    """
    window = hours.current_window(now)
    if window is None:
        return None
    opening = window[0]
    with db.session() as s:
        paused = active_pause(s, now) is not None
        reasons = (HOLD_HOURS, HOLD_PAUSE)
        key = digest_key(hours, opening)
        queued = False
        if s.execute(select(AlertRow.id).where(AlertRow.dedupe_key == key)).first() is None:
            view = collect(s, hours.last_closing(opening), opening, now, router, gap_after,
                           hours.tz, held=held_count(s, reasons), paused=paused)
            # due before the released alerts (see holding.RELEASE_BASE): the digest goes first
            queued = enqueue_message(s, "digest", key, channel, build_digest(view), now,
                                     due=now - 2 * RELEASE_BASE) is not None
            if queued:
                log.info("morning digest queued: %d mentions overnight, %d urgent",
                         view.total, len(view.urgent))
        released = 0 if paused else release(s, now, reasons, router.urgent)
    return OpeningReport(queued, released)
