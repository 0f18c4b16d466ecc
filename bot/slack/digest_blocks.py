"""The morning digest and the out-of-hours banner: pure builders, every platform value escaped."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block, ContextBlock, DividerBlock, HeaderBlock

from bot.core.clock import LONDON
from bot.core.models import KIND_NAMES, PLATFORM_NAMES
from bot.slack.alert_parts import mrkdwn, section
from bot.slack.escape import link, plain, safe, truncate
from bot.slack.limits import HEADER_TEXT, SECTION_TEXT

MAX_URGENT = 15
MAX_LINES = 25


@dataclass(frozen=True)
class UrgentItem:
    mention_id: int
    platform: str
    kind: str
    categories: tuple[str, ...]
    author: str
    created_at: datetime
    permalink: str
    posted_to: str = ""  # channel or user id it went to overnight; "" = held until now


@dataclass(frozen=True)
class GapItem:
    edge: str  # e.g. "x:nsft:mentions"
    started_at: datetime
    ended_at: datetime | None  # None: still failing at opening
    pieces: int = 1  # stretches merged into this one outage (good polls came in between)


@dataclass(frozen=True)
class StormItem:
    """A pile-on folded into one alert overnight (bot/storm/fold.py)."""

    group_id: int
    platform: str
    account: str
    label: str  # what the posts share, e.g. "replies in one thread"
    count: int
    started_at: datetime


@dataclass(frozen=True)
class SignpostItem:
    mention_id: int
    platform: str
    status: str
    reason: str
    decided_at: datetime


@dataclass(frozen=True)
class DigestView:
    night_start: datetime
    opening: datetime
    total: int
    by_platform: dict[str, int] = field(default_factory=dict)
    by_kind: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)
    by_action: dict[str, int] = field(default_factory=dict)
    urgent: tuple[UrgentItem, ...] = ()
    gaps: tuple[GapItem, ...] = ()
    signposts: tuple[SignpostItem, ...] = ()
    storms: tuple[StormItem, ...] = ()
    held: int = 0
    paused: bool = False  # a hand pause is on at opening: held alerts wait for resume
    tz: ZoneInfo = LONDON


def _hm(dt: datetime, tz: ZoneInfo) -> str:
    return dt.astimezone(tz).strftime("%H:%M")


def _day_hm(dt: datetime, tz: ZoneInfo) -> str:
    return dt.astimezone(tz).strftime("%a %H:%M")


def gap_line(gap: GapItem, tz: ZoneInfo) -> str:
    """'X nsft mentions not polled 02:10–04:30' (unescaped: edge names are ours)."""
    platform, _, rest = gap.edge.partition(":")
    if platform == "feedwatch":  # the heartbeat (bot/runtime/heartbeat.py): the bot itself was down
        if gap.ended_at is None:
            return f"feedwatch silent since {_day_hm(gap.started_at, tz)}"
        return (f"feedwatch was not running {_day_hm(gap.started_at, tz)}–"
                f"{_hm(gap.ended_at, tz)}")
    name = f"{PLATFORM_NAMES.get(platform, platform)} {rest.replace(':', ' ')}".strip()
    if gap.ended_at is None:
        return f"{name} not polled since {_day_hm(gap.started_at, tz)} (still failing)"
    same_day = gap.started_at.astimezone(tz).date() == gap.ended_at.astimezone(tz).date()
    start = _hm(gap.started_at, tz) if same_day else _day_hm(gap.started_at, tz)
    if gap.pieces > 1:
        return (f"{name} polled only now and then {start}–{_hm(gap.ended_at, tz)} "
                f"({gap.pieces} gaps)")
    return f"{name} not polled {start}–{_hm(gap.ended_at, tz)}"


def _counts(title: str, counts: dict[str, int], names: dict[str, str] | None = None) -> str:
    if not counts:
        return f"*{title}:* none"
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    parts = [f"{safe((names or {}).get(k, k))} {v}" for k, v in ordered]
    return f"*{title}:* " + ", ".join(parts)


def _urgent_line(item: UrgentItem, tz: ZoneInfo) -> str:
    where = PLATFORM_NAMES.get(item.platform, item.platform)
    kind = KIND_NAMES.get(item.kind, item.kind)
    cats = ", ".join(item.categories) or "flagged"
    what = f"*{safe(cats)}* — {safe(where)} {safe(kind)} from {truncate(safe(item.author), 80)}"
    when = _day_hm(item.created_at, tz)
    original = f" · {link(item.permalink, 'original')}" if item.permalink else ""
    sent = (f" · sent overnight to <#{item.posted_to}>" if item.posted_to.startswith(("C", "G"))
            else " · sent overnight to the on-call person" if item.posted_to else " · held")
    return f"• {what} at {when}{original}{sent} · feedwatch #{item.mention_id}"


def build_digest(view: DigestView) -> dict[str, Any]:
    """One message: crisis and threats first, then counts, gaps and signposting."""
    tz = view.tz
    span = f"{_day_hm(view.night_start, tz)} – {_day_hm(view.opening, tz)}"
    blocks: list[Block] = [HeaderBlock(block_id="fw_digest_header",
                                       text=plain(f"Overnight digest: {span}", HEADER_TEXT))]
    if view.urgent:
        lines = [f"*Crisis and threats ({len(view.urgent)}):*"]
        lines += [_urgent_line(u, tz) for u in view.urgent[:MAX_URGENT]]
        if len(view.urgent) > MAX_URGENT:
            lines.append(f"… and {len(view.urgent) - MAX_URGENT} more")
        blocks.append(section(truncate("\n".join(lines), SECTION_TEXT), "fw_digest_urgent"))
    else:
        blocks.append(section("*Crisis and threats:* none overnight", "fw_digest_urgent"))
    counts = "\n".join([
        f"*Mentions overnight:* {view.total}",
        _counts("By platform", view.by_platform, PLATFORM_NAMES),
        _counts("By kind", view.by_kind, KIND_NAMES),
        _counts("By category", view.by_category),
        _counts("By suggested action", view.by_action),
    ])
    blocks.append(section(truncate(counts, SECTION_TEXT), "fw_digest_counts"))
    if view.storms:
        lines = ["*Pile-ons (storm mode):*"]
        for st in view.storms[:MAX_LINES]:
            platform = PLATFORM_NAMES.get(st.platform, st.platform)
            lines.append(f"• {st.count} {safe(st.label)} ({safe(platform)} {safe(st.account)}) "
                         f"since {_day_hm(st.started_at, tz)}: one alert, storm group "
                         f"{st.group_id}")
        blocks.append(section(truncate("\n".join(lines), SECTION_TEXT), "fw_digest_storms"))
    if view.gaps:
        lines = ["*Polling gaps:*"] + [f"• {safe(gap_line(g, tz))}" for g in view.gaps[:MAX_LINES]]
        blocks.append(section(truncate("\n".join(lines), SECTION_TEXT), "fw_digest_gaps"))
    if view.signposts:
        lines = ["*Crisis signposting overnight:*"]
        for sp in view.signposts[:MAX_LINES]:
            platform = PLATFORM_NAMES.get(sp.platform, sp.platform)
            lines.append(f"• feedwatch #{sp.mention_id} ({safe(platform)}, "
                         f"{_day_hm(sp.decided_at, tz)}): {safe(sp.status.replace('_', ' '))}"
                         + (f" — {truncate(safe(sp.reason), 200)}" if sp.reason else ""))
        blocks.append(section(truncate("\n".join(lines), SECTION_TEXT), "fw_digest_signposts"))
    blocks.append(DividerBlock())
    alerts = f"{view.held} held alert{'s' if view.held != 1 else ''}"
    verb = "s" if view.held == 1 else ""
    if not view.held:
        follow = "No held alerts to follow."
    elif view.paused:
        follow = f"{alerts} wait{verb} until the pause ends (`/feedwatch resume`)."
    else:
        follow = f"{alerts} follow{verb}: crisis and threats first, then oldest first."
    blocks.append(ContextBlock(block_id="fw_digest_follow", elements=[mrkdwn(follow)]))
    fallback = (f"Overnight digest: {view.total} mention{'s' if view.total != 1 else ''}, "
                f"{len(view.urgent)} crisis or threat, {view.held} held alerts follow")
    return {"text": fallback, "blocks": [b.to_dict() for b in blocks]}


def with_banner(message: dict[str, Any], banner: str) -> dict[str, Any]:
    """The message with a banner section under its header (and in the notification text)."""
    blocks = list(message.get("blocks") or [])
    at = 1 if blocks and blocks[0].get("type") == "header" else 0
    text = f":warning: *{safe(banner)}*"
    blocks.insert(at, section(truncate(text, SECTION_TEXT), "fw_banner").to_dict())
    fallback = truncate(f"[{safe(banner)}] {message.get('text', '')}", 3000)
    return {**message, "text": fallback, "blocks": blocks}
