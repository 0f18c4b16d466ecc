"""The storm group's one alert (bot/storm/fold.py): how many, since when, what they are, the worst
examples, and the bulk actions with their progress. A pure builder, like the others.

Everything from a platform goes through `safe`/`link`/`plain`; personal information cannot be
among the posts (it is never folded), and the examples are masked all the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ConfirmObject,
    ContextBlock,
    HeaderBlock,
)

from bot.core.clock import LONDON
from bot.core.models import PLATFORM_NAMES
from bot.slack.alert_parts import mrkdwn, section
from bot.slack.escape import link, plain, safe, sanitize, truncate
from bot.slack.limits import HEADER_TEXT
from bot.store.closing import is_person

# Action ids of the group alert's buttons (handlers/storm.py listens for them).
STORM_HIDE = "fw.storm_hide"
STORM_LIST = "fw.storm_list"
EXAMPLE_CHARS = 400
CONFIRM_TEXT = 300  # Block Kit's limit for a confirmation dialog's text


@dataclass(frozen=True)
class StormExample:
    mention_id: int
    author: str  # unescaped label
    text: str  # unescaped, personal information already masked
    permalink: str
    severity: str  # word
    categories: tuple[str, ...]


@dataclass(frozen=True)
class HideProgress:
    by: str  # Slack user id
    at: datetime
    queued: int  # still waiting
    done: int
    failed: int
    limit: str  # the platform's limit in words, e.g. "X allows 50 hides per 15 minutes"
    next_batch: datetime | None  # when waiting posts can go next (None: now)


@dataclass(frozen=True)
class StormView:
    group_id: int
    platform: str
    account: str
    label: str
    started_at: datetime
    last_at: datetime
    count: int
    flagged: int  # members in a removal category, not hidden or queued yet
    categories: tuple[tuple[str, int], ...]
    examples: tuple[StormExample, ...]
    hide: HideProgress | None = None
    tz: ZoneInfo = LONDON


def _hhmm(dt: datetime, tz: ZoneInfo) -> str:
    return dt.astimezone(tz).strftime("%H:%M")


def _example(e: StormExample) -> str:
    who = truncate(safe(e.author), 120)
    where = link(e.permalink, "open") if e.permalink else ""
    cats = ", ".join(e.categories) or "no category"
    text = truncate(safe(" ".join(e.text.split())), EXAMPLE_CHARS)
    return f"*{safe(e.severity)}* ({safe(cats)}) · {who} {where}\n>{text}"


def progress_line(h: HideProgress, tz: ZoneInfo) -> str:
    total = h.queued + h.done + h.failed
    who = f"<@{h.by}>" if is_person(h.by) else truncate(safe(h.by), 64)
    line = (f"*Hiding the flagged posts* (asked by {who} at {_hhmm(h.at, tz)}): "
            f"{h.done} of {total} hidden")
    if h.failed:
        line += f", {h.failed} could not be (see each post's audit entry)"
    if h.queued:
        when = f"next batch about {_hhmm(h.next_batch, tz)}" if h.next_batch else "going now"
        line += f"; {h.queued} waiting: {safe(h.limit)}, {when}"
    else:
        line += ". Done."
    return line


def build_storm_alert(v: StormView) -> dict[str, Any]:
    platform = sanitize(PLATFORM_NAMES.get(v.platform, v.platform))
    title = sanitize(f"Storm: {v.count} {v.label} ({platform} {v.account})")
    blocks: list[Block] = [
        HeaderBlock(text=plain(title, HEADER_TEXT), block_id="fw_storm_title"),
        section(f"{v.count} posts since {_hhmm(v.started_at, v.tz)} (latest "
                f"{_hhmm(v.last_at, v.tz)}), folded into this one alert instead of one each. "
                "Crisis, threats, personal information, and posts that need an answer of "
                "their own (complaints, allegations) still get their own alerts.",
                "fw_storm_summary"),
    ]
    if v.categories:
        cats = ", ".join(f"{safe(c)} {n}" for c, n in v.categories)
        blocks.append(section(f"*Categories:* {cats}", "fw_storm_categories"))
    if v.examples:
        blocks.append(section("*Worst examples:*\n" + "\n".join(_example(e) for e in v.examples),
                              "fw_storm_examples"))
    if v.hide is not None:
        blocks.append(section(progress_line(v.hide, v.tz), "fw_storm_progress"))
    buttons = []
    if v.flagged and v.hide is None:
        buttons.append(ButtonElement(
            text=f"Hide all flagged ({v.flagged})", action_id=STORM_HIDE,
            value=str(v.group_id), style="danger",
            confirm=ConfirmObject(
                title="Hide every flagged post?",
                text=plain(f"{v.flagged} posts in this storm will be hidden, a few at a time "
                           f"within {platform}'s limits. Each author is told why first where "
                           f"{platform} allows it, and each hide is recorded with its evidence.",
                           CONFIRM_TEXT),
                confirm=f"Hide {v.flagged}", deny="Cancel", style="danger")))
    buttons.append(ButtonElement(text=f"List all {v.count}", action_id=STORM_LIST,
                                 value=str(v.group_id)))
    blocks.append(ActionsBlock(elements=buttons, block_id="fw_storm_actions"))
    blocks.append(ContextBlock(elements=[mrkdwn(
        f"Storm group {v.group_id}: every post is stored and classified as usual; "
        "*List all* gives each with its link.")]))
    return {"text": truncate(safe(title), 300), "blocks": [b.to_dict() for b in blocks]}
