"""Office hours: when the comms team is at its desks.

Default Monday to Friday 09:00-17:00 Europe/London, closed on England and Wales bank holidays.
Every question takes the time to ask about (from the injected clock): nothing here reads the
system clock, so tests and the demo can stand on any Friday 16:59 or clock-change night.

Times are built as local wall-clock times in the trust's zone and compared as aware datetimes,
so a window is always "09:00 to 17:00 on the clock on the wall", GMT or BST, and durations
across a clock change come out right (a March Sunday night is an hour shorter).
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import holidays

if TYPE_CHECKING:
    from bot.core.config import Settings

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_WORDS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
# How far ahead to look for a working day: a year covers any sane configuration.
_SEARCH_DAYS = 400


def parse_days(text: str) -> frozenset[int]:
    """'Mon-Fri', 'mon,tue,thu' or 'Mon-Wed,Fri' -> weekday numbers (Monday = 0)."""
    days: set[int] = set()
    for raw in text.split(","):
        part = raw.strip().lower()
        if not part:
            continue
        if "-" in part:
            first, _, last = (x.strip()[:3] for x in part.partition("-"))
            if first not in DAY_NAMES or last not in DAY_NAMES:
                raise ValueError(f"unknown day in {part!r}; use Mon, Tue, ... Sun")
            a, b = DAY_NAMES.index(first), DAY_NAMES.index(last)
            days.update(range(a, b + 1) if a <= b else [*range(a, 7), *range(0, b + 1)])
            continue
        part = part[:3]
        if part in DAY_NAMES:
            days.add(DAY_NAMES.index(part))
        else:
            raise ValueError(f"unknown day {part!r}; use Mon, Tue, ... Sun")
    if not days:
        raise ValueError("name at least one working day, e.g. Mon-Fri")
    return frozenset(days)


def parse_hhmm(text: str) -> time:
    match = _HHMM.match(text.strip())
    if not match:
        raise ValueError(f"{text!r} is not a time like 09:00")
    return time(int(match.group(1)), int(match.group(2)))


def parse_dates(text: str) -> frozenset[date]:
    """Comma-separated ISO dates (the trust's own closure days), e.g. '2026-12-24,2026-12-31'."""
    out = set()
    for part in (p.strip() for p in text.split(",")):
        if part:
            try:
                out.add(date.fromisoformat(part))
            except ValueError:
                raise ValueError(f"{part!r} is not a date like 2026-12-24") from None
    return frozenset(out)


def holiday_calendar(spec: str) -> Container[date]:
    """'GB-ENG' (England and Wales share bank holidays), 'GB-SCT', 'GB-NIR', or 'none'."""
    spec = spec.strip()
    if spec.lower() in ("", "none"):
        return frozenset()
    country, _, subdiv = spec.partition("-")
    try:
        return holidays.country_holidays(country.upper(), subdiv=subdiv.upper() or None)
    except NotImplementedError:
        raise ValueError(f"unknown holiday calendar {spec!r}; e.g. GB-ENG or none") from None


@dataclass(frozen=True)
class HoursState:
    """What `/feedwatch hours` and the Home tab say about now."""

    open: bool
    reason: str  # "open until 17:00", "closed: Easter Monday (bank holiday)", ...
    next_change: datetime  # UTC: the next opening when closed, the closing when open


@dataclass(frozen=True)
class OfficeHours:
    tz: ZoneInfo
    days: frozenset[int]
    opens: time
    closes: time
    calendar: Container[date] = frozenset()
    closed_dates: frozenset[date] = frozenset()

    # Each day's window, worked out once: stats compute tens of thousands of durations.
    _windows: dict[date, tuple[datetime, datetime] | None] = field(
        default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.opens >= self.closes:
            raise ValueError("office hours must open before they close")
        if not self.days:
            raise ValueError("office hours need at least one working day")

    @classmethod
    def from_settings(cls, settings: Settings) -> OfficeHours:
        return cls(
            tz=settings.tz,
            days=parse_days(settings.office_days),
            opens=parse_hhmm(settings.office_opens),
            closes=parse_hhmm(settings.office_closes),
            calendar=holiday_calendar(settings.office_holidays),
            closed_dates=parse_dates(settings.office_closed_dates),
        )

    # -- days --------------------------------------------------------------------------

    def closed_reason(self, day: date) -> str | None:
        """Why a whole day is closed, or None for a working day."""
        if day in self.closed_dates:
            return "a closure day"
        if day in self.calendar:
            name = self.calendar.get(day) if hasattr(self.calendar, "get") else None
            return f"{name} (bank holiday)" if name else "a bank holiday"
        if day.weekday() not in self.days:
            return DAY_WORDS[day.weekday()]
        return None

    def window(self, day: date) -> tuple[datetime, datetime] | None:
        """That day's opening and closing as aware UTC datetimes; None when closed all day."""
        if day in self._windows:
            return self._windows[day]
        w = None
        if self.closed_reason(day) is None:
            w = (datetime.combine(day, self.opens, tzinfo=self.tz).astimezone(UTC),
                 datetime.combine(day, self.closes, tzinfo=self.tz).astimezone(UTC))
        if len(self._windows) > 5000:  # years of days: keep it bounded all the same
            self._windows.clear()
        self._windows[day] = w
        return w

    def local_date(self, at: datetime) -> date:
        return at.astimezone(self.tz).date()

    # -- instants ----------------------------------------------------------------------

    def is_open(self, at: datetime) -> bool:
        """Open from opening (inclusive) to closing (exclusive): 16:59 is open, 17:00 is not."""
        w = self.window(self.local_date(at))
        return w is not None and w[0] <= at < w[1]

    def current_window(self, at: datetime) -> tuple[datetime, datetime] | None:
        w = self.window(self.local_date(at))
        return w if w is not None and w[0] <= at < w[1] else None

    def next_opening(self, at: datetime) -> datetime:
        """The first opening strictly after `at` (tomorrow's, or later, when open now)."""
        day = self.local_date(at)
        for offset in range(_SEARCH_DAYS):
            w = self.window(day + timedelta(days=offset))
            if w is not None and w[0] > at:
                return w[0]
        raise ValueError("no working day within a year: check OFFICE_DAYS")

    def last_closing(self, at: datetime) -> datetime:
        """The most recent closing at or before `at`."""
        day = self.local_date(at)
        for offset in range(_SEARCH_DAYS):
            w = self.window(day - timedelta(days=offset))
            if w is not None and w[1] <= at:
                return w[1]
        raise ValueError("no working day within a year: check OFFICE_DAYS")

    def first_opening_of_week(self, at: datetime) -> datetime | None:
        """The first opening in `at`'s Monday-to-Sunday week (None in a week with none)."""
        monday = self.local_date(at) - timedelta(days=self.local_date(at).weekday())
        for offset in range(7):
            w = self.window(monday + timedelta(days=offset))
            if w is not None:
                return w[0]
        return None

    def state(self, at: datetime) -> HoursState:
        current = self.current_window(at)
        if current is not None:
            closes = current[1].astimezone(self.tz).strftime("%H:%M")
            return HoursState(True, f"open until {closes}", current[1])
        today = self.local_date(at)
        why = self.closed_reason(today)
        w = self.window(today)
        if why is None and w is not None:
            why = "before opening" if at < w[0] else "after closing"
        return HoursState(False, f"closed: {why}", self.next_opening(at))

    # -- durations ---------------------------------------------------------------------

    def working_seconds(self, start: datetime, end: datetime) -> float:
        """Seconds between two instants that fall within office hours."""
        if end <= start:
            return 0.0
        total = 0.0
        day, last = self.local_date(start), self.local_date(end)
        while day <= last:
            w = self.window(day)
            if w is not None:
                lo, hi = max(start, w[0]), min(end, w[1])
                if hi > lo:
                    total += (hi - lo).total_seconds()
            day += timedelta(days=1)
        return total
