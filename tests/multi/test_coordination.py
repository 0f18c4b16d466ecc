"""bot/store/coordination.py in one test process: leadership, claims and the SQLite instance lock,
and how
the outbox and the jobs use them. Two coordinators on one database stand for two processes
(each holds its own database session, as a process would)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.alerts.outbox import Outbox
from bot.core.clock import FixedClock
from bot.runtime.jobs import build_scheduler, poll_all, poll_source
from bot.sandbox.fake_slack import FakeSlack
from bot.sandbox.fake_x import FakeX
from bot.store.coordination import (
    CHANNEL,
    SHARED_RECONCILE_GRACE,
    AlreadyRunning,
    InstanceLock,
    PostgresCoordinator,
    SoloCoordinator,
    coordinator_for,
)
from bot.store.db import Database
from bot.store.schema import AlertRow
from tests.alerts.conftest import Desk, fake_slack  # noqa: F401  (fixture)
from tests.conftest import _fresh_postgres
from tests.harness import make_settings, services_for, x_account_entry


@pytest.fixture
def pg_db(_pg_template: str) -> Iterator[Database]:
    db = _fresh_postgres(_pg_template)
    yield db
    db.dispose()


@pytest.fixture
def pair(pg_db: Database) -> Iterator[tuple[PostgresCoordinator, PostgresCoordinator]]:
    one, two = PostgresCoordinator(pg_db.url), PostgresCoordinator(pg_db.url)
    yield one, two
    one.close()
    two.close()


def second_outbox(desk: Desk, coordinator: PostgresCoordinator) -> Outbox:
    first = desk.restart()
    return Outbox(desk.db, first.client, desk.clock, first.render, min_interval=0,
                  coordinator=coordinator)


# -- PostgreSQL --------------------------------------------------------------------------------

@pytest.mark.postgres
def test_one_leader_and_the_next_takes_over_when_it_goes(pair: tuple[PostgresCoordinator, ...]
                                                        ) -> None:
    one, two = pair
    assert one.leading() is True
    assert two.leading() is False
    assert one.leading() is True  # still ours on the next tick, and not taken twice
    one.close()  # the process ends: PostgreSQL frees its session's locks
    assert two.leading() is True


@pytest.mark.postgres
def test_a_claim_is_held_against_other_processes_until_released(
        pair: tuple[PostgresCoordinator, ...]) -> None:
    one, two = pair
    with one.claim(CHANNEL, "C0ALERTS") as mine:
        assert mine
        with two.claim(CHANNEL, "C0ALERTS") as theirs:
            assert not theirs
        with two.claim(CHANNEL, "C0OTHER") as other:
            assert other  # claims are per name
    with two.claim(CHANNEL, "C0ALERTS") as now_theirs:
        assert now_theirs


@pytest.mark.postgres
def test_outbox_leaves_a_channel_another_process_is_posting_to(
        pg_db: Database, clock: FixedClock, fake_slack: FakeSlack,  # noqa: F811
        pair: tuple[PostgresCoordinator, ...]) -> None:
    one, two = pair
    desk = Desk(pg_db, clock, fake_slack)
    outbox = second_outbox(desk, two)
    desk.queue("first", ext="1")
    with one.claim(CHANNEL, desk.channel):  # "another process" is posting to the channel
        report = outbox.deliver_due()
    assert (report.posted, report.failed, desk.posted()) == (0, 0, [])
    assert outbox.deliver_due().posted == 1  # free again: delivered once
    assert outbox.deliver_due().posted == 0


@pytest.mark.postgres
def test_outbox_skips_a_row_another_transaction_has_locked(
        pg_db: Database, clock: FixedClock, fake_slack: FakeSlack,  # noqa: F811
        pair: tuple[PostgresCoordinator, ...]) -> None:
    desk = Desk(pg_db, clock, fake_slack)
    outbox = second_outbox(desk, pair[1])
    alert_id = desk.queue("first", ext="1")
    with pg_db.session() as s:  # someone else is in the middle of taking this row
        s.execute(select(AlertRow).where(AlertRow.id == alert_id).with_for_update()).one()
        assert outbox.deliver(alert_id) == "skipped"
    assert desk.posted() == []
    assert outbox.deliver(alert_id) == "posted"


@pytest.mark.postgres
def test_only_the_leader_polls_but_every_process_delivers(
        pg_db: Database, clock: FixedClock, fake_slack: FakeSlack,  # noqa: F811
        pair: tuple[PostgresCoordinator, ...]) -> None:
    one, _ = pair
    assert one.leading()  # another process leads
    with FakeX(clock=clock) as fake_x:
        creds = fake_x.add_account("NSFTtweets")
        account = x_account_entry("nsft", {"user_id": fake_x.user_id("NSFTtweets"), **{
            k: v for k, v in creds.items() if k != "bearer_token"}})
        fake_x.add_user("pat")
        fake_x.add_tweet("pat", "@NSFTtweets hello")
        channel = fake_slack.add_channel("alerts")
        settings = make_settings(pg_db, [account], slack_url=f"{fake_slack.url}/api/",
                                 slack_bot_token="xoxb-sandbox-test",
                                 slack_alert_channel=channel)
        services = services_for(settings, clock, fake_x)
        assert poll_source(services, services.sources[0]) is None
        poll_all(services)
        assert fake_x.requests_to("/2/users/:id/mentions") == []
        one.close()  # the leader goes: this process polls on its next tick
        report = poll_source(services, services.sources[0])
        assert report is not None and report.new == 1
        services.coordinator.close()  # and goes in its turn; a third process leads...
        third = PostgresCoordinator(pg_db.url)
        assert third.leading()
        poll_all(services)  # ...and this one, not leading, still delivers what is due
        third.close()
    assert len(fake_x.requests_to("/2/users/:id/mentions")) == 1
    assert [m["text"] for m in fake_slack.messages(channel)] != []


@pytest.mark.postgres
def test_shared_database_settles_half_done_actions_after_a_grace(
        pg_db: Database, clock: FixedClock) -> None:
    with FakeX(clock=clock) as fake_x:
        services = services_for(make_settings(pg_db, [_unused_x()]), clock, fake_x)
        before = datetime.now(UTC)
        jobs = {j.id: j for j in build_scheduler(services).get_jobs()}
    run_date = jobs["moderation_reconcile"].trigger.run_date
    assert run_date >= before + SHARED_RECONCILE_GRACE
    assert coordinator_for(pg_db).shared


# -- SQLite ------------------------------------------------------------------------------------

def test_sqlite_instance_lock_refuses_a_second_holder(tmp_path: Path) -> None:
    first, second = InstanceLock(tmp_path / "f.db"), InstanceLock(tmp_path / "f.db")
    first.acquire()
    with pytest.raises(AlreadyRunning) as refused:
        second.acquire()
    message = str(refused.value)
    assert "already running on this SQLite database" in message and "PostgreSQL" in message
    assert str(tmp_path / "f.db.lock") in message
    first.release()
    second.acquire()  # free once the first lets go
    second.release()


def test_sqlite_is_one_process_that_always_leads(sqlite_db: Database, clock: FixedClock) -> None:
    coordinator = coordinator_for(sqlite_db)
    assert isinstance(coordinator, SoloCoordinator) and not coordinator.shared
    coordinator.start()
    try:
        assert coordinator.leading()
        with coordinator.claim(CHANNEL, "C0A") as mine, coordinator.claim(CHANNEL, "C0A") as again:
            assert mine and not again  # even threads of one process take turns
        with FakeX(clock=clock) as fake_x:
            services = services_for(make_settings(sqlite_db, [_unused_x()]), clock, fake_x)
            jobs = {j.id: j for j in build_scheduler(services).get_jobs()}
        assert jobs["moderation_reconcile"].trigger.run_date < datetime.now(UTC) + timedelta(
            seconds=30)
    finally:
        coordinator.close()


def _unused_x() -> dict[str, str]:
    return x_account_entry("nsft", {
        "user_id": "1", "consumer_key": "sandbox-k", "consumer_secret": "sandbox-s",
        "access_token": "1-sandbox-t", "access_token_secret": "sandbox-ts"})
