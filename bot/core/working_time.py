"""Office-hours durations of many intervals at once: the stats' time to first action covers
every alert acted on in the range (tens of thousands in a busy month).

Each answer is the one OfficeHours.working_seconds gives for that interval, summed over the
same windows in the same order; only the search differs. The windows of every day the
intervals touch are worked out once, in time order, and an interval finds the first window it
overlaps by bisection instead of walking its days one by one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from datetime import datetime, timedelta

from bot.core.calendar import OfficeHours

_DAY = timedelta(days=1)


def working_seconds_each(hours: OfficeHours,
                         intervals: Sequence[tuple[datetime, datetime]]) -> list[float]:
    """Seconds within office hours between each (start, end), 0 where end is not after start."""
    if not intervals:
        return []
    opens: list[datetime] = []
    closes: list[datetime] = []
    day = hours.local_date(min(start for start, _ in intervals))
    last = hours.local_date(max(end for _, end in intervals))
    while day <= last:
        window = hours.window(day)
        if window is not None:
            opens.append(window[0])
            closes.append(window[1])
        day += _DAY
    count = len(opens)
    out: list[float] = []
    for start, end in intervals:
        total = 0.0
        if end > start:
            # Windows never overlap and each lies inside its own day, so the ones that share
            # time with the interval are the run from the first that closes after its start.
            i = bisect_right(closes, start)
            while i < count and opens[i] < end:
                lo = opens[i] if opens[i] > start else start
                hi = closes[i] if closes[i] < end else end
                total += (hi - lo).total_seconds()
                i += 1
        out.append(total)
    return out
