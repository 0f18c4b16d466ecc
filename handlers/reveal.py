"""The Reveal button on an alert with masked personal information: ack first, then answer
the moderator privately (bot/privacy/reveal.py checks who may see it and audits the reveal)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.privacy.reveal import reveal
from bot.slack import action_ids

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond

    from bot.office.desk import Office
    from bot.runtime.services import Services

log = logging.getLogger(__name__)


def register(app: App, services: Services, office: Office) -> None:
    @app.action(action_ids.REVEAL_PI)
    def reveal_pi(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        user = str((body.get("user") or {}).get("id") or "")
        value = str(((body.get("actions") or [{}])[0]).get("value") or "")
        try:
            message = reveal(office, int(value), user) if value.isdigit() else {
                "text": "That button does not name a mention."}
        except Exception:
            log.exception("reveal on mention %s failed", value[:20])
            message = {"text": "Sorry, that did not work; the error is in feedwatch's log."}
        try:
            respond(response_type="ephemeral", replace_original=False, **message)
        except Exception:
            log.exception("reveal: could not answer")
