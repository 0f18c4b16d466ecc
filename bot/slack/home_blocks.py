"""The App Home tab and the `/feedwatch hours` answer: pure builders."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block, ContextBlock, DividerBlock, HeaderBlock

from bot.core.calendar import DAY_WORDS
from bot.core.clock import LONDON, format_local
from bot.core.figures import Stats
from bot.slack.alert_parts import mrkdwn, section
from bot.slack.escape import plain, safe, truncate
from bot.slack.limits import HEADER_TEXT
from bot.slack.stats_blocks import QueueItem, chunk_sections, queue_line, stats_lines

HOME_QUEUE = 15


@dataclass(frozen=True)
class HoursView:
    open: bool
    reason: str  # from HoursState
    next_change: datetime
    days: frozenset[int]
    opens: str  # "09:00"
    closes: str
    holidays: str  # "GB-ENG"
    paused_until: datetime | None = None
    paused_by: str = ""
    held: int = 0
    urgent: tuple[str, ...] = ()
    out_of_hours_destination: str | None = None
    tz: ZoneInfo = LONDON


def _days(days: frozenset[int]) -> str:
    ordered = sorted(days)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{DAY_WORDS[ordered[0]]} to {DAY_WORDS[ordered[-1]]}"
    return ", ".join(DAY_WORDS[d] for d in ordered)


def _destination(dest: str | None) -> str:
    if not dest:
        return "the alert channel, with an “outside office hours” banner"
    return f"<@{dest}>" if dest.startswith(("U", "W")) else f"<#{dest}>"


def hours_lines(v: HoursView) -> list[str]:
    change = format_local(v.next_change, v.tz)
    now = (f"*Now:* open — {safe(v.reason)}; closes {change}" if v.open
           else f"*Now:* {safe(v.reason)}; opens {change}")
    lines = [
        now,
        f"*Office hours:* {_days(v.days)}, {v.opens}–{v.closes} ({v.tz.key}); bank holidays "
        f"closed ({safe(v.holidays)})",
    ]
    if v.paused_until is not None:
        by = f" by <@{v.paused_by}>" if v.paused_by.startswith(("U", "W")) else ""
        lines.append(f"*Paused*{by} until {format_local(v.paused_until, v.tz)} — new alerts "
                     "are held except crisis and threats; `/feedwatch resume` ends it")
    else:
        lines.append("*Pause:* not paused")
    lines.append(f"*Held alerts waiting:* {v.held}")
    urgent = ", ".join(v.urgent) or "none"
    where = _destination(v.out_of_hours_destination)
    lines.append(f"*Never held out of hours:* {safe(urgent)} → {where}")
    return lines


def build_hours(v: HoursView) -> dict[str, Any]:
    blocks: list[Block] = [HeaderBlock(block_id="fw_hours_header",
                                       text=plain("Office hours", HEADER_TEXT))]
    blocks += chunk_sections(hours_lines(v), "fw_hours")
    state = "open" if v.open else "closed"
    return {"text": f"feedwatch: office {state}; {v.held} held",
            "blocks": [b.to_dict() for b in blocks]}


def build_home(today: Stats, queue: list[QueueItem], open_total: int, hours: HoursView,
               *, moderator: bool) -> dict[str, Any]:
    """The Home tab view. The open queue names authors, so only moderators see it."""
    blocks: list[Block] = [
        HeaderBlock(block_id="fw_home_header", text=plain("feedwatch", HEADER_TEXT)),
        *chunk_sections(hours_lines(hours), "fw_home_hours"),
        DividerBlock(),
        section(f"*Today* ({safe(today.range.label)})", "fw_home_today_title"),
        *chunk_sections(stats_lines(today), "fw_home_today"),
        DividerBlock(),
        section(f"*Open queue:* {open_total}", "fw_home_queue_title"),
    ]
    if not moderator:
        blocks.append(ContextBlock(block_id="fw_home_queue_note", elements=[mrkdwn(
            "The queue is shown to moderators only.")]))
    elif queue:
        blocks += chunk_sections([queue_line(q, hours.tz) for q in queue[:HOME_QUEUE]],
                                 "fw_home_queue")
        if open_total > HOME_QUEUE:
            blocks.append(ContextBlock(elements=[mrkdwn(
                f"The oldest {HOME_QUEUE} shown; `/feedwatch queue` lists more.")]))
    else:
        blocks.append(section("Nothing open.", "fw_home_queue_empty"))
    blocks.append(ContextBlock(block_id="fw_home_help", elements=[mrkdwn(truncate(
        "`/feedwatch help` lists every command. Numbers count office hours only where they "
        "say so.", 300))]))
    return {"type": "home", "blocks": [b.to_dict() for b in blocks]}
