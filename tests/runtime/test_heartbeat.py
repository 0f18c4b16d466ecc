"""The heartbeat: downtime becomes a gap the morning digest reports."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.core.clock import FixedClock
from bot.runtime import heartbeat
from bot.slack.digest_blocks import GapItem, gap_line
from bot.store.db import Database
from bot.store.schema import PollGapRow


def test_a_silence_longer_than_three_beats_is_recorded_as_downtime(
        db: Database, clock: FixedClock) -> None:
    heartbeat.beat(db, clock)
    clock.advance(heartbeat.HEARTBEAT_SECONDS)
    heartbeat.beat(db, clock)  # on time: no gap
    down_from = clock.now()
    clock.advance(hours=2, minutes=20)  # the process was dead
    heartbeat.beat(db, clock)
    with db.session() as s:
        gaps = s.execute(select(PollGapRow)).scalars().all()
    assert [(g.started_at, g.ended_at) for g in gaps] == [(down_from, clock.now())]
    assert heartbeat.last_beat(db) == clock.now()
    line = gap_line(GapItem(gaps[0].edge, gaps[0].started_at, gaps[0].ended_at),
                    ZoneInfo("Europe/London"))
    assert line == "feedwatch was not running Tue 10:00–12:20"


def test_gap_line_for_a_bot_still_silent(clock: FixedClock) -> None:
    line = gap_line(GapItem(heartbeat.HEARTBEAT_KEY, clock.now() - timedelta(hours=1), None),
                    ZoneInfo("Europe/London"))
    assert line == "feedwatch silent since Tue 09:00"
