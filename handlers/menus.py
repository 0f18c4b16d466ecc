"""The alert's overflow menus (action_ids.MENUS). An option's value names the step chosen; the
listener acks, then hands the click to that step's own work, so a step behaves the same from a
button and from a menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.moderation.service import FAILED, Outcome
from bot.slack import action_ids as A
from handlers import actions, reveal
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import Ack, App, Respond
    from slack_sdk import WebClient

    from bot.runtime.services import Services

Step = Callable[[str, dict[str, Any], "Respond", "WebClient", "Services"], None]

# Every step a menu may offer, by its button's action id.
STEPS: dict[str, Step] = {
    **dict.fromkeys(actions.AT_ONCE, actions.act),
    **dict.fromkeys(actions.MODALS, actions.open_modal),
    A.REVEAL_PI: reveal.show_hidden,
}
UNKNOWN = Outcome(FAILED, "That menu choice is not a step feedwatch knows.")


def menu_chosen(ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient,
                services: Services) -> None:
    ack()
    step = actions.chosen_step(body) or ""
    work = STEPS.get(step)
    if work is None:
        actions.answer(respond, UNKNOWN)
        return
    work(step, body, respond, client, services)


def register(app: App, services: Services) -> None:
    provide_services(app, services)
    for menu_id in A.MENUS:
        app.action(menu_id)(menu_chosen)
