"""A post nobody could check for its language is never held out of hours (like crisis),
unless the trust turns that off; the flags come from the real policy."""

from __future__ import annotations

from bot.core.clock import FixedClock
from bot.core.policy_file import read_engine
from bot.office.routing import Router
from bot.sandbox.fake_slack import FakeSlack
from bot.store.alert_state import AlertState
from bot.store.db import Database
from tests.office.conftest import Desk, local

POLISH = "Nie mogę się dodzwonić do szpitala od trzech dni"


def test_out_of_hours_a_post_in_another_language_is_posted_not_held(desk: Desk) -> None:
    engine = read_engine()
    desk.clock.set(local(2026, 11, 28, 2, 14))  # Saturday night
    polish = desk.ingest(POLISH, *engine.classify(POLISH).flags)
    english = desk.ingest("Nobody rang me back", *engine.classify("Nobody rang me back").flags)
    assert desk.alert(polish).state == AlertState.PENDING
    assert desk.alert(english).state == AlertState.HELD
    assert desk.deliver() == 1
    [msg] = desk.posted()
    assert msg["text"].startswith("[Outside office hours")
    assert "unread_language" in str(msg["blocks"])


def test_the_trust_can_let_them_wait_for_the_morning(
        hours_db: Database, clock: FixedClock, fake_slack: FakeSlack) -> None:
    desk = Desk(hours_db, clock, fake_slack, out_of_hours_unread_language=False)
    clock.set(local(2026, 11, 28, 2, 14))
    polish = desk.ingest(POLISH, *read_engine().classify(POLISH).flags)
    assert desk.alert(polish).state == AlertState.HELD
    assert "unread_language" not in Router.from_settings(desk.settings).urgent
