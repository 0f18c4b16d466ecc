"""The sandbox's running world: the fakes of X, Facebook and Slack, and the real bot wired to
them on a clock that starts on a Tuesday morning. The headless check (bot/sandbox/demo.py)
and the stand-in page (bot/sandbox/standin/) both start one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from bot.core.clock import LONDON, OffsetClock
from bot.core.config import Settings
from bot.platforms.http import TimeoutSession
from bot.runtime.services import Services, build_services
from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_graph import FakeGraph
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.sandbox.scenario import (
    Scenario,
    load_scenario,
)

log = logging.getLogger(__name__)

DEMO_START = datetime(2026, 11, 24, 10, 0, tzinfo=LONDON)
WAVES = 3
PILE_ON = 40  # replies in the demo's pile-on (storm mode starts above 30 in 10 minutes)
DEMO_TARGETS = ("on_call_lead", "pals", "complaints", "safeguarding", "clinical", "comms_lead")


@dataclass
class Sandbox:
    clock: OffsetClock
    fake_x: FakeX
    fake_graph: FakeGraph
    fake_slack: FakeSlack
    channel: str
    services: Services
    scenario: Scenario
    workdir: Path

    def stop(self) -> None:
        self.services.db.dispose()
        self.fake_x.stop()
        self.fake_graph.stop()
        self.fake_slack.stop()


def start_sandbox(workdir: Path, signing_secret: str = "sandbox-signing-secret",
                  **settings_extra: Any) -> Sandbox:
    clock = OffsetClock(DEMO_START)
    fake_x = FakeX(clock=clock).start()
    fake_graph = FakeGraph(clock=clock).start()
    fake_slack = FakeSlack(clock=clock).start()
    channel = fake_slack.add_channel("social-media-alerts")
    scenario = load_scenario()
    acct = scenario.x_account
    account = x_account_config(fake_x, acct["handle"], acct["name"], acct.get("display_name", ""))
    fb = scenario.facebook_page
    page = fake_graph.add_page(fb["page_name"])
    page_account = {"platform": "facebook", "name": fb["name"], "page_id": page["page_id"],
                    "page_token": page["page_token"]}
    # Escalate works out of the box: every target has a channel, and crisis alerts ping the
    # on-call group (the comms lead in the stand-in's team).
    targets = {t: fake_slack.add_channel(t.replace("_", "-")) for t in DEMO_TARGETS}
    on_call = fake_slack.add_usergroup("comms-on-call", ["U0ALEX"])
    settings_extra = {"escalation_targets": targets, "crisis_ping": on_call, **settings_extra}
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        slack_bot_token=SANDBOX_TOKEN,
        slack_signing_secret=signing_secret,
        slack_alert_channel=channel,
        slack_api_url=f"{fake_slack.url}/api/",
        feedwatch_accounts=[account, page_account],
        database_url=f"sqlite:///{workdir}/feedwatch-demo.db",
        **settings_extra,
    )

    def session() -> TimeoutSession:
        s = TimeoutSession()
        fake_x.mount(s)
        fake_graph.mount(s)
        return s

    # The fake Slack has no posting limit worth waiting for: post as fast as it answers.
    services = build_services(settings, clock, http_session=session, post_interval=0.0)
    services.db.migrate()
    return Sandbox(clock, fake_x, fake_graph, fake_slack, channel, services, scenario, workdir)
