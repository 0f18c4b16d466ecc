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


def test_slack_429_with_retry_after_is_honoured_for_every_alert(desk: Desk) -> None:
    desk.queue("one", ext="1")
    desk.queue("two", ext="2")
    desk.slack.ratelimit_next("chat.postMessage", retry_after=120, times=2)
    desk.outbox.deliver_due()
    desk.clock.advance(119)
    assert desk.outbox.deliver_due().posted == 0
    desk.clock.advance(2)
    assert desk.outbox.deliver_due().posted == 2


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
