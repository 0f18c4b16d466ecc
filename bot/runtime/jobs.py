"""Scheduled work: poll each source, deliver the outbox, the office tick (pause expiry,
morning release, spike check, weekly report), nightly retention, and for moderation: settling
actions a crash left half done (once, at start), capturing flagged media, and flagging
complaints not acknowledged in time. Fixed job ids, one instance each.

With several processes on one PostgreSQL database (bot/store/coordination.py) every process runs
the same
jobs, but only the current leader polls and does the once-only work; each tick re-tries the
lead, so a survivor takes over on its next tick after the leader dies. Every process delivers
the outbox (channel claims keep that to one poster per channel) and beats the heartbeat.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler

from bot.core.clock import Clock
from bot.core.retention_periods import RetentionPolicy
from bot.ingest.pipeline import PollReport
from bot.moderation import complaints, reping
from bot.office.minute import OfficeMinute
from bot.platforms.base import Source
from bot.privacy import retention
from bot.runtime import heartbeat
from bot.runtime.policy_reload import reload_policy
from bot.runtime.services import Services
from bot.store.coordination import RECONCILE, Coordinator
from bot.store.db import Database

log = logging.getLogger(__name__)

OUTBOX_INTERVAL_SECONDS = 5
OFFICE_TICK_SECONDS = 60
SIGNPOST_SECONDS = 30
POLICY_RELOAD_SECONDS = 60
MEDIA_CAPTURE_SECONDS = 60
COMPLAINT_CHECK_SECONDS = 15 * 60
REPING_SECONDS = 60
# Storm alerts' updates (one a second at most, Slack's pace) and the bulk hide queue.
STORM_TICK_SECONDS = 1
# Nightly retention at 03:15 local: outside 01:00-02:00, the hour the clock changes repeat or skip.
RETENTION_AT = {"hour": 3, "minute": 15}


def poll_all(services: Services) -> None:
    """One poll of every source (if this process leads), then deliver whatever is due."""
    if services.coordinator.leading():
        for source in services.sources:
            services.pipeline.poll(source)
    deliver(services)


def poll_source(services: Services, source: Source) -> PollReport | None:
    """The poll job: None when another process leads (and polls) instead."""
    if not services.coordinator.leading():
        return None
    try:
        return services.pipeline.poll(source)
    finally:
        # A poll's posts are classified and stored by now; what they needed is free again.
        services.release_memory()


def if_leading(coordinator: Coordinator, job: Callable[..., Any], *args: Any) -> None:
    """Once-only work (office tick, retention...): done by the leader alone."""
    if coordinator.leading():
        job(*args)


def deliver(services: Services) -> None:
    report = services.outbox.deliver_due()
    services.outbox.remove_duplicates()
    if report.posted or report.failed or report.recovered:
        log.info("outbox: %d posted, %d recovered, %d failed", report.posted,
                 report.recovered, report.failed)


def office_tick(minute: OfficeMinute) -> None:
    minute.tick()


def run_retention(db: Database, clock: Clock, policy: RetentionPolicy) -> None:
    retention.run(db, clock.now(), policy)


def reconcile_moderation(services: Services) -> None:
    # One process at a time: two settling the same intent would call the platform twice.
    with services.coordinator.exclusive(RECONCILE):
        services.moderation.actions.reconcile()


def capture_media(services: Services) -> None:
    report = services.moderation.capture.run()
    if report.captured or report.failed:
        log.info("media capture: %d captured, %d failed", report.captured, report.failed)


def storm_tick(services: Services) -> None:
    services.storm.tick()


def check_complaints(services: Services) -> None:
    complaints.flag_overdue(services.db, services.hours, services.moderation.alerts,
                            services.clock.now(), ping=reping.ping_for(services.settings))


def reping_unclaimed(services: Services) -> None:
    reping.reping_unclaimed(services.db, services.hours, services.moderation.alerts,
                            services.slack, services.clock.now(),
                            timedelta(minutes=services.settings.reping_minutes),
                            services.router.urgent, reping.ping_for(services.settings))


def build_scheduler(services: Services) -> BackgroundScheduler:
    lead = services.coordinator
    sched = BackgroundScheduler(timezone=services.settings.tz)
    common = {"replace_existing": True, "coalesce": True, "max_instances": 1,
              "misfire_grace_time": 30}
    for source in services.sources:
        sched.add_job(
            poll_source, "interval", args=[services, source],
            seconds=services.settings.poll_interval_seconds,
            id=f"poll:{source.platform}:{source.account}",
            next_run_time=datetime.now(UTC), **common,
        )
    sched.add_job(heartbeat.beat, "interval", args=[services.db, services.clock],
                  seconds=heartbeat.HEARTBEAT_SECONDS, id="heartbeat",
                  next_run_time=datetime.now(UTC), **common)
    sched.add_job(deliver, "interval", args=[services], seconds=OUTBOX_INTERVAL_SECONDS,
                  id="outbox", next_run_time=datetime.now(UTC), **common)
    if services.policy.path is not None:
        sched.add_job(reload_policy, "interval", args=[services],
                      seconds=POLICY_RELOAD_SECONDS, id="policy_reload", **common)
    if services.settings.crisis_signposting:  # the leader only: one sender per message
        sched.add_job(if_leading, "interval", args=[lead, services.signpost_sender.send_pending],
                      seconds=SIGNPOST_SECONDS, id="signposting", **common)
    sched.add_job(if_leading, "interval", args=[lead, office_tick, services.office_minute],
                  seconds=OFFICE_TICK_SECONDS, id="office", next_run_time=datetime.now(UTC),
                  **common)
    sched.add_job(if_leading, "cron", args=[lead, run_retention, services.db, services.clock,
                                         services.retention], id="retention",
                  **RETENTION_AT, **common)
    # On a shared database, after the grace in which another live process finishes any
    # platform call it had begun (bot/store/coordination.py); alone, at once.
    sched.add_job(reconcile_moderation, "date", args=[services], id="moderation_reconcile",
                  run_date=datetime.now(UTC) + lead.reconcile_grace, replace_existing=True,
                  misfire_grace_time=300)
    sched.add_job(if_leading, "interval", args=[lead, capture_media, services],
                  seconds=MEDIA_CAPTURE_SECONDS, id="media_capture", **common)
    sched.add_job(if_leading, "interval", args=[lead, check_complaints, services],
                  seconds=COMPLAINT_CHECK_SECONDS, id="complaints", **common)
    if services.settings.reping_minutes:
        sched.add_job(if_leading, "interval", args=[lead, reping_unclaimed, services],
                      seconds=REPING_SECONDS, id="reping", **common)
    sched.add_job(if_leading, "interval", args=[lead, storm_tick, services],
                  seconds=STORM_TICK_SECONDS, id="storm", **common)
    return sched


def build_serve_scheduler(services: Services) -> BackgroundScheduler:
    """`feedwatch serve`: only what answering Slack needs (the outgoing check uses the
    policy, so it follows the trust's edits); the ingest process does everything else."""
    sched = BackgroundScheduler(timezone=services.settings.tz)
    if services.policy.path is not None:
        sched.add_job(reload_policy, "interval", args=[services],
                      seconds=POLICY_RELOAD_SECONDS, id="policy_reload", replace_existing=True,
                      coalesce=True, max_instances=1, misfire_grace_time=30)
    return sched
