"""The weekly report: last week in numbers, as a chart and a text table.

Sent at the week's first opening (Monday 09:00, or Tuesday after a bank-holiday Monday) to the
report channel: a PNG (mentions per day stacked by category; median time to first action per
day, office hours only) with alt text, and the same figures as a table in the message beside
it, for screen readers and for anyone who prefers numbers.

The chart is drawn in a child process (bot/reports/chart.py: matplotlib stays out of the bot). Each
week
is claimed in `job_runs` before the upload, so a restart sends it at most once; a failed upload
gives the claim back and the next tick tries again.
"""

from __future__ import annotations

import logging
import subprocess
from datetime import date, datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.calendar import OfficeHours
from bot.core.figures import Range, local_midnight, percentile
from bot.office.routing import PRECEDENCE, primary_category
from bot.reports.chart import WeekSeries, render_png
from bot.reports.stats import first_action_durations
from bot.store.db import Database
from bot.store.job_runs import claim_job, finish_job, release_job
from bot.store.stats_queries import (
    latest_decision_details_created_between,
    mention_count_created_between,
)
from policy.decision import Decision

log = logging.getLogger(__name__)

NO_FLAGS = "no flags"


def _day_range(day: date, hours: OfficeHours) -> Range:
    return Range(local_midnight(day, hours.tz),
                 local_midnight(day + timedelta(days=1), hours.tz), day.isoformat())


def week_series(db: Database, monday: date, hours: OfficeHours) -> WeekSeries:
    """Each day's mentions by primary category (of their latest decision, streamed: a week can
    hold a pile-on) and median time to first action."""
    days = tuple(monday + timedelta(days=i) for i in range(7))
    per_day: dict[str, list[int]] = {}
    medians: list[float | None] = []
    with db.session() as s:
        for i, day in enumerate(days):
            rng = _day_range(day, hours)
            decided = 0
            for detail in latest_decision_details_created_between(s, rng.start, rng.end):
                cat = primary_category(Decision.from_dict(detail or {})) or NO_FLAGS
                per_day.setdefault(cat, [0] * 7)[i] += 1
                decided += 1
            total = mention_count_created_between(s, rng.start, rng.end)
            if total > decided:  # stored without a decision (none yet): no flags
                per_day.setdefault(NO_FLAGS, [0] * 7)[i] += total - decided
            median = percentile(first_action_durations(s, rng, hours), 50)
            medians.append(None if median is None else median / 60)
    order = [c for c in PRECEDENCE if c in per_day] + ([NO_FLAGS] if NO_FLAGS in per_day else [])
    return WeekSeries(days, {c: tuple(per_day[c]) for c in order}, tuple(medians))


def _mins(m: float | None) -> str:
    return "-" if m is None else f"{round(m)} min"


def table_text(series: WeekSeries) -> str:
    """The chart's figures as a fixed-width table (a code block in Slack)."""
    head = ["", *[d.strftime("%a") for d in series.days], "week"]
    rows = [[c, *map(str, counts), str(sum(counts))] for c, counts in series.counts.items()]
    rows.append(["total", *map(str, series.totals), str(sum(series.totals))])
    rows.append(["1st action", *[_mins(m) for m in series.median_minutes], ""])
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = ["  ".join(cell.rjust(w) if i else cell.ljust(w)
                       for i, (cell, w) in enumerate(zip(r, widths, strict=True)))
             for r in [head, *rows]]
    return "```\n" + "\n".join(lines) + "\n```"


def alt_text(series: WeekSeries) -> str:
    busiest = max(range(7), key=lambda i: series.totals[i])
    top = sorted(series.counts.items(), key=lambda kv: -sum(kv[1]))[:3]
    cats = ", ".join(f"{c} {sum(n)}" for c, n in top) or "none"
    return (f"Bar charts for the week from {series.days[0]:%d %b}: {sum(series.totals)} "
            f"mentions, busiest {series.days[busiest]:%A} with {series.totals[busiest]}; "
            f"top categories {cats}. Lower chart: median time to first action per day, in "
            "office-hours minutes. The same figures are in the table in the message.")


def send_weekly(db: Database, slack: WebClient, hours: OfficeHours, channel: str,
                now: datetime) -> bool:
    """Send last week's report once, at or after this week's first opening."""
    first = hours.first_opening_of_week(now)
    if first is None or now < first:
        return False
    this_monday = hours.local_date(now) - timedelta(days=hours.local_date(now).weekday())
    monday = this_monday - timedelta(days=7)
    key = f"weekly-report:{monday.isoformat()}"
    with db.session() as s:
        claimed = claim_job(s, key, now)
    if not claimed:
        return False  # sent already, or being sent by another tick
    series = week_series(db, monday, hours)
    if not sum(series.totals):
        # A week with no mentions (before feedwatch was installed, or a feed not yet set up) is
        # a chart of zeros: nothing to read, so nothing is sent. The claim stays, marked so.
        with db.session() as s:
            finish_job(s, key, now, {"mentions": 0, "sent": False})
        log.info("weekly report for the week of %s: no mentions, not sent", monday)
        return False
    heading = f"*Week of {monday:%d %b %Y} in numbers*\n{table_text(series)}"
    try:
        png = render_png(series)
    except (RuntimeError, OSError, subprocess.SubprocessError):
        # The table carries the same figures: send it alone rather than nothing.
        log.exception("weekly report: the chart could not be drawn; sending the table alone")
        png = None
    try:
        if png is None:
            slack.chat_postMessage(channel=channel, text=heading)
        else:
            slack.files_upload_v2(
                channel=channel, file=png, filename=f"feedwatch-week-{monday}.png",
                title=f"feedwatch: week of {monday:%d %b %Y}", alt_txt=alt_text(series)[:1000],
                initial_comment=heading, request_file_info=False,
            )
    except (SlackApiError, OSError) as exc:
        with db.session() as s:
            release_job(s, key)
        log.error("weekly report: upload failed (%s); will try again", type(exc).__name__)
        return False
    with db.session() as s:
        finish_job(s, key, now, {"mentions": sum(series.totals)})
    log.info("weekly report for the week of %s sent (%d mentions)", monday, sum(series.totals))
    return True

