"""Slack listeners: one module per interaction kind, each with register(app, services)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers import actions, assign, check_message, commands, home, modals, replays, reveal, storm

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.runtime.services import Services


def register_all(app: App, services: Services) -> None:
    office = services.office  # one Office (hours, routing, pause, moderators) for everything
    replays.register(app, services)  # first: a replayed request reaches no listener
    steps = actions.register(app, services)
    modals.register(app, services)
    commands.register(app, services)
    home.register(app, services)
    reveal.register(app, services, office, steps)
    storm.register(app, services)
    assign.register(app, services)
    check_message.register(app, services)
