"""Drops a replayed interaction: a captured signed request sent again within Slack's five
minutes (a Hide after someone pressed Unhide, say) is acknowledged and does nothing.

A click, submission or command is checked just after its listener acks, so the database write
that remembers it is never between Slack and the acknowledgement: a busy database (ingest
writing a backlog to the same SQLite file) cannot slow an ack. The listener's `ack` is wrapped:
it answers Slack first, then asks whether the interaction is new, and a replay stops the
listener there, before any work. On an ack lane (bot/slack/ack_lane.py) the plain ack hands the
listener over to a work thread as soon as Slack has its answer, and the question is asked there,
so neither it nor the work holds a lane that the next interaction's ack needs. Events are acked
by Bolt itself before any listener runs, so they are checked as they arrive."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from slack_bolt import Ack, BoltResponse

from bot.slack import ack_lane
from bot.store import replays
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import App, BoltContext

    from bot.runtime.services import Services

log = logging.getLogger(__name__)


class ReplayedInteraction(BaseException):
    """Raised by a guarded ack after answering Slack: stops the listener before its work.

    A BaseException, like GeneratorExit, on purpose: Bolt's runner catches Exception from a
    listener that has already acked and then clears the ack's answer, so the request still
    waiting for it would answer 404 after three seconds; and a listener's own `except
    Exception` must not carry on with the work either. Bolt's thread pool keeps it in the
    listener's future, unseen; the guarded ack logs it first."""


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


class ReplayGuardedAck(Ack):
    """Bolt's ack, then the replay check; the first call alone checks.

    On an ack lane the first ack raises WorkAfterAck once Slack has its answer; the listener's
    second run, on a work thread, reaches this same ack, which answers nothing new and checks
    there. Should the second run's ack differ from the first (the pure checks before it said
    something else the second time), the listener stops: Slack was told the first."""

    def __init__(self, is_new: Callable[[], bool], kind: str = "interaction") -> None:
        super().__init__()
        self._is_new = is_new
        self.kind = kind
        self._checked = False
        self._handed_over = False
        self._first: tuple[tuple[Any, ...], dict[str, Any]] = ((), {})

    def __call__(self, *args: Any, **kwargs: Any) -> BoltResponse:
        if self._handed_over and self.response is not None:
            self._handed_over = False
            if (args, kwargs) != self._first:
                log.warning("a Slack listener acked differently on its second run; stopped")
                raise ReplayedInteraction
            answer = self.response
        else:
            answer = super().__call__(*args, **kwargs)
            if not self._checked and ack_lane.on_lane():
                self._handed_over, self._first = True, (args, kwargs)
                raise ack_lane.WorkAfterAck
        if not self._checked:
            self._checked = True
            if not self._is_new():
                log.warning("dropped a replayed Slack request (%s)", self.kind)
                raise ReplayedInteraction
        return answer


def first_time(services: Services, key: str) -> bool:
    return replays.first_time(services.db, key, services.clock.now())


def drop_replays(body: dict[str, Any], context: BoltContext, ack: Ack,
                 next: Callable[[], None], services: Services) -> BoltResponse | None:
    key = interaction_key(body)
    ack_lane.acks_itself(body.get("type") != "event_callback")
    if key is None:
        if body.get("type") != "event_callback":
            # Nothing to check it by, but its work still leaves the ack lane after the ack.
            context["ack"] = ReplayGuardedAck(lambda: True, str(body.get("type") or "request"))
        next()
        return None

    if not key.startswith("event:"):
        context["ack"] = ReplayGuardedAck(partial(first_time, services, key),
                                          key.split(":", 1)[0])
        next()
        return None
    if first_time(services, key):
        next()
        return None
    ack()
    log.warning("dropped a replayed Slack event")
    # A plain 200 (Bolt answers 404 when a middleware stops without one), so Slack does not
    # retry it.
    return BoltResponse(status=200, body="")


def log_listener_failure(error: Exception, body: dict[str, Any]) -> None:
    log.error("a Slack listener failed", exc_info=error)


def register(app: App, services: Services) -> None:
    # The services reach this middleware through the context, so they go in before it.
    provide_services(app, services)
    app.middleware(drop_replays)
    app.error(log_listener_failure)
