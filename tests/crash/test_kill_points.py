"""SIGKILL the bot at chosen and at random points; restart it; nothing lost, nothing doubled.

The fakes and the database outlive the bot process, as the platforms and PostgreSQL would.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.core import crashpoints
from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_graph import FakeGraph
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.sandbox.testing.instance import midday_timezone
from bot.store.db import Database
from bot.store.schema import AlertRow, MentionRow

SECRET = "sandbox-signing-secret"


@dataclass
class Rig:
    x: FakeX
    graph: FakeGraph
    slack: FakeSlack
    channel: str
    env: dict[str, str]
    db: Database

    def run_bot(self, **extra: str) -> int:
        """One bot process: two poll-and-deliver cycles, unless killed first."""
        env = {**self.env, **extra}
        proc = subprocess.run([sys.executable, "-m", "bot.sandbox.testing.child"], env=env,
                              capture_output=True, text=True, timeout=120)
        if proc.returncode not in (0, -signal.SIGKILL):
            raise AssertionError(f"bot exited {proc.returncode}:\n{proc.stderr[-3000:]}")
        return proc.returncode

    def run_until_clean(self, max_runs: int = 200, **extra: str) -> int:
        """Keep restarting after kills until a run completes; returns the number of kills."""
        for kills in range(max_runs):
            if self.run_bot(**extra) == 0:
                return kills
        raise AssertionError(f"the bot never completed a run in {max_runs} tries")

    def assert_exactly_once(self, expected_mentions: int) -> None:
        with self.db.session() as s:
            mentions = s.execute(select(func.count()).select_from(MentionRow)).scalar_one()
            alerts = s.execute(select(AlertRow).where(AlertRow.kind == "mention")).scalars().all()
        assert mentions == expected_mentions
        assert len(alerts) == expected_mentions
        assert all(a.state == "posted" for a in alerts)
        per_alert: dict[int, int] = {}
        for msg in self.slack.messages(self.channel):
            payload = (msg.get("metadata") or {}).get("event_payload") or {}
            if payload.get("kind") == "mention":
                per_alert[payload["alert_id"]] = per_alert.get(payload["alert_id"], 0) + 1
        assert per_alert == {a.id: 1 for a in alerts}, "an alert is missing or doubled in Slack"


@pytest.fixture
def rig(tmp_path: Path) -> Iterator[Rig]:
    x, graph, slack = FakeX().start(), FakeGraph().start(), FakeSlack().start()
    channel = slack.add_channel("alerts")
    account = x_account_config(x, "NSFTtweets", "nsft")
    page = graph.add_page("NSFT Mental Health")
    db_url = f"sqlite:///{tmp_path}/bot.db"
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "FEEDWATCH_", "DATABASE_URL"))}
    env.update({
        "SLACK_BOT_TOKEN": SANDBOX_TOKEN, "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_ALERT_CHANNEL": channel, "SLACK_API_URL": f"{slack.url}/api/",
        "DATABASE_URL": db_url,
        "FEEDWATCH_ACCOUNTS": json.dumps([account, {
            "platform": "facebook", "name": "nsft-fb", "page_id": page["page_id"],
            "page_token": page["page_token"]}]),
        "FEEDWATCH_SANDBOX_X_URL": x.url, "FEEDWATCH_SANDBOX_GRAPH_URL": graph.url,
        # The child runs on the real clock: keep the office open, or alerts would be held.
        "OFFICE_DAYS": "Mon-Sun", "OFFICE_OPENS": "00:00", "OFFICE_CLOSES": "23:59",
        "TIMEZONE": midday_timezone(),
        "OFFICE_HOLIDAYS": "none",
    })
    db = Database(db_url)
    db.migrate()
    yield Rig(x, graph, slack, channel, env, db)
    db.dispose()
    for fake in (x, graph, slack):
        fake.stop()


def plant(rig: Rig, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        rig.x.add_user(f"person{i}", f"Person {i}")
        rig.x.add_tweet(f"person{i}", f"@NSFTtweets question {i} about the open day")
    post = rig.graph.add_post("NSFT Mental Health", "Our open day is on Saturday")
    for i in range(start, start + n):
        rig.graph.add_comment(post["id"], f"Commenter {i}", f"Will there be parking? ({i})")


@pytest.mark.parametrize("point", [crashpoints.AFTER_FETCH, crashpoints.AFTER_STORE,
                                   crashpoints.AFTER_SLACK_POST])
def test_kill_at_each_point_then_restart(rig: Rig, point: str) -> None:
    plant(rig, 3)
    assert rig.run_bot(FEEDWATCH_CRASH_AT=point) == -signal.SIGKILL
    assert rig.run_until_clean() == 0
    rig.assert_exactly_once(6)


@pytest.mark.slow
def test_at_least_fifty_random_kills(rig: Rig) -> None:
    kills = runs = 0
    for wave in range(10):
        plant(rig, 3, start=wave * 3)
        while kills < 5 * (wave + 1):  # five random kills a wave at least: fifty in all
            runs += 1
            assert runs < 400, "too many runs"
            kills += rig.run_bot(FEEDWATCH_CRASH_RANDOM=f"{wave}-{runs}:0.1") != 0
        rig.run_until_clean()  # then a run that finishes, as after any crash
    print(f"{kills} random kills in {runs} runs")
    assert kills >= 50
    rig.assert_exactly_once(60)
