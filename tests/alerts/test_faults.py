"""Slack failing for a long time, on simulated time: retries with backoff, no loss, no double."""

from __future__ import annotations

from datetime import timedelta

from bot.alerts.outbox import backoff
from tests.alerts.conftest import Desk


def test_ten_minutes_of_slack_500s_then_recovery_posts_each_alert_once(desk: Desk) -> None:
    ids = [desk.queue(f"message {i}", ext=str(i)) for i in range(5)]
    start = desk.clock.now()
    attempts = 0
    while desk.clock.now() - start < timedelta(minutes=10):
        desk.slack.inject("/api/chat.postMessage", 500, b"<html>Bad gateway</html>", times=50,
                          content_type="text/html")
        desk.slack.inject("/api/conversations.history", 500, b"", times=50)
        report = desk.outbox.deliver_due()
        attempts += report.failed
        desk.slack.clear_injections()
        desk.clock.advance(30)
    assert desk.posted() == []
    assert 5 <= attempts < 5 * 25  # retried, but backing off rather than hammering
    desk.clock.advance(minutes=15)
    desk.outbox.deliver_due()
    assert len(desk.posted()) == 5
    assert all(desk.row(i).state == "posted" for i in ids)


def test_slack_429_with_retry_after_pauses_the_whole_channel(desk: Desk) -> None:
    for i in range(5):
        desk.queue(f"alert {i}", ext=str(i))
    desk.slack.ratelimit_next("chat.postMessage", retry_after=120, times=1)
    desk.outbox.deliver_due()
    assert len(desk.slack.requests_to("/api/chat.postMessage")) == 1  # not one 429 per alert
    desk.clock.advance(119)
    assert desk.outbox.deliver_due().posted == 0
    assert len(desk.slack.requests_to("/api/chat.postMessage")) == 1
    desk.outbox = desk.restart()  # the pause is in the database, not only in memory
    desk.clock.advance(2)
    assert desk.outbox.deliver_due().posted == 5


def test_garbled_answer_is_not_a_crash_and_is_not_posted_twice(desk: Desk) -> None:
    alert_id = desk.queue("hello")
    desk.slack.inject("/api/chat.postMessage", 200, b"{not json", times=1)
    assert desk.outbox.deliver_due().failed == 1
    assert desk.row(alert_id).state == "sending"
    desk.clock.advance(minutes=15)
    desk.outbox.deliver_due()
    assert len(desk.posted()) == 1


def test_backoff_grows_with_jitter_and_is_capped() -> None:
    firsts = {backoff(1).total_seconds() for _ in range(20)}
    assert all(4 <= s <= 6 for s in firsts) and len(firsts) > 1  # jittered
    assert 8 <= backoff(2).total_seconds() <= 12
    assert backoff(30).total_seconds() <= 720


def test_failing_history_checks_back_off_and_hold_the_channel(desk: Desk) -> None:
    """Ten uncertain alerts and a Slack whose history keeps failing for ten minutes."""
    for i in range(10):
        desk.queue(f"alert {i}", ext=str(i))
    desk.slack.inject("/api/chat.postMessage", 500, b"", times=10)
    desk.outbox.deliver_due()
    desk.slack.inject("/api/conversations.history", 500, b"", times=10_000)
    for _ in range(600):  # a tick a second for ten minutes
        desk.clock.advance(1)
        desk.outbox.deliver_due()
    calls = len(desk.slack.requests_to("/api/conversations.history"))
    print(f"history calls in ten minutes: {calls}")
    assert 1 <= calls <= 12  # was one per alert per back-off: hundreds
    desk.slack.clear_injections()
    desk.clock.advance(minutes=15)
    desk.outbox.deliver_due()
    assert len(desk.posted()) == 10


def test_after_an_outage_crisis_goes_first_then_time_order(desk: Desk) -> None:
    from policy.categories import CRISIS, Severity
    from policy.decision import Decision, Flag

    crisis = Decision(flags=(Flag(CRISIS, Severity.CRITICAL, "crisis.intent", "end it",
                                  "suicidal intent"),), action="escalate",
                      policy_version="test")
    ids = []
    for i in range(6):
        desk.clock.advance(10)
        ids.append(desk.queue(f"post {i}", ext=str(i),
                              decision=crisis if i == 4 else None))
    desk.slack.inject("/api/chat.postMessage", 503, b"", times=6)
    for _ in range(6):
        desk.outbox.deliver_due()
        desk.clock.advance(1)
    desk.clock.advance(minutes=15)
    desk.outbox.deliver_due()
    order = [m["metadata"]["event_payload"]["alert_id"] for m in desk.posted()]
    assert order == [ids[4], ids[0], ids[1], ids[2], ids[3], ids[5]]
