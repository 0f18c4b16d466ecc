"""The office: hours, routing, holding, pause, morning release, spike and weekly report,
built once from Settings and shared by the scheduler and the Slack handlers.

`tick` is what the scheduler runs every minute; every step in it is idempotent, so a late,
doubled or restarted tick does no harm.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.calendar import OfficeHours
from bot.core.clock import Clock
from bot.core.config import Settings
from bot.core.retention_periods import RetentionPolicy
from bot.office import spike
from bot.office import weekly_report as report
from bot.office.digest import OpeningReport, digest_key, open_office
from bot.office.holding import (
    HOLD_HOURS,
    HOLD_PAUSE,
    Pause,
    Placer,
    active_pause,
    clear_pause,
    convert_to_hours_hold,
    expired_pause,
    held_count,
    release,
    set_pause,
)
from bot.office.permissions import Permissions
from bot.office.routing import Router
from bot.slack.home_blocks import HoursView
from bot.store import audit
from bot.store.alert_state import AlertState
from bot.store.db import Database
from bot.store.outbox_queries import alert_state_with_dedupe_key

log = logging.getLogger(__name__)

_FOR = re.compile(r"^(?:for\s+)?(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?$")
_UNTIL = re.compile(r"^until\s+([01]?\d|2[0-3]):([0-5]\d)$")
MAX_PAUSE = timedelta(hours=24)


def parse_pause(text: str, now: datetime, hours: OfficeHours) -> datetime:
    """'' (until today's closing), 'for 2h', 'for 90m', 'for 1h30m', 'until 14:00' (the next
    14:00) -> when the pause ends (UTC). A pause always ends: forgotten, it cannot silence
    the feed for good."""
    words = " ".join(text.lower().split())
    if not words:
        window = hours.current_window(now)
        if window is None:
            raise ValueError("the office is closed, so alerts are held already; to pause into "
                             "the morning say `pause until 10:00` or `pause for 2h`")
        return window[1]
    until = _UNTIL.match(words)
    if until:
        local = now.astimezone(hours.tz)
        end = local.replace(hour=int(until.group(1)), minute=int(until.group(2)), second=0,
                            microsecond=0)
        if end <= local:
            end += timedelta(days=1)
        return end.astimezone(now.tzinfo)
    span = _FOR.match(words)
    if span and (span.group(1) or span.group(2)):
        length = timedelta(hours=int(span.group(1) or 0), minutes=int(span.group(2) or 0))
        if length <= timedelta(0) or length > MAX_PAUSE:
            raise ValueError("a pause lasts between 1 minute and 24 hours")
        return now + length
    raise ValueError("say `pause`, `pause for 2h`, `pause for 30m` or `pause until 14:00`")


@dataclass
class Office:
    settings: Settings
    db: Database
    clock: Clock
    slack: WebClient
    hours: OfficeHours
    router: Router
    placer: Placer
    permissions: Permissions
    spike: spike.SpikeConfig
    retention: RetentionPolicy
    gap_after: timedelta
    _workspace_url: str | None = field(default=None, init=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False)

    # -- pause ---------------------------------------------------------------------------

    def pause(self, user: str, until: datetime) -> None:
        now = self.clock.now()
        with self.db.session() as s:
            set_pause(s, until, user, now)
            audit.append(s, at=now, actor=user, action="pause",
                         detail={"until": until.isoformat()})
        log.info("alerts paused by %s until %s", user, until.isoformat())

    def resume(self, user: str, why: str = "by hand") -> tuple[Pause | None, int]:
        """End the pause; release what it held (and, when open, anything else held)."""
        now = self.clock.now()
        with self.db.session() as s:
            was = clear_pause(s)
            if self.hours.is_open(now):
                released = release(s, now, (HOLD_PAUSE, HOLD_HOURS), self.router.urgent)
            else:
                convert_to_hours_hold(s)  # they wait for the morning with the rest
                released = 0
            audit.append(s, at=now, actor=user, action="resume",
                         detail={"why": why, "released": released,
                                 "was_until": was.until.isoformat() if was else None})
        log.info("alerts resumed (%s): %d released", why, released)
        return was, released

    # -- views ---------------------------------------------------------------------------

    def hours_view(self) -> HoursView:
        now = self.clock.now()
        state = self.hours.state(now)
        with self.db.session() as s:
            pause = active_pause(s, now)
            held = held_count(s)
        return HoursView(
            open=state.open, reason=state.reason, next_change=state.next_change,
            days=self.hours.days, opens=self.settings.office_opens,
            closes=self.settings.office_closes, holidays=self.settings.office_holidays,
            paused_until=pause.until if pause else None, paused_by=pause.by if pause else "",
            held=held, urgent=tuple(sorted(self.router.urgent)),
            out_of_hours_destination=self.router.out_of_hours_destination, tz=self.hours.tz)

    def workspace_url(self) -> str | None:
        """https://<workspace>.slack.com/ from auth.test, asked once, for links to alerts."""
        with self._lock:
            if self._workspace_url is None:
                try:
                    self._workspace_url = str(self.slack.auth_test().get("url") or "")
                except (SlackApiError, OSError):
                    return None
            return self._workspace_url or None

    # -- the scheduler's minute ----------------------------------------------------------

    def digest_posted(self, now: datetime) -> bool:
        window = self.hours.current_window(now)
        if window is None:
            return False
        with self.db.session() as s:
            state = alert_state_with_dedupe_key(s, digest_key(self.hours, window[0]))
        return state == AlertState.POSTED

    def tick(self) -> OpeningReport | None:
        """One minute's office work; each step on its own, so one failing spares the rest."""
        now = self.clock.now()
        opening = None
        try:
            with self.db.session() as s:
                ended = expired_pause(s, now)
            if ended is not None:
                self.resume(audit.SYSTEM_ACTOR, why="pause time ended")
        except Exception:
            log.exception("office tick: pause expiry failed")
        try:
            opening = open_office(self.db, self.hours, self.router,
                                  self.settings.slack_alert_channel, now, self.gap_after)
        except Exception:
            log.exception("office tick: morning release failed")
        try:
            spike.check(self.db, now, self.spike, self.settings.slack_alert_channel)
        except Exception:
            log.exception("office tick: spike check failed")
        try:
            # After the day's digest is in Slack, so the morning reads digest, alerts, report.
            if opening is not None and self.digest_posted(now):
                report.send_weekly(self.db, self.slack, self.hours,
                                   self.settings.report_channel, now)
        except Exception:
            log.exception("office tick: weekly report failed")
        return opening


def build_office(settings: Settings, db: Database, slack: WebClient, clock: Clock) -> Office:
    hours = OfficeHours.from_settings(settings)
    router = Router.from_settings(settings)
    return Office(
        settings=settings, db=db, clock=clock, slack=slack, hours=hours, router=router,
        placer=Placer(router, hours, signposting=settings.crisis_signposting),
        permissions=Permissions.from_settings(settings, slack, clock),
        spike=spike.SpikeConfig(settings.spike_multiple, settings.spike_min_mentions,
                                timedelta(minutes=settings.spike_cooldown_minutes),
                                settings.spike_baseline_per_hour),
        retention=RetentionPolicy.from_settings(settings),
        gap_after=max(timedelta(minutes=10),
                      3 * timedelta(seconds=settings.poll_interval_seconds)),
    )
