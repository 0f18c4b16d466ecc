"""The message shortcut "Check with feedwatch": ack first, then answer privately (in the
channel, only to the person who asked) with what the policy makes of the message's text.
Anyone in the workspace may ask: the answer shows only what they can already read."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.office.policy_check import check_text
from bot.slack import action_ids as A
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond

    from bot.runtime.services import Services

log = logging.getLogger(__name__)
SORRY = {"text": "Sorry, the check did not work; the error is in feedwatch's log."}


def check_message(ack: Ack, shortcut: dict[str, Any], respond: Respond,
                  services: Services) -> None:
    ack()
    try:
        message = check_text(services.policy, str((shortcut.get("message") or {}).get("text")
                                                  or ""))
    except Exception:
        log.exception("check with feedwatch failed")
        message = SORRY
    try:
        respond(response_type="ephemeral", replace_original=False, **message)
    except Exception:
        log.exception("check with feedwatch: could not answer")


def register(app: App, services: Services) -> None:
    provide_services(app, services)
    app.shortcut(A.CHECK_MESSAGE)(check_message)
