"""A desk for the office-hours tests: the office's real parts, outbox and renderer against the fake
Slack, over a real database, on the controllable clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from bot.alerts.outbox import Outbox
from bot.alerts.render import make_renderer
from bot.core.clock import LONDON, FixedClock
from bot.core.models import KIND_MENTION, Author, Mention, X
from bot.office.parts import OfficeParts, build_office
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.slack.client import make_slack_client
from bot.slack.limits import validate_blocks
from bot.store import audit
from bot.store.db import Database
from bot.store.mentions import insert_decision, insert_mention
from bot.store.schema import AlertRow
from policy.categories import Severity
from policy.decision import Decision, Flag
from tests.harness import make_settings, x_account_entry

UNUSED_X = x_account_entry("nsft", {
    "user_id": "1", "consumer_key": "sandbox-k", "consumer_secret": "sandbox-s",
    "access_token": "1-sandbox-t", "access_token_secret": "sandbox-ts"})
# Tables added by migration 0002 that tests/conftest.py's PostgreSQL reset does not know yet.
NEW_TABLES = "office_state, signposts, poll_gaps, job_runs, audit_anchors"
MODERATOR, LEAD, OUTSIDER = "U0MOD1", "U0LEAD1", "U0VISITOR"


def local(*args: int) -> datetime:
    """A wall-clock time in Europe/London."""
    return datetime(*args, tzinfo=LONDON)  # type: ignore[misc]


def flag(category: str, severity: Severity = Severity.HIGH, rule: str = "",
         evidence: str = "", span: tuple[int, int] | None = None) -> Flag:
    return Flag(category, severity, rule or f"{category}.test", evidence, f"{category} found",
                span=span)


def _reset_new_tables(db: Database) -> None:
    if db.dialect == "postgresql":
        with db.engine.begin() as c:
            c.execute(text(f"TRUNCATE {NEW_TABLES} RESTART IDENTITY CASCADE"))


@pytest.fixture
def hours_db(db: Database) -> Iterator[Database]:
    """The `db` fixture, with 0002's tables emptied before and after (an audit anchor left
    behind would let a later test on the same PostgreSQL database delete audit rows)."""
    _reset_new_tables(db)
    yield db
    _reset_new_tables(db)


@pytest.fixture
def fake_slack(clock: FixedClock) -> Iterator[FakeSlack]:
    fake = FakeSlack(clock=clock).start()
    yield fake
    fake.stop()
    assert fake.internal_errors == []


class Desk:
    """The bot's office side: settings, the office's parts, outbox; `restart` is a new process."""

    def __init__(self, db: Database, clock: FixedClock, slack: FakeSlack, **extra: Any) -> None:
        self.db, self.clock, self.slack = db, clock, slack
        for uid, name in ((MODERATOR, "mod"), (LEAD, "lead"), (OUTSIDER, "visitor")):
            slack.add_user(name, user_id=uid)
        self.alerts = slack.add_channel("social-alerts", members=[MODERATOR, LEAD])
        self.oncall = slack.add_channel("on-call", members=[LEAD])
        self.reports = slack.add_channel("comms-reports", members=[MODERATOR, LEAD])
        self.extra = extra
        self._seq = 0
        self.settings = make_settings(db, [UNUSED_X], slack_url=f"{slack.url}/api/",
                                      slack_bot_token=SANDBOX_TOKEN,
                                      slack_alert_channel=self.alerts,
                                      slack_admin_channel=self.alerts,
                                      slack_report_channel=self.reports, **extra)
        self.restart()

    def restart(self) -> OfficeParts:
        self.client = make_slack_client(self.settings)
        self.client.timeout = 5
        self.office = build_office(self.settings, self.db, self.client, self.clock)
        render = make_renderer(LONDON, self.settings.crisis_ping)
        self.outbox = Outbox(self.db, self.client, self.clock, render, min_interval=0)
        return self.office

    def ingest(self, text: str, *flags: Flag, kind: str = KIND_MENTION, handle: str = "pat",
               author_id: str = "7", ext: str | None = None, platform: str = X,
               created_at: datetime | None = None, name: str = "") -> int:
        """Store a mention and its decision and queue its alert, as the pipeline does."""
        now = self.clock.now()
        self._seq += 1
        ext = ext or f"{int(now.timestamp())}{self._seq:04d}"
        m = Mention(platform=platform, account="nsft", external_id=ext, kind=kind,
                    author=Author(id=author_id, handle=handle, name=name or handle.title(),
                                  url=f"https://x.com/{handle}"),
                    text=text, created_at=created_at or now,
                    permalink=f"https://x.com/{handle}/status/{ext}")
        d = Decision(flags=tuple(flags), action="none", policy_version="test")
        with self.db.session() as s:
            mid = insert_mention(s, m, now)
            assert mid is not None
            insert_decision(s, mid, d, now)
            self.office.placer.enqueue(s, mid, m, d, now)
        return mid

    def alert(self, mention_id: int) -> AlertRow:
        with self.db.session() as s:
            return s.execute(select(AlertRow).where(AlertRow.mention_id == mention_id)
                             ).scalar_one()

    def deliver(self) -> int:
        return self.outbox.deliver_due().posted

    def posted(self, channel: str | None = None) -> list[dict[str, Any]]:
        return self.slack.messages(channel or self.alerts)

    def digest_text(self) -> str:
        """Deliver, then the text of the one digest in the alert channel (checked for limits)."""
        self.deliver()
        [digest] = [m for m in self.posted()
                    if (m.get("metadata") or {}).get("event_payload", {}).get("kind") == "digest"]
        assert validate_blocks({"text": digest["text"], "blocks": digest["blocks"]}) == []
        return "\n".join(str(b.get("text", {}).get("text", "")) + "".join(
            e.get("text", "") for e in b.get("elements", [])) for b in digest["blocks"])

    def act(self, mention_id: int, action: str, user: str = MODERATOR, *,
            after: timedelta = timedelta(0), outcome: str = "ok",
            **detail: Any) -> None:
        """An audit row as the moderation service writes one when a person acts."""
        with self.db.session() as s:
            audit.append(s, at=self.clock.now() + after, actor=user, action=action,
                         mention_id=mention_id, outcome=outcome, detail=detail)


@pytest.fixture
def desk(hours_db: Database, clock: FixedClock, fake_slack: FakeSlack) -> Desk:
    return Desk(hours_db, clock, fake_slack, moderator_user_ids=f"{MODERATOR}",
                lead_user_ids=LEAD)
