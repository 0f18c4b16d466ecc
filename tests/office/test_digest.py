"""The morning digest: the night at a glance, crisis and threats on top, polling gaps."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.core.clock import FixedClock
from bot.core.policy_file import read_engine
from bot.ingest.pipeline import Pipeline
from bot.sandbox.accounts import x_account_config
from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.store import cursors
from bot.store.db import Database
from bot.store.schema import PollGapRow
from policy.categories import ABUSE, COMPLAINT, CRISIS, VIOLENCE
from tests.harness import make_settings, services_for
from tests.office.conftest import Desk, flag, local


def test_digest_counts_and_puts_crisis_and_threats_first(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 27, 16, 0))
    desk.ingest("in hours, not in the digest", flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 28, 2, 14))
    crisis = desk.ingest("I can't go on", flag(CRISIS), handle="sam")
    desk.clock.set(local(2026, 11, 28, 10, 0))
    desk.ingest("the parking is awful", flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 29, 23, 0))
    threat = desk.ingest("watch your back", flag(VIOLENCE), flag(ABUSE))
    desk.deliver()  # crisis and threat go out overnight
    desk.clock.set(local(2026, 11, 30, 9, 0))
    desk.office.minute.tick()
    text = desk.digest_text()
    assert "Overnight digest: Fri 17:00 – Mon 09:00" in text
    assert text.index("Crisis and threats (2)") < text.index("Mentions overnight:* 3")
    assert f"#{crisis}" in text and f"#{threat}" in text
    assert "https://x.com/sam/status/" in text  # link to the original
    assert f"sent overnight to <#{desk.alerts}>" in text
    assert "By platform:* X 3" in text
    assert "By category:* abuse 1, complaint 1, crisis 1, violence 1" in text
    assert "By suggested action:* none 3" in text
    assert "1 held alert follow" in text


def test_quiet_night_still_gets_a_digest(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 24, 9, 0))
    desk.office.minute.tick()
    text = desk.digest_text()
    assert "Crisis and threats:* none overnight" in text
    assert "Mentions overnight:* 0" in text and "No held alerts to follow." in text


def test_polling_gap_is_recorded_by_the_pipeline_and_shown(
        hours_db: Database, clock: FixedClock, fake_slack: FakeSlack) -> None:
    fake_x = FakeX(clock=clock).start()
    try:
        account = x_account_config(fake_x, "NSFTtweets", "nsft")
        desk = Desk(hours_db, clock, fake_slack)
        source = services_for(make_settings(hours_db, [account]), clock, fake_x).sources[0]
        pipeline = Pipeline(hours_db, read_engine().classify, clock, desk.alerts, desk.alerts,
                            placer=desk.office.placer)
        for hh, mm in ((17, 55), (18, 0)):
            clock.set(local(2026, 11, 27, hh, mm))
            pipeline.poll(source)
        clock.set(local(2026, 11, 28, 2, 10))
        pipeline.poll(source)
        clock.set(local(2026, 11, 28, 4, 30))  # nothing in between: the bot was down
        pipeline.poll(source)
        with hours_db.session() as s:
            gaps = sorted(s.execute(select(PollGapRow.edge, PollGapRow.started_at,
                                           PollGapRow.ended_at)).all())
        fri, sat_0210, sat_0430 = (local(2026, 11, 27, 18, 0), local(2026, 11, 28, 2, 10),
                                   local(2026, 11, 28, 4, 30))
        assert [tuple(g) for g in gaps] == [
            ("x:nsft:dms", fri, sat_0210), ("x:nsft:dms", sat_0210, sat_0430),
            ("x:nsft:mentions", fri, sat_0210), ("x:nsft:mentions", sat_0210, sat_0430)]
        # A feed whose polls have failed since Sunday evening is still failing at opening; one
        # merely not read since then, with no failure, is healthy and gets no line.
        clock.set(local(2026, 11, 29, 20, 0))
        with hours_db.session() as s:
            cursors.record_success(s, "x:other:mentions", clock.now(), None)
            cursors.record_success(s, "x:quiet:mentions", clock.now(), None)
        clock.set(local(2026, 11, 29, 20, 2))
        with hours_db.session() as s:
            cursors.record_failure(s, "x:other:mentions", clock.now(), "503", None)
        clock.set(local(2026, 11, 30, 9, 0))
        with hours_db.session() as s:
            for edge in ("x:nsft:mentions", "x:nsft:dms"):
                cursors.record_success(s, edge, clock.now() - timedelta(minutes=1), None)
        desk.office.minute.tick()
        text = desk.digest_text()
        # One line for the feed (mentions and DMs together), not one per edge and missed poll:
        # Friday 18:00 to 02:10 and 02:10 to 04:30 are one outage with one good poll inside.
        assert text.count("X nsft") == 1
        assert "X nsft polled only now and then Fri 18:00–04:30 (2 gaps)" in text
        assert "X other not polled since Sun 20:00 (still failing)" in text
        assert "quiet" not in text
    finally:
        fake_x.stop()
