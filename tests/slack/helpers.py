"""Read the parts of a built message that tests assert on."""

from __future__ import annotations

import re
from typing import Any

# In our mrkdwn, a `<` may only open one of our links or a claimant mention; anything else means
# untrusted text reached Slack unescaped.
UNSAFE_ANGLE = re.compile(r"<(?!https?://|@[UW][A-Z0-9]{2,20}>)")


def texts(message: dict[str, Any]) -> list[str]:
    """Every mrkdwn string Slack will parse, including the top-level fallback."""
    out = [message["text"]]
    for block in message["blocks"]:
        if block.get("text", {}).get("type") == "mrkdwn":
            out.append(block["text"]["text"])
        for el in block.get("elements", []):
            if el.get("type") == "mrkdwn":
                out.append(el["text"])
    return out


def block(message: dict[str, Any], block_id: str) -> dict[str, Any]:
    return next(b for b in message["blocks"] if b.get("block_id") == block_id)


def section_text(message: dict[str, Any], block_id: str) -> str:
    return block(message, block_id)["text"]["text"]


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [el for b in message["blocks"] if b["type"] == "actions" for el in b["elements"]
            if el.get("type") == "button"]


def action_ids(message: dict[str, Any]) -> list[str]:
    return [el["action_id"] for el in buttons(message)]
