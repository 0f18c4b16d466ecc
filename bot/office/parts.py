"""The office's parts, each built once from Settings and handed to the one caller that needs
it: the pipeline places alerts (`placer`, `gap_after`), the scheduler runs `minute` and nightly
`retention`, the slash command and the Home tab answer from `replies`, and `permissions` (who
may moderate) is the one the moderation service shares, so its cache is in one place."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from slack_sdk import WebClient

from bot.core.calendar import OfficeHours
from bot.core.clock import Clock
from bot.core.config import Settings
from bot.core.retention_periods import RetentionPolicy
from bot.office import spike
from bot.office.holding import Placer
from bot.office.minute import OfficeMinute
from bot.office.pausing import HoursWords, Pausing
from bot.office.permissions import Permissions
from bot.office.reply_desk import ReplyDesk
from bot.office.routing import Router
from bot.slack.workspace import WorkspaceLink
from bot.store.db import Database


@dataclass(frozen=True)
class OfficeParts:
    hours: OfficeHours  # when the office is open
    router: Router  # which channel each alert goes to, and what is urgent
    placer: Placer  # whether a new alert is posted now or held (hours, pause)
    permissions: Permissions
    pausing: Pausing  # a moderator's pause and resume
    replies: ReplyDesk
    minute: OfficeMinute
    retention: RetentionPolicy
    gap_after: timedelta  # a poll this late is a gap the morning digest mentions


def build_office(settings: Settings, db: Database, slack: WebClient, clock: Clock) -> OfficeParts:
    hours = OfficeHours.from_settings(settings)
    router = Router.from_settings(settings)
    permissions = Permissions.from_settings(settings, slack, clock)
    pausing = Pausing(db, clock, hours, router, HoursWords(
        settings.office_opens, settings.office_closes, settings.office_holidays))
    gap_after = max(timedelta(minutes=10), 3 * timedelta(seconds=settings.poll_interval_seconds))
    minute = OfficeMinute(
        db, clock, hours, router, pausing,
        spike.SpikeConfig(settings.spike_multiple, settings.spike_min_mentions,
                          timedelta(minutes=settings.spike_cooldown_minutes),
                          settings.spike_baseline_per_hour),
        slack, settings.slack_alert_channel, settings.report_channel, gap_after)
    return OfficeParts(
        hours=hours, router=router,
        placer=Placer(router, hours, signposting=settings.crisis_signposting),
        permissions=permissions, pausing=pausing,
        replies=ReplyDesk(db, clock, hours, permissions, pausing, WorkspaceLink(slack), slack),
        minute=minute, retention=RetentionPolicy.from_settings(settings), gap_after=gap_after)
