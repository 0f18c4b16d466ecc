"""Holding alerts by hand: a moderator's pause (which always ends), resuming, and what the
office hours and the pause look like now (for /feedwatch hours and the Home tab)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.core.calendar import OfficeHours
from bot.core.clock import Clock
from bot.office.holding import (
    HOLD_HOURS,
    HOLD_PAUSE,
    Pause,
    active_pause,
    clear_pause,
    convert_to_hours_hold,
    expired_pause,
    held_count,
    release,
    set_pause,
)
from bot.office.routing import Router
from bot.slack.home_blocks import HoursView
from bot.store import audit
from bot.store.db import Database

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


@dataclass(frozen=True)
class HoursWords:
    """The office hours as the trust wrote them in the settings, to show back as written."""

    opens: str
    closes: str
    holidays: str


@dataclass
class Pausing:
    db: Database
    clock: Clock
    hours: OfficeHours
    router: Router
    words: HoursWords

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

    def end_if_due(self) -> None:
        """The scheduler's minute: a pause whose time has come ends as if resumed by hand."""
        with self.db.session() as s:
            ended = expired_pause(s, self.clock.now())
        if ended is not None:
            self.resume(audit.SYSTEM_ACTOR, why="pause time ended")

    def hours_view(self) -> HoursView:
        now = self.clock.now()
        state = self.hours.state(now)
        with self.db.session() as s:
            pause = active_pause(s, now)
            held = held_count(s)
        return HoursView(
            open=state.open, reason=state.reason, next_change=state.next_change,
            days=self.hours.days, opens=self.words.opens, closes=self.words.closes,
            holidays=self.words.holidays, paused_until=pause.until if pause else None,
            paused_by=pause.by if pause else "", held=held,
            urgent=tuple(sorted(self.router.urgent)),
            out_of_hours_destination=self.router.out_of_hours_destination, tz=self.hours.tz)
