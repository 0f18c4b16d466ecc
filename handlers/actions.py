"""Alert buttons. Ack first, outside any try; then the work.

The moderation service (hide, delete, block, report, reply, escalate...) arrives with the
moderation feature; until then a button says so plainly instead of pretending.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.slack import action_ids

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond

    from bot.services import Services

log = logging.getLogger(__name__)

LABELS = {
    action_ids.HIDE: "Hide", action_ids.UNHIDE: "Unhide", action_ids.DELETE: "Delete",
    action_ids.BLOCK: "Block", action_ids.MUTE: "Mute", action_ids.REPORT: "Report",
    action_ids.REPLY: "Reply", action_ids.PRIVATE_MESSAGE: "Private message",
    action_ids.ESCALATE: "Escalate", action_ids.CLAIM: "Claim",
    action_ids.NO_ACTION: "No action", action_ids.FLAG_WRONG: "Flag is wrong",
    action_ids.REVEAL_PI: "Reveal",
}


def register(app: App, services: Services) -> None:
    def not_yet(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        action = (body.get("actions") or [{}])[0]
        action_id = action.get("action_id", "")
        user = (body.get("user") or {}).get("id", "?")
        log.info("button %s pressed by %s on alert value=%s", action_id, user,
                 action.get("value", "")[:40])
        try:
            respond(
                response_type="ephemeral",
                replace_original=False,
                text=f"*{LABELS.get(action_id, action_id)}* cannot be done from Slack in this "
                "version of feedwatch yet. Use the link to the original post to act on the "
                "platform itself.",
            )
        except Exception:
            log.exception("could not answer button %s", action_id)

    def link_opened(ack: Ack) -> None:
        ack()  # Slack opens the URL itself; the click still has to be acknowledged

    for action_id in action_ids.ALL:
        if action_id == action_ids.OPEN_ORIGINAL:
            app.action(action_id)(link_opened)
        elif action_id != action_ids.REVEAL_PI:  # handlers/reveal.py answers Reveal
            app.action(action_id)(not_yet)
