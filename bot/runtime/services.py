"""Everything the bot runs on, built once from Settings and passed in (no globals)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import requests
from slack_sdk import WebClient

from bot.alerts.outbox import Outbox
from bot.alerts.render import make_renderer
from bot.core.calendar import OfficeHours
from bot.core.clock import Clock
from bot.core.config import Settings
from bot.core.policy_file import PolicyHolder
from bot.core.retention_periods import RetentionPolicy
from bot.core.roles import RUN, Role
from bot.ingest.classify_pool import ClassifyPool, default_processes
from bot.ingest.ocr import MediaReader
from bot.ingest.pipeline import Pipeline
from bot.moderation.kit import ModerationKit, build_moderation
from bot.office.minute import OfficeMinute
from bot.office.parts import build_office
from bot.office.permissions import Permissions
from bot.office.reply_desk import ReplyDesk
from bot.office.routing import Router
from bot.office.signpost_sender import SignpostSender
from bot.platforms.base import Source
from bot.platforms.facebook.source import FacebookSource, make_graph
from bot.platforms.http import TimeoutSession
from bot.platforms.x.source import XSource, make_client
from bot.runtime.memory import heap_trimmer
from bot.slack.client import make_slack_client
from bot.store.coordination import Coordinator, coordinator_for
from bot.store.db import Database, database_for
from bot.storm.fold import StormConfig, StormFolder
from bot.storm.groups import StormDesk

log = logging.getLogger(__name__)

SessionFactory = Callable[[], requests.Session]


@dataclass
class Services:
    settings: Settings
    clock: Clock
    db: Database
    policy: PolicyHolder
    slack: WebClient
    pipeline: Pipeline
    outbox: Outbox
    sources: list[Source]
    # The office's parts (bot/office/parts.py), each for the callers that need it.
    hours: OfficeHours  # when the office is open
    router: Router  # which channel each alert goes to, and what is urgent
    permissions: Permissions  # who may moderate: one, shared by the office and the buttons
    replies: ReplyDesk  # what /feedwatch and the Home tab answer from
    office_minute: OfficeMinute  # the scheduler's minute: pause expiry, morning, spike, report
    retention: RetentionPolicy  # how long each kind of record is kept
    moderation: ModerationKit  # the buttons: bot/moderation/service.py and friends
    # Who polls and who posts when several processes share the database (bot/store/coordination.py).
    coordinator: Coordinator
    storm: StormDesk  # storm groups' alerts and bulk hides (bot/storm/groups.py)
    # Hands the heap a burst has freed back to the system (bot/runtime/memory.py).
    release_memory: Callable[[], None] = lambda: None

    @property
    def signpost_sender(self) -> SignpostSender:
        return SignpostSender(self.db, self.clock, self.moderation.actions.writers, self.policy)


def build_services(
    settings: Settings,
    clock: Clock,
    *,
    http_session: SessionFactory = TimeoutSession,
    slack_client: WebClient | None = None,
    post_interval: float = 1.0,
    role: Role = RUN,
) -> Services:
    db = database_for(settings)
    coordinator = coordinator_for(db, role)
    policy = PolicyHolder.from_settings(settings)
    slack = slack_client or make_slack_client(settings)
    office = build_office(settings, db, slack, clock)
    storm = storm_config(settings)
    processes = settings.classify_processes
    pool = ClassifyPool(policy, default_processes() if processes is None else processes)
    pipeline = Pipeline(db, policy.classify, clock, settings.slack_alert_channel,
                        settings.admin_channel, placer=office.placer, gap_after=office.gap_after,
                        read_media=MediaReader.if_available(http_session),
                        storm=StormFolder(storm),
                        outage_after=timedelta(minutes=settings.platform_outage_alert_minutes),
                        pool=pool)
    moderation = build_moderation(settings, db, clock, slack, policy, office.permissions,
                                  http_session)
    desk = StormDesk(db, clock, slack, moderation.actions, moderation.capture, storm, settings.tz)
    render = make_renderer(settings.tz, settings.crisis_ping)
    outbox = Outbox(db, slack, clock, render, min_interval=post_interval,
                    coordinator=coordinator, renderers={"storm": desk.render})
    sources: list[Source] = [
        XSource(acct, make_client(acct, http_session()), clock, reach=settings.x_mention_reach)
        for acct in settings.x_accounts
    ]
    sources += [
        FacebookSource(page, make_graph(page, settings.facebook_graph_version, http_session(),
                                        settings.facebook_app_secret_value), clock,
                       window_days=settings.facebook_post_window_days)
        for page in settings.facebook_pages
    ]
    return Services(settings=settings, clock=clock, db=db, policy=policy, slack=slack,
                    pipeline=pipeline, outbox=outbox, sources=sources, hours=office.hours,
                    router=office.router, permissions=office.permissions,
                    replies=office.replies, office_minute=office.minute,
                    retention=office.retention, moderation=moderation,
                    coordinator=coordinator, storm=desk, release_memory=heap_trimmer())


def storm_config(settings: Settings) -> StormConfig:
    return StormConfig(threshold=settings.storm_threshold,
                       window=timedelta(minutes=settings.storm_window_minutes),
                       similarity=settings.storm_similarity,
                       update_every=timedelta(seconds=settings.storm_update_seconds))
