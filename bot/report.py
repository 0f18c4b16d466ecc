"""The weekly report (issue 6 point 9): last week in numbers, as a chart and a text table.

Sent at the week's first opening (Monday 09:00, or Tuesday after a bank-holiday Monday) to the
report channel: a PNG (mentions per day stacked by category; median time to first action per
day, office hours only) with alt text, and the same figures as a table in the message beside
it, for screen readers and for anyone who prefers numbers.

The chart is drawn with matplotlib's Agg backend (no display, no global pyplot state). Each week
is claimed in `job_runs` before the upload, so a restart sends it at most once; a failed upload
gives the claim back and the next tick tries again.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy import delete, select

from bot.hours import OfficeHours
from bot.routing import PRECEDENCE, primary_category
from bot.stats import Range, first_action_durations, local_midnight, percentile
from bot.store.db import Database
from bot.store.inserts import insert_ignore
from bot.store.schema import DecisionRow, JobRunRow, MentionRow
from policy.decision import Decision

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

NO_FLAGS = "no flags"


@dataclass(frozen=True)
class WeekSeries:
    days: tuple[date, ...]  # Monday to Sunday, local
    counts: dict[str, tuple[int, ...]]  # primary category (or "no flags") -> per-day counts
    median_minutes: tuple[float | None, ...]  # time to first action, office hours

    @property
    def totals(self) -> tuple[int, ...]:
        return tuple(sum(c[i] for c in self.counts.values()) for i in range(len(self.days)))


def _day_range(day: date, hours: OfficeHours) -> Range:
    return Range(local_midnight(day, hours.tz),
                 local_midnight(day + timedelta(days=1), hours.tz), day.isoformat())


def week_series(db: Database, monday: date, hours: OfficeHours) -> WeekSeries:
    days = tuple(monday + timedelta(days=i) for i in range(7))
    per_day: dict[str, list[int]] = {}
    medians: list[float | None] = []
    with db.session() as s:
        for i, day in enumerate(days):
            rng = _day_range(day, hours)
            ids = list(s.execute(select(MentionRow.id).where(
                MentionRow.created_at >= rng.start, MentionRow.created_at < rng.end)).scalars())
            latest: dict[int, Decision] = {}
            for start in range(0, len(ids), 500):
                for d in s.execute(select(DecisionRow).where(
                        DecisionRow.mention_id.in_(ids[start:start + 500]))
                        .order_by(DecisionRow.id)).scalars():
                    latest[d.mention_id] = Decision.from_dict(d.detail or {})
            for mid in ids:
                cat = primary_category(latest.get(mid, Decision())) or NO_FLAGS
                per_day.setdefault(cat, [0] * 7)[i] += 1
            median = percentile(first_action_durations(s, rng, hours), 50)
            medians.append(None if median is None else median / 60)
    order = [c for c in PRECEDENCE if c in per_day] + ([NO_FLAGS] if NO_FLAGS in per_day else [])
    return WeekSeries(days, {c: tuple(per_day[c]) for c in order}, tuple(medians))


def build_figure(series: WeekSeries) -> Figure:
    from matplotlib.figure import Figure

    labels = [d.strftime("%a %d") for d in series.days]
    fig = Figure(figsize=(9, 6.5), dpi=100)
    top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(3, 2))
    base = [0] * len(labels)
    for category, counts in series.counts.items():
        top.bar(labels, counts, bottom=base, label=category)
        base = [b + c for b, c in zip(base, counts, strict=True)]
    top.set_title("Mentions per day, by category")
    top.set_ylabel("mentions")
    if series.counts:
        top.legend(fontsize="small", ncols=2, loc="upper left")
    minutes = [m if m is not None else 0 for m in series.median_minutes]
    bottom.bar(labels, minutes, color="#005eb8", label="median time to first action")
    bottom.set_title("Median time to first action (office hours)")
    bottom.set_ylabel("minutes")
    fig.tight_layout()
    return fig


def render_png(series: WeekSeries) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = build_figure(series)
    buf = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buf)
    return buf.getvalue()


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
        claimed = insert_ignore(s, JobRunRow.__table__,  # type: ignore[arg-type]
                                {"key": key, "started_at": now, "detail": {}})
    if claimed is None:
        return False  # sent already, or being sent by another tick
    series = week_series(db, monday, hours)
    try:
        slack.files_upload_v2(
            channel=channel, file=render_png(series), filename=f"feedwatch-week-{monday}.png",
            title=f"feedwatch: week of {monday:%d %b %Y}", alt_txt=alt_text(series)[:1000],
            initial_comment=f"*Week of {monday:%d %b %Y} in numbers*\n{table_text(series)}",
            request_file_info=False,
        )
    except (SlackApiError, OSError) as exc:
        with db.session() as s:
            s.execute(delete(JobRunRow).where(JobRunRow.key == key))
        log.error("weekly report: upload failed (%s); will try again", type(exc).__name__)
        return False
    with db.session() as s:
        row = s.execute(select(JobRunRow).where(JobRunRow.key == key)).scalar_one_or_none()
        if row is not None:
            row.finished_at = now
            row.detail = {"mentions": sum(series.totals)}
    log.info("weekly report for the week of %s sent (%d mentions)", monday, sum(series.totals))
    return True

