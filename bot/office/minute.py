"""The scheduler's office minute: a pause that has run out ends, the morning release and
digest, the spike check, and the weekly report after the digest.

Every step is idempotent, so a late, doubled or restarted minute does no harm, and each runs on
its own, so one failing spares the rest.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from slack_sdk import WebClient

from bot.core.calendar import OfficeHours
from bot.core.clock import Clock
from bot.office import spike
from bot.office import weekly_report as report
from bot.office.digest import OpeningReport, digest_key, open_office
from bot.office.pausing import Pausing
from bot.office.routing import Router
from bot.store.alert_state import AlertState
from bot.store.db import Database
from bot.store.outbox_queries import alert_state_with_dedupe_key

log = logging.getLogger(__name__)


@dataclass
class OfficeMinute:
    db: Database
    clock: Clock
    hours: OfficeHours
    router: Router
    pausing: Pausing
    spike: spike.SpikeConfig
    slack: WebClient  # the weekly report's chart is uploaded, not queued
    alert_channel: str
    report_channel: str
    gap_after: timedelta  # a poll this late is a gap the morning digest mentions

    def digest_posted(self, now: datetime) -> bool:
        window = self.hours.current_window(now)
        if window is None:
            return False
        with self.db.session() as s:
            state = alert_state_with_dedupe_key(s, digest_key(self.hours, window[0]))
        return state == AlertState.POSTED

    def tick(self) -> OpeningReport | None:
        now = self.clock.now()
        opening = None
        try:
            self.pausing.end_if_due()
        except Exception:
            log.exception("office tick: pause expiry failed")
        try:
            opening = open_office(self.db, self.hours, self.router, self.alert_channel, now,
                                  self.gap_after)
        except Exception:
            log.exception("office tick: morning release failed")
        try:
            spike.check(self.db, now, self.spike, self.alert_channel)
        except Exception:
            log.exception("office tick: spike check failed")
        try:
            # After the day's digest is in Slack, so the morning reads digest, alerts, report.
            if opening is not None and self.digest_posted(now):
                report.send_weekly(self.db, self.slack, self.hours, self.report_channel, now)
        except Exception:
            log.exception("office tick: weekly report failed")
        return opening
