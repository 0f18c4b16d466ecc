"""The figures a report is made of: a date range and the counts in it, as plain values.

They sit below both the queries that fill them (bot/reports/stats.py) and the pure Block Kit
builders that draw them (bot/slack/), so neither has to reach into the other.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$")


@dataclass(frozen=True)
class Range:
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive
    label: str


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def parse_range(text: str, now: datetime, tz: ZoneInfo) -> Range:
    """today | week | month | YYYY-MM-DD | FROM..TO (ISO dates, local, inclusive)."""
    word = (text or "today").strip().lower()
    today = now.astimezone(tz).date()
    if word == "today":
        first, last, label = today, today, f"today ({today:%a %d %b})"
    elif word == "week":  # weeks start on Monday
        first = today - timedelta(days=today.weekday())
        last, label = first + timedelta(days=6), f"week of Mon {first:%d %b %Y}"
    elif word == "month":
        first = today.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        last, label = nxt - timedelta(days=1), f"{first:%B %Y}"
    else:
        m = _RANGE.match(word)
        if not m:
            raise ValueError("use today, week, month, a date like 2026-11-24, or "
                             "FROM..TO like 2026-11-01..2026-11-30")
        try:
            first = date.fromisoformat(m.group(1))
            last = date.fromisoformat(m.group(2) or m.group(1))
        except ValueError:
            raise ValueError(f"{word!r} has a date that does not exist") from None
        if last < first:
            raise ValueError("the range ends before it starts")
        label = f"{first:%d %b %Y}" + (f" to {last:%d %b %Y}" if last != first else "")
    return Range(local_midnight(first, tz), local_midnight(last + timedelta(days=1), tz), label)


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class Stats:
    range: Range
    mentions: Counter[tuple[str, str]] = field(default_factory=Counter)  # (platform, kind)
    flags: Counter[str] = field(default_factory=Counter)
    actions: Counter[str] = field(default_factory=Counter)
    replies_sent: int = 0
    escalations: Counter[str] = field(default_factory=Counter)
    overrides: int = 0
    first_action_seconds: list[float] = field(default_factory=list)
    open_alerts: int = 0
    held_alerts: int = 0

    @property
    def median_first_action(self) -> float | None:
        return percentile(self.first_action_seconds, 50)

    @property
    def p90_first_action(self) -> float | None:
        return percentile(self.first_action_seconds, 90)
