"""Modal submissions (view_submission), one listener per modal, and the template menu inside
the message modal.

A submission is checked first with pure functions only (a reason given, the outgoing text
allowed), so the ack can carry the answer as field errors within Slack's 3 seconds; the ack
comes before any work, outside any try. The result reaches the moderator privately in the
alert's channel (or, failing that, a direct message from the bot).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from slack_sdk.errors import SlackApiError

from bot.moderation.service import Outcome
from bot.moderation.workflow import PASSED_ON_TEMPLATES
from bot.slack import modal_blocks as mb
from handlers.actions import SORRY, actor_of
from handlers.context import provide_services

if TYPE_CHECKING:
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    from bot.runtime.services import Services

log = logging.getLogger(__name__)
Work = Callable[[mb.Meta, dict[str, Any]], Outcome]


def tell(client: WebClient, meta: mb.Meta, user: str, outcome: Outcome) -> None:
    try:
        client.chat_postEphemeral(channel=meta.channel, user=user, text=outcome.message)
        return
    except (SlackApiError, OSError) as exc:
        log.info("ephemeral answer failed (%s); sending a direct message", type(exc).__name__)
    try:
        client.chat_postMessage(channel=user, text=outcome.message)
    except (SlackApiError, OSError):
        log.exception("could not answer %s", user)


def run(body: dict[str, Any], view: dict[str, Any], client: WebClient, what: str,
        work: Work) -> Outcome:
    """After the ack: do the work and tell the moderator how it went."""
    meta = mb.Meta(mention_id=0, action=what)
    try:
        meta = mb.Meta.load(str(view.get("private_metadata") or ""))
        outcome = work(meta, mb.read_values(view))
    except Exception:
        log.exception("%s on mention %d failed", what, meta.mention_id)
        outcome = SORRY
    tell(client, meta, actor_of(body).id, outcome)
    return outcome


def checked(view: dict[str, Any], check: Callable[[dict[str, Any]], dict[str, str]]
            ) -> dict[str, str]:
    """Field errors for the ack (pure checks only); a check that breaks lets it through."""
    try:
        return check(view)
    except Exception:
        log.exception("could not check a %s submission", view.get("callback_id"))
        return {}


def draft_errors(view: dict[str, Any], services: Services) -> dict[str, str]:
    """The outgoing check on a draft message, and the crisis wording a public reply needs."""
    meta, values = mb.Meta.load(str(view.get("private_metadata"))), mb.read_values(view)
    text, block = mb.message_text(values)
    refusal = services.moderation.actions.check_draft(meta.platform, meta.kind, meta.name,
                                                      meta.action, text)
    if refusal and block:
        return {block: refusal[:300]}
    return mb.public_crisis_errors(meta, values)


def flag_errors(view: dict[str, Any]) -> dict[str, str]:
    values = mb.read_values(view)
    if values.get(mb.REMOVE) or values.get(mb.ADD):
        return {}
    return {mb.ADD: "Choose a flag to remove or add."}


def reason_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient,
                     services: Services) -> None:
    errors = checked(view, lambda v: mb.reason_errors(mb.read_values(v)))
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    run(body, view, client, "block/delete", lambda meta, values: services.moderation.actions
        .perform(meta.action, meta.mention_id, actor_of(body), reason=values.get(mb.REASON, ""),
                 tell=mb.TELL not in values or mb.TELL_YES in (values.get(mb.TELL) or []),
                 no_tell_reason=values.get(mb.NO_TELL, ""), generation=meta.generation))


def message_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                      client: WebClient, services: Services) -> None:
    errors = checked(view, lambda v: draft_errors(v, services))
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    run(body, view, client, "message", lambda meta, values: services.moderation.actions.send(
        meta.action, meta.mention_id, actor_of(body), mb.message_text(values)[0],
        template=meta.template, generation=meta.generation))


def template_picked(ack: Ack, body: dict[str, Any], client: WebClient,
                    services: Services) -> None:
    ack()
    view = body.get("view") or {}
    try:
        chosen = ((body.get("actions") or [{}])[0].get("selected_option") or {}).get("value")
        new = services.moderation.modals.message_view(
            mb.Meta.load(str(view.get("private_metadata"))), str(chosen or ""))
        if not isinstance(new, Outcome):
            client.views_update(view_id=view.get("id"), hash=view.get("hash"), view=new)
    except Exception:
        log.exception("message modal: could not switch template")


def escalate_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                       client: WebClient, services: Services) -> None:
    ack()
    kit = services.moderation
    chosen: list[str] = []

    def work(meta: mb.Meta, values: dict[str, Any]) -> Outcome:
        chosen.append(str(values.get(mb.TARGET) or ""))
        return kit.workflow.escalate(meta.mention_id, actor_of(body), chosen[0],
                                     values.get(mb.NOTE, ""))

    outcome = run(body, view, client, "escalate", work)
    target = chosen[0] if chosen else ""
    if not (outcome.ok and target in PASSED_ON_TEMPLATES):
        return
    try:
        # The policy promises to say when a message is passed on: offer that template.
        meta = mb.Meta.load(str(view.get("private_metadata")))
        offer = kit.modals.message_view(mb.Meta(**{**meta.__dict__, "action": "reply"}),
                                        PASSED_ON_TEMPLATES[target])
        if not isinstance(offer, Outcome):
            client.views_open(trigger_id=body.get("trigger_id") or "", view=offer)
    except Exception:
        log.exception("escalate: could not offer the passed-on template")


def report_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient,
                     services: Services) -> None:
    ack()
    run(body, view, client, "report", lambda meta, values: services.moderation.workflow.report(
        meta.mention_id, actor_of(body),
        to_platform=mb.TO_PLATFORM in (values.get(mb.DEST) or []),
        to_police=mb.TO_POLICE in (values.get(mb.DEST) or []),
        crime_ref=values.get(mb.CRIME, ""), note=values.get(mb.NOTE, "")))


def flag_wrong_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                         client: WebClient, services: Services) -> None:
    errors = checked(view, flag_errors)
    if errors:
        ack(response_action="errors", errors=errors)
        return
    ack()
    run(body, view, client, "flag_wrong", lambda meta, values: services.moderation.workflow
        .flag_wrong(meta.mention_id, actor_of(body), list(values.get(mb.REMOVE) or []),
                    list(values.get(mb.ADD) or []), values.get(mb.REASON, "")))


def no_action_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                        client: WebClient, services: Services) -> None:
    ack()
    run(body, view, client, "no_action", lambda meta, values: services.moderation.workflow
        .no_action(meta.mention_id, actor_of(body), values.get(mb.NOTE, "")))


def register(app: App, services: Services) -> None:
    provide_services(app, services)
    app.view(mb.CB_REASON)(reason_submitted)
    app.view(mb.CB_MESSAGE)(message_submitted)
    app.action(mb.TEMPLATE_PICK)(template_picked)
    app.view(mb.CB_ESCALATE)(escalate_submitted)
    app.view(mb.CB_REPORT)(report_submitted)
    app.view(mb.CB_FLAG_WRONG)(flag_wrong_submitted)
    app.view(mb.CB_NO_ACTION)(no_action_submitted)
