"""Processes on the real clock keep the office open 00:00-23:59 in a zone where it is midday,
so whatever the hour a test starts, the closed minute is hours away."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.sandbox.testing.instance import midday_timezone


def test_it_is_midday_there_whatever_the_hour_here() -> None:
    start = datetime(2026, 11, 24, 0, 0, 30, tzinfo=UTC)
    for minutes in range(0, 24 * 60, 7):
        now = start + timedelta(minutes=minutes)
        local = now.astimezone(ZoneInfo(midday_timezone(now)))
        assert local.hour == 12, (now, midday_timezone(now), local)
