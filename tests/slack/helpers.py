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


def elements(message: dict[str, Any]) -> list[dict[str, Any]]:
    """Every interactive element: the actions rows, then any section accessory."""
    out = [el for b in message["blocks"] if b["type"] == "actions" for el in b["elements"]]
    return out + [b["accessory"] for b in message["blocks"] if "accessory" in b]


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [el for el in elements(message) if el["type"] == "button"]


def menu_options(message: dict[str, Any], menu: str) -> list[str]:
    """The action ids an overflow menu offers, in order."""
    return [o["value"].split("|")[0] for el in elements(message)
            if el["type"] == "overflow" and el["action_id"] == menu for o in el["options"]]


def action_ids(message: dict[str, Any]) -> list[str]:
    """Every step the alert offers: buttons first, then the menus' options, in order."""
    out: list[str] = []
    for el in elements(message):
        if el["type"] == "users_select":
            continue  # the Assign picker chooses a person; it is not a step on the post
        if el["type"] == "overflow":
            out += [o["value"].split("|")[0] for o in el["options"]]
        else:
            out.append(el["action_id"])
    return out
