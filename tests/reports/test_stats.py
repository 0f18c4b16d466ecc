"""Stats on a seeded database against hand-computed office-hours durations."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.core.clock import LONDON
from bot.core.figures import parse_range, percentile
from bot.reports.lookup import queue_items
from bot.reports.stats import compute
from bot.slack.limits import validate_blocks
from bot.slack.stats_blocks import build_queue, build_stats, fmt_duration
from policy.categories import ABUSE, COMPLAINT, PRAISE
from tests.office.conftest import LEAD, MODERATOR, OUTSIDER, Desk, flag, local

MIN = 60.0


def post(desk: Desk, when, *flags) -> int:  # type: ignore[no-untyped-def]
    desk.clock.set(when)
    mid = desk.ingest("text", *flags)
    desk.deliver()
    return mid


@pytest.fixture
def seeded(desk: Desk) -> dict[str, int]:
    a1 = post(desk, local(2026, 11, 24, 10, 0), flag(ABUSE))
    desk.clock.set(local(2026, 11, 24, 10, 30))
    desk.act(a1, "claim")
    desk.clock.set(local(2026, 11, 24, 10, 40))
    desk.act(a1, "hide")
    a2 = post(desk, local(2026, 11, 24, 16, 45), flag(COMPLAINT))
    a5 = post(desk, local(2026, 11, 25, 12, 0), flag(ABUSE))
    desk.clock.set(local(2026, 11, 25, 12, 5))
    desk.act(a5, "hide", user=OUTSIDER, outcome="denied")  # a refused click is not an action
    a6 = post(desk, local(2026, 11, 25, 14, 0), flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 25, 14, 5))
    desk.act(a6, "reveal_pi")  # looking is not acting
    desk.clock.set(local(2026, 11, 25, 15, 0))
    desk.act(a6, "escalate", target="pals")
    desk.clock.set(local(2026, 11, 25, 9, 15))
    desk.act(a2, "claim", user=LEAD)
    a4 = post(desk, local(2026, 11, 26, 11, 0), flag(PRAISE), flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 26, 13, 0))
    desk.act(a4, "reply")
    desk.clock.set(local(2026, 11, 26, 13, 5))
    desk.act(a4, "flag_wrong")
    a3 = post(desk, local(2026, 11, 27, 16, 30), flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 28, 22, 0))
    a7 = desk.ingest("held over the weekend", flag(COMPLAINT))
    desk.clock.set(local(2026, 11, 30, 9, 0))
    desk.office.minute.tick()
    desk.deliver()
    desk.clock.set(local(2026, 11, 30, 9, 15))
    desk.act(a3, "claim")
    desk.clock.set(local(2026, 11, 30, 10, 0))
    return {"a1": a1, "a2": a2, "a3": a3, "a4": a4, "a5": a5, "a6": a6, "a7": a7}


def test_figures_match_hand_computed_values(desk: Desk, seeded: dict[str, int]) -> None:
    rng = parse_range("2026-11-23..2026-11-29", desk.clock.now(), LONDON)
    with desk.db.session() as s:
        st = compute(s, rng, desk.office.hours)
    # a1 10:00->10:30 = 30; a2 Tue 16:45->Wed 09:15 = 15+15 = 30; a5 never acted (a refused
    # click does not count); a6 14:00->15:00 = 60 (the reveal does not count); a4 11:00->13:00
    # = 120; a3 Fri 16:30->Mon 09:15 = 30+15 = 45. a7 was posted on Monday: not in this week.
    assert sorted(st.first_action_seconds) == [30 * MIN, 30 * MIN, 45 * MIN, 60 * MIN, 120 * MIN]
    assert st.median_first_action == 45 * MIN
    assert st.p90_first_action == 120 * MIN  # nearest rank: the 5th of 5
    assert dict(st.mentions) == {("x", "mention"): 7}
    assert dict(st.flags) == {ABUSE: 2, COMPLAINT: 5, PRAISE: 1}
    assert dict(st.actions) == {"claim": 2, "hide": 1, "escalate": 1, "reply": 1,
                                "flag_wrong": 1}
    assert st.replies_sent == 1 and st.overrides == 1
    assert dict(st.escalations) == {"pals": 1}
    # Open now: a2 and a3 only claimed, a5 untouched, a7 released this morning.
    assert st.open_alerts == 4 and st.held_alerts == 0
    message = build_stats(st)
    assert validate_blocks(message) == []
    body = message["blocks"][1]["text"]["text"]
    assert "median 45 min, 90th percentile 2 h 00 min (5 alerts)" in body
    assert "*Alerts still open:* 4" in body


def test_queue_is_oldest_first_with_links(desk: Desk, seeded: dict[str, int]) -> None:
    with desk.db.session() as s:
        items, total = queue_items(s, "https://sandbox.slack.com/")
    assert total == 4
    assert [i.mention_id for i in items] == [seeded["a2"], seeded["a5"], seeded["a3"],
                                             seeded["a7"]]
    first = items[0]
    assert first.alert_url.startswith(f"https://sandbox.slack.com/archives/{desk.alerts}/p")
    message = build_queue(items, total, LONDON)
    assert validate_blocks(message) == []
    assert message["text"] == "4 open alerts"


def test_moderator_actions_only_count_slack_users(desk: Desk) -> None:
    mid = post(desk, local(2026, 11, 24, 10, 0), flag(ABUSE))
    desk.clock.set(local(2026, 11, 24, 10, 5))
    desk.act(mid, "hide", user="feedwatch")  # the bot itself: not a person
    rng = parse_range("2026-11-24", desk.clock.now(), LONDON)
    with desk.db.session() as s:
        st = compute(s, rng, desk.office.hours)
    assert st.first_action_seconds == [] and dict(st.actions) == {} and st.open_alerts == 1
    desk.act(mid, "claim", user=MODERATOR, after=timedelta(minutes=5))
    with desk.db.session() as s:
        assert compute(s, rng, desk.office.hours).first_action_seconds == [10 * MIN]


@pytest.mark.parametrize(("text", "start", "end"), [
    ("today", local(2026, 11, 25, 0, 0), local(2026, 11, 26, 0, 0)),
    ("week", local(2026, 11, 23, 0, 0), local(2026, 11, 30, 0, 0)),
    ("month", local(2026, 11, 1, 0, 0), local(2026, 12, 1, 0, 0)),
    ("2026-03-28..2026-03-29", local(2026, 3, 28, 0, 0), local(2026, 3, 30, 0, 0)),
    ("2026-10-25", local(2026, 10, 25, 0, 0), local(2026, 10, 26, 0, 0)),
])
def test_ranges_are_local_inclusive_and_weeks_start_on_monday(text: str, start, end) -> None:  # type: ignore[no-untyped-def]
    rng = parse_range(text, local(2026, 11, 25, 15, 0), LONDON)
    assert (rng.start, rng.end) == (start, end)


def test_clock_change_days_have_their_real_length() -> None:
    march = parse_range("2026-03-29", local(2026, 3, 29, 12, 0), LONDON)
    october = parse_range("2026-10-25", local(2026, 10, 25, 12, 0), LONDON)
    assert march.end - march.start == timedelta(hours=23)
    assert october.end - october.start == timedelta(hours=25)


@pytest.mark.parametrize("bad", ["yesterday-ish", "2026-13-01", "2026-11-30..2026-11-01"])
def test_bad_ranges_are_explained(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_range(bad, local(2026, 11, 25, 15, 0), LONDON)


def test_percentile_and_duration_words() -> None:
    assert percentile([], 50) is None
    assert percentile([5.0], 90) == 5.0
    assert percentile([float(x) for x in range(1, 11)], 90) == 9.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 50) == 2.0
    assert fmt_duration(None) == "n/a" and fmt_duration(45 * 60) == "45 min"
    assert fmt_duration(125 * 60) == "2 h 05 min"


def test_history_of_a_hostile_name_pings_nobody() -> None:
    from bot.slack.stats_blocks import build_history

    message = build_history("<!channel> & <@U1>", [], LONDON)
    assert validate_blocks(message) == []
    header, body = message["blocks"]
    assert header["text"]["type"] == "plain_text"  # Slack never parses mentions in plain text
    assert "<!channel>" not in body["text"]["text"] and "<!channel>" not in message["text"]
    assert "&lt;!channel&gt;" in message["text"]


def test_categories_count_each_mention_by_its_latest_decision(desk: Desk) -> None:
    """A "flag is wrong" stores a new decision (bot/moderation/workflow.py): only the newest
    counts."""
    from bot.store.mentions import insert_decision
    from policy.decision import Decision

    wrong = post(desk, local(2026, 11, 24, 10, 0), flag(ABUSE))
    post(desk, local(2026, 11, 24, 11, 0), flag(ABUSE), flag(COMPLAINT))
    post(desk, local(2026, 11, 24, 12, 0), flag(PRAISE))
    with desk.db.session() as s:
        insert_decision(s, wrong, Decision(flags=(flag(COMPLAINT),), action="none",
                                           policy_version="test"), desk.clock.now())
        st = compute(s, parse_range("2026-11-24", desk.clock.now(), LONDON), desk.office.hours)
    assert dict(st.flags) == {ABUSE: 1, COMPLAINT: 2, PRAISE: 1}
