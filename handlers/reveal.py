"""The Reveal button on an alert with masked personal information: ack first, then answer
the moderator privately (bot/privacy/reveal.py checks who may see it and audits the reveal)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.privacy.reveal import reveal
from bot.slack import action_ids as A
from handlers.actions import mention_of
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond
    from slack_sdk import WebClient

    from bot.runtime.services import Services

log = logging.getLogger(__name__)


def show_hidden(step: str, body: dict[str, Any], respond: Respond, client: WebClient | None,
                services: Services) -> None:
    """After the ack, from the button or the alert's menu (the step and client are unused:
    every menu step has one shape)."""
    user = str((body.get("user") or {}).get("id") or "")
    mention_id = mention_of(body)
    if mention_id is None:
        message = {"text": "That button does not name a mention."}
    else:
        try:
            message = reveal(services.db, services.clock, services.permissions, mention_id,
                             user)
        except Exception:
            log.exception("reveal on mention %s failed", mention_id)
            message = {"text": "Sorry, that did not work; the error is in feedwatch's log."}
    try:
        respond(response_type="ephemeral", replace_original=False, **message)
    except Exception:
        log.exception("reveal: could not answer")


def reveal_pi(ack: Ack, body: dict[str, Any], respond: Respond, services: Services) -> None:
    ack()
    show_hidden(A.REVEAL_PI, body, respond, None, services)


def register(app: App, services: Services) -> None:
    provide_services(app, services)
    app.action(A.REVEAL_PI)(reveal_pi)
