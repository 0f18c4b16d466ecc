"""The morning: one digest of the night, then the held alerts, most urgent first.

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

from sqlalchemy.orm import Session

from bot.alerts.outbox import enqueue_message
from bot.core.calendar import OfficeHours
from bot.core.models import Author
from bot.office.holding import (
    HOLD_HOURS,
    HOLD_PAUSE,
    RELEASE_BASE,
    active_pause,
    held_count,
    release,
)
from bot.office.outages import Failing, Stretch, outage_lines
from bot.office.routing import DEFAULT_URGENT, Router
from bot.slack.alert_parts import author_label
from bot.slack.digest_blocks import (
    DigestView,
    SignpostItem,
    StormItem,
    UrgentItem,
    build_digest,
)
from bot.store.alert_state import AlertState
from bot.store.db import Database
from bot.store.digest_queries import (
    failing_sources,
    night_mention_rows,
    poll_gaps_overlapping,
    signposts_decided_between,
    storms_active_between,
)
from bot.store.outbox_queries import alert_id_with_dedupe_key
from bot.store.stats_queries import categories_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpeningReport:
    digest_queued: bool
    released: int


def collect(session: Session, night_start: datetime, opening: datetime, now: datetime,
            router: Router, gap_after: timedelta, tz: ZoneInfo, held: int,
            paused: bool = False) -> DigestView:
    """The night's picture, from what is stored: mentions ingested since the last closing.

    One streamed pass over the night's mentions (columns with each one's latest decision, never
    whole rows): a night can be a pile-on of a hundred thousand posts (the memory
    target in `make bench`)."""
    by_platform: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    by_action: Counter[str] = Counter()
    urgent_cats = router.urgent | DEFAULT_URGENT
    urgent: list[UrgentItem] = []
    parsed: dict[str, list[str]] = {}
    rows = night_mention_rows(session, night_start, now)
    for (mid, platform, kind, created_at, permalink, author_id, handle, name, raw_cats,
         action, state, hold_reason, channel) in rows:
        cats = tuple(categories_of(raw_cats, parsed))
        by_platform[platform] += 1
        by_kind[kind] += 1
        by_category.update(cats)
        by_action[action or "none"] += 1  # stored without a decision: nothing suggested
        if not set(cats) & urgent_cats:
            continue
        posted_overnight = state == AlertState.POSTED and not hold_reason
        urgent.append(UrgentItem(
            mention_id=mid, platform=platform, kind=kind, categories=cats,
            author=author_label(Author(id=author_id, handle=handle, name=name, url="")),
            created_at=created_at, permalink=permalink,
            posted_to=channel if posted_overnight else ""))
    stretches = [Stretch(g.edge, g.started_at, g.ended_at)
                 for g in poll_gaps_overlapping(session, night_start, now)]
    # Only a feed whose last poll failed is "still failing": one merely not read yet since a
    # restart (or, in the demo, a clock jump) is healthy and gets its gap line once read.
    failing = [Failing(st.key, st.last_success_at) for st in failing_sources(session)
               if st.last_success_at is not None and now - st.last_success_at > gap_after]
    gaps = outage_lines(stretches, failing, gap_after)
    signposts = [SignpostItem(sp.mention_id, sp.platform, sp.status, sp.reason, sp.decided_at)
                 for sp in signposts_decided_between(session, night_start, now)]
    storms = tuple(StormItem(gid, platform, account, label, n, started) for
                   gid, platform, account, label, started, n in
                   storms_active_between(session, night_start, now))
    return DigestView(
        night_start=night_start, opening=opening, total=sum(by_platform.values()),
        by_platform=dict(by_platform), by_kind=dict(by_kind),
        by_category=dict(by_category), by_action=dict(by_action),
        urgent=tuple(urgent), gaps=tuple(gaps), signposts=tuple(signposts), storms=storms,
        held=held,
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
        if alert_id_with_dedupe_key(s, key) is None:
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
