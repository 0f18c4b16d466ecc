"""The weekly report: its data series, the chart drawn from them, the PNG, sent once."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from PIL import Image
from sqlalchemy import select

from bot.office.weekly_report import NO_FLAGS, table_text, week_series
from bot.reports.chart import build_figure, render_png
from bot.store.schema import JobRunRow
from policy.categories import ABUSE, COMPLAINT, CRISIS, PRAISE, Severity
from tests.office.conftest import Desk, flag, local

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def seed_week(desk: Desk) -> None:
    """Week of Mon 23 Nov 2026: Mon 2 complaint; Tue abuse + praise; Wed crisis (+complaint);
    Sat 1 unflagged. First actions: Mon 30 min and 90 min; Tue 10 min."""
    desk.clock.set(local(2026, 11, 23, 10, 0))
    a = desk.ingest("x", flag(COMPLAINT))
    b = desk.ingest("x", flag(COMPLAINT, Severity.LOW))
    desk.deliver()
    desk.act(a, "claim", after=timedelta(minutes=30))
    desk.act(b, "claim", after=timedelta(minutes=90))
    desk.clock.set(local(2026, 11, 24, 11, 0))
    c = desk.ingest("x", flag(ABUSE))
    desk.ingest("x", flag(PRAISE, Severity.INFO))
    desk.deliver()
    desk.act(c, "hide", after=timedelta(minutes=10))
    desk.clock.set(local(2026, 11, 25, 12, 0))
    desk.ingest("x", flag(COMPLAINT, Severity.CRITICAL), flag(CRISIS, Severity.HIGH))
    desk.clock.set(local(2026, 11, 28, 12, 0))
    desk.ingest("x")


def test_series_counts_by_primary_category_and_median_first_action(desk: Desk) -> None:
    seed_week(desk)
    series = week_series(desk.db, date(2026, 11, 23), desk.office.hours)
    assert series.days[0] == date(2026, 11, 23) and series.days[-1] == date(2026, 11, 29)
    assert series.counts == {
        CRISIS: (0, 0, 1, 0, 0, 0, 0),  # crisis wins over the more severe complaint
        ABUSE: (0, 1, 0, 0, 0, 0, 0),
        COMPLAINT: (2, 0, 0, 0, 0, 0, 0),
        PRAISE: (0, 1, 0, 0, 0, 0, 0),
        NO_FLAGS: (0, 0, 0, 0, 0, 1, 0),
    }
    assert series.totals == (2, 2, 1, 0, 0, 1, 0)
    # Monday: median of 30 and 90 minutes by nearest rank is 30; Tuesday 10; then none.
    assert series.median_minutes == (30.0, 10.0, None, None, None, None, None)


def test_chart_draws_exactly_the_series(desk: Desk) -> None:
    seed_week(desk)
    series = week_series(desk.db, date(2026, 11, 23), desk.office.hours)
    fig = build_figure(series)
    top, bottom = fig.axes
    stacks = {c.get_label(): tuple(round(p.get_height()) for p in c.patches)
              for c in top.containers}
    assert stacks == series.counts
    # Stacked: each category's bars start where the previous categories end.
    bases = [p.get_y() for p in top.containers[1].patches]
    assert bases == [float(x) for x in series.counts[CRISIS]]
    [minutes] = bottom.containers
    assert [p.get_height() for p in minutes.patches] == [30.0, 10.0, 0, 0, 0, 0, 0]
    labels = [t.get_text() for t in bottom.get_xticklabels()]
    assert labels == [d.strftime("%a %d") for d in series.days]


def test_png_decodes_and_table_has_the_same_figures(desk: Desk) -> None:
    seed_week(desk)
    series = week_series(desk.db, date(2026, 11, 23), desk.office.hours)
    png = render_png(series)
    assert png.startswith(PNG_MAGIC)
    image = Image.open(io.BytesIO(png))
    image.verify()
    assert image.size == (900, 650)
    table = table_text(series)
    lines = table.strip("`\n").splitlines()
    assert lines[0].split() == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "week"]
    assert lines[-2].split() == ["total", "2", "2", "1", "0", "0", "1", "0", "6"]
    assert lines[-1].split()[:3] == ["1st", "action", "30"]


def test_sent_once_after_the_first_digest_of_the_week(desk: Desk) -> None:
    seed_week(desk)
    desk.clock.set(local(2026, 11, 30, 9, 0))
    desk.office.minute.tick()  # queues the digest; the report waits until it is in Slack
    assert desk.slack.files == {}
    desk.deliver()
    desk.clock.set(local(2026, 11, 30, 9, 1))
    desk.office.minute.tick()
    [file] = desk.slack.files.values()
    assert file["name"] == "feedwatch-week-2026-11-23.png"
    assert "6 mentions" in file["alt_txt"] and "busiest Monday" in file["alt_txt"]
    assert desk.slack.uploaded(file["id"]).startswith(PNG_MAGIC)
    [message] = desk.slack.messages(desk.reports)
    assert message["text"].startswith("*Week of 23 Nov 2026 in numbers*\n```")
    desk.clock.set(local(2026, 11, 30, 9, 2))
    desk.restart().minute.tick()
    desk.clock.set(local(2026, 12, 2, 10, 0))
    desk.office.minute.tick()
    assert len(desk.slack.files) == 1


def test_bank_holiday_monday_sends_on_tuesday(desk: Desk) -> None:
    desk.clock.set(local(2026, 5, 20, 10, 0))
    desk.ingest("a quiet week, but not an empty one")
    desk.clock.set(local(2026, 5, 25, 10, 0))  # Spring Bank Holiday
    desk.office.minute.tick()
    assert desk.slack.files == {}
    desk.clock.set(local(2026, 5, 26, 9, 0))
    desk.office.minute.tick()
    desk.deliver()
    desk.clock.set(local(2026, 5, 26, 9, 1))
    desk.office.minute.tick()
    [file] = desk.slack.files.values()
    assert file["name"] == "feedwatch-week-2026-05-18.png"


def test_failed_upload_is_retried_next_tick(desk: Desk) -> None:
    seed_week(desk)
    desk.clock.set(local(2026, 11, 30, 9, 0))
    desk.office.minute.tick()
    desk.deliver()
    desk.slack.fail_next("files.getUploadURLExternal", "internal_error")
    desk.clock.set(local(2026, 11, 30, 9, 1))
    desk.office.minute.tick()
    assert desk.slack.files == {}
    desk.clock.set(local(2026, 11, 30, 9, 2))
    desk.office.minute.tick()
    assert len(desk.slack.files) == 1


def test_no_report_for_a_week_with_no_data(desk: Desk) -> None:
    """A new install's first Monday (or the demo's first morning) has no last week to show."""
    desk.clock.set(local(2026, 11, 30, 9, 0))
    desk.ingest("this week, not last week")
    desk.office.minute.tick()
    desk.deliver()
    for minute in (1, 2):
        desk.clock.set(local(2026, 11, 30, 9, minute))
        desk.office.minute.tick()
    assert desk.slack.files == {}
    assert desk.slack.messages(desk.reports) == []
    with desk.db.session() as s:
        [run] = s.execute(select(JobRunRow)).scalars().all()
    assert run.key == "weekly-report:2026-11-23" and run.detail == {"mentions": 0, "sent": False}


def test_the_chart_is_drawn_in_a_child_whose_failure_is_reported() -> None:
    """matplotlib stays out of the bot's process; a child that fails is an error naming why."""
    from bot.reports.chart import WeekSeries

    series = WeekSeries((date(2026, 11, 23),) * 7, {"abuse": (1, 2)}, (None,) * 7)  # malformed
    with pytest.raises(RuntimeError, match="drawing the weekly chart failed"):
        render_png(series)


def test_without_a_chart_the_table_is_still_sent(desk: Desk,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    seed_week(desk)

    def broken(series: object) -> bytes:  # as a child that crashed or timed out
        raise RuntimeError("drawing the weekly chart failed (exit 1): boom")

    monkeypatch.setattr("bot.office.weekly_report.render_png", broken)
    desk.clock.set(local(2026, 11, 30, 9, 0))
    desk.office.minute.tick()
    desk.deliver()
    desk.clock.set(local(2026, 11, 30, 9, 1))
    desk.office.minute.tick()
    assert desk.slack.files == {}
    [message] = desk.slack.messages(desk.reports)
    assert message["text"].startswith("*Week of 23 Nov 2026 in numbers*\n```")
