"""Slack messages for feedwatch, built by pure functions from slack_sdk's Block Kit models.

`build_mention_alert` makes the alert for one mention in any state (new, claimed, hidden,
closed); handlers call it again after every action and `chat.update` the message in place.
Builders do no I/O and read no clock: every time comes in on the Mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import Block, ContextBlock, DividerBlock, HeaderBlock

from bot.core.clock import LONDON, format_local
from bot.core.models import Mention
from bot.slack.admin_blocks import build_admin_alert
from bot.slack.alert_parts import (
    author_label,
    flags_section,
    kind_name,
    links_section,
    media_blocks,
    meta_section,
    mrkdwn,
    platform_name,
    suggestion_section,
    text_section,
)
from bot.slack.assign_blocks import assign_row
from bot.slack.buttons import action_rows
from bot.slack.escape import clean_url, link, plain, safe, truncate
from bot.slack.limits import HEADER_TEXT, validate_blocks
from bot.slack.masking import mask_spans, pi_flags
from policy.categories import CRISIS
from policy.decision import Decision

__all__ = ["AlertView", "build_admin_alert", "build_mention_alert", "validate_blocks"]

FALLBACK_TEXT = 300
_SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")


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


def build_mention_alert(view: AlertView) -> dict[str, Any]:
    """The alert message: {"text": fallback, "blocks": [...]}, within Block Kit limits."""
    mention, decision = view.mention, view.decision
    shown_text, hidden_pi = mask_spans(mention.text, decision.flags)
    # Offer Reveal whenever something was held back, in the text or in a flag's evidence.
    masked = bool(hidden_pi) or bool(pi_flags(decision.flags))
    original = clean_url(mention.permalink)

    blocks: list[Block] = [HeaderBlock(block_id="fw_header", text=_header(view))]
    status = _status_line(view)
    if status:
        blocks.append(ContextBlock(block_id="fw_status", elements=[mrkdwn(status)]))
    blocks.append(meta_section(mention, format_local(mention.created_at, view.tz)))
    blocks.append(text_section(shown_text, mention))
    blocks.extend(media_blocks(mention))
    links = links_section(mention)
    if links:
        blocks.append(links)
    blocks.append(ContextBlock(block_id="fw_source", elements=[mrkdwn(_source_line(view))]))
    blocks.append(DividerBlock())
    blocks.append(flags_section(decision, hidden_pi))
    blocks.append(suggestion_section(decision))
    blocks.extend(
        action_rows(
            mention,
            view.mention_db_id,
            hidden=view.hidden,
            closed=view.closed,
            masked=masked,
            original_url=original,
            crisis=CRISIS in decision.categories,
            unavailable=view.unavailable,
        )
    )
    blocks.extend(assign_row(view.mention_db_id, view.claimed_by, closed=view.closed))
    return {"text": _fallback(view), "blocks": [b.to_dict() for b in blocks]}


def _header(view: AlertView) -> str:
    mention = view.mention
    parts = [f"{platform_name(mention)} {kind_name(mention)}", mention.account]
    if view.decision.flags:
        parts.append(view.decision.max_severity.name)
    return plain(" · ".join(p for p in parts if p), HEADER_TEXT)


def _claimant(claimed_by: str) -> str:
    if _SLACK_USER_ID.match(claimed_by):
        return f"<@{claimed_by}>"
    return truncate(safe(claimed_by), 100)


def _status_line(view: AlertView) -> str:
    parts = []
    if view.state_line:
        parts.append(truncate(safe(view.state_line), 1000))
    if view.claimed_by:
        parts.append(f"{'Assigned to' if view.assigned else 'Claimed by'} "
                     f"{_claimant(view.claimed_by)}")
    if view.hidden:
        parts.append(f"Hidden on {safe(platform_name(view.mention))}")
    if view.closed:
        parts.append("Closed")
    return " · ".join(parts)


def _source_line(view: AlertView) -> str:
    mention = view.mention
    parts = []
    if clean_url(mention.permalink):
        # link() escapes the label.
        parts.append(link(mention.permalink, f"Open the original on {platform_name(mention)}"))
    if view.decision.policy_version:
        parts.append(f"Policy {truncate(safe(view.decision.policy_version), 50)}")
    parts.append(f"feedwatch #{view.mention_db_id}")
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
            worst.setdefault(flag.category, flag.severity.word)
        shown = [f"{c} ({s})" for c, s in list(worst.items())[:5]]
        text += " — flags: " + ", ".join(shown) + (" …" if len(worst) > 5 else "")
    else:
        text += " — no flags"
    if view.state_line:
        text += f" — {view.state_line}"
    return truncate(" ".join(safe(text).split()), FALLBACK_TEXT)
