"""The modal a button opens, filled from what is stored; or, when the action cannot go ahead
(not allowed, impossible on this platform, already done), the answer instead of a modal."""

from __future__ import annotations

from typing import Any

from bot.core.config import ESCALATION_TARGETS
from bot.core.models import (
    FACEBOOK,
    KIND_COMMENT,
    KIND_DM,
    KIND_NAMES,
    KIND_REPLY,
    PLATFORM_NAMES,
    X,
)
from bot.moderation import ledger
from bot.moderation import outgoing as out
from bot.moderation.capabilities import known_refusal
from bot.moderation.service import CONFLICT, REFUSED, Actor, Moderation, Outcome
from bot.platforms.facebook.actions import PRIVATE_REPLY_WINDOW, window_closed_message
from bot.slack import modal_blocks as mb
from policy import categories as C

View = dict[str, Any]
_DIRECTIONS = {"reply": "reply", "private_message": "private_message"}


class ModalPrep:
    def __init__(self, mod: Moderation) -> None:
        self.mod = mod

    def open(self, action: str, mention_id: int, actor: Actor, channel: str) -> View | Outcome:
        mod = self.mod
        with mod.db.session() as s:
            got = mod.load(s, mention_id)
            if isinstance(got, Outcome):
                return got
            mention, decision = got
            st = ledger.state_for(s, mention_id, mod.clock.now())
            generation, told = st.generation, ledger.privately_told(s, mention_id)
            closed, deleted, already = st.closed, st.deleted, ledger.already(st, action)
        denied = mod.authorise(actor, action, mention_id, decision)
        if denied:
            return denied
        meta = mb.Meta(mention_id=mention_id, action=action, generation=generation,
                       channel=channel, platform=mention.platform, kind=mention.kind,
                       name=out.first_name(mention.author))
        where = PLATFORM_NAMES.get(mention.platform, "the platform")
        if deleted and action in ("delete", "reply", "private_message", "block"):
            return Outcome(CONFLICT, f"It has been deleted from {where} already.")
        if action in ("delete", "block"):
            if already:
                return Outcome(CONFLICT, "That has been done already.")
            writer = mod.writer(mention)
            refusal = (writer.refusal(mention, action) or known_refusal(mod.db, mention, action)
                       if writer else "the account is gone")
            if refusal:
                return Outcome(REFUSED, refusal)
            _, why = out.why_text(mod.policy.engine.policy, mention, decision, action)
            return mb.build_reason_modal(meta, what=KIND_NAMES.get(mention.kind, "post"),
                                         where=where, tell_text=why,
                                         tell_blocked=self._tell_blocked(mention, told))
        if action == "report":
            return mb.build_report_modal(meta, where=where,
                                         report_suggested=decision.report_suggested)
        if action in _DIRECTIONS:
            return self._message(meta, mention, decision, action)
        if action == "escalate":
            targets = [(t, ESCALATION_TARGETS[t]) for t in ESCALATION_TARGETS
                       if t in mod.config.escalation_targets]
            if not targets:
                return Outcome(REFUSED, "No escalation targets are configured yet: set "
                                        "ESCALATION_TARGETS (see the README).")
            suggested = decision.escalate_to  # policy.yaml uses ESCALATION_TARGETS' names
            return mb.build_escalate_modal(meta, targets=targets, suggested=suggested)
        if action == "flag_wrong":
            policy = mod.policy.engine.policy
            titles = {c: policy.categories[c].title if c in policy.categories else c
                      for c in C.ALL_CATEGORIES}
            current = decision.categories
            return mb.build_flag_wrong_modal(
                meta, current=[(c, titles.get(c, c)) for c in current],
                others=[(c, titles[c]) for c in C.ALL_CATEGORIES if c not in current])
        if action == "no_action":
            if closed:
                return Outcome(CONFLICT, "It is already closed.")
            if decision.report_suggested:
                return Outcome(REFUSED, "This may be a threat to report, so a lead decides: "
                                        "Report it, or close it with Flag is wrong.")
            return mb.build_no_action_modal(meta)
        raise ValueError(f"no modal for {action}")

    def message_view(self, meta: mb.Meta, template: str) -> View | Outcome:
        """The message modal again, starting from another template (the menu in it)."""
        with self.mod.db.session() as s:
            got = self.mod.load(s, meta.mention_id)
        if isinstance(got, Outcome):
            return got
        mention, decision = got
        return self._message(mb.Meta(**{**meta.__dict__, "template": template}), mention,
                             decision, meta.action)

    def _message(self, meta: mb.Meta, mention: Any, decision: Any, action: str) -> View | Outcome:
        now = self.mod.clock.now()
        if action == "private_message" and mention.platform == FACEBOOK:
            if mention.kind not in (KIND_COMMENT, KIND_REPLY, KIND_DM):
                return Outcome(REFUSED, "Facebook private replies work on comments; message "
                                        "this person from the Page's inbox instead.")
            if mention.kind != KIND_DM and now - mention.created_at > PRIVATE_REPLY_WINDOW:
                return Outcome(REFUSED, window_closed_message(mention.created_at, now))
        templates = out.templates_for(
            self.mod.policy.engine.policy, mention.author,
            x_reply=out.is_x_reply(mention.platform, mention.kind, action))
        chosen = meta.template if meta.template in templates else (
            decision.template if decision.template in templates else "")
        text = templates.get(chosen, "")
        meta = mb.Meta(**{**meta.__dict__, "template": chosen, "platform": mention.platform,
                          "kind": mention.kind, "name": out.first_name(mention.author)})
        left = out.chars_left(text, mention.platform, mention.kind, action)
        limit = out.limit_for(mention.platform, mention.kind, action)
        if mention.platform == X and limit == out.X_LIMIT:
            note = f"X allows 280 characters (links count as 23): {left} left as it stands."
        else:
            note = f"Up to {limit} characters: {left} left as it stands."
        where = PLATFORM_NAMES.get(mention.platform, "the platform")
        if action == "reply":
            title = "Reply (DM)" if mention.kind == KIND_DM else f"Reply on {where}"
        else:
            title = "Send a DM" if mention.platform == X else "Private reply"
        policy = self.mod.policy.engine.policy
        titles = {tid: policy.template_title(tid) for tid in templates}
        return mb.build_message_modal(meta, title=title, templates=templates, text=text,
                                      titles=titles,
                                      limit_note=note)

    def _tell_blocked(self, mention: Any, told: bool) -> str | None:
        """Why the author cannot be told first, when that is known without asking."""
        if mention.platform != FACEBOOK:
            return None
        if mention.kind not in (KIND_COMMENT, KIND_REPLY, KIND_DM):
            return "Facebook allows private replies only to comments"
        if mention.kind != KIND_DM and told:
            return "they already had this comment's one private reply"
        if mention.kind != KIND_DM and (
                self.mod.clock.now() - mention.created_at > PRIVATE_REPLY_WINDOW):
            return "Facebook's 7-day window for a private reply to this comment has closed"
        return None
