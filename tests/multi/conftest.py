"""Bot processes sharing one database, against fakes that outlive them (as the platforms and
the database server would): bot/sandbox/testing/instance.py, one JSON line per scheduler tick."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.sandbox.testing.instance import midday_timezone
from bot.store.db import Database
from bot.store.schema import AlertRow, MentionRow
from tests.conftest import _fresh_postgres

MODERATOR = "U0MOD1"
# Hang guard only: a healthy run needs a few seconds. Nothing asserts how long things take.
PATIENCE = 120.0


@dataclass
class Instance:
    proc: subprocess.Popen[str]
    stderr_path: Path
    lines: list[dict[str, Any]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)
    reader: threading.Thread | None = None

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            with self.changed:
                try:
                    self.lines.append(json.loads(raw))
                except ValueError:
                    self.errors.append(raw)
                self.changed.notify_all()
        with self.changed:
            self.changed.notify_all()

    def wait_for(self, what: str, pred: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        """The first tick line satisfying `pred` (waiting for it if need be)."""
        with self.changed:
            ok = self.changed.wait_for(
                lambda: any(pred(x) for x in self.lines) or self.proc.poll() is not None,
                timeout=PATIENCE)
            found = [x for x in self.lines if pred(x)]
        if not found:
            raise AssertionError(f"never saw {what} (ok={ok}, exit {self.proc.poll()}):\n"
                                 f"{self.stderr_tail()}")
        return found[0]

    def last_tick(self) -> int:
        with self.changed:
            return self.lines[-1]["tick"] if self.lines else 0

    def stderr_tail(self) -> str:
        return self.stderr_path.read_text(errors="replace")[-3000:]

    def kill(self) -> None:
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(timeout=30)

    def stop(self) -> int:
        """SIGTERM: the process finishes its tick, prints it and exits; all lines are read."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=60)
        if self.reader is not None:
            self.reader.join(timeout=30)
        return code


@dataclass
class Fleet:
    x: FakeX
    slack: FakeSlack
    channel: str
    env: dict[str, str]
    db: Database
    workdir: Path
    instances: list[Instance] = field(default_factory=list)
    planted: int = 0

    def start(self, **extra: str) -> Instance:
        # stderr to a file: a pipe nobody reads could fill and stall the process.
        err = self.workdir / f"instance-{len(self.instances)}.log"
        with err.open("w") as fh:
            proc = subprocess.Popen([sys.executable, "-m", "bot.sandbox.testing.instance"],
                                    env={**self.env, **extra}, stdout=subprocess.PIPE,
                                    stderr=fh, text=True)
        inst = Instance(proc, err)
        inst.reader = threading.Thread(target=inst._read, daemon=True)
        inst.reader.start()
        self.instances.append(inst)
        return inst

    def run_once(self, **extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "bot.sandbox.testing.instance"],
                              env={**self.env, **extra}, capture_output=True, text=True,
                              timeout=PATIENCE)

    def slow_slack(self, seconds: float, posts: int = 1000) -> None:
        """Slack takes this long to answer each chat.postMessage: a wide window in which
        another process could take the same alert."""
        never = threading.Event()
        self.slack.inject("/api/chat.postMessage", status=None, hold=never,
                          hold_timeout=seconds, times=posts, method="POST")

    def plant(self, n: int) -> None:
        for i in range(self.planted, self.planted + n):
            self.x.add_user(f"person{i}", f"Person {i}")
            self.x.add_tweet(f"person{i}", f"@NSFTtweets question {i} about the open day")
        self.planted += n

    def counts(self) -> tuple[int, int]:
        """(mentions stored, mention alerts posted)."""
        with self.db.session() as s:
            mentions = s.execute(select(func.count()).select_from(MentionRow)).scalar_one()
            posted = s.execute(select(func.count()).select_from(AlertRow).where(
                AlertRow.kind == "mention", AlertRow.state == "posted")).scalar_one()
        return mentions, posted

    def alert_messages(self) -> dict[int, int]:
        """Slack messages per alert id, by the metadata the outbox puts on each."""
        per_alert: dict[int, int] = {}
        for msg in self.slack.messages(self.channel):
            payload = (msg.get("metadata") or {}).get("event_payload") or {}
            if payload.get("kind") == "mention":
                per_alert[payload["alert_id"]] = per_alert.get(payload["alert_id"], 0) + 1
        return per_alert

    def assert_exactly_once(self, expected: int) -> None:
        with self.db.session() as s:
            alerts = s.execute(select(AlertRow).where(AlertRow.kind == "mention")).scalars().all()
        assert self.counts() == (expected, expected)
        assert self.alert_messages() == {a.id: 1 for a in alerts}, "an alert missing or doubled"


def _fleet(db: Database, tmp_path: Path) -> Iterator[Fleet]:
    x, slack = FakeX().start(), FakeSlack().start()
    channel = slack.add_channel("alerts")
    account = x_account_config(x, "NSFTtweets", "nsft")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("SLACK_", "FEEDWATCH_", "DATABASE_URL"))}
    env.update({
        "SLACK_BOT_TOKEN": SANDBOX_TOKEN, "SLACK_SIGNING_SECRET": "sandbox-signing-secret",
        "SLACK_ALERT_CHANNEL": channel, "SLACK_API_URL": f"{slack.url}/api/",
        "DATABASE_URL": db.url.replace("postgresql+psycopg://", "postgresql://"),
        "FEEDWATCH_ACCOUNTS": json.dumps([account]), "FEEDWATCH_SANDBOX_X_URL": x.url,
        "MODERATOR_USER_IDS": MODERATOR,
        # The processes run on the real clock: keep the office open, or alerts would be held.
        "OFFICE_DAYS": "Mon-Sun", "OFFICE_OPENS": "00:00", "OFFICE_CLOSES": "23:59",
        "TIMEZONE": midday_timezone(),
        "OFFICE_HOLIDAYS": "none",
    })
    fleet = Fleet(x, slack, channel, env, db, tmp_path)
    yield fleet
    for inst in fleet.instances:
        if inst.proc.poll() is None:
            inst.kill()
    for fake in (x, slack):
        fake.stop()


@pytest.fixture
def pg_fleet(_pg_template: str, tmp_path: Path) -> Iterator[Fleet]:
    db = _fresh_postgres(_pg_template)
    yield from _fleet(db, tmp_path)
    db.dispose()


@pytest.fixture
def sqlite_fleet(tmp_path: Path) -> Iterator[Fleet]:
    db = Database(f"sqlite:///{tmp_path}/bot.db")
    db.migrate()
    yield from _fleet(db, tmp_path)
    db.dispose()


def wait_until(what: str, cond: Callable[[], bool], *instances: Instance) -> None:
    """Poll a condition on the database or the fakes (hang-guarded, never timed)."""
    done = threading.Event()
    for _ in range(int(PATIENCE / 0.2)):
        if cond():
            return
        if any(i.proc.poll() is not None for i in instances):
            break
        done.wait(0.2)
    tails = "\n".join(i.stderr_tail() for i in instances)
    raise AssertionError(f"gave up waiting for {what}\n{tails}")
