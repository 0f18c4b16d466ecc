"""The bot's heartbeat: stored every half minute, so downtime shows in the morning digest and
/healthz can tell a live process from one that has stopped doing its work."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.core.clock import Clock
from bot.store import cursors
from bot.store.cursors import record_poll_gap
from bot.store.db import Database

HEARTBEAT_KEY = "feedwatch:heartbeat"
HEARTBEAT_SECONDS = 30
# Silent for longer than this counts as downtime.
DOWN_AFTER = timedelta(seconds=3 * HEARTBEAT_SECONDS)


def beat(db: Database, clock: Clock) -> None:
    now = clock.now()
    with db.session() as s:
        last = cursors.get_state(s, HEARTBEAT_KEY).last_success_at
        record_poll_gap(s, HEARTBEAT_KEY, last, now, DOWN_AFTER)
        cursors.record_success(s, HEARTBEAT_KEY, now, None)


def last_beat(db: Database) -> datetime | None:
    with db.session() as s:
        return cursors.get_state(s, HEARTBEAT_KEY).last_success_at
