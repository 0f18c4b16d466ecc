"""The digest's polling gaps, one line per feed: the stored gaps are per edge and per missed
stretch (X mentions and DMs, Facebook comments, messages... each record their own), which
made one outage read as a dozen lines. Here they are merged into outages per feed (platform and
account), and a feed's gap inside a stretch when feedwatch itself was not running is left out:
that is one outage, told once as "feedwatch was not running".

Pure: gaps in, merged gaps out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.slack.digest_blocks import GapItem

BOT = "feedwatch"  # the heartbeat's edge prefix (bot/runtime/heartbeat.py)


@dataclass(frozen=True)
class Stretch:
    edge: str  # e.g. "x:nsft:mentions", or "feedwatch:heartbeat"
    started_at: datetime
    ended_at: datetime


@dataclass(frozen=True)
class Failing:
    """A feed edge that has not been read since `since` and whose last poll failed."""

    edge: str
    since: datetime


def feed_of(edge: str) -> str:
    """'x:nsft:mentions' -> 'x:nsft': the feed is the platform and account."""
    return ":".join(edge.split(":")[:2])


def _merge(stretches: list[tuple[datetime, datetime]],
           slack: timedelta) -> list[tuple[datetime, datetime, int]]:
    """Overlapping or nearly touching stretches as one: (start, end, gaps in it). Overlapping
    stretches (two edges of a feed down together) are one gap; one that begins after the last
    ended (a good poll came in between) is another gap in the same outage."""
    merged: list[tuple[datetime, datetime, int]] = []
    for start, end in sorted(stretches):
        if merged and start <= merged[-1][1] + slack:
            first, last, n = merged[-1]
            merged[-1] = (first, max(last, end), n + (start >= last))
        else:
            merged.append((start, end, 1))
    return merged


def outage_lines(gaps: list[Stretch], failing: list[Failing],
                 slack: timedelta) -> list[GapItem]:
    """One GapItem per outage of each feed, oldest first.

    `slack` is how close two stretches must be to count as one outage (the gap threshold: a
    single good poll between two long silences does not make two outages)."""
    per_feed: dict[str, list[tuple[datetime, datetime]]] = defaultdict(list)
    for g in gaps:
        per_feed[feed_of(g.edge) if not g.edge.startswith(BOT) else BOT].append(
            (g.started_at, g.ended_at))
    down = _merge(per_feed.pop(BOT, []), slack)
    items = [GapItem(f"{BOT}:heartbeat", s, e, n) for s, e, n in down]

    def while_down(start: datetime, end: datetime) -> bool:
        return any(s - slack <= start and end <= e + slack for s, e, _ in down)

    for feed, stretches in per_feed.items():
        items.extend(GapItem(feed, s, e, n) for s, e, n in _merge(stretches, slack)
                     if not while_down(s, e))
    since: dict[str, datetime] = {}
    for f in failing:
        feed = feed_of(f.edge)
        since[feed] = min(f.since, since.get(feed, f.since))
    items.extend(GapItem(feed, at, None) for feed, at in since.items())
    return sorted(items, key=lambda g: (g.started_at, g.edge))
