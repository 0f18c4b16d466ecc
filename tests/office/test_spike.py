"""Spike alert: N times the week's hourly average and at least M, then a cool-down."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from bot.core.models import Author, Mention, X
from bot.office import spike
from bot.office.spike import SpikeConfig
from bot.slack.limits import validate_blocks
from bot.store.mentions import insert_decision, insert_mention
from policy.categories import ABUSE, COMPLAINT, PERSONAL_INFO
from policy.decision import Decision
from tests.office.conftest import Desk, flag, local

CFG = SpikeConfig(multiple=3.0, min_mentions=20, cooldown=timedelta(minutes=60))
NOW = local(2026, 11, 28, 2, 30)  # a Saturday night: spike alerts are never held


def seed(desk: Desk, times: list[datetime], handle: str = "pat", text: str = "hello",
         decision: Decision | None = None) -> None:
    with desk.db.session() as s:
        for t in times:
            desk._seq += 1
            m = Mention(platform=X, account="nsft", external_id=f"s{desk._seq}", kind="mention",
                        author=Author(id=handle, handle=handle, name=handle.title()),
                        text=text, created_at=t, permalink=f"https://x.com/{handle}/status/1")
            mid = insert_mention(s, m, t)
            assert mid is not None
            insert_decision(s, mid, decision or Decision(), t)


def week_of(per_hour: int) -> list[datetime]:
    start = NOW - timedelta(hours=1) - timedelta(days=7)
    return [start + timedelta(hours=h, minutes=m)
            for h in range(7 * 24) for m in range(0, 60, 60 // per_hour)][: 7 * 24 * per_hour]


def last_hour(n: int) -> list[datetime]:
    return [NOW - timedelta(minutes=59) + timedelta(seconds=i) for i in range(n)]


def spike_messages(desk: Desk) -> list[dict]:  # type: ignore[type-arg]
    desk.deliver()
    return [m for m in desk.posted()
            if (m.get("metadata") or {}).get("event_payload", {}).get("kind") == "spike"]


def test_threshold_needs_both_the_multiple_and_the_minimum(desk: Desk) -> None:
    seed(desk, week_of(1))  # an hourly average of 1
    seed(desk, last_hour(19))
    with desk.db.session() as s:
        assert spike.measure(s, NOW) == (19, 1.0)
    assert not spike.check(desk.db, NOW, CFG, desk.alerts)  # 19 < 20
    seed(desk, last_hour(1))
    assert spike.check(desk.db, NOW, CFG, desk.alerts)
    assert spike.is_spike(30, 10.0, CFG) is False and spike.is_spike(31, 10.0, CFG) is True


def test_alert_content_and_cool_down_survive_a_restart(desk: Desk) -> None:
    desk.clock.set(NOW)
    seed(desk, [NOW - timedelta(days=8)])  # feedwatch has been reading for over a week
    seed(desk, last_hour(15), handle="angry")
    seed(desk, last_hour(4), handle="calm",
         decision=Decision(flags=(flag(COMPLAINT),)))
    phone = "ring 07700 900123 now"
    seed(desk, [NOW - timedelta(seconds=1)], handle="leaky", text=phone,
         decision=Decision(flags=(flag(PERSONAL_INFO, rule="personal_info.phone",
                                       span=(5, 17)), flag(ABUSE))))
    desk.office.minute.tick()
    [message] = spike_messages(desk)
    assert validate_blocks({"text": message["text"], "blocks": message["blocks"]}) == []
    body = " ".join(b.get("text", {}).get("text", "") for b in message["blocks"])
    assert message["text"].startswith("Spike: 20 mentions in the last hour")
    assert "Top authors:* Angry (@angry) 15, Calm (@calm) 4, Leaky (@leaky) 1" in body
    assert "Top categories:* complaint 4, abuse 1, personal_info 1" in body
    assert "[phone number hidden]" in body and "07700" not in body
    # Cool-down: still spiking 30 minutes later, but no second alert, even after a restart.
    desk.clock.set(NOW + timedelta(minutes=30))
    seed(desk, last_hour(0))
    desk.restart().minute.tick()
    assert len(spike_messages(desk)) == 1
    desk.clock.set(NOW + timedelta(minutes=61))
    seed(desk, [NOW + timedelta(minutes=60, seconds=i) for i in range(25)])
    desk.office.minute.tick()
    assert len(spike_messages(desk)) == 2


def test_no_spike_until_a_week_of_history_exists(desk: Desk) -> None:
    """A new install's first busy hour (the demo's first wave) has nothing to compare with."""
    desk.clock.set(NOW)
    seed(desk, [NOW - timedelta(days=6)])
    seed(desk, last_hour(40))
    assert not spike.check(desk.db, NOW, CFG, desk.alerts)
    assert spike_messages(desk) == []
    seed(desk, [NOW - timedelta(days=7, hours=2)])  # now a week of history: 40 > 3 x 1/168
    assert spike.check(desk.db, NOW, CFG, desk.alerts)
    assert len(spike_messages(desk)) == 1


def test_a_configured_baseline_stands_in_for_the_missing_week(desk: Desk) -> None:
    desk.clock.set(NOW)
    seed(desk, last_hour(40))
    assert not spike.check(desk.db, NOW, replace(CFG, baseline=15.0), desk.alerts)  # 40 < 45
    assert spike.check(desk.db, NOW, replace(CFG, baseline=10.0), desk.alerts)  # 40 > 30
    [message] = spike_messages(desk)
    assert "hourly average over the past week is 10.0" in message["text"]


def test_the_baseline_setting_reaches_the_office(desk: Desk) -> None:
    from bot.office.parts import build_office
    from tests.harness import make_settings
    from tests.office.conftest import UNUSED_X

    settings = make_settings(desk.db, [UNUSED_X], spike_baseline_per_hour=4.5)
    assert build_office(settings, desk.db, desk.client, desk.clock).minute.spike.baseline == 4.5
