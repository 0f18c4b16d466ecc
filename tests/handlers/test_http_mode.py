"""The HTTP endpoint: signed slash commands and button clicks, forged requests, /healthz."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bot.core.clock import FixedClock
from bot.runtime.app import build_app
from bot.runtime.web import make_wsgi
from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_slack import SANDBOX_TOKEN, FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.slack import action_ids
from bot.store.db import Database
from tests.harness import make_settings, services_for
from tests.slack_http import block_action_body, call_wsgi, command_body, signed_headers

SECRET = "sandbox-signing-secret"


class Bot:
    def __init__(self, db: Database, clock: FixedClock, x: FakeX, slack: FakeSlack) -> None:
        self.slack = slack
        self.channel = slack.add_channel("social-alerts")
        settings = make_settings(db, [x_account_config(x, "NSFTtweets", "nsft")],
                                 slack_url=f"{slack.url}/api/", slack_bot_token=SANDBOX_TOKEN,
                                 slack_alert_channel=self.channel, slack_signing_secret=SECRET)
        self.services = services_for(settings, clock, x)
        self.app = build_app(self.services)
        self.wsgi = make_wsgi(self.app, self.services)

    def post(self, body: str, headers: dict[str, str] | None = None) -> int:
        status, _, _ = call_wsgi(self.wsgi, "POST", "/slack/events", body,
                                 headers if headers is not None else signed_headers(SECRET, body))
        return status

    def wait_for_response(self, n: int = 1, timeout: float = 10.0) -> list[dict]:  # type: ignore[type-arg]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if len(self.slack.responses) >= n:
                return self.slack.responses
            time.sleep(0.02)
        raise AssertionError(f"no response after {timeout} s: {self.slack.responses}")


@pytest.fixture
def bot(sqlite_db: Database, clock: FixedClock) -> Iterator[Bot]:
    x, slack = FakeX(clock=clock).start(), FakeSlack(clock=clock).start()
    sqlite_db.migrate()
    bot = Bot(sqlite_db, clock, x, slack)
    yield bot
    bot.services.db.dispose()
    x.stop()
    slack.stop()


def test_signed_slash_command_is_answered_ephemerally(bot: Bot) -> None:
    url = bot.slack.response_url(bot.channel, "U0MOD1")
    assert bot.post(command_body("status", url)) == 200
    [answer] = bot.wait_for_response()
    assert answer["response_type"] == "ephemeral"
    assert "feedwatch status" in answer["text"]
    assert "alerts waiting to be posted: 0" in answer["text"]


def test_unknown_subcommand_answers_with_help(bot: Bot) -> None:
    url = bot.slack.response_url(bot.channel, "U0MOD1")
    bot.post(command_body("make me a sandwich", url))
    [answer] = bot.wait_for_response()
    assert "/feedwatch status" in answer["text"]


@pytest.mark.parametrize("forgery", ["bad-signature", "stale", "unsigned"])
def test_forged_requests_get_401_and_reach_no_handler(bot: Bot, forgery: str) -> None:
    body = command_body("status", bot.slack.response_url(bot.channel, "U0MOD1"))
    if forgery == "bad-signature":
        headers = signed_headers("not-the-secret", body)
    elif forgery == "stale":
        headers = signed_headers(SECRET, body, timestamp=int(time.time()) - 600)
    else:
        headers = {}
    assert bot.post(body, headers) == 401
    time.sleep(0.3)
    assert bot.slack.responses == []


def test_button_is_acked_and_answered_plainly(bot: Bot) -> None:
    url = bot.slack.response_url(bot.channel, "U0MOD1")
    assert bot.post(block_action_body(action_ids.HIDE, "1", url)) == 200
    [answer] = bot.wait_for_response()
    assert answer["response_type"] == "ephemeral"
    assert "Hide" in answer["text"]


def test_healthz_answers_ok_beside_slack(bot: Bot) -> None:
    status, headers, body = call_wsgi(bot.wsgi, "GET", "/healthz")
    assert status == 200 and headers["Content-Type"] == "text/plain" and body == b"ok\n"
    status, _, _ = call_wsgi(bot.wsgi, "GET", "/nothing-here")
    assert status == 404
