"""Liveness and readiness, for each shape the bot runs in (bot/core/roles.py).

Liveness (/healthz): the process is doing its work, so restarting it would not help if it
failed only because of the database: the scheduler (ingest) is running and has finished a job
lately. Readiness (/readyz): it can do its job now: the database answers and, where this
process ingests, the heartbeat is fresh, every feed was read within its interval and the outbox
is moving; in Socket Mode, the connection to Slack is up.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent
from apscheduler.schedulers.base import STATE_RUNNING, BaseScheduler

from bot.core.clock import Clock
from bot.core.roles import INGESTS, Role
from bot.runtime import heartbeat
from bot.store.db import Database
from bot.store.health_queries import (
    ping,
    states_of_sources,
    waiting_count_due_before,
    waiting_count_tried_at_least,
)

if TYPE_CHECKING:
    from bot.runtime.services import Services

# The scheduler runs the outbox every 5 s: silence for this long means its threads are stuck.
LIVE_AFTER = 120.0
# A feed is late when not read for this many poll intervals (plus the grace below); a backoff
# after errors or a rate limit counts as late: somebody should look.
FEED_INTERVALS = 2
FEED_GRACE = timedelta(seconds=60)
# A due alert not taken for this long, or one that has failed this often, means the outbox is
# stuck (released held alerts are staggered into the future, so a morning release is not).
OUTBOX_OVERDUE = timedelta(minutes=5)
OUTBOX_MAX_ATTEMPTS = 5


@dataclass
class Check:
    name: str
    ok: bool
    detail: str = ""


@dataclass
class Probe:
    """What the health endpoints of one process look at."""

    db: Database
    clock: Clock
    role: Role
    poll_interval: timedelta
    edges: list[str] = field(default_factory=list)
    started: datetime | None = None
    scheduler: BaseScheduler | None = None
    slack_connected: Callable[[], bool] | None = None  # Socket Mode
    _last_job: float = field(default_factory=time.monotonic)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.started = self.started or self.clock.now()

    def watch(self, scheduler: BaseScheduler) -> None:
        """Note every job the scheduler finishes (well or not): that is what liveness means."""
        self.scheduler = scheduler
        scheduler.add_listener(self._job_done, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)

    def _job_done(self, _event: JobExecutionEvent) -> None:
        with self._lock:
            self._last_job = time.monotonic()

    def liveness(self) -> list[Check]:
        if self.scheduler is None:
            return [Check("process", True, "answering")]
        running = self.scheduler.state == STATE_RUNNING
        with self._lock:
            quiet = time.monotonic() - self._last_job
        return [Check("scheduler", running and quiet < LIVE_AFTER,
                      f"{'running' if running else 'stopped'}, last job {quiet:.0f} s ago")]

    def readiness(self) -> list[Check]:
        checks = [self._database()]
        if not checks[0].ok:
            return checks
        if self.role in INGESTS:
            checks += [self._heartbeat(), *self._feeds(), self._outbox()]
        if self.slack_connected is not None:
            up = self.slack_connected()
            checks.append(Check("slack", up, "connected" if up else "not connected"))
        return checks

    def _database(self) -> Check:
        try:
            with self.db.session() as s:
                ping(s)
        except Exception as exc:  # the answer is "not ready", never a crash of the endpoint
            return Check("database", False, f"unreachable ({type(exc).__name__})")
        return Check("database", True, self.db.dialect)

    def _heartbeat(self) -> Check:
        beat = heartbeat.last_beat(self.db)
        now = self.clock.now()
        if beat is None:
            young = now - self._started() < heartbeat.DOWN_AFTER
            return Check("heartbeat", young, "none yet")
        age = now - beat
        return Check("heartbeat", age <= heartbeat.DOWN_AFTER, f"{age.total_seconds():.0f} s ago")

    def _feeds(self) -> list[Check]:
        now = self.clock.now()
        limit = self.poll_interval * FEED_INTERVALS + FEED_GRACE
        with self.db.session() as s:
            rows = states_of_sources(s, self.edges)
        checks = []
        for edge in self.edges:
            row = rows.get(edge)
            last = row.last_success_at if row else None
            if last is None:
                checks.append(Check(f"feed {edge}", now - self._started() < limit,
                                    "not read yet"))
                continue
            age = now - last
            detail = f"read {age.total_seconds():.0f} s ago"
            if row is not None and row.consecutive_failures:
                detail += f"; {row.consecutive_failures} failure(s) in a row"
            checks.append(Check(f"feed {edge}", age <= limit, detail))
        return checks

    def _outbox(self) -> Check:
        now = self.clock.now()
        with self.db.session() as s:
            overdue = waiting_count_due_before(s, now - OUTBOX_OVERDUE)
            failing = waiting_count_tried_at_least(s, OUTBOX_MAX_ATTEMPTS)
        ok = overdue == 0 and failing == 0
        return Check("outbox", ok, f"{overdue} overdue, {failing} failing repeatedly")

    def _started(self) -> datetime:
        assert self.started is not None
        return self.started


def summary(checks: list[Check]) -> dict[str, Any]:
    return {"ok": all(c.ok for c in checks),
            "checks": {c.name: {"ok": c.ok, "detail": c.detail} for c in checks}}


def make_probe(services: Services, role: Role, scheduler: BaseScheduler | None = None) -> Probe:
    """The probe of a started process: the feeds it polls, if it ingests."""
    settings = services.settings
    edges = [e for src in services.sources for e in src.edges()] if role in INGESTS else []
    probe = Probe(services.db, services.clock, role,
                  timedelta(seconds=settings.poll_interval_seconds), edges)
    if scheduler is not None and role in INGESTS:
        probe.watch(scheduler)
    return probe
