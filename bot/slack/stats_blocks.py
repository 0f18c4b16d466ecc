"""Answers to `/feedwatch stats|queue|history|hours` and the spike alert: pure builders.

Everything from a platform (names, handles, post text) goes through `safe`/`link`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block, ContextBlock, HeaderBlock, SectionBlock

from bot.core.clock import LONDON, format_local
from bot.core.figures import Stats
from bot.core.models import KIND_NAMES, PLATFORM_NAMES
from bot.slack.alert_parts import mrkdwn, section
from bot.slack.assign_blocks import SLACK_USER as _USER_ID
from bot.slack.escape import link, plain, safe, truncate
from bot.slack.limits import HEADER_TEXT, SECTION_TEXT

MAX_ITEMS = 30


def fmt_duration(seconds: float | None) -> str:
    if seconds is None:
        return "n/a"
    minutes = round(seconds / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def chunk_sections(lines: list[str], block_id: str) -> list[SectionBlock]:
    """Lines packed into as few sections as fit Slack's 3,000 characters each."""
    blocks: list[SectionBlock] = []
    current: list[str] = []
    for line in lines:
        line = truncate(line, SECTION_TEXT - 10)
        if current and len("\n".join([*current, line])) > SECTION_TEXT - 10:
            blocks.append(section("\n".join(current), f"{block_id}_{len(blocks)}"))
            current = []
        current.append(line)
    if current:
        blocks.append(section("\n".join(current), f"{block_id}_{len(blocks)}"))
    return blocks


def _message(text: str, blocks: list[Block]) -> dict[str, Any]:
    return {"text": truncate(text, 3000), "blocks": [b.to_dict() for b in blocks]}


def _counter_line(title: str, items: list[tuple[str, int]]) -> str:
    if not items:
        return f"*{title}:* none"
    return f"*{title}:* " + ", ".join(f"{safe(k)} {v}" for k, v in items)


def stats_lines(st: Stats) -> list[str]:
    by_pk = sorted(st.mentions.items(), key=lambda kv: (-kv[1], kv[0]))
    mentions = [(f"{PLATFORM_NAMES.get(p, p)} {KIND_NAMES.get(k, k)}", n) for (p, k), n in by_pk]
    return [
        f"*Mentions:* {sum(st.mentions.values())}",
        _counter_line("By platform and kind", mentions),
        _counter_line("Flags by category", st.flags.most_common()),
        _counter_line("Actions by type", st.actions.most_common()),
        f"*Replies sent:* {st.replies_sent}",
        _counter_line("Escalations by target", st.escalations.most_common()),
        f"*Flag overrides:* {st.overrides}",
        f"*Time to first action (office hours):* median "
        f"{fmt_duration(st.median_first_action)}, 90th percentile "
        f"{fmt_duration(st.p90_first_action)} ({len(st.first_action_seconds)} alerts)",
        f"*Alerts still open:* {st.open_alerts}" + (f" · *held:* {st.held_alerts}"
                                                   if st.held_alerts else ""),
    ]


def build_stats(st: Stats) -> dict[str, Any]:
    blocks: list[Block] = [HeaderBlock(block_id="fw_stats_header",
                                       text=plain(f"feedwatch stats: {st.range.label}",
                                                  HEADER_TEXT))]
    blocks += chunk_sections(stats_lines(st), "fw_stats")
    return _message(f"feedwatch stats for {st.range.label}", blocks)


@dataclass(frozen=True)
class QueueItem:
    mention_id: int
    posted_at: datetime | None
    platform: str
    kind: str
    author: str
    categories: tuple[str, ...]
    alert_url: str  # the alert in Slack ("" if unknown)
    permalink: str  # the original post
    assignee: str = ""  # who handles it (a Slack user id, or a name), "" if nobody


def queue_line(item: QueueItem, tz: ZoneInfo) -> str:
    when = format_local(item.posted_at, tz) if item.posted_at else "not yet posted"
    where = f"{PLATFORM_NAMES.get(item.platform, item.platform)} " \
            f"{KIND_NAMES.get(item.kind, item.kind)}"
    label = f"#{item.mention_id} {where}"
    head = link(item.alert_url, label) if item.alert_url else safe(label)
    cats = safe(", ".join(item.categories) or "no flags")
    original = f" · {link(item.permalink, 'original')}" if item.permalink else ""
    who = ""
    if item.assignee:
        who = (f" — assigned to <@{item.assignee}>" if _USER_ID.match(item.assignee)
               else f" — assigned to {truncate(safe(item.assignee), 60)}")
    return (f"• {head} from {truncate(safe(item.author), 80)} — {cats} — {when}{who}"
            f"{original}")


def build_queue(items: list[QueueItem], total: int, tz: ZoneInfo = LONDON, *,
                mine: bool = False) -> dict[str, Any]:
    title = f"Open alerts assigned to you: {total}" if mine else f"Open alerts: {total}"
    blocks: list[Block] = [HeaderBlock(block_id="fw_queue_header",
                                       text=plain(title, HEADER_TEXT))]
    if not items:
        blocks.append(section("Nothing assigned to you is open." if mine
                              else "Nothing open. :tada:", "fw_queue_empty"))
    blocks += chunk_sections([queue_line(i, tz) for i in items[:MAX_ITEMS]], "fw_queue")
    if total > min(len(items), MAX_ITEMS):
        blocks.append(ContextBlock(elements=[mrkdwn(
            f"Showing the oldest {min(len(items), MAX_ITEMS)} of {total}.")]))
    noun = f"{total} open alert{'s' if total != 1 else ''}"
    return _message(f"{noun} assigned to you" if mine else noun, blocks)


@dataclass(frozen=True)
class HistoryItem:
    mention_id: int
    created_at: datetime
    platform: str
    kind: str
    categories: tuple[str, ...]
    actions: tuple[str, ...]  # e.g. "hide by <@U1> Tue 24 Nov 10:32 (ok)", already escaped
    permalink: str
    snippet: str  # masked, unescaped


def build_history(who: str, items: list[HistoryItem], tz: ZoneInfo = LONDON) -> dict[str, Any]:
    title = f"History of {who}"
    blocks: list[Block] = [HeaderBlock(block_id="fw_history_header",
                                       text=plain(title, HEADER_TEXT))]
    if not items:
        blocks.append(section(f"No stored mentions from {safe(who)}.", "fw_history_empty"))
        return _message(f"No stored mentions from {safe(who)}", blocks)
    lines = []
    for it in items[:MAX_ITEMS]:
        where = f"{PLATFORM_NAMES.get(it.platform, it.platform)} {KIND_NAMES.get(it.kind, it.kind)}"
        head = link(it.permalink, where) if it.permalink else safe(where)
        cats = safe(", ".join(it.categories) or "no flags")
        acts = "; ".join(it.actions) or "no action recorded"
        quote = f"\n> {truncate(safe(' '.join(it.snippet.split())), 200)}" if it.snippet else ""
        lines.append(f"• #{it.mention_id} {format_local(it.created_at, tz)} · {head} — "
                     f"{cats} — {acts}{quote}")
    blocks += chunk_sections(lines, "fw_history")
    if len(items) > MAX_ITEMS:
        blocks.append(ContextBlock(elements=[mrkdwn(
            f"Showing the newest {MAX_ITEMS} of {len(items)}.")]))
    return _message(f"{len(items)} stored mentions from {safe(who)}", blocks)


@dataclass(frozen=True)
class SpikeSample:
    mention_id: int
    platform: str
    kind: str
    author: str
    text: str  # masked, unescaped
    permalink: str


@dataclass(frozen=True)
class SpikeView:
    at: datetime
    last_hour: int
    hourly_average: float
    top_categories: tuple[tuple[str, int], ...]
    top_authors: tuple[tuple[str, int], ...]
    sample: tuple[SpikeSample, ...]


def build_spike_alert(view: SpikeView) -> dict[str, Any]:
    head = (f"{view.last_hour} mentions in the last hour — the hourly average over the past "
            f"week is {view.hourly_average:.1f}")
    lines = [
        f"*{head}.*",
        _counter_line("Top categories", list(view.top_categories)),
        _counter_line("Top authors", list(view.top_authors)),
    ]
    if view.sample:
        lines.append("*Sample:*")
        for sm in view.sample:
            where = PLATFORM_NAMES.get(sm.platform, sm.platform)
            text = truncate(safe(" ".join(sm.text.split())), 200) or "(no text)"
            original = f" · {link(sm.permalink, 'original')}" if sm.permalink else ""
            lines.append(f"• #{sm.mention_id} {safe(where)}, {truncate(safe(sm.author), 80)}: "
                         f"“{text}”{original}")
    blocks: list[Block] = [HeaderBlock(block_id="fw_spike_header",
                                       text=plain("Spike in mentions", HEADER_TEXT))]
    blocks += chunk_sections(lines, "fw_spike")
    blocks.append(ContextBlock(elements=[mrkdwn(
        "Spike alerts are never held out of hours. No other for the cool-down period.")]))
    return _message(f"Spike: {head}", blocks)
