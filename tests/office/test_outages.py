"""The digest's outages: one line per feed, merged, never "still failing" for a healthy feed."""

from __future__ import annotations

from datetime import timedelta

from bot.office.outages import Failing, Stretch, outage_lines
from bot.slack.digest_blocks import GapItem, gap_line
from tests.office.conftest import local

TEN = timedelta(minutes=10)


def test_each_edge_of_a_feed_merges_into_one_outage() -> None:
    a, b, c = local(2026, 11, 28, 2, 0), local(2026, 11, 28, 3, 0), local(2026, 11, 28, 4, 0)
    gaps = [Stretch("x:nsft:mentions", a, b), Stretch("x:nsft:dms", a, b),
            Stretch("x:nsft:mentions", b, c), Stretch("facebook:fb:comments", a, b),
            Stretch("facebook:fb:dms", a + timedelta(minutes=2), b)]
    got = outage_lines(gaps, [], TEN)
    assert got == [GapItem("facebook:fb", a, b), GapItem("x:nsft", a, c, 2)]
    assert gap_line(got[1], a.tzinfo) == "X nsft polled only now and then 02:00–04:00 (2 gaps)"  # type: ignore[arg-type]


def test_separate_outages_stay_separate() -> None:
    a, b = local(2026, 11, 28, 1, 0), local(2026, 11, 28, 2, 0)
    c, d = local(2026, 11, 28, 5, 0), local(2026, 11, 28, 6, 0)
    got = outage_lines([Stretch("x:nsft:mentions", a, b), Stretch("x:nsft:mentions", c, d)],
                       [], TEN)
    assert got == [GapItem("x:nsft", a, b), GapItem("x:nsft", c, d)]


def test_a_feed_gap_while_feedwatch_was_down_is_told_once() -> None:
    down, up = local(2026, 11, 24, 10, 0), local(2026, 11, 24, 19, 30)
    gaps = [Stretch("feedwatch:heartbeat", down, up),
            Stretch("x:nsft:mentions", down - timedelta(minutes=1), up + timedelta(minutes=1)),
            Stretch("facebook:fb:comments", down, up)]
    got = outage_lines(gaps, [], TEN)
    assert got == [GapItem("feedwatch:heartbeat", down, up)]


def test_still_failing_only_for_failing_edges_once_per_feed() -> None:
    sun, sun2 = local(2026, 11, 29, 20, 0), local(2026, 11, 29, 21, 0)
    got = outage_lines([], [Failing("x:other:dms", sun2), Failing("x:other:mentions", sun)],
                       TEN)
    assert got == [GapItem("x:other", sun, None)]
    assert outage_lines([], [], TEN) == []
