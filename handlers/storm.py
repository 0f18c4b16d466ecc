"""The storm alert's buttons (bot/slack/storm_blocks.py). Each acks first, outside any try.

Hide all flagged: Slack has asked for the one confirmation; the work is queued in bot/
storm_hide.py and done within the platform's limits, its progress shown on the alert.
List all: every post of the group, privately, for moderators (audited, as a history lookup is):
the latest LIST_INLINE here, and the whole list as a CSV file in a direct message when there
are more.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.moderation.service import Actor
from bot.slack.escape import link, safe, truncate
from bot.slack.limits import SECTION_TEXT
from bot.slack.storm_blocks import STORM_HIDE, STORM_LIST
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond
    from slack_sdk import WebClient

    from bot.runtime.services import Services
    from bot.storm.groups import MemberLine

log = logging.getLogger(__name__)
LIST_INLINE = 40
SORRY = "Sorry, that did not work; the error is in feedwatch's log."


def group_of(body: dict[str, Any]) -> int | None:
    value = str(((body.get("actions") or [{}])[0]).get("value") or "")
    return int(value) if value.isdigit() else None


def actor_of(body: dict[str, Any]) -> Actor:
    user = body.get("user") or {}
    return Actor(str(user.get("id") or ""), str(user.get("username") or user.get("name") or ""))


def _who(m: MemberLine) -> str:
    label = truncate(m.author, 80)
    return link(m.permalink, label) if m.permalink else safe(label)


def listing(lines: list[MemberLine], total: int) -> list[dict[str, Any]]:
    """Sections of at most SECTION_TEXT characters, one line per post (newest last)."""
    rows = [f"• {_who(m)} · {safe(', '.join(m.categories) or 'no category')}"
            + (f" · hide {m.hide_state}" if m.hide_state else "") for m in lines]
    head = f"*{total} posts in this storm*" + (
        f" (the latest {len(lines)} here; all of them in the CSV sent to you)"
        if total > len(lines) else "")
    blocks, current = [], head
    for row in rows:
        if len(current) + 1 + len(row) > SECTION_TEXT - 10:
            blocks.append(current)
            current = row
        else:
            current += "\n" + row
    blocks.append(current)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": b, "verbatim": True}}
            for b in blocks]


def hide_all(ack: Ack, body: dict[str, Any], respond: Respond, services: Services) -> None:
    ack()
    group_id = group_of(body)
    try:
        text = ("That button does not name a storm group." if group_id is None
                else services.storm.request_hide(group_id, actor_of(body)))
    except Exception:
        log.exception("storm: hide all flagged failed")
        text = SORRY
    respond(response_type="ephemeral", replace_original=False,
            text=f"*Hide all flagged*: {text}")


def list_all(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient,
             services: Services) -> None:
    ack()
    group_id = group_of(body)
    if group_id is None:
        respond(response_type="ephemeral", replace_original=False,
                text="That button does not name a storm group.")
        return
    try:
        lines = services.storm.members_for(group_id, actor_of(body).id)
        if lines is None:
            respond(response_type="ephemeral", replace_original=False,
                    text="Sorry, only moderators can list a storm's posts. Ask a moderator.")
            return
        shown = lines[-LIST_INLINE:]
        respond(response_type="ephemeral", replace_original=False,
                text=f"{len(lines)} posts in storm group {group_id}",
                blocks=listing(shown, len(lines)))
        if len(lines) > len(shown):  # the whole list, in a direct message from feedwatch
            client.files_upload_v2(
                channels=[actor_of(body).id], file=services.storm.members_csv(group_id),
                filename=f"feedwatch-storm-{group_id}.csv",
                title=f"Every post of storm group {group_id}",
                initial_comment=f"All {len(lines)} posts of storm group {group_id}.",
                request_file_info=False)
    except Exception:
        log.exception("storm: list all failed for group %s", group_id)
        respond(response_type="ephemeral", replace_original=False, text=SORRY)


def register(app: App, services: Services) -> None:
    provide_services(app, services)
    app.action(STORM_HIDE)(hide_all)
    app.action(STORM_LIST)(list_all)
