"""An alert whose post has an unknown outcome is never left twice in Slack: the history check
waits past the client's timeout for a slow post to land, and a late duplicate is deleted."""

from __future__ import annotations

import threading
import time

from tests.alerts.conftest import Desk

POST = "/api/chat.postMessage"


def _wait_for(predicate, what: str) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


def test_a_slow_answer_is_found_by_the_history_check_not_posted_again(desk: Desk) -> None:
    """Slack answers after the client gave up (here 25 s against a 15 s timeout, scaled)."""
    alert_id = desk.queue("you idiot")
    release = threading.Event()
    desk.slack.inject(POST, None, hold=release, hold_timeout=10)  # hangs, then posts
    assert desk.outbox.deliver_due().failed == 1  # the client timed out
    desk.clock.advance(20)  # past the old 5-10 s back-off: the post has not landed yet
    assert desk.outbox.deliver_due().posted == 0
    release.set()
    _wait_for(lambda: len(desk.posted()) == 1, "the slow post to land")
    desk.clock.advance(60)
    assert desk.outbox.deliver_due().recovered == 1
    assert len(desk.posted()) == 1
    assert desk.row(alert_id).ts == desk.posted()[0]["ts"]


def test_a_late_duplicate_is_deleted_and_the_recorded_copy_kept(desk: Desk) -> None:
    """The post Slack held lands only after the history check and the second post."""
    alert_id = desk.queue("you idiot")
    release = threading.Event()
    desk.slack.inject(POST, None, hold=release, hold_timeout=10)
    assert desk.outbox.deliver_due().failed == 1
    desk.clock.advance(61)
    assert desk.outbox.deliver_due().posted == 1  # history empty: posted again
    kept = desk.row(alert_id).ts
    release.set()
    _wait_for(lambda: len(desk.posted()) == 2, "the held post to land")
    assert desk.outbox.remove_duplicates() == 0  # too soon: a slow copy may still come
    desk.clock.advance(61)
    assert desk.outbox.remove_duplicates() == 1
    assert [m["ts"] for m in desk.posted()] == [kept]
    assert [c.params.get("ts") for c in desk.slack.calls_to("chat.delete")] != [kept]
    assert desk.outbox.remove_duplicates() == 0
