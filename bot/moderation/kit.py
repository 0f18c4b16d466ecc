"""Builds the moderation side of the bot once, from Settings: one write adapter per watched
account (each with its own credentials), the service, the workflow, the modals, evidence
packs and media capture."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import requests
from slack_sdk import WebClient

from bot.alerts.update import AlertUpdater
from bot.core.clock import Clock
from bot.core.config import Settings
from bot.core.policy_file import PolicyHolder
from bot.moderation.evidence_pack import EvidencePacks
from bot.moderation.media_capture import MediaCapture
from bot.moderation.modals import ModalPrep
from bot.moderation.service import Moderation, ModerationConfig
from bot.moderation.workflow import Workflow
from bot.office.permissions import Permissions
from bot.platforms.facebook.actions import make_facebook_writer
from bot.platforms.writes import PlatformWriter
from bot.platforms.x.actions import make_x_writer
from bot.store.db import Database


@dataclass
class ModerationKit:
    actions: Moderation
    workflow: Workflow
    modals: ModalPrep
    capture: MediaCapture
    alerts: AlertUpdater


def build_moderation(settings: Settings, db: Database, clock: Clock, slack: WebClient,
                     policy: PolicyHolder, permissions: Permissions,
                     http_session: Callable[[], requests.Session]) -> ModerationKit:
    writers: dict[str, PlatformWriter] = {
        a.name: make_x_writer(a, http_session()) for a in settings.x_accounts}
    writers.update({p.name: make_facebook_writer(p, settings.facebook_graph_version,
                                                 http_session(),
                                                 settings.facebook_app_secret_value)
                    for p in settings.facebook_pages})
    alerts = AlertUpdater(db, slack, settings.tz, settings.crisis_ping)
    config = ModerationConfig(tz=settings.tz, lead_only=settings.lead_only,
                              escalation_targets=dict(settings.escalation_targets),
                              evidence_channel=settings.slack_evidence_channel)
    actions = Moderation(db, clock, policy, permissions, writers, alerts, config)
    evidence = EvidencePacks(db, slack, clock, settings.tz, alerts,
                             settings.slack_evidence_channel)
    return ModerationKit(actions=actions, workflow=Workflow(actions, slack, evidence),
                         modals=ModalPrep(actions), alerts=alerts,
                         capture=MediaCapture(db, clock, http_session()))
