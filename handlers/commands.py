"""The /feedwatch slash command. Ack first, outside any try; answers are ephemeral.

The answers themselves live in bot/office/slash_replies.py (handlers never touch the store
directly);
moderators-only subcommands are checked and audited there.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.office.policy_check import check_text
from bot.office.slash_replies import answer
from bot.office.template_reply import template_list
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond

    from bot.runtime.services import Services

log = logging.getLogger(__name__)
COMMAND = "/feedwatch"


def split(text: str) -> tuple[str, str]:
    """'/feedwatch stats week' -> ('stats', 'week'); empty -> ('help', '')."""
    sub, _, rest = (text or "").strip().partition(" ")
    return (sub.lower() or "help"), rest.strip()


def feedwatch(ack: Ack, command: dict[str, Any], respond: Respond, services: Services) -> None:
    """/feedwatch SUBCOMMAND: ack first, then answer privately."""
    ack()
    sub, args = split(command.get("text") or "")
    user = str(command.get("user_id") or "")
    try:
        # The check needs the policy, not the office.
        if sub == "check":
            message = check_text(services.policy, args)
        elif sub == "templates":
            message = template_list(services.policy.engine.policy)
        else:
            message = answer(services.replies, sub, args, user)
    except Exception:
        log.exception("/feedwatch %s failed", sub)
        message = {"text": "Sorry, that did not work; the error is in feedwatch's log."}
    try:
        respond(response_type="ephemeral", replace_original=False, **message)
    except Exception:
        log.exception("/feedwatch %s: could not send the answer", sub)


def register(app: App, services: Services) -> None:
    provide_services(app, services)
    app.command(COMMAND)(feedwatch)
