"""The scheduler carries the office tick and the nightly retention job."""

from __future__ import annotations

from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from bot.core.clock import FixedClock
from bot.runtime.jobs import OFFICE_TICK_SECONDS, build_scheduler
from bot.sandbox.fake_x import FakeX
from bot.store.db import Database
from tests.harness import make_settings, services_for
from tests.office.conftest import UNUSED_X


def test_office_tick_and_nightly_retention_are_scheduled(sqlite_db: Database,
                                                         clock: FixedClock) -> None:
    with FakeX(clock=clock) as fake_x:
        services = services_for(make_settings(sqlite_db, [UNUSED_X]), clock, fake_x)
        sched = build_scheduler(services)
        jobs = {j.id: j for j in sched.get_jobs()}
    assert {"outbox", "office", "retention"} <= set(jobs)
    office = jobs["office"].trigger
    assert isinstance(office, IntervalTrigger)
    assert office.interval.total_seconds() == OFFICE_TICK_SECONDS
    retention = jobs["retention"].trigger
    assert isinstance(retention, CronTrigger)
    fields = {f.name: str(f) for f in retention.fields}
    # 03:15 local: clear of the hour the clocks skip in March and repeat in October.
    assert (fields["hour"], fields["minute"]) == ("3", "15")
    assert str(retention.timezone) == "Europe/London"


def test_the_re_ping_runs_every_minute_unless_turned_off(sqlite_db: Database,
                                                          clock: FixedClock) -> None:
    with FakeX(clock=clock) as fake_x:
        on = build_scheduler(services_for(make_settings(sqlite_db, [UNUSED_X]), clock, fake_x))
        off = build_scheduler(services_for(make_settings(sqlite_db, [UNUSED_X],
                                                         reping_minutes=0), clock, fake_x))
        jobs = {j.id: j for j in on.get_jobs()}
        assert "reping" not in {j.id for j in off.get_jobs()}
    assert jobs["reping"].trigger.interval.total_seconds() == 60
