"""Durable Slack delivery through slack_sdk and the fake Slack Web API."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import update

from bot.alerts.outbox import METADATA_EVENT
from bot.slack.limits import validate_blocks
from bot.store.schema import AlertRow
from tests.alerts.conftest import Desk


def test_posts_once_with_metadata_naming_the_alert(desk: Desk) -> None:
    alert_id = desk.queue("you idiot")
    assert desk.outbox.deliver_due().posted == 1
    assert desk.outbox.deliver_due().posted == 0
    [msg] = desk.posted()
    assert msg["metadata"]["event_type"] == METADATA_EVENT
    assert msg["metadata"]["event_payload"]["alert_id"] == alert_id
    assert msg["text"]  # a fallback on every message
    row = desk.row(alert_id)
    assert row.state == "posted" and row.ts == msg["ts"]


def test_rate_limited_post_waits_for_retry_after_and_survives_restart(desk: Desk) -> None:
    alert_id = desk.queue("you idiot")
    desk.slack.ratelimit_next("chat.postMessage", retry_after=30)
    report = desk.outbox.deliver_due()
    assert report.failed == 1 and desk.posted() == []
    row = desk.row(alert_id)
    assert row.state == "pending" and row.last_error == "ratelimited"
    assert row.next_attempt_at == desk.clock.now() + timedelta(seconds=30)
    desk.clock.advance(10)
    desk.restart()
    assert desk.outbox.deliver_due().posted == 0  # not before Retry-After
    desk.clock.advance(21)
    assert desk.outbox.deliver_due().posted == 1
    assert len(desk.posted()) == 1


def test_crash_after_slack_answer_before_commit_does_not_post_twice(desk: Desk) -> None:
    alert_id = desk.queue("you idiot")
    desk.outbox.deliver_due()
    # The database as it would be had we died between Slack's answer and our commit.
    with desk.db.session() as s:
        s.execute(update(AlertRow).where(AlertRow.id == alert_id)
                  .values(state="sending", ts=None, posted_at=None))
    desk.restart()
    report = desk.outbox.deliver_due()
    assert report.recovered == 1 and report.posted == 0
    assert len(desk.posted()) == 1
    assert desk.row(alert_id).ts == desk.posted()[0]["ts"]
    assert len(desk.slack.calls_to("chat.postMessage")) == 1


def test_crash_before_the_post_posts_exactly_once(desk: Desk) -> None:
    alert_id = desk.queue("you idiot")
    with desk.db.session() as s:  # marked sending, then died before calling Slack
        s.execute(update(AlertRow).where(AlertRow.id == alert_id).values(state="sending"))
    desk.restart()
    assert desk.outbox.deliver_due().posted == 1
    assert len(desk.posted()) == 1
    assert len(desk.slack.calls_to("conversations.history")) >= 1  # it looked first


def test_server_error_is_checked_in_history_then_retried(desk: Desk) -> None:
    alert_id = desk.queue("you idiot")
    desk.slack.inject("/api/chat.postMessage", 500, b"upstream error", times=1,
                      content_type="text/html")
    assert desk.outbox.deliver_due().failed == 1
    assert desk.row(alert_id).state == "sending"  # unsure: look before posting again
    desk.clock.advance(minutes=15)
    assert desk.outbox.deliver_due().posted == 1
    assert len(desk.posted()) == 1


def test_timeout_leaves_alert_uncertain_and_it_is_posted_once_later(desk: Desk) -> None:
    alert_id = desk.queue("you idiot")
    release = threading.Event()
    desk.slack.inject("/api/chat.postMessage", 500, b"", hold=release, hold_timeout=10)
    try:
        assert desk.outbox.deliver_due().failed == 1
    finally:
        release.set()
    assert desk.row(alert_id).state == "sending"
    desk.clock.advance(minutes=15)
    assert desk.outbox.deliver_due().posted == 1
    assert len(desk.posted()) == 1


def test_untrusted_text_cannot_ping_or_disguise_links(desk: Desk) -> None:
    desk.queue("<!channel> <@U1> <http://evil.example|your bank> & co")
    desk.outbox.deliver_due()
    [msg] = desk.posted()
    body = str(msg["blocks"]) + msg["text"]
    for raw in ("<!channel>", "<@U1>", "<http://evil.example|"):
        assert raw not in body
    assert "&lt;!channel&gt;" in body and "&amp; co" in body


def test_huge_post_fits_block_kit_limits_and_links_to_original(desk: Desk) -> None:
    desk.queue("word " * 4000, ext="77")  # 20,000 characters
    assert desk.outbox.deliver_due().posted == 1
    [msg] = desk.posted()
    assert validate_blocks(msg) == []
    assert "https://x.com/pat/status/77" in str(msg["blocks"])


def test_admin_alert_is_posted_with_its_fix(desk: Desk) -> None:
    from bot.alerts import admin

    with desk.db.session() as s:
        assert admin.raise_alert(s, "x-auth:nsft", "X credentials refused",
                                 "X said 401 <b>", "Regenerate the tokens", desk.channel,
                                 desk.clock.now())
        assert not admin.raise_alert(s, "x-auth:nsft", "again", "", "", desk.channel,
                                     desk.clock.now())
    desk.outbox.deliver_due()
    [msg] = desk.posted()
    assert "Regenerate the tokens" in str(msg["blocks"])
    assert "<b>" not in str(msg["blocks"])
