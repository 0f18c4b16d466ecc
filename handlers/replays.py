"""Drops a replayed interaction: a captured signed request sent again within Slack's five
minutes (a Hide after someone pressed Unhide, say) is acknowledged and does nothing."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from slack_bolt import BoltResponse

from bot.store import replays
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import Ack, App

    from bot.runtime.services import Services

log = logging.getLogger(__name__)


def interaction_key(body: dict[str, Any]) -> str | None:
    """What makes one interaction unique: Slack mints a trigger_id per click, submission or
    command, and each action carries its own action_ts; events carry an event_id."""
    if body.get("event_id"):
        return f"event:{body['event_id']}"
    trigger = body.get("trigger_id")
    if not trigger:
        return None
    actions = body.get("actions") or []
    stamp = actions[0].get("action_ts", "") if actions and isinstance(actions[0], dict) else ""
    return f"{body.get('type') or body.get('command') or 'interaction'}:{trigger}:{stamp}"


def drop_replays(body: dict[str, Any], ack: Ack, next: Callable[[], None],
                 services: Services) -> BoltResponse | None:
    key = interaction_key(body)
    if key is None or replays.first_time(services.db, key, services.clock.now()):
        next()
        return None
    ack()
    log.warning("dropped a replayed Slack request (%s)", key.split(":", 1)[0])
    # A plain 200 (Bolt answers 404 when a middleware stops without one), so Slack does not
    # retry it.
    return BoltResponse(status=200, body="")


def register(app: App, services: Services) -> None:
    # The services reach this middleware through the context, so they go in before it.
    provide_services(app, services)
    app.middleware(drop_replays)
