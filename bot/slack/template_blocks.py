"""`/feedwatch templates`: every reply template by its title, with the text people receive."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block, ContextBlock, HeaderBlock

from bot.slack.alert_parts import mrkdwn, section
from bot.slack.escape import safe, truncate
from bot.slack.limits import MAX_BLOCKS, SECTION_TEXT

NAME_SHOWN = "[their first name]"


def build_template_list(templates: list[tuple[str, str, str]]) -> dict[str, Any]:
    """(id, title, filled-in text) per template, in the policy's order."""
    blocks: list[Block] = [HeaderBlock(block_id="fw_templates", text="Reply templates")]
    room = MAX_BLOCKS - 2  # the header and the closing note
    for tid, title, text in templates[:room]:
        quoted = "\n".join(f"> {line}" for line in safe(text).split("\n"))
        body = f"*{truncate(safe(title), 200)}*\n{quoted}"
        blocks.append(section(truncate(body, SECTION_TEXT), f"fw_template.{tid}"[:255]))
    note = (f"{len(templates)} templates, from the policy file. {NAME_SHOWN} is filled in "
            "when you send one; you can edit the text before it goes.")
    if len(templates) > room:
        note += f" {len(templates) - room} more are not shown here."
    blocks.append(ContextBlock(block_id="fw_templates_note", elements=[mrkdwn(note)]))
    return {"text": f"{len(templates)} reply templates",
            "blocks": [b.to_dict() for b in blocks]}
