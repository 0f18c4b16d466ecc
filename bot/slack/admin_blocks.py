"""Admin alerts: problems with feedwatch itself (expired token, X polling gap, Slack refusing).

The body often carries a platform's own error message, so it is escaped like any post text.
Admin alerts are never held out of hours, so they say plainly what to do next.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block, ContextBlock, HeaderBlock

from bot.slack.alert_parts import mrkdwn, section
from bot.slack.escape import plain, safe, truncate
from bot.slack.limits import HEADER_TEXT, SECTION_TEXT

FALLBACK_TEXT = 300


def build_admin_alert(title: str, body: str, fix: str | None = None) -> dict[str, Any]:
    """An admin alert message: {"text": fallback, "blocks": [...]}, every part escaped."""
    blocks: list[Block] = [
        HeaderBlock(block_id="fw_admin_header", text=plain(f"feedwatch admin: {title}",
                                                           HEADER_TEXT)),
        section(truncate(safe(body).strip(), SECTION_TEXT) or "(no details)", "fw_admin_body"),
    ]
    if fix and fix.strip():
        label = "*What to do:* "
        text = label + truncate(safe(fix).strip(), SECTION_TEXT - len(label))
        blocks.append(section(text, "fw_admin_fix"))
    blocks.append(
        ContextBlock(
            block_id="fw_admin_context",
            elements=[mrkdwn("Admin alert from feedwatch about its own health, not a mention.")],
        )
    )
    fallback = truncate(" ".join(safe(f"feedwatch admin alert: {title}").split()), FALLBACK_TEXT)
    return {"text": fallback, "blocks": [b.to_dict() for b in blocks]}
