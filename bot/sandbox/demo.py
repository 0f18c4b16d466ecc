"""`feedwatch demo`: the real bot against the offline fakes, with a mental-health trust's day.

Nothing here is used in production; only the `demo` command imports it.
"""

from __future__ import annotations

import logging
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from bot.core.clock import LONDON, OffsetClock
from bot.core.config import Settings
from bot.platforms.http import TimeoutSession
from bot.runtime.jobs import poll_all
from bot.runtime.logging_setup import setup_logging
from bot.runtime.services import Services, build_services
from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_graph import FakeGraph
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.sandbox.scenario import (
    Item,
    Scenario,
    load_scenario,
    plant_facebook,
    plant_pile_on,
    plant_x,
)
from bot.store.schema import AlertRow, DecisionRow, MentionRow, StormMemberRow

log = logging.getLogger(__name__)

# The demo always starts on a Tuesday morning in office hours, whatever the real time.
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


@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)
    checked: int = 0


def verify(sb: Sandbox) -> CheckResult:
    """Every alerted item in exactly one Slack message, with the expected flags."""
    result = CheckResult()
    messages = sb.fake_slack.messages(sb.channel)
    per_alert: dict[int, int] = {}
    for msg in messages:
        payload = (msg.get("metadata") or {}).get("event_payload") or {}
        if "alert_id" in payload:
            per_alert[payload["alert_id"]] = per_alert.get(payload["alert_id"], 0) + 1
    with sb.services.db.session() as s:
        for item in sb.scenario.items:
            result.checked += 1
            row = s.execute(select(MentionRow).where(MentionRow.platform == item.platform,
                                                     MentionRow.external_id == item.external_id)
                            ).scalar_one_or_none()
            if not item.alerted:
                if row is not None:
                    result.problems.append(f"{item.id}: the account's own post was stored")
                continue
            if row is None:
                result.problems.append(f"{item.id}: never stored")
                continue
            alerts = s.execute(select(AlertRow).where(AlertRow.mention_id == row.id)).scalars()
            alerts = list(alerts)
            posted = [a for a in alerts if a.state == "posted"]
            in_slack = sum(per_alert.get(a.id, 0) for a in alerts)
            if len(posted) != 1 or in_slack != 1:
                result.problems.append(
                    f"{item.id}: {len(posted)} posted alert(s), {in_slack} Slack message(s)")
            decision = s.execute(select(DecisionRow).where(DecisionRow.mention_id == row.id)
                                 ).scalar_one()
            got = set(decision.categories)
            missing = set(item.expect) - got
            wrong = set(item.forbid) & got
            if missing:
                result.problems.append(f"{item.id}: expected {sorted(missing)}, got {sorted(got)}")
            if wrong:
                result.problems.append(f"{item.id}: must not be {sorted(wrong)}")
    raw = str(messages)
    for ping in ("<!channel>", "<!here>", "<@U0ADMIN>"):
        if ping in raw:
            result.problems.append(f"an alert contains an unescaped {ping}")
    return result


def verify_pile_on(sb: Sandbox, replies: list[str]) -> list[str]:
    """Every reply stored once and in exactly one alert: its own, or the one storm alert."""
    problems = []
    with sb.services.db.session() as s:
        rows = s.execute(select(MentionRow.id).where(
            MentionRow.platform == "x", MentionRow.external_id.in_(replies))).scalars().all()
        if len(rows) != len(replies):
            problems.append(f"pile-on: {len(rows)} of {len(replies)} replies stored")
        own = set(s.execute(select(AlertRow.mention_id).where(
            AlertRow.kind == "mention", AlertRow.mention_id.in_(rows))).scalars())
        folded = set(s.execute(select(StormMemberRow.mention_id).where(
            StormMemberRow.mention_id.in_(rows))).scalars())
        storms = s.execute(select(AlertRow).where(AlertRow.kind == "storm")).scalars().all()
    if own & folded or (own | folded) != set(rows):
        problems.append(f"pile-on: {len(own)} alerts of their own and {len(folded)} folded, "
                        f"for {len(rows)} replies")
    if len(storms) != 1 or storms[0].state != "posted":
        problems.append(f"pile-on: {len(storms)} storm alert(s), expected one posted")
    elif len(folded) < len(rows) // 2:
        problems.append(f"pile-on: only {len(folded)} of {len(rows)} replies folded")
    return problems


def run_demo(check: bool = False, port: int = 3000, out: Any = None) -> int:
    """--check: headless, the scenario once, exit 0 only if every item is as expected.
    Otherwise: serve the stand-in page on 127.0.0.1:`port` until Ctrl-C."""
    out = out or sys.stdout
    # The page is the demo's screen: the terminal shows the address and anything that goes
    # wrong, not a log line per poll every few seconds.
    setup_logging("WARNING")
    if not check:
        from bot.sandbox.standin.serve import serve

        return serve(port, out)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="feedwatch-demo-") as tmp:
        sb = start_sandbox(Path(tmp))
        try:
            return _play(sb, out, started)
        finally:
            sb.stop()


def _play(sb: Sandbox, out: Any, started: float) -> int:
    items = sb.scenario.items
    out.write(f"feedwatch demo: fake X on {sb.fake_x.url}, fake Facebook on {sb.fake_graph.url},"
              f" fake Slack on {sb.fake_slack.url}\n"
              f"{len(items)} posts to @{sb.scenario.x_account['handle']} and the Facebook Page "
              f"'{sb.scenario.facebook_page['page_name']}' arrive in {WAVES} waves; the bot "
              "polls, classifies and posts each to #social-media-alerts.\n")
    size = -(-len(items) // WAVES)
    for wave in range(WAVES):
        batch: list[Item] = items[wave * size:(wave + 1) * size]
        plant_x(sb.fake_x, sb.scenario, batch)
        plant_facebook(sb.fake_graph, sb.scenario, batch)
        poll_all(sb.services)
    poll_all(sb.services)  # a second look changes nothing: exactly once
    result = verify(sb)
    posted = len(sb.fake_slack.messages(sb.channel))
    pile_on = plant_pile_on(sb.fake_x, sb.scenario, PILE_ON)
    poll_all(sb.services)
    poll_all(sb.services)
    result.problems += verify_pile_on(sb, pile_on)
    took = time.monotonic() - started
    out.write(f"\n{posted} alerts posted for "
              f"{sum(i.alerted for i in items)} alertable posts "
              f"({sum(not i.alerted for i in items)} of the account's own posts ignored) "
              f"in {took:.1f} s.\n")
    out.write(f"Then a pile-on: {PILE_ON} hostile replies under one post, folded by storm mode "
              f"into one alert that counts them ({len(sb.fake_slack.messages(sb.channel)) - posted}"
              " message(s) more in the channel).\n")
    for p in result.problems:
        out.write(f"PROBLEM: {p}\n")
    if result.problems:
        out.write(f"demo check: {len(result.problems)} problem(s)\n")
        return 1
    out.write(f"demo check: all {result.checked} scenario items and the pile-on as expected\n")
    return 0
