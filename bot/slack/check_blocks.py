"""The private answer to "Check with feedwatch" (a message shortcut) and `/feedwatch check`:
what the trust's policy makes of a text, in words. Pure: decision in, message out.

The text itself is not repeated (the person has it in front of them), and no flag's evidence
is quoted, so personal details the policy found are not echoed back into Slack.
"""

from __future__ import annotations

import html
import re
from typing import Any

from slack_sdk.models.blocks import Block, ContextBlock, SectionBlock

from bot.slack.alert_parts import mrkdwn, section
from bot.slack.escape import safe, truncate
from policy.categories import (
    ACTION_ESCALATE,
    ACTION_HIDE,
    ACTION_LEAD_DECISION,
    ACTION_NONE,
    ACTION_REPLY,
    ACTION_REPORT,
    CRISIS,
)
from policy.decision import Decision

# Slack's own markup in a message's text: <@U123>, <#C123|name>, <https://…|label>, <!here>.
_SLACK_REF = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
CRISIS_NOTE = ("A person in crisis gets help, not moderation: answer with crisis "
               "signposting; never hide, remove or report it.")


def plain_from_slack(text: str) -> str:
    """A Slack message's text as its author wrote it: links and mentions as their labels,
    Slack's &amp; &lt; &gt; decoded, so the policy reads words and not markup."""
    def label(m: re.Match[str]) -> str:
        target, shown = m.group(1), m.group(2)
        if shown:
            return shown
        if target.startswith("!"):
            return "@" + target[1:].split("^")[0]
        return target
    return html.unescape(_SLACK_REF.sub(label, text or ""))


def build_check_answer(decision: Decision, titles: dict[str, str]) -> dict[str, Any]:
    """{"text", "blocks"}: the categories in words with why, then the suggested action."""
    if not decision.flags:
        head = "feedwatch's check: no flags. Nothing in the trust's policy applies to this text."
        return {"text": head, "blocks": [section(f"*{safe(head)}*", "fw_check_head").to_dict()]}
    names = [titles.get(c, c) for c in decision.categories]
    head = "feedwatch's check: " + ", ".join(names)
    lines = []
    seen: set[str] = set()
    for flag in sorted(decision.flags, key=lambda f: -f.severity):
        if flag.category in seen:
            continue
        seen.add(flag.category)
        why = f" — {truncate(safe(flag.explanation), 300)}" if flag.explanation else ""
        lines.append(f"• *{safe(titles.get(flag.category, flag.category))}* "
                     f"({flag.severity.word}){why}")
    blocks: list[Block] = [section(f"*{truncate(safe(head), 2800)}*", "fw_check_head"),
                           section("\n".join(lines), "fw_check_flags")]
    if CRISIS in decision.categories:
        blocks.append(section(f":warning: {CRISIS_NOTE}", "fw_check_crisis"))
    blocks.append(suggestion_section(decision))
    if decision.policy_version:
        blocks.append(ContextBlock(block_id="fw_check_details", elements=[mrkdwn(
            f"Details: policy {truncate(safe(decision.policy_version), 50)}. "
            "Only you can see this answer.")]))
    return {"text": truncate(head, 300), "blocks": [b.to_dict() for b in blocks]}


_ACTION_WORDS = {
    ACTION_NONE: "no action needed",
    ACTION_HIDE: "hide",
    ACTION_REPORT: "report",
    ACTION_REPLY: "reply",
    ACTION_ESCALATE: "escalate",
    ACTION_LEAD_DECISION: "a lead decides",
}


def suggestion_section(decision: Decision) -> SectionBlock:
    """What the policy would suggest, in words, for a text someone asked about."""
    action = _ACTION_WORDS.get(decision.action, decision.action)
    if decision.action == ACTION_REPLY and decision.template:
        action += f" with the template “{decision.template}”"
    if decision.action == ACTION_ESCALATE and decision.escalate_to:
        action += f" to {decision.escalate_to}"
    text = f"*Suggested action:* {safe(action)}"
    if decision.explanation:
        text += f" — {truncate(safe(decision.explanation), 1000)}"
    return section(text, "fw_suggestion")
