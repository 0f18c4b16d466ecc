"""Slack messages for feedwatch, built by pure functions from slack_sdk's Block Kit models.

`build_mention_alert` makes the alert for one mention in any state (new, claimed, hidden,
closed); handlers call it again after every action and `chat.update` the message in place.
An open alert reads: a headline in plain words, who wrote what (cut), the post it answers, the
flags in words, one row of buttons, and a Details line. A handled alert collapses to two lines,
so the channel reads as a queue. Builders do no I/O and read no clock: every time comes in on
the Mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block, ContextBlock, HeaderBlock, SectionBlock

from bot.core.clock import LONDON, format_local
from bot.core.models import Mention
from bot.slack.admin_blocks import build_admin_alert
from bot.slack.alert_parts import (
    author_label,
    details_line,
    flags_section,
    kind_name,
    links_section,
    media_blocks,
    mrkdwn,
    platform_name,
    post_section,
    section,
    thread_line,
)
from bot.slack.alert_words import CRISIS_TODO, LEAD_TODO, category_words, headline
from bot.slack.assign_blocks import assign_row
from bot.slack.buttons import action_rows, can_hide, closed_menu
from bot.slack.escape import clean_url, link, plain, safe, truncate
from bot.slack.limits import HEADER_TEXT, validate_blocks
from bot.slack.masking import mask_spans, pi_flags
from policy.categories import ACTION_LEAD_DECISION, CRISIS
from policy.decision import Decision

__all__ = ["AlertView", "build_admin_alert", "build_mention_alert", "validate_blocks"]

FALLBACK_TEXT = 300
_SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")
_SLACK_SUBTEAM_ID = re.compile(r"^S[A-Z0-9]{2,20}$")
COLLAPSED_TEXT = 100  # characters of the post on a handled alert's second line


@dataclass(frozen=True)
class AlertView:
    """Everything one alert shows. Values on buttons carry `mention_db_id`, never the text."""

    mention: Mention
    decision: Decision
    mention_db_id: int
    tz: ZoneInfo = LONDON
    state_line: str | None = None  # plain text, e.g. "Hidden on Facebook by Sam at 10:32"
    claimed_by: str | None = None  # a Slack user id (shown as a mention) or a name
    assigned: bool = False  # claimed_by was given it by a colleague, not claimed it
    hidden: bool = False
    closed: bool = False
    # Platform actions ("block") this account's API access does not allow: not offered.
    unavailable: frozenset[str] = frozenset()
    # Who is pinged on a crisis alert: a Slack user id (U…/W…) or user group id (S…).
    crisis_ping: str | None = None
    # Categories the policy found but chose not to flag here; named in the Details line only.
    suppressed: tuple[str, ...] = ()


def suppressed_of(decision: Decision) -> tuple[str, ...]:
    """The categories the policy found but chose not to flag (a `suppressed` field on the
    Decision, where the policy provides one): named only in the Details line."""
    found = getattr(decision, "suppressed", ()) or ()
    return tuple(str(c) for c in found)


def ping(target: str | None) -> str:
    """Slack's mention syntax for a user or a user group id; '' for anything else."""
    if not target:
        return ""
    if _SLACK_USER_ID.match(target):
        return f"<@{target}>"
    if _SLACK_SUBTEAM_ID.match(target):
        return f"<!subteam^{target}>"
    return ""


def build_mention_alert(view: AlertView) -> dict[str, Any]:
    """The alert message: {"text": fallback, "blocks": [...]}, within Block Kit limits."""
    mention, decision = view.mention, view.decision
    shown_text, hidden_pi = mask_spans(mention.text, decision.flags)
    # Offer Reveal whenever something was held back, in the text or in a flag's evidence.
    masked = bool(hidden_pi) or bool(pi_flags(decision.flags))
    blocks = (_collapsed(view, shown_text, masked) if view.closed
              else _open(view, shown_text, hidden_pi, masked))
    return {"text": _fallback(view), "blocks": [b.to_dict() for b in blocks]}


def is_crisis(view: AlertView) -> bool:
    return CRISIS in view.decision.categories


def _open(view: AlertView, shown_text: str, hidden_pi: list[str], masked: bool) -> list[Block]:
    mention, decision = view.mention, view.decision
    crisis = is_crisis(view)
    primary = decision.categories[0] if decision.categories else None
    title = headline(decision, CRISIS if crisis else primary,
                     hide_possible=can_hide(mention))
    blocks: list[Block] = [HeaderBlock(block_id="fw_header", text=plain(title, HEADER_TEXT))]
    todo = _todo(view)
    if todo:
        blocks.append(section(todo, "fw_todo"))
    status = _status_line(view)
    if status:
        blocks.append(ContextBlock(block_id="fw_status", elements=[mrkdwn(status)]))
    blocks.append(post_section(shown_text, mention, format_local(mention.created_at, view.tz)))
    thread = thread_line(mention)
    if thread:
        blocks.append(ContextBlock(block_id="fw_thread", elements=[mrkdwn(thread)]))
    blocks.extend(media_blocks(mention))
    links = links_section(mention)
    if links:
        blocks.append(links)
    flags = flags_section(decision, hidden_pi)
    if flags:
        blocks.append(flags)
    blocks.extend(action_rows(mention, decision, view.mention_db_id, hidden=view.hidden,
                              closed=False, masked=masked, crisis=crisis,
                              unavailable=view.unavailable))
    blocks.extend(assign_row(view.mention_db_id, view.claimed_by, closed=view.closed))
    blocks.append(ContextBlock(block_id="fw_details", elements=[mrkdwn(_details(view))]))
    return blocks


def _collapsed(view: AlertView, shown_text: str, masked: bool) -> list[Block]:
    """Two lines: what was done, by whom, when; then whose post it was, cut to one line."""
    mention = view.mention
    done = truncate(safe(view.state_line), 1000) if view.state_line else "Closed"
    menu = closed_menu(mention, view.decision, view.mention_db_id, hidden=view.hidden,
                       masked=masked)
    first = SectionBlock(block_id="fw_done", text=mrkdwn(f"✓ *Done* — {done}"), accessory=menu)
    who = truncate(safe(author_label(mention.author)), 100)
    text = truncate(safe(" ".join(shown_text.split())), COLLAPSED_TEXT) or "(no text)"
    parts = [f"{safe(platform_name(mention))} {safe(kind_name(mention))} from {who}: “{text}”"]
    if clean_url(mention.permalink):
        parts.append(link(mention.permalink, f"Open on {platform_name(mention)}"))
    parts.append(f"feedwatch #{view.mention_db_id}")
    second = ContextBlock(block_id="fw_summary", elements=[mrkdwn(" · ".join(parts))])
    return [first, second]


def _todo(view: AlertView) -> str:
    if is_crisis(view):
        who = ping(view.crisis_ping)
        return CRISIS_TODO + (f" {who}, please look now." if who else "")
    decision = view.decision
    if decision.report_suggested or decision.action == ACTION_LEAD_DECISION:
        return LEAD_TODO
    return ""


def _details(view: AlertView) -> str:
    return details_line(view.decision, view.mention_db_id, view.suppressed)


def _claimant(claimed_by: str) -> str:
    if _SLACK_USER_ID.match(claimed_by):
        return f"<@{claimed_by}>"
    return truncate(safe(claimed_by), 100)


def _needs_lead(decision: Decision) -> bool:
    return decision.report_suggested or decision.action == ACTION_LEAD_DECISION


def _status_line(view: AlertView) -> str:
    """The alert's state, visible at a glance: ⏳ Claimed by, ⚠ Needs a lead, Assigned to."""
    parts = []
    if view.claimed_by:
        holder = "Assigned to" if view.assigned else "Claimed by"
        parts.append(f"⏳ {holder} {_claimant(view.claimed_by)}")
    elif _needs_lead(view.decision):
        parts.append("⚠ Needs a lead")
    if view.state_line:
        parts.append(truncate(safe(view.state_line), 1000))
    if view.hidden:
        parts.append(f"Hidden on {safe(platform_name(view.mention))}")
    return " · ".join(parts)


def _fallback(view: AlertView) -> str:
    """Notification text: who, what, which flags; never the post text (privacy, pings)."""
    mention, decision = view.mention, view.decision
    fresh = not (view.state_line or view.claimed_by or view.hidden or view.closed)
    who = truncate(author_label(mention.author), 60)
    text = f"{'New ' if fresh else ''}{platform_name(mention)} {kind_name(mention)} from {who}"
    if decision.flags:
        worst: dict[str, str] = {}
        for flag in sorted(decision.flags, key=lambda f: -f.severity):
            worst.setdefault(category_words(flag.category), flag.severity.word)
        shown = [f"{c} ({s})" for c, s in list(worst.items())[:5]]
        text += " — flags: " + ", ".join(shown) + (" …" if len(worst) > 5 else "")
    else:
        text += " — no flags"
    if view.state_line:
        text += f" — {view.state_line}"
    text = truncate(" ".join(safe(text).split()), FALLBACK_TEXT)
    paged = ping(view.crisis_ping) if is_crisis(view) and not view.closed else ""
    # The ping goes in the notification text too: that is what Slack notifies from.
    return f"Possible crisis {paged}: {text}" if paged else text
