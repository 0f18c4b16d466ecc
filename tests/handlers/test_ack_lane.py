"""Acks on lanes: an interaction's work never holds the thread that a later interaction's ack
needs, a replay still does no work, an answer of the listener's own (field errors) still
reaches Slack, and a second run that would answer differently does no work."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.authorization import AuthorizeResult

from bot.slack.ack_lane import AckLane, acks_itself
from handlers.replays import ReplayGuardedAck
from tests.slack_http import block_action_body, call_wsgi, signed_headers

SECRET = "ack-lane-secret"


def lane_app(is_new: bool, work: list[str], release: threading.Event,
             lane: AckLane) -> SlackRequestHandler:
    app = App(signing_secret=SECRET, process_before_response=False, listener_executor=lane,
              authorize=lambda **_: AuthorizeResult(enterprise_id=None, team_id="T0SANDBOX",
                                                    bot_token="xoxb-lane", bot_id="B0LANE",
                                                    bot_user_id="U0LANE"))
    checked: list[str] = []

    acked_on: list[str] = []

    @app.middleware
    def guard(body: dict[str, Any], context: BoltContext, next: Any) -> None:
        acks_itself(body.get("type") != "event_callback")
        if body.get("type") != "event_callback":
            context["ack"] = ReplayGuardedAck(lambda: checked.append(threading.current_thread()
                                                                     .name) or is_new)
        next()

    @app.action("fw_claim")
    def claim(ack: Ack, body: dict[str, Any]) -> None:
        acked_on.append(threading.current_thread().name)
        ack()
        # A claim whose database is busy: its work waits until the test lets it go.
        release.wait(10)
        work.append(f"{body['actions'][0]['value']} on {threading.current_thread().name}")

    @app.action("fw_bad")
    def refuse(ack: Ack) -> None:
        ack(text="not that one")
        work.append("refused")

    @app.event("app_home_opened")
    def home(body: dict[str, Any]) -> None:
        release.wait(10)
        work.append(f"home on {threading.current_thread().name}")

    app.checked = checked  # type: ignore[attr-defined]
    app.acked_on = acked_on  # type: ignore[attr-defined]
    return SlackRequestHandler(app)


def click(handler: SlackRequestHandler, action_id: str = "fw_claim",
          value: str = "1") -> tuple[int, float, bytes]:
    body = block_action_body(action_id, value, "https://hooks.slack.test/respond")
    start = time.perf_counter()
    status, _, answer = call_wsgi(handler, "POST", "/slack/events", body,
                                  signed_headers(SECRET, body))
    return status, time.perf_counter() - start, answer


def test_acks_do_not_wait_for_earlier_clicks_work() -> None:
    work: list[str] = []
    release = threading.Event()
    lane = AckLane(lanes=2, workers=1)
    handler = lane_app(True, work, release, lane)
    # Far more clicks than threads, each one's work stuck: on Bolt's own executor the sixth
    # click would wait three seconds for a thread and be answered 404.
    answers = [click(handler, value=str(n)) for n in range(12)]
    assert [status for status, _, _ in answers] == [200] * 12
    assert max(took for _, took, _ in answers) < 1.0
    assert work == []
    release.set()
    lane.shutdown(wait=True)
    assert sorted(work, key=lambda w: int(w.split()[0])) == [
        f"{n} on slack-work_0" for n in range(12)]
    # The replay check ran once per click, with the work and not on a lane.
    assert handler.app.checked == ["slack-work_0"] * 12  # type: ignore[attr-defined]
    # Up to its ack each listener ran on the request's own thread, once; then again as work.
    me = threading.current_thread().name
    assert sorted(handler.app.acked_on) == [me] * 12 + ["slack-work_0"] * 12  # type: ignore[attr-defined]


def test_an_event_is_answered_before_its_listener_finishes_on_a_lane() -> None:
    work: list[str] = []
    release = threading.Event()
    lane = AckLane(lanes=2, workers=1)
    handler = lane_app(True, work, release, lane)
    body = json.dumps({"type": "event_callback", "team_id": "T0SANDBOX", "api_app_id": "A0",
                       "event_id": "Ev1", "event": {"type": "app_home_opened", "user": "U0MOD1",
                                                    "tab": "home"}})
    start = time.perf_counter()
    status, _, _ = call_wsgi(handler, "POST", "/slack/events", body,
                             signed_headers(SECRET, body) | {"Content-Type": "application/json"})
    assert status == 200
    assert time.perf_counter() - start < 1.0
    # A click after it acks on the request's thread, though the event's word came before.
    assert click(handler)[0] == 200
    release.set()
    lane.shutdown(wait=True)
    assert "home on slack-ack_0" in work


def test_a_replay_on_a_lane_is_answered_and_does_no_work() -> None:
    work: list[str] = []
    release = threading.Event()
    release.set()
    lane = AckLane(lanes=2, workers=1)
    handler = lane_app(False, work, release, lane)
    assert [click(handler)[0] for _ in range(3)] == [200] * 3
    lane.shutdown(wait=True)
    assert work == []


def test_an_answer_of_the_listeners_own_reaches_slack_before_its_work() -> None:
    work: list[str] = []
    lane = AckLane(lanes=2, workers=1)
    handler = lane_app(True, work, threading.Event(), lane)
    status, _, answer = click(handler, "fw_bad")
    lane.shutdown(wait=True)
    assert status == 200
    assert b"not that one" in answer
    assert work == ["refused"]
    assert handler.app.checked == ["slack-work_0"]  # type: ignore[attr-defined]


def test_a_second_run_that_acks_differently_does_no_work() -> None:
    answers = iter(["first", "second"])
    work: list[str] = []
    lane = AckLane(lanes=1, workers=1)
    app = App(signing_secret=SECRET, process_before_response=False, listener_executor=lane,
              authorize=lambda **_: AuthorizeResult(enterprise_id=None, team_id="T0SANDBOX",
                                                    bot_token="xoxb-lane", bot_id="B0LANE",
                                                    bot_user_id="U0LANE"))

    @app.middleware
    def guard(context: BoltContext, next: Any) -> None:
        acks_itself(True)
        context["ack"] = ReplayGuardedAck(lambda: True)
        next()

    @app.action("fw_claim")
    def changing(ack: Ack) -> None:
        ack(text=next(answers))
        work.append("done")

    status, _, answer = click(SlackRequestHandler(app))
    lane.shutdown(wait=True)
    assert status == 200 and b"first" in answer
    assert work == []
