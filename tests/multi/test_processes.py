"""Real bot processes sharing one database.

PostgreSQL: one leader polls, every process delivers, nothing is posted or done twice, and a
survivor takes over within two of its ticks (poll intervals) when the leader is SIGKILLed.
SQLite: a second process is refused at start and says why.
"""

from __future__ import annotations

import signal

import pytest
from sqlalchemy import select

from bot.store.schema import LedgerRow
from tests.multi.conftest import Fleet, wait_until


def test_a_second_process_on_one_sqlite_database_is_refused(sqlite_fleet: Fleet) -> None:
    first = sqlite_fleet.start()
    first.wait_for("a first tick", lambda t: t["tick"] >= 1)
    second = sqlite_fleet.run_once()
    assert second.returncode == 3
    assert "already running on this SQLite database" in second.stderr
    assert f"pid {first.proc.pid}" in second.stderr
    assert "PostgreSQL" in second.stderr  # and what to do instead
    assert second.stdout == ""  # it did no work: not one tick
    assert first.stop() == 0
    # The lock went with the first process: the next one starts normally.
    third = sqlite_fleet.start()
    third.wait_for("a first tick", lambda t: t["tick"] >= 1)
    assert third.stop() == 0


@pytest.mark.slow
@pytest.mark.postgres
def test_two_processes_poll_once_post_once_act_once(pg_fleet: Fleet) -> None:
    fleet = pg_fleet
    fleet.slow_slack(0.2)
    fleet.plant(12)
    a = fleet.start(FEEDWATCH_SANDBOX_MUTE="1")
    a.wait_for("the first process leading", lambda t: t["leading"])
    b = fleet.start(FEEDWATCH_SANDBOX_MUTE="1")
    b.wait_for("the second process ticking", lambda t: t["tick"] >= 3)
    fleet.plant(12)  # arrives while both run: both deliver and both try to mute it
    wait_until("24 alerts posted and 24 authors muted",
               lambda: fleet.counts() == (24, 24) and len(_mutes(fleet)) == 24, a, b)
    assert b.stop() == 0 and a.stop() == 0  # b first: it would lead once a is gone

    assert not any(t["leading"] for t in b.lines), "the second process polled too"
    assert sum(t["new"] for t in a.lines) == 24
    fleet.assert_exactly_once(24)
    # Each author muted by one platform call, though both processes clicked every alert.
    targets = [r.json()["target_user_id"] for r in _mutes(fleet)]
    assert len(targets) == len(set(targets)) == 24
    assert sum(t["muted"] for t in a.lines + b.lines) == 24
    with fleet.db.session() as s:
        states = s.execute(select(LedgerRow.state).where(LedgerRow.action == "mute")).all()
    assert [st for (st,) in states] == ["done"] * 24


@pytest.mark.slow
@pytest.mark.postgres
def test_leader_killed_mid_delivery_another_takes_over(pg_fleet: Fleet) -> None:
    fleet = pg_fleet
    # The leader dies right after Slack accepts its first alert, before recording it.
    a = fleet.start(FEEDWATCH_CRASH_AT="after_slack_post")
    a.wait_for("the first process leading", lambda t: t["leading"])
    b = fleet.start()
    b.wait_for("the second process ticking", lambda t: t["tick"] >= 2)
    fleet.plant(10)
    # Usually the leader, which stored them, posts first and dies at the crash point; if the
    # other process happened to claim the channel first, kill the leader by hand instead.
    wait_until("the leader dead, or every alert posted",
               lambda: a.proc.poll() is not None or fleet.counts() == (10, 10), b)
    died_posting = a.proc.poll() is not None
    if not died_posting:
        a.kill()
    print(f"the leader died {'at the crash point' if died_posting else 'by SIGKILL'}")
    assert a.proc.returncode == -signal.SIGKILL
    seen = b.last_tick()
    took_over = b.wait_for("the survivor leading", lambda t: t["leading"])
    assert took_over["tick"] - seen <= 2, "takeover took more than two poll intervals"

    fleet.plant(5)  # only the survivor is left to poll these
    wait_until("all 15 alerts posted", lambda: fleet.counts() == (15, 15), b)
    assert b.stop() == 0
    fleet.assert_exactly_once(15)
    if died_posting:  # the alert Slack had but the database did not: found, not re-posted
        assert sum(t["recovered"] for t in b.lines) == 1


def _mutes(fleet: Fleet) -> list:  # type: ignore[type-arg]
    return fleet.x.requests_to("/2/users/:id/muting", "POST")
