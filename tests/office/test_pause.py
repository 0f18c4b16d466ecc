"""Pause and resume by hand: crisis and threats are never held; the state persists."""

from __future__ import annotations

import pytest

from bot.office.pausing import parse_pause
from bot.store.alert_state import AlertState
from policy.categories import ABUSE, COMPLAINT, CRISIS, VIOLENCE
from tests.office.conftest import MODERATOR, Desk, flag, local


def ids_in(messages: list[dict]) -> list[int]:  # type: ignore[type-arg]
    return [m["metadata"]["event_payload"]["mention_id"] for m in messages]


@pytest.mark.parametrize(("words", "until"), [
    ("", local(2026, 11, 24, 17, 0)),
    ("for 2h", local(2026, 11, 24, 12, 30)),
    ("for 90m", local(2026, 11, 24, 12, 0)),
    ("for 1h 30m", local(2026, 11, 24, 12, 0)),
    ("2 hours", local(2026, 11, 24, 12, 30)),
    ("until 14:00", local(2026, 11, 24, 14, 0)),
    ("until 09:00", local(2026, 11, 25, 9, 0)),  # already past today: tomorrow's
])
def test_parse_pause(desk: Desk, words: str, until) -> None:  # type: ignore[no-untyped-def]
    assert parse_pause(words, local(2026, 11, 24, 10, 30), desk.office.hours) == until


@pytest.mark.parametrize("bad", ["for ever", "for 25h", "until teatime", "for 0m"])
def test_parse_pause_refuses(desk: Desk, bad: str) -> None:
    with pytest.raises(ValueError):
        parse_pause(bad, local(2026, 11, 24, 10, 30), desk.office.hours)


def test_plain_pause_needs_a_time_when_closed(desk: Desk) -> None:
    with pytest.raises(ValueError, match="closed"):
        parse_pause("", local(2026, 11, 24, 20, 0), desk.office.hours)


def test_pause_holds_all_but_crisis_and_threats_and_resume_releases_in_order(
        desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 24, 10, 0))
    desk.office.pausing.pause(MODERATOR, local(2026, 11, 24, 12, 0))
    complaint = desk.ingest("slow", flag(COMPLAINT))
    crisis = desk.ingest("help", flag(CRISIS))
    threat = desk.ingest("I'll get you", flag(VIOLENCE))
    desk.clock.set(local(2026, 11, 24, 10, 5))
    abuse = desk.ingest("idiots", flag(ABUSE))
    assert desk.deliver() == 2
    assert ids_in(desk.posted()) == [crisis, threat]
    assert not desk.posted()[0]["text"].startswith("[")  # in hours: no banner
    assert desk.alert(complaint).state == AlertState.HELD
    assert desk.alert(complaint).hold_reason == "pause"
    view = desk.office.pausing.hours_view()
    assert view.paused_until == local(2026, 11, 24, 12, 0) and view.paused_by == MODERATOR
    assert view.held == 2

    desk.restart()  # the pause is in the database
    desk.ingest("still paused", flag(COMPLAINT))
    was, released = desk.office.pausing.resume(MODERATOR)
    assert was is not None and released == 3
    desk.deliver()
    assert ids_in(desk.posted())[2:] == [complaint, abuse, ids_in(desk.posted())[-1]]
    assert desk.office.pausing.hours_view().paused_until is None


def test_pause_ends_by_itself(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 24, 10, 0))
    desk.office.pausing.pause(MODERATOR, local(2026, 11, 24, 10, 30))
    held = desk.ingest("slow", flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 24, 10, 29))
    desk.office.minute.tick()
    assert desk.alert(held).state == AlertState.HELD
    desk.clock.set(local(2026, 11, 24, 10, 31))
    desk.office.minute.tick()
    desk.deliver()
    assert held in ids_in(desk.posted())


def test_a_pause_ending_after_closing_leaves_alerts_for_the_morning(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 24, 16, 0))
    desk.office.pausing.pause(MODERATOR, local(2026, 11, 24, 18, 0))
    held = desk.ingest("slow", flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 24, 18, 1))
    desk.office.minute.tick()
    assert desk.alert(held).state == AlertState.HELD and desk.alert(held).hold_reason == "hours"
    desk.clock.set(local(2026, 11, 25, 9, 0))
    desk.office.minute.tick()
    desk.deliver()
    assert ids_in(desk.posted()[1:]) == [held]


def test_paused_at_opening_the_digest_comes_but_alerts_wait(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 24, 20, 0))
    held = desk.ingest("overnight", flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 25, 8, 30))
    desk.office.pausing.pause(MODERATOR, local(2026, 11, 25, 10, 0))
    desk.clock.set(local(2026, 11, 25, 9, 0))
    desk.office.minute.tick()
    assert "1 held alert waits until the pause ends" in desk.digest_text()
    assert desk.alert(held).state == AlertState.HELD
    desk.clock.set(local(2026, 11, 25, 10, 0))
    desk.office.minute.tick()
    desk.deliver()
    assert ids_in(desk.posted()[1:]) == [held]
