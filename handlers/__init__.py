"""Slack listeners: one module per interaction kind, each with register(app, services)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.office import build_office
from handlers import actions, commands, home, reveal

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.services import Services


def register_all(app: App, services: Services) -> None:
    # One Office (hours, routing, pause, moderators cache) for every listener of this app.
    office = build_office(services.settings, services.db, services.slack, services.clock)
    actions.register(app, services)
    commands.register(app, services, office)
    home.register(app, services, office)
    reveal.register(app, services, office)
