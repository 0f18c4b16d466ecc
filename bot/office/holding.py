"""Post now, hold, or route out of hours; the hand pause; releasing held alerts in order.

Holding is a state of the outbox row (`held`, with why: "hours" or "pause"), so it is in the
database and survives a restart; release turns held rows back into `pending`, staggered by
`next_attempt_at` so the outbox posts them most urgent first, then oldest first.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from bot.alerts.outbox import enqueue_mention_alerts, mention_alert
from bot.core.calendar import OfficeHours
from bot.core.clock import format_local
from bot.core.models import Mention
from bot.office import signposting
from bot.office.routing import DEFAULT_URGENT, Router
from bot.store.alert_state import AlertState
from bot.store.mentions import decision_categories_by_mention
from bot.store.outbox_queries import (
    alerts_held_for,
    held_alert_ids,
    held_alerts_with_mention_times,
)
from bot.store.schema import AlertRow, OfficeStateRow
from policy.decision import Decision

log = logging.getLogger(__name__)

HOLD_HOURS = "hours"
HOLD_PAUSE = "pause"
# Released alerts are spaced this far apart in next_attempt_at, purely to fix their order,
# starting a second in the past so all are due at once and ahead of anything queued just now.
_STAGGER = timedelta(microseconds=1)
RELEASE_BASE = timedelta(seconds=1)
_FAR_FUTURE = datetime.max.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Placement:
    channel: str
    hold: str = ""  # "" post now | "hours" | "pause"
    banner: str = ""
    urgent: bool = False
    out_of_hours: bool = False


@dataclass(frozen=True)
class Pause:
    until: datetime
    by: str
    since: datetime | None


# -- the pause ---------------------------------------------------------------------------

def office_state(session: Session) -> OfficeStateRow:
    row = session.get(OfficeStateRow, 1)
    if row is None:
        row = OfficeStateRow(id=1, paused_by="")
        session.add(row)
        session.flush()
    return row


def active_pause(session: Session, now: datetime) -> Pause | None:
    row = session.get(OfficeStateRow, 1)
    if row is None or row.paused_until is None or row.paused_until <= now:
        return None
    return Pause(row.paused_until, row.paused_by, row.paused_at)


def expired_pause(session: Session, now: datetime) -> Pause | None:
    """A pause whose time is up but which has not been ended yet (the tick ends it)."""
    row = session.get(OfficeStateRow, 1)
    if row is None or row.paused_until is None or row.paused_until > now:
        return None
    return Pause(row.paused_until, row.paused_by, row.paused_at)


def set_pause(session: Session, until: datetime, by: str, now: datetime) -> None:
    row = office_state(session)
    row.paused_until, row.paused_by, row.paused_at = until, by, now


def clear_pause(session: Session) -> Pause | None:
    row = session.get(OfficeStateRow, 1)
    if row is None or row.paused_until is None:
        return None
    was = Pause(row.paused_until, row.paused_by, row.paused_at)
    row.paused_until, row.paused_by, row.paused_at = None, "", None
    return was


# -- placing a new alert ---------------------------------------------------------------

class Placer:
    """Decides, when an alert is queued, where it goes and whether it waits."""

    def __init__(self, router: Router, hours: OfficeHours | None = None, *,
                 signposting: bool = False) -> None:
        self.router = router
        self.hours = hours  # None: always open (no holding)
        self.signposting = signposting  # opt-in out-of-hours crisis signposting

    def decide(self, kind: str, decision: Decision, now: datetime, paused: bool) -> Placement:
        urgent = self.router.is_urgent(decision)
        is_open = self.hours is None or self.hours.is_open(now)
        if not is_open:
            if urgent:
                when = format_local(now, self.hours.tz) if self.hours else ""
                return Placement(self.router.out_of_hours_channel(kind, decision),
                                 banner=f"Outside office hours ({when}): this alert was not held",
                                 urgent=True, out_of_hours=True)
            return Placement(self.router.channel_for(kind, decision), hold=HOLD_HOURS,
                             out_of_hours=True)
        channel = self.router.channel_for(kind, decision)
        if paused and not urgent:  # a pause never holds crisis or threats
            return Placement(channel, hold=HOLD_PAUSE)
        return Placement(channel, urgent=urgent)

    def enqueue(self, session: Session, mention_id: int, mention: Mention, decision: Decision,
                now: datetime) -> Placement:
        return self.enqueue_many(session, [(mention_id, mention, decision)], now)[0]

    def enqueue_many(self, session: Session, items: list[tuple[int, Mention, Decision]],
                     now: datetime) -> list[Placement]:
        """Queue the alerts of a page of stored mentions, in order, in one statement."""
        paused = active_pause(session, now) is not None
        placements = [self.decide(m.kind, d, now, paused) for _, m, d in items]
        enqueue_mention_alerts(session, [
            mention_alert(mid, p.channel, now, hold_reason=p.hold, banner=p.banner)
            for (mid, _, _), p in zip(items, placements, strict=True)])
        if self.signposting and self.hours is not None:
            for (mid, m, d), p in zip(items, placements, strict=True):
                if p.out_of_hours:
                    signposting.consider(session, self.hours, mid, m, d, now)
        return placements


# -- release -----------------------------------------------------------------------------

def held_count(session: Session, reasons: tuple[str, ...] = (HOLD_HOURS, HOLD_PAUSE)) -> int:
    return len(held_alert_ids(session, reasons))


def release_order(session: Session, reasons: tuple[str, ...],
                  urgent: frozenset[str] = DEFAULT_URGENT) -> list[int]:
    """Held alert ids: crisis and threats first, then by the mention's time, then queue order."""
    rows = held_alerts_with_mention_times(session, reasons)
    cats = decision_categories_by_mention(session, [mid for _, _, mid in rows if mid is not None])
    first = urgent | DEFAULT_URGENT

    def key(r: tuple[int, datetime | None, int | None]) -> tuple[int, datetime, int]:
        alert_id, created, mid = r
        is_urgent = mid is not None and bool(cats.get(mid, set()) & first)
        return (0 if is_urgent else 1, created or _FAR_FUTURE, alert_id)

    return [r[0] for r in sorted(rows, key=key)]


def release(session: Session, now: datetime, reasons: tuple[str, ...],
            urgent: frozenset[str] = DEFAULT_URGENT) -> int:
    """Make held alerts pending, in release order; returns how many."""
    ids = release_order(session, reasons, urgent)
    for i, alert_id in enumerate(ids):
        row = session.get(AlertRow, alert_id)
        assert row is not None
        row.state = AlertState.PENDING
        row.released_at = now
        row.next_attempt_at = now - RELEASE_BASE + _STAGGER * i
    if ids:
        log.info("released %d held alert(s) (%s)", len(ids), ", ".join(reasons))
    return len(ids)


def convert_to_hours_hold(session: Session) -> int:
    """After a pause ends out of hours, its held alerts wait for the morning like the rest."""
    rows = alerts_held_for(session, HOLD_PAUSE)
    for row in rows:
        row.hold_reason = HOLD_HOURS
    return len(rows)
