"""Scheduled work: poll each source, deliver the outbox, the office tick (pause expiry,
morning release, spike check, weekly report), nightly retention, and for moderation: settling
actions a crash left half done (once, at start), capturing flagged media, and flagging
complaints not acknowledged in time. Fixed job ids, one instance each."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

from bot import complaints, heartbeat, retention
from bot.office import Office
from bot.policy_reload import reload_policy
from bot.services import Services

log = logging.getLogger(__name__)

OUTBOX_INTERVAL_SECONDS = 5
OFFICE_TICK_SECONDS = 60
POLICY_RELOAD_SECONDS = 60
MEDIA_CAPTURE_SECONDS = 60
COMPLAINT_CHECK_SECONDS = 15 * 60
# Nightly retention at 03:15 local: outside 01:00-02:00, the hour the clock changes repeat or skip.
RETENTION_AT = {"hour": 3, "minute": 15}


def poll_all(services: Services) -> None:
    """One poll of every source, then deliver whatever it queued."""
    for source in services.sources:
        services.pipeline.poll(source)
    deliver(services)


def deliver(services: Services) -> None:
    report = services.outbox.deliver_due()
    if report.posted or report.failed or report.recovered:
        log.info("outbox: %d posted, %d recovered, %d failed", report.posted,
                 report.recovered, report.failed)


def office_tick(office: Office) -> None:
    office.tick()


def run_retention(office: Office) -> None:
    retention.run(office.db, office.clock.now(), office.retention)


def reconcile_moderation(services: Services) -> None:
    services.moderation.actions.reconcile()


def capture_media(services: Services) -> None:
    report = services.moderation.capture.run()
    if report.captured or report.failed:
        log.info("media capture: %d captured, %d failed", report.captured, report.failed)


def check_complaints(services: Services, office: Office) -> None:
    complaints.flag_overdue(services.db, office.hours, services.moderation.alerts,
                            services.clock.now())


def build_scheduler(services: Services, office: Office | None = None) -> BackgroundScheduler:
    office = office or services.office
    sched = BackgroundScheduler(timezone=services.settings.tz)
    common = {"replace_existing": True, "coalesce": True, "max_instances": 1,
              "misfire_grace_time": 30}
    for source in services.sources:
        sched.add_job(
            services.pipeline.poll, "interval", args=[source],
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
    sched.add_job(office_tick, "interval", args=[office], seconds=OFFICE_TICK_SECONDS,
                  id="office", next_run_time=datetime.now(UTC), **common)
    sched.add_job(run_retention, "cron", args=[office], id="retention", **RETENTION_AT,
                  **common)
    sched.add_job(reconcile_moderation, "date", args=[services], id="moderation_reconcile",
                  run_date=datetime.now(UTC), replace_existing=True, misfire_grace_time=300)
    sched.add_job(capture_media, "interval", args=[services], seconds=MEDIA_CAPTURE_SECONDS,
                  id="media_capture", **common)
    sched.add_job(check_complaints, "interval", args=[services, office],
                  seconds=COMPLAINT_CHECK_SECONDS, id="complaints", **common)
    return sched
