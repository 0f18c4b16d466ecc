"""The App Home tab: published when a user opens it (app_home_opened)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from bot.office.slash_replies import home_view
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import App
    from slack_sdk import WebClient

    from bot.runtime.services import Services

log = logging.getLogger(__name__)


def home_opened(event: dict[str, Any], client: WebClient, services: Services) -> None:
    # Events are acknowledged by Bolt before this runs.
    if event.get("tab", "home") != "home":
        return
    user = str(event.get("user") or "")
    try:
        client.views_publish(user_id=user, view=home_view(services.replies, user))
    except Exception:
        log.exception("could not publish the Home tab for %s", user)


def register(app: App, services: Services) -> None:
    provide_services(app, services)
    app.event("app_home_opened")(home_opened)
