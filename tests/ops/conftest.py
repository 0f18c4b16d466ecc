"""A bot wired to the fakes on a fixed clock, for the health and metrics endpoints."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from bot.core.clock import FixedClock
from bot.runtime.app import build_app
from bot.runtime.services import Services
from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.store.db import Database
from tests.harness import make_settings, services_for

TOKEN = "health-token-for-tests"
BEARER = {"Authorization": f"Bearer {TOKEN}"}
SECRET = "sandbox-signing-secret"


@dataclass
class Wired:
    services: Services
    clock: FixedClock
    x: FakeX
    slack: FakeSlack
    channel: str

    def plant(self, n: int, start: int = 0) -> None:
        for i in range(start, start + n):
            self.x.add_user(f"person{i}", f"Person {i}")
            self.x.add_tweet(f"person{i}", f"@NSFTtweets when is the open day {i}?")


@pytest.fixture
def wired(sqlite_db: Database, clock: FixedClock) -> Iterator[Wired]:
    x, slack = FakeX(clock=clock).start(), FakeSlack(clock=clock).start()
    channel = slack.add_channel("social-alerts")
    settings = make_settings(sqlite_db, [x_account_config(x, "NSFTtweets", "nsft")],
                             slack_url=f"{slack.url}/api/", slack_bot_token=SANDBOX_TOKEN,
                             slack_alert_channel=channel, slack_admin_channel=channel,
                             slack_signing_secret=SECRET, health_token=TOKEN,
                             office_days="Mon-Sun", office_opens="00:00",
                             office_closes="23:59", office_holidays="none")
    services = services_for(settings, clock, x)
    yield Wired(services, clock, x, slack, channel)
    services.db.dispose()
    x.stop()
    slack.stop()


@pytest.fixture
def app(wired: Wired):  # type: ignore[no-untyped-def]
    app = build_app(wired.services)
    yield app
    app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]
