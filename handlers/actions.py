"""Alert buttons: one listener per action id. Each acks first, outside any try, then works.

Hide, Unhide, Mute and Claim act at once (Slack has already asked for confirmation where the
button is destructive); the others open a modal (handlers/modals.py takes the submission).
The alert's overflow menus (action_ids.MENUS) name the chosen step in the option's value; one
listener per menu acks, then hands the click to that step's own work, so a step behaves the
same from a button and from a menu.
Every answer to the moderator is private. The work itself is in bot/ (bot/moderation/service.py,
bot/moderation/workflow.py, bot/moderation/modals.py): handlers never reach the platforms or the
store.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.core import moderation_actions as catalogue
from bot.moderation.service import FAILED, Actor, Outcome
from bot.slack import action_ids as A

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond
    from slack_sdk import WebClient

    from bot.runtime.services import Services

log = logging.getLogger(__name__)

SORRY = Outcome(FAILED, "Sorry, that did not work; the error is in feedwatch's log.")
NOT_A_MENTION = Outcome(FAILED, "That button does not name a mention.")
# From the one catalogue of actions: the buttons that act at once, the words each private
# answer starts with (naming the button it answers), and the buttons that open a modal.
DIRECT = catalogue.DIRECT_BUTTONS
LABELS = catalogue.LABEL_OF_BUTTON
MODALS = catalogue.MODAL_BUTTONS


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


Work = Callable[[dict[str, Any], "Respond", "WebClient"], None]


def register(app: App, services: Services) -> dict[str, Work]:
    """Registers every alert step; returns the steps the menus reach, for other modules to add
    theirs (handlers/reveal.py adds Reveal)."""
    kit = services.moderation

    def direct(action_id: str, run: Callable[[int, Actor], Outcome]) -> Work:
        label = LABELS[action_id]

        def work(body: dict[str, Any], respond: Respond, client: WebClient) -> None:
            mention_id = mention_of(body)
            if mention_id is None:
                answer(respond, NOT_A_MENTION, label)
                return
            try:
                outcome = run(mention_id, actor_of(body))
            except Exception:
                log.exception("%s on mention %d failed", label, mention_id)
                outcome = SORRY
            answer(respond, outcome, label)

        return work

    def modal(action_id: str, action: str) -> Work:
        label = LABELS[action_id]

        def work(body: dict[str, Any], respond: Respond, client: WebClient) -> None:
            mention_id = mention_of(body)
            if mention_id is None:
                answer(respond, NOT_A_MENTION, label)
                return
            try:
                view = kit.modals.open(action, mention_id, actor_of(body), channel_of(body))
                if isinstance(view, Outcome):
                    answer(respond, view, label)
                    return
                client.views_open(trigger_id=body.get("trigger_id") or "", view=view)
            except Exception:
                log.exception("%s: could not open the modal for mention %d", label, mention_id)
                answer(respond, SORRY, label)

        return work

    steps: dict[str, Work] = {}
    for action_id, action in DIRECT.items():
        steps[action_id] = direct(action_id, lambda mid, who, a=action: kit.actions.perform(
            a, mid, who))
    steps[A.CLAIM] = direct(A.CLAIM, kit.workflow.claim)
    for action_id, action in MODALS.items():
        steps[action_id] = modal(action_id, action)

    def acked(work: Work) -> Callable[..., None]:
        def listener(ack: Ack, body: dict[str, Any], respond: Respond,
                     client: WebClient) -> None:
            ack()
            work(body, respond, client)

        return listener

    for action_id, work in steps.items():
        app.action(action_id)(acked(work))

    def menu(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient) -> None:
        ack()
        step = chosen_step(body)
        work = steps.get(step or "")
        if work is None:
            answer(respond, Outcome(FAILED, "That menu choice is not a step feedwatch knows."))
            return
        work(body, respond, client)

    for menu_id in A.MENUS:
        app.action(menu_id)(menu)

    @app.action(A.OPEN_ORIGINAL)
    def link_opened(ack: Ack) -> None:
        ack()  # Slack opens the URL itself; the click still has to be acked

    return steps
