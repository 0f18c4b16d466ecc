"""Slack listeners: one module per interaction kind, each with register(app, services)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from handlers import actions, commands

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.services import Services


def register_all(app: App, services: Services) -> None:
    actions.register(app, services)
    commands.register(app, services)
