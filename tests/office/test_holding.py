"""Holding out of hours, crisis and threats routed out of hours, restart, morning release."""

from __future__ import annotations

from bot.core.clock import FixedClock
from bot.core.models import KIND_DM
from bot.sandbox.fake_slack import FakeSlack
from bot.store.alert_state import AlertState
from bot.store.db import Database
from policy.categories import ABUSE, COMPLAINT, CRISIS, PRAISE, VIOLENCE
from tests.office.conftest import Desk, flag, local


def ids_in(messages: list[dict]) -> list[int]:  # type: ignore[type-arg]
    return [m["metadata"]["event_payload"]["mention_id"] for m in messages]


def test_friday_1659_posts_and_1700_holds(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 27, 16, 59))
    before = desk.ingest("a question", flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 27, 17, 0))
    after = desk.ingest("another question", flag(COMPLAINT))
    assert desk.alert(before).state == AlertState.PENDING
    assert desk.alert(after).state == AlertState.HELD and desk.alert(after).hold_reason == "hours"
    assert desk.deliver() == 1
    assert ids_in(desk.posted()) == [before]


def test_crisis_out_of_hours_is_not_held_and_carries_a_banner(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 28, 2, 14))  # Saturday night
    crisis = desk.ingest("I cannot go on", flag(CRISIS))
    threat = desk.ingest("I will hurt someone", flag(VIOLENCE))
    held = desk.ingest("rude", flag(ABUSE))
    assert desk.deliver() == 2
    posted = desk.posted()
    assert ids_in(posted) == [crisis, threat]
    for msg in posted:
        assert msg["text"].startswith("[Outside office hours (Sat 28 Nov 2026 02:14 GMT)")
        assert msg["blocks"][1]["block_id"] == "fw_banner"
        assert "Outside office hours" in msg["blocks"][1]["text"]["text"]
    assert desk.alert(held).state == AlertState.HELD


def test_crisis_pings_the_on_call_group_in_office_hours_and_out(
        hours_db: Database, clock: FixedClock, fake_slack: FakeSlack) -> None:
    desk = Desk(hours_db, clock, fake_slack, crisis_ping="S0ONCALL")
    for when in (local(2026, 11, 30, 10, 0), local(2026, 11, 28, 2, 14)):  # Mon day, Sat night
        clock.set(when)
        crisis = desk.ingest("I cannot go on", flag(CRISIS), ext=f"c{when.hour}")
        complaint = desk.ingest("slow reply", flag(COMPLAINT), ext=f"k{when.hour}")
        desk.deliver()
        by_id = {ids_in([m])[0]: m for m in desk.posted()}
        msg = by_id[crisis]
        assert "<!subteam^S0ONCALL>" in msg["text"]  # what Slack notifies from
        assert msg["blocks"][0]["text"]["text"] == "Possible crisis: a person may be at risk"
        todo = next(b for b in msg["blocks"] if b.get("block_id") == "fw_todo")
        assert "<!subteam^S0ONCALL>, please look now." in todo["text"]["text"]
        assert complaint not in by_id or "subteam" not in str(by_id[complaint])


def test_out_of_hours_destination_can_be_an_on_call_channel_or_person(
        hours_db: Database, clock: FixedClock, fake_slack: FakeSlack) -> None:
    desk = Desk(hours_db, clock, fake_slack)
    oncall_user = fake_slack.add_user("oncall", user_id="U0ONCALL")
    desk.settings = desk.settings.model_copy(update={"out_of_hours_destination": oncall_user})
    desk.restart()
    clock.set(local(2026, 11, 28, 3, 0))
    dm = desk.ingest("please help, I took too many pills", flag(CRISIS), kind=KIND_DM)
    assert desk.deliver() == 1
    [msg] = fake_slack.messages(oncall_user)  # a DM to the on-call person
    assert ids_in([msg]) == [dm]
    assert desk.posted() == []
    # In hours the same kind of alert goes to the usual channel, without a banner.
    clock.set(local(2026, 11, 30, 10, 0))
    again = desk.ingest("help again", flag(CRISIS), kind=KIND_DM, ext="dm-2")
    desk.deliver()
    [msg] = desk.posted()
    assert ids_in([msg]) == [again] and not msg["text"].startswith("[Outside")


def test_routed_categories_keep_their_channel_when_held(
        hours_db: Database, clock: FixedClock, fake_slack: FakeSlack) -> None:
    kudos = fake_slack.add_channel("kudos")
    desk = Desk(hours_db, clock, fake_slack, category_channels={PRAISE: kudos})
    clock.set(local(2026, 11, 28, 10, 0))
    thanks = desk.ingest("thank you", flag(PRAISE))
    assert desk.alert(thanks).channel == kudos and desk.alert(thanks).state == AlertState.HELD
    clock.set(local(2026, 11, 30, 9, 0))
    desk.office.minute.tick()
    desk.deliver()
    assert ids_in(fake_slack.messages(kudos)) == [thanks]


def test_restart_while_held_then_morning_release_in_order(
        hours_db: Database, clock: FixedClock, fake_slack: FakeSlack) -> None:
    # Only crisis skips the hold here, so a held threat shows the release order.
    desk = Desk(hours_db, clock, fake_slack, out_of_hours_categories="crisis")
    clock.set(local(2026, 11, 27, 18, 0))
    first = desk.ingest("complaint one", flag(COMPLAINT))
    clock.set(local(2026, 11, 28, 9, 30))
    second = desk.ingest("complaint two", flag(COMPLAINT))
    clock.set(local(2026, 11, 29, 22, 0))
    threat = desk.ingest("I know where you park", flag(VIOLENCE))
    assert desk.deliver() == 0

    desk.restart()  # a new process over the same database: nothing is lost or posted early
    desk.office.minute.tick()
    assert desk.deliver() == 0
    clock.set(local(2026, 11, 30, 8, 59))
    desk.office.minute.tick()
    assert desk.deliver() == 0

    clock.set(local(2026, 11, 30, 9, 0))
    report = desk.office.minute.tick()
    assert report is not None and report.digest_queued and report.released == 3
    assert desk.deliver() == 4
    posted = desk.posted()
    assert posted[0]["metadata"]["event_payload"]["kind"] == "digest"
    assert ids_in(posted[1:]) == [threat, first, second]
    # Later ticks the same day post nothing twice.
    clock.advance(minutes=1)
    desk.restart().minute.tick()
    assert desk.deliver() == 0 and len(desk.posted()) == 4
    assert desk.alert(threat).state == AlertState.POSTED
    assert desk.alert(threat).hold_reason == "hours"


def test_bank_holiday_monday_holds_until_tuesday(desk: Desk) -> None:
    desk.clock.set(local(2026, 5, 25, 11, 0))  # Spring Bank Holiday
    held = desk.ingest("a question", flag(COMPLAINT))
    assert desk.office.minute.tick() is None
    assert desk.deliver() == 0
    desk.clock.set(local(2026, 5, 26, 9, 0))
    desk.office.minute.tick()
    assert desk.deliver() == 2
    digest, alert = desk.posted()
    assert "Overnight digest: Fri 17:00 – Tue 09:00" in digest["blocks"][0]["text"]["text"]
    assert ids_in([alert]) == [held]


def test_alert_queued_just_before_opening_is_released_by_a_later_tick(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 30, 9, 0))
    desk.office.minute.tick()
    # Polled at 08:59:59, committed after the opening tick: the next tick releases it.
    desk.clock.set(local(2026, 11, 30, 8, 59, 59))
    late = desk.ingest("late one", flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 30, 9, 1))
    desk.office.minute.tick()
    desk.deliver()
    assert ids_in(desk.posted()[1:]) == [late]


def test_admin_alerts_are_never_held(desk: Desk) -> None:
    from bot.alerts import admin

    desk.clock.set(local(2026, 11, 28, 3, 0))
    with desk.db.session() as s:
        admin.raise_alert(s, "x-token", "X token expired", "401 from X", "Renew it",
                          desk.alerts, desk.clock.now())
    assert desk.deliver() == 1


def test_end_to_end_poll_at_night_through_the_real_pipeline(
        hours_db: Database, clock: FixedClock, fake_slack: FakeSlack) -> None:
    from bot.core.policy_file import read_engine
    from bot.ingest.pipeline import Pipeline
    from bot.sandbox.accounts import x_account_config
    from bot.sandbox.fake_x import FakeX
    from tests.harness import make_settings, services_for

    fake_x = FakeX(clock=clock).start()
    try:
        account = x_account_config(fake_x, "NSFTtweets", "nsft")
        fake_x.add_user("pat", "Pat")
        desk = Desk(hours_db, clock, fake_slack)
        services = services_for(make_settings(hours_db, [account]), clock, fake_x)
        pipeline = Pipeline(hours_db, read_engine().classify, clock, desk.alerts, desk.alerts,
                            placer=desk.office.placer)
        clock.set(local(2026, 11, 28, 2, 0))
        fake_x.add_tweet("pat", "@NSFTtweets I am going to kill myself tonight")
        fake_x.add_tweet("pat", "@NSFTtweets when does the cafe open?")
        clock.advance(seconds=30)
        pipeline.poll(services.sources[0])
        assert desk.deliver() == 1
        [msg] = desk.posted()
        assert msg["text"].startswith("[Outside office hours")
        with hours_db.session() as s:
            from sqlalchemy import select

            from bot.store.schema import AlertRow
            states = sorted(s.execute(select(AlertRow.state)).scalars())
        assert states == [AlertState.HELD, AlertState.POSTED]
    finally:
        fake_x.stop()


def test_held_alert_is_never_delivered_directly(desk: Desk) -> None:
    desk.clock.set(local(2026, 11, 28, 10, 0))
    held = desk.ingest("rude", flag(ABUSE))
    assert desk.outbox.deliver(desk.alert(held).id) == "skipped"
    desk.clock.advance(days=1)
    assert desk.deliver() == 0
