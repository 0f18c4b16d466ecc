"""The Reveal button on an alert with masked personal information: ack first, then answer
the moderator privately (bot/privacy/reveal.py checks who may see it and audits the reveal)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.privacy.reveal import reveal
from bot.slack import action_ids
from handlers.actions import Work, mention_of

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond
    from slack_sdk import WebClient

    from bot.office.desk import Office
    from bot.runtime.services import Services

log = logging.getLogger(__name__)


def register(app: App, services: Services, office: Office,
             steps: dict[str, Work] | None = None) -> None:
    def work(body: dict[str, Any], respond: Respond, client: WebClient | None = None) -> None:
        user = str((body.get("user") or {}).get("id") or "")
        mention_id = mention_of(body)
        try:
            message = reveal(office, mention_id, user) if mention_id is not None else {
                "text": "That button does not name a mention."}
        except Exception:
            log.exception("reveal on mention %s failed", mention_id)
            message = {"text": "Sorry, that did not work; the error is in feedwatch's log."}
        try:
            respond(response_type="ephemeral", replace_original=False, **message)
        except Exception:
            log.exception("reveal: could not answer")

    # The alert's menu offers Reveal too: a menu click reaches this same work.
    if steps is not None:
        steps[action_ids.REVEAL_PI] = work

    @app.action(action_ids.REVEAL_PI)
    def reveal_pi(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        work(body, respond)
