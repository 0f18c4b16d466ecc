"""The people picker on an alert (Assign): ack first, then assign, answer privately.

bot/moderation/assign.py checks who may assign (and to whom), audits and updates the alert.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.moderation.assign import assign
from bot.slack import action_ids as A
from bot.slack.assign_blocks import mention_of_block
from handlers.actions import NOT_A_MENTION, SORRY, actor_of, answer
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond

    from bot.runtime.services import Services

log = logging.getLogger(__name__)
LABEL = "Assign"


def assign_selected(ack: Ack, body: dict[str, Any], respond: Respond,
                    services: Services) -> None:
    ack()
    action = (body.get("actions") or [{}])[0]
    mention_id = mention_of_block(str(action.get("block_id") or ""))
    if mention_id is None:
        answer(respond, NOT_A_MENTION, LABEL)
        return
    try:
        outcome = assign(services.moderation.actions, mention_id, actor_of(body),
                         str(action.get("selected_user") or ""))
    except Exception:
        log.exception("assign on mention %d failed", mention_id)
        outcome = SORRY
    answer(respond, outcome, LABEL)


def register(app: App, services: Services) -> None:
    provide_services(app, services)
    app.action(A.ASSIGN)(assign_selected)
