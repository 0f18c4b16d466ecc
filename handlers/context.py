"""Services for module-level listeners: a middleware puts them in Bolt's context, and Bolt
hands context keys to listeners by argument name (`services`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slack_bolt import App, BoltContext

    from bot.runtime.services import Services

_PROVIDED = "_feedwatch_services_provided"


def provide_services(app: App, services: Services) -> None:
    """Once per app, however many handler modules ask."""
    if getattr(app, _PROVIDED, False):
        return
    setattr(app, _PROVIDED, True)

    def services_in_context(context: BoltContext, next: Callable[[], Any]) -> None:
        context["services"] = services
        next()

    app.middleware(services_in_context)
