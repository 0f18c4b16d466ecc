"""The people picker on an alert (Assign): one users_select, its block id naming the mention,
since a select's action carries the chosen person and no value of ours. It shows whoever
handles the alert now; a closed alert has none."""

from __future__ import annotations

import re

from slack_sdk.models.blocks import ActionsBlock, Block, PlainTextObject, UserSelectElement

from bot.slack import action_ids as A

SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,20}$")

BLOCK_PREFIX = "fw_assign:"


def assign_row(mention_db_id: int, holder: str | None, *, closed: bool) -> list[Block]:
    if closed:
        return []
    person = holder if holder and SLACK_USER.match(holder) else None
    picker = UserSelectElement(action_id=A.ASSIGN, initial_user=person,
                               placeholder=PlainTextObject(text="Assign to…"))
    return [ActionsBlock(block_id=f"{BLOCK_PREFIX}{mention_db_id}", elements=[picker])]


def mention_of_block(block_id: str) -> int | None:
    """'fw_assign:42' -> 42; anything else -> None."""
    rest = block_id[len(BLOCK_PREFIX):] if block_id.startswith(BLOCK_PREFIX) else ""
    return int(rest) if rest.isdigit() else None
