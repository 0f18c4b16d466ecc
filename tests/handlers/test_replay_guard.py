"""The replay guard stops a replayed click after Slack has its answer: the answer must survive
the stop. Bolt clears an acked listener's answer when the listener raises an Exception, so a
guard that raised one made the waiting request answer 404 three seconds later whenever the
replay check beat Bolt's 10 ms wait for the ack (on a fast database, nearly always)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.authorization import AuthorizeResult

from handlers.replays import ReplayGuardedAck
from tests.slack_http import block_action_body, call_wsgi, signed_headers

SECRET = "replay-guard-secret"


def app_with_guard(is_new: bool, work: list[str]) -> SlackRequestHandler:
    # A fixed installation, so that Bolt asks no Slack API (auth.test) before the listener.
    app = App(signing_secret=SECRET, process_before_response=False,
              authorize=lambda **_: AuthorizeResult(enterprise_id=None, team_id="T0SANDBOX",
                                                    bot_token="xoxb-guard", bot_id="B0GUARD",
                                                    bot_user_id="U0GUARD"))

    @app.middleware
    def guard(context: BoltContext, next: Any) -> None:
        context["ack"] = ReplayGuardedAck(lambda: is_new, "block_actions")
        next()

    @app.action("fw_hide")
    def hide(ack: Ack) -> None:
        ack()
        work.append("hidden")

    return SlackRequestHandler(app)


def click(handler: SlackRequestHandler) -> int:
    body = block_action_body("fw_hide", "1", "https://hooks.slack.test/respond")
    status, _, _ = call_wsgi(handler, "POST", "/slack/events", body, signed_headers(SECRET, body))
    return status


def test_a_replay_is_answered_200_and_does_no_work() -> None:
    work: list[str] = []
    handler = app_with_guard(is_new=False, work=work)
    assert [click(handler) for _ in range(5)] == [200] * 5
    assert work == []


def test_a_new_click_is_answered_and_does_its_work() -> None:
    work: list[str] = []
    handler = app_with_guard(is_new=True, work=work)
    assert click(handler) == 200
    handler.app.listener_runner.listener_executor.shutdown(wait=True)  # type: ignore[attr-defined]
    assert work == ["hidden"]
