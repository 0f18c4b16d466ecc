"""The one clock every time-dependent part reads, so tests and the demo control time."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")


class Clock(Protocol):
    def now(self) -> datetime:
        """Current time, timezone-aware UTC."""
        ...

    def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        threading.Event().wait(max(0.0, seconds))


class FixedClock:
    """A clock that only moves when told to; `sleep` advances it instantly."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs a timezone-aware datetime")
        self._now = start.astimezone(UTC)
        self._lock = threading.Lock()

    def now(self) -> datetime:
        with self._lock:
            return self._now

    def set(self, when: datetime) -> None:
        if when.tzinfo is None:
            raise ValueError("FixedClock.set needs a timezone-aware datetime")
        with self._lock:
            self._now = when.astimezone(UTC)

    def advance(self, seconds: float = 0, **kwargs: float) -> datetime:
        with self._lock:
            self._now += timedelta(seconds=seconds, **kwargs)
            return self._now

    def sleep(self, seconds: float) -> None:
        self.advance(max(0.0, seconds))


class OffsetClock:
    """Real time shifted to a chosen starting point: the demo runs 'on Tuesday at 10:00'
    whatever the wall clock says, while time still passes normally."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("OffsetClock needs a timezone-aware datetime")
        self._offset = start - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._offset

    def jump_to(self, when: datetime) -> None:
        self._offset = when - datetime.now(UTC)

    def sleep(self, seconds: float) -> None:
        threading.Event().wait(max(0.0, seconds))


def local(dt: datetime, tz: ZoneInfo = LONDON) -> datetime:
    """A stored UTC time shown in the trust's local time."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(tz)


def format_local(dt: datetime, tz: ZoneInfo = LONDON) -> str:
    """'Tue 24 Nov 2026 10:32 GMT' — unambiguous across the clock changes."""
    return local(dt, tz).strftime("%a %d %b %Y %H:%M %Z")
