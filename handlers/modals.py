"""Modal submissions (view_submission), one listener per modal, and the template menu inside
the message modal.

A submission is checked first with pure functions only (a reason given, the outgoing text
allowed), so the ack can carry the answer as field errors within Slack's 3 seconds; the ack
comes before any work, outside any try. The result reaches the moderator privately in the
alert's channel (or, failing that, a direct message from the bot).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from slack_sdk.errors import SlackApiError

from bot.actions import Outcome
from bot.slack import modal_blocks as mb
from bot.workflow import PASSED_ON_TEMPLATES
from handlers.actions import SORRY, actor_of

if TYPE_CHECKING:
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    from bot.services import Services

log = logging.getLogger(__name__)


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


def register(app: App, services: Services) -> None:
    kit = services.moderation

    def context(body: dict[str, Any], view: dict[str, Any]) -> tuple[mb.Meta, dict[str, Any]]:
        return mb.Meta.load(str(view.get("private_metadata") or "")), mb.read_values(view)

    @app.view(mb.CB_REASON)
    def reason(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        errors: dict[str, str] = {}
        try:
            errors = mb.reason_errors(mb.read_values(view))
        except Exception:
            log.exception("reason modal: could not read the submission")
        if errors:
            ack(response_action="errors", errors=errors)
            return
        ack()
        meta, values = context(body, view)
        try:
            told = mb.TELL not in values or mb.TELL_YES in (values.get(mb.TELL) or [])
            outcome = kit.actions.perform(
                meta.action, meta.mention_id, actor_of(body), reason=values.get(mb.REASON, ""),
                tell=told, no_tell_reason=values.get(mb.NO_TELL, ""), generation=meta.generation)
        except Exception:
            log.exception("%s on mention %d failed", meta.action, meta.mention_id)
            outcome = SORRY
        tell(client, meta, actor_of(body).id, outcome)

    @app.view(mb.CB_MESSAGE)
    def message(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        errors: dict[str, str] = {}
        try:
            meta, values = context(body, view)
            text, block = mb.message_text(values)
            refusal = kit.actions.check_draft(meta.platform, meta.kind, meta.name, meta.action,
                                              text)
            if refusal and block:
                errors = {block: refusal[:300]}
        except Exception:
            log.exception("message modal: could not check the text")
        if errors:
            ack(response_action="errors", errors=errors)
            return
        ack()
        meta, values = context(body, view)
        try:
            outcome = kit.actions.send(meta.action, meta.mention_id, actor_of(body),
                                       mb.message_text(values)[0], template=meta.template,
                                       generation=meta.generation)
        except Exception:
            log.exception("%s on mention %d failed", meta.action, meta.mention_id)
            outcome = SORRY
        tell(client, meta, actor_of(body).id, outcome)

    @app.action(mb.TEMPLATE_PICK)
    def pick(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        view = body.get("view") or {}
        try:
            chosen = ((body.get("actions") or [{}])[0].get("selected_option") or {}).get("value")
            new = kit.modals.message_view(mb.Meta.load(str(view.get("private_metadata"))),
                                          str(chosen or ""))
            if not isinstance(new, Outcome):
                client.views_update(view_id=view.get("id"), hash=view.get("hash"), view=new)
        except Exception:
            log.exception("message modal: could not switch template")

    @app.view(mb.CB_ESCALATE)
    def escalate(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                 client: WebClient) -> None:
        ack()
        meta, values = context(body, view)
        target = str(values.get(mb.TARGET) or "")
        try:
            outcome = kit.workflow.escalate(meta.mention_id, actor_of(body), target,
                                            values.get(mb.NOTE, ""))
            tell(client, meta, actor_of(body).id, outcome)
            if outcome.ok and target in PASSED_ON_TEMPLATES:
                # The policy promises to say when a message is passed on: offer the template.
                offer = kit.modals.message_view(mb.Meta(**{**meta.__dict__, "action": "reply"}),
                                                PASSED_ON_TEMPLATES[target])
                if not isinstance(offer, Outcome):
                    client.views_open(trigger_id=body.get("trigger_id") or "", view=offer)
        except Exception:
            log.exception("escalate on mention %d failed", meta.mention_id)
            tell(client, meta, actor_of(body).id, SORRY)

    @app.view(mb.CB_REPORT)
    def report(ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient) -> None:
        ack()
        meta, values = context(body, view)
        where = values.get(mb.DEST) or []
        try:
            outcome = kit.workflow.report(
                meta.mention_id, actor_of(body), to_platform=mb.TO_PLATFORM in where,
                to_police=mb.TO_POLICE in where, crime_ref=values.get(mb.CRIME, ""),
                note=values.get(mb.NOTE, ""))
        except Exception:
            log.exception("report on mention %d failed", meta.mention_id)
            outcome = SORRY
        tell(client, meta, actor_of(body).id, outcome)

    @app.view(mb.CB_FLAG_WRONG)
    def flag_wrong(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                   client: WebClient) -> None:
        errors: dict[str, str] = {}
        try:
            values = mb.read_values(view)
            if not (values.get(mb.REMOVE) or values.get(mb.ADD)):
                errors = {mb.ADD: "Choose a flag to remove or add."}
        except Exception:
            log.exception("flag modal: could not read the submission")
        if errors:
            ack(response_action="errors", errors=errors)
            return
        ack()
        meta, values = context(body, view)
        try:
            outcome = kit.workflow.flag_wrong(meta.mention_id, actor_of(body),
                                              list(values.get(mb.REMOVE) or []),
                                              list(values.get(mb.ADD) or []),
                                              values.get(mb.REASON, ""))
        except Exception:
            log.exception("flag_wrong on mention %d failed", meta.mention_id)
            outcome = SORRY
        tell(client, meta, actor_of(body).id, outcome)

    @app.view(mb.CB_NO_ACTION)
    def no_action(ack: Ack, body: dict[str, Any], view: dict[str, Any],
                  client: WebClient) -> None:
        ack()
        meta, values = context(body, view)
        try:
            outcome = kit.workflow.no_action(meta.mention_id, actor_of(body),
                                             values.get(mb.NOTE, ""))
        except Exception:
            log.exception("no_action on mention %d failed", meta.mention_id)
            outcome = SORRY
        tell(client, meta, actor_of(body).id, outcome)
