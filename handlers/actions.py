"""Alert buttons. Each listener acks first, outside any try, then does its step's work.

Hide, Unhide, Mute and Claim act at once (Slack has already asked for confirmation where the
button is destructive); the others open a modal (handlers/modals.py takes the submission).
A step's work (`act`, `open_modal`) takes the step's action id, so the alert's overflow menus
(handlers/menus.py) reach the same work as the buttons do.
Every answer to the moderator is private. The work itself is in bot/ (bot/moderation/service.py,
bot/moderation/workflow.py, bot/moderation/modals.py): handlers never reach the platforms or the
store.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.core import moderation_actions as catalogue
from bot.moderation.service import FAILED, Actor, Outcome
from bot.slack import action_ids as A
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond
    from slack_sdk import WebClient

    from bot.runtime.services import Services

log = logging.getLogger(__name__)

SORRY = Outcome(FAILED, "Sorry, that did not work; the error is in feedwatch's log.")
NOT_A_MENTION = Outcome(FAILED, "That button does not name a mention.")
# From the one catalogue of actions: the buttons that act at once on the platform, the words
# each private answer starts with (naming the button it answers), and the buttons that open a
# modal. Claim acts at once too, in feedwatch rather than on the platform.
DIRECT = catalogue.DIRECT_BUTTONS
LABELS = catalogue.LABEL_OF_BUTTON
MODALS = catalogue.MODAL_BUTTONS
AT_ONCE: tuple[str, ...] = (*DIRECT, A.CLAIM)


def actor_of(body: dict[str, Any]) -> Actor:
    user = body.get("user") or {}
    return Actor(str(user.get("id") or ""), str(user.get("username") or user.get("name") or ""))


def mention_of(body: dict[str, Any]) -> int | None:
    action = (body.get("actions") or [{}])[0]
    value = str(action.get("value") or "")
    chosen = A.parse_option(str((action.get("selected_option") or {}).get("value") or ""))
    if chosen:
        value = chosen[1]
    return int(value) if value.isdigit() else None


def clicked(body: dict[str, Any]) -> str:
    """The action id of the button clicked."""
    return str(((body.get("actions") or [{}])[0]).get("action_id") or "")


def chosen_step(body: dict[str, Any]) -> str | None:
    """The action id a menu click chose, or None when the option names no step."""
    option = ((body.get("actions") or [{}])[0]).get("selected_option") or {}
    chosen = A.parse_option(str(option.get("value") or ""))
    return chosen[0] if chosen else None


def channel_of(body: dict[str, Any]) -> str:
    return str((body.get("channel") or {}).get("id")
               or (body.get("container") or {}).get("channel_id") or "")


def answer(respond: Respond, outcome: Outcome, label: str = "") -> None:
    text = f"*{label}*: {outcome.message}" if label else outcome.message
    try:
        respond(response_type="ephemeral", replace_original=False, text=text)
    except Exception:
        log.exception("could not answer the moderator")


def _perform(services: Services, step: str, mention_id: int, actor: Actor) -> Outcome:
    kit = services.moderation
    if step == A.CLAIM:
        return kit.workflow.claim(mention_id, actor)
    return kit.actions.perform(DIRECT[step], mention_id, actor)


def act(step: str, body: dict[str, Any], respond: Respond, client: WebClient,
        services: Services) -> None:
    """A step that acts at once (AT_ONCE), after the ack; the client is unused, so every step
    has one shape for the menus."""
    label = LABELS[step]
    mention_id = mention_of(body)
    if mention_id is None:
        answer(respond, NOT_A_MENTION, label)
        return
    try:
        outcome = _perform(services, step, mention_id, actor_of(body))
    except Exception:
        log.exception("%s on mention %d failed", label, mention_id)
        outcome = SORRY
    answer(respond, outcome, label)


def open_modal(step: str, body: dict[str, Any], respond: Respond, client: WebClient,
               services: Services) -> None:
    """A step that asks first (MODALS): opens its modal, or says privately why it cannot."""
    label = LABELS[step]
    mention_id = mention_of(body)
    if mention_id is None:
        answer(respond, NOT_A_MENTION, label)
        return
    try:
        view = services.moderation.modals.open(MODALS[step], mention_id, actor_of(body),
                                               channel_of(body))
        if isinstance(view, Outcome):
            answer(respond, view, label)
            return
        client.views_open(trigger_id=body.get("trigger_id") or "", view=view)
    except Exception:
        log.exception("%s: could not open the modal for mention %d", label, mention_id)
        answer(respond, SORRY, label)


def act_now(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient,
            services: Services) -> None:
    ack()
    act(clicked(body), body, respond, client, services)


def ask_first(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient,
              services: Services) -> None:
    ack()
    open_modal(clicked(body), body, respond, client, services)


def link_opened(ack: Ack) -> None:
    ack()  # Slack opens the URL itself; the click still has to be acked


def register(app: App, services: Services) -> None:
    provide_services(app, services)
    for action_id in AT_ONCE:
        app.action(action_id)(act_now)
    for action_id in MODALS:
        app.action(action_id)(ask_first)
    app.action(A.OPEN_ORIGINAL)(link_opened)
