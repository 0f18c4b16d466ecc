"""Many office-hours durations at once give, for each interval, what one at a time gives."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from bot.core.calendar import OfficeHours, holiday_calendar, parse_dates, parse_days, parse_hhmm
from bot.core.clock import LONDON
from bot.core.working_time import working_seconds_each


def test_each_duration_is_the_one_working_seconds_gives() -> None:
    hours = OfficeHours(LONDON, parse_days("Mon-Thu,Sat"), parse_hhmm("08:30"),
                        parse_hhmm("17:45"), holiday_calendar("GB-ENG"),
                        parse_dates("2026-12-24"))
    rng = random.Random(9)
    base = datetime(2026, 3, 20, tzinfo=UTC)  # both clock changes and Christmas within reach
    intervals = []
    for _ in range(3000):
        start = base + timedelta(seconds=rng.randrange(290 * 86400), microseconds=rng.randrange(
            10**6))
        length = rng.choice((0, -60, rng.random() * 3600, rng.random() * 86400,
                             rng.random() * 20 * 86400))
        intervals.append((start, start + timedelta(seconds=length)))
    # Starting or ending on an opening or a closing, or half a minute either side of one.
    opening = datetime(2026, 11, 30, 8, 30, tzinfo=UTC)  # a Monday
    closing = opening + timedelta(hours=9, minutes=15)
    for edge in (opening, closing):
        for step in (-30, 0, 30):
            at = edge + timedelta(seconds=step)
            intervals += [(at - timedelta(hours=2), at), (at, at + timedelta(hours=2))]
    got = working_seconds_each(hours, intervals)
    assert got == [hours.working_seconds(start, end) for start, end in intervals]
    assert sum(1 for g in got if g > 0) > 1000
    assert working_seconds_each(hours, []) == []
