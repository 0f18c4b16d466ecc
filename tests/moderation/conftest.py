"""The real bot (services, Bolt app, WSGI endpoint) against fake X, Graph and Slack.

Clicks and modal submissions arrive as signed Slack requests; the tests then read what each
fake received, what Slack now shows, and the audit log.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

import pytest
from sqlalchemy import select

from bot.core.clock import FixedClock
from bot.core.policy_file import read_engine
from bot.platforms.http import TimeoutSession
from bot.runtime.app import build_app
from bot.runtime.services import Services, build_services
from bot.runtime.web import make_wsgi
from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_graph import FakeGraph
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.slack import action_ids as A
from bot.store.db import Database
from bot.store.schema import AuditRow, LedgerRow, MentionRow
from tests.harness import make_settings
from tests.slack.helpers import action_ids
from tests.slack_http import (
    block_action_body,
    call_wsgi,
    menu_action_body,
    new_trigger_id,
    signed_headers,
)

SECRET = "sandbox-signing-secret"
MOD, MOD2, LEAD, STRANGER = "U0MOD1", "U0MOD2", "U0LEAD1", "U0EVIL1"


@lru_cache(maxsize=1)
def _engine():  # type: ignore[no-untyped-def]
    return read_engine()


def wait_until(check: Callable[[], Any], what: str, timeout: float = 15.0) -> Any:
    """Wait for the bot's background work (listeners run after the ack) to show an effect."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def _state_for(block: dict[str, Any], answer: Any) -> dict[str, Any] | None:
    """One input block's state as Slack sends it: the answer given, else the initial value."""
    el = block.get("element") or {}
    kind = el.get("type")
    if kind == "plain_text_input":
        value = answer if answer is not None else el.get("initial_value")
        return {"type": kind, "value": value}
    if kind in ("checkboxes", "multi_static_select"):
        chosen = ([{"value": v} for v in answer] if answer is not None
                  else el.get("initial_options") or [])
        return {"type": kind, "selected_options": chosen}
    if kind == "static_select":
        chosen = {"value": answer} if answer is not None else el.get("initial_option")
        return {"type": kind, "selected_option": chosen}
    return None


def submission_body(view: dict[str, Any], user: str, answers: dict[str, Any]) -> str:
    values: dict[str, Any] = {}
    for block in view.get("blocks") or []:
        if block.get("type") != "input":
            continue
        state = _state_for(block, answers.get(block["block_id"]))
        if state is not None:
            values[block["block_id"]] = {block["element"]["action_id"]: state}
    payload = {
        "type": "view_submission", "team": {"id": "T0SANDBOX", "domain": "sandbox"},
        "user": {"id": user, "username": user.lower(), "name": user.lower(),
                 "team_id": "T0SANDBOX"},
        "api_app_id": "A0FEEDWATCH", "token": "unused",
        "trigger_id": new_trigger_id(),
        "view": {**view, "state": {"values": values}}, "response_urls": [],
    }
    return urlencode({"payload": json.dumps(payload)})


class Bot:
    def __init__(self, db: Database, clock: FixedClock, x: FakeX, graph: FakeGraph,
                 slack: FakeSlack, **extra: Any) -> None:
        self.db, self.clock, self.x, self.graph, self.slack = db, clock, x, graph, slack
        for uid in (MOD, MOD2, LEAD, STRANGER):
            slack.add_user(uid.lower(), user_id=uid)
        self.channel = slack.add_channel("social-alerts", [MOD, MOD2, LEAD, STRANGER])
        self.pals = slack.add_channel("pals-team")
        self.x_cfg = x_account_config(x, "NSFTtweets", "nsft", "NSFT")
        self.page = graph.add_page("NSFT Mental Health")
        fb = {"platform": "facebook", "name": "nsftfb", "page_id": self.page["page_id"],
              "page_token": self.page["page_token"]}
        values = {"slack_bot_token": SANDBOX_TOKEN, "slack_alert_channel": self.channel,
                  "slack_signing_secret": SECRET, "moderator_user_ids": f"{MOD},{MOD2}",
                  "lead_user_ids": LEAD, "escalation_targets": {"pals": self.pals},
                  "lead_only_actions": "report_police", **extra}
        self.settings = make_settings(db, [self.x_cfg, fb], slack_url=f"{slack.url}/api/",
                                      **values)
        self.services: Services | None = None
        self.restart()

    def sessions(self) -> TimeoutSession:
        s = TimeoutSession(timeout=(2.0, 10.0))
        self.x.mount(s)
        self.graph.mount(s)
        return s

    def restart(self) -> Services:
        """A new process over the same database and fakes."""
        if self.services is not None:
            self.close()
        self.services = build_services(self.settings, self.clock, http_session=self.sessions,
                                       post_interval=0.0)
        self.services.policy.replace(_engine())
        self.services.pipeline.classify = _engine().classify
        self.app = build_app(self.services)
        self.wsgi = make_wsgi(self.app, self.services)
        return self.services

    def close(self) -> None:
        """Let the listeners still working after their ack finish, then let go."""
        self.app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]
        if self.services is not None:
            self.services.db.dispose()

    # -- getting mentions into Slack ---------------------------------------------------------

    def ingest(self) -> None:
        assert self.services is not None
        for source in self.services.sources:
            self.services.pipeline.poll(source)
        self.services.outbox.deliver_due()

    def mention_id(self, external_id: str) -> int:
        with self.db.session() as s:
            return int(s.execute(select(MentionRow.id).where(
                MentionRow.external_id == external_id)).scalar_one())

    def external_id(self, mention_id: int) -> str:
        with self.db.session() as s:
            return str(s.execute(select(MentionRow.external_id).where(
                MentionRow.id == mention_id)).scalar_one())

    # -- Slack requests ----------------------------------------------------------------------

    def post(self, body: str) -> tuple[int, bytes]:
        status, _, out = call_wsgi(self.wsgi, "POST", "/slack/events", body,
                                   signed_headers(SECRET, body))
        return status, out

    def click(self, action_id: str, mention_id: int, user: str = MOD) -> int:
        url = self.slack.response_url(self.channel, user)
        return self.post(block_action_body(action_id, str(mention_id), url, user=user,
                                           channel=self.channel))[0]

    def opened_view(self, count: int = 1) -> dict[str, Any]:
        """The newest modal the bot opened (waits for the count-th views.open)."""
        calls = wait_until(lambda: len(self.slack.calls_to("views.open")) >= count and
                           self.slack.calls_to("views.open"), "a modal")
        view = calls[count - 1].params["view"]
        return json.loads(view) if isinstance(view, str) else view

    def submit(self, view: dict[str, Any], answers: dict[str, Any],
               user: str = MOD) -> tuple[int, dict[str, Any]]:
        status, out = self.post(submission_body(view, user, answers))
        return status, (json.loads(out) if out.strip() else {})

    def answers(self, user: str = MOD, count: int = 1) -> list[str]:
        """Private answers to `user`: response_url replies and ephemeral messages."""
        def found() -> list[str]:
            texts = [r.get("text", "") for r in self.slack.responses if r["user"] == user]
            texts += [str(c.params.get("text", "")) for c in
                      self.slack.calls_to("chat.postEphemeral") if c.params.get("user") == user]
            return texts if len(texts) >= count else []
        return wait_until(found, f"{count} answer(s) to {user}")

    # -- what happened ------------------------------------------------------------------------

    def ledger(self, mention_id: int) -> list[LedgerRow]:
        with self.db.session() as s:
            return list(s.execute(select(LedgerRow).where(LedgerRow.mention_id == mention_id)
                                  .order_by(LedgerRow.id)).scalars())

    def audit(self, mention_id: int | None = None) -> list[AuditRow]:
        with self.db.session() as s:
            q = select(AuditRow).order_by(AuditRow.id)
            if mention_id is not None:
                q = q.where(AuditRow.mention_id == mention_id)
            return list(s.execute(q).scalars())

    def settled(self, mention_id: int, count: int = 1) -> list[LedgerRow]:
        return wait_until(lambda: (rows := self.ledger(mention_id)) and len(
            [r for r in rows if r.state != "intent"]) >= count and rows, "the ledger to settle")

    def alert(self, mention_id: int) -> dict[str, Any]:
        for m in self.slack.messages(self.channel):
            meta = (m.get("metadata") or {}).get("event_payload") or {}
            if meta.get("mention_id") == mention_id:
                return m
        raise AssertionError(f"no alert for mention {mention_id}")

    def status_line(self, mention_id: int) -> str:
        blocks = self.alert(mention_id).get("blocks") or []
        status = [b for b in blocks if b.get("block_id") == "fw_status"]
        if status:
            return status[0]["elements"][0]["text"]
        # A handled alert collapses: its first line says what was done.
        done = [b for b in blocks if b.get("block_id") == "fw_done"]
        return done[0]["text"]["text"] if done else ""

    def status_with(self, mention_id: int, needle: str) -> str:
        """The alert's status line once it says `needle` (the update follows the ledger)."""
        return wait_until(lambda: needle in (line := self.status_line(mention_id)) and line,
                          f"the alert to say {needle!r}")

    def buttons(self, mention_id: int) -> list[str]:
        """Every step the alert offers: its buttons and its menus' options."""
        return action_ids({"text": "", "blocks": self.alert(mention_id).get("blocks") or []})

    def choose(self, menu_id: str, action_id: str, mention_id: int, user: str = MOD) -> int:
        """Pick a step from one of the alert's overflow menus."""
        url = self.slack.response_url(self.channel, user)
        return self.post(menu_action_body(menu_id, A.option_value(action_id, mention_id), url,
                                          user=user, channel=self.channel))[0]

    def thread(self, mention_id: int) -> list[str]:
        return [m.get("text", "") for m in self.slack.thread(self.channel,
                                                             self.alert(mention_id)["ts"])]


@pytest.fixture
def fakes(clock: FixedClock) -> Iterator[tuple[FakeX, FakeGraph, FakeSlack]]:
    x, graph, slack = (FakeX(clock=clock).start(), FakeGraph(clock=clock).start(),
                       FakeSlack(clock=clock).start())
    yield x, graph, slack
    for fake in (x, graph, slack):
        fake.stop()
        assert fake.internal_errors == []


@pytest.fixture
def make_bot(db: Database, clock: FixedClock,
             fakes: tuple[FakeX, FakeGraph, FakeSlack]) -> Iterator[Callable[..., Bot]]:
    made: list[Bot] = []

    def make(**extra: Any) -> Bot:
        made.append(Bot(db, clock, *fakes, **extra))
        return made[-1]

    yield make
    for bot in made:
        bot.close()


@pytest.fixture
def bot(make_bot: Callable[..., Bot]) -> Bot:
    return make_bot()


# -- scenario helpers ---------------------------------------------------------------------------

def x_reply_in_own_thread(bot: Bot, text: str, handle: str = "angry") -> int:
    """A reply to the account's own tweet: hideable. Returns its feedwatch id."""
    if handle.lower() not in bot.x.store.by_name:
        bot.x.add_user(handle, handle.title())
    root = bot.x.add_tweet("NSFTtweets", "Our new crisis café opens today")
    reply = bot.x.add_tweet(handle, text, reply_to=root["id"])
    bot.ingest()
    return bot.mention_id(reply["id"])


def x_reply_elsewhere(bot: Bot, text: str, handle: str = "angry") -> int:
    """A reply in someone else's conversation that mentions the account: not hideable."""
    for h in (handle, "someone"):
        if h.lower() not in bot.x.store.by_name:
            bot.x.add_user(h, h.title())
    root = bot.x.add_tweet("someone", "What do people think of mental health services?")
    reply = bot.x.add_tweet(handle, f"@NSFTtweets {text}", reply_to=root["id"])
    bot.ingest()
    return bot.mention_id(reply["id"])


def fb_comment(bot: Bot, text: str, *, age: timedelta = timedelta(minutes=5),
               author: str = "Sam Smith") -> tuple[int, str]:
    """A comment on the Page's post; returns (feedwatch id, Graph comment id)."""
    when: datetime = bot.clock.now() - age
    post = bot.graph.add_post("NSFT Mental Health", "Our open day is on Saturday",
                              created_at=when - timedelta(hours=1))
    comment = bot.graph.add_comment(post["id"], author, text, created_at=when)
    bot.ingest()
    return bot.mention_id(comment["id"]), comment["id"]


def hold(fake: Any, path: str, method: str) -> threading.Event:
    """Make the fake platform hang on `path` until the test releases it."""
    event = threading.Event()
    fake.inject(path, status=None, method=method, hold=event, hold_timeout=120)
    return event
