"""Slack listeners: one module per interaction kind. Listeners are module-level functions
that take the services from Bolt's context (handlers/context.py); each module's
register(app, services) only wires them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers import (
    actions,
    assign,
    check_message,
    commands,
    home,
    menus,
    modals,
    replays,
    reveal,
    storm,
)

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime.services import Services


def register_all(app: App, services: Services) -> None:
    replays.register(app, services)  # first: a replayed request reaches no listener
    actions.register(app, services)
    menus.register(app, services)
    modals.register(app, services)
    commands.register(app, services)
    home.register(app, services)
    reveal.register(app, services)
    storm.register(app, services)
    assign.register(app, services)
    check_message.register(app, services)
