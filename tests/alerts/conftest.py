"""The outbox against the fake Slack: a Desk holds the database, clock, fake and outbox."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.alerts.outbox import Outbox, enqueue_mention_alert
from bot.alerts.render import make_renderer
from bot.core.clock import FixedClock
from bot.core.models import Author, Mention, X
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.slack.client import make_slack_client
from bot.store.db import Database
from bot.store.mentions import insert_decision, insert_mention
from bot.store.schema import AlertRow
from policy.categories import ABUSE, Severity
from policy.decision import Decision, Flag
from tests.harness import make_settings, x_account_entry

UNUSED_X = x_account_entry("nsft", {
    "user_id": "1", "consumer_key": "sandbox-k", "consumer_secret": "sandbox-s",
    "access_token": "1-sandbox-t", "access_token_secret": "sandbox-ts"})


@pytest.fixture
def fake_slack(clock: FixedClock) -> Iterator[FakeSlack]:
    fake = FakeSlack(clock=clock).start()
    yield fake
    fake.stop()
    assert fake.internal_errors == []


class Desk:
    def __init__(self, db: Database, clock: FixedClock, slack: FakeSlack) -> None:
        self.db, self.clock, self.slack = db, clock, slack
        self.channel = slack.add_channel("social-alerts")
        self.settings = make_settings(db, [UNUSED_X], slack_url=f"{slack.url}/api/",
                                      slack_bot_token=SANDBOX_TOKEN,
                                      slack_alert_channel=self.channel)
        self.outbox = self.restart()

    def restart(self) -> Outbox:
        client = make_slack_client(self.settings)
        client.timeout = 2
        self.outbox = Outbox(self.db, client, self.clock, make_renderer(ZoneInfo("Europe/London")),
                             min_interval=0)
        return self.outbox

    def queue(self, text: str, ext: str = "1", decision: Decision | None = None) -> int:
        m = Mention(platform=X, account="nsft", external_id=ext, kind="mention",
                    author=Author(id="7", handle="pat", name="Pat", url="https://x.com/pat"),
                    text=text, created_at=self.clock.now(),
                    permalink=f"https://x.com/pat/status/{ext}")
        d = decision or Decision(
            flags=(Flag(ABUSE, Severity.HIGH, "abuse.insult", "idiot", "an insult"),),
            action="hide", policy_version="test")
        with self.db.session() as s:
            mid = insert_mention(s, m, self.clock.now())
            assert mid is not None
            insert_decision(s, mid, d, self.clock.now())
            enqueue_mention_alert(s, mid, self.channel, self.clock.now())
            return s.execute(select(AlertRow.id).where(AlertRow.mention_id == mid)).scalar_one()

    def row(self, alert_id: int) -> AlertRow:
        with self.db.session() as s:
            row = s.get(AlertRow, alert_id)
            assert row is not None
            return row

    def posted(self) -> list[dict]:  # type: ignore[type-arg]
        return self.slack.messages(self.channel)


@pytest.fixture
def desk(db: Database, clock: FixedClock, fake_slack: FakeSlack) -> Desk:
    return Desk(db, clock, fake_slack)


