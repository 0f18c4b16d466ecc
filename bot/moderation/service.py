"""The moderation service: the only caller of platform write APIs.

Every platform write goes the same way:
1. who may do it (bot/office/permissions.py; a refusal is answered privately and audited);
2. the intent is written to the ledger (unique per mention + action + state generation, so a
   double click or a second moderator makes no second call) and audited, and committed;
3. before hide, delete or block, the author is told why privately where the platform allows
   (afterwards they can no longer be messaged), and whether that happened is recorded;
4. the platform call, with the credentials of the account the mention came to;
5. the ledger row is completed, an audit row records who, what, when, why, the outcome, the
   platform's error and the policy version, and the alert is updated with a thread reply.
After a crash, `reconcile` finishes idempotent intents (reading the platform's state back) and
marks sends "outcome unknown" rather than sending them twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.alerts.update import AlertUpdater
from bot.core import moderation_actions as catalogue
from bot.core.clock import Clock
from bot.core.crashpoints import AFTER_PLATFORM_CALL, crashpoint
from bot.core.models import PLATFORM_NAMES, Author, Mention, X
from bot.core.policy_file import PolicyHolder
from bot.moderation import ledger
from bot.moderation import outcomes as T
from bot.moderation import outgoing as out
from bot.moderation.capabilities import access_refusal, learn_refusal
from bot.moderation.outcomes import (
    CONFLICT,
    DENIED,
    DONE,
    FAILED,
    REFUSED,
    UNKNOWN,
    Actor,
    Outcome,
)
from bot.office.permissions import Permissions
from bot.platforms import writes as W
from bot.platforms.writes import ActionError, PlatformWriter
from bot.slack.escape import safe
from bot.store import audit
from bot.store.db import Database
from bot.store.mentions import load_mention
from bot.store.schema import LedgerRow
from policy.decision import Decision

log = logging.getLogger(__name__)
__all__ = ["CONFLICT", "DENIED", "DONE", "FAILED", "REFUSED", "UNKNOWN", "Actor", "Moderation",
           "ModerationConfig", "Outcome"]


@dataclass(frozen=True)
class ModerationConfig:
    tz: ZoneInfo
    lead_only: frozenset[str] = frozenset()  # actions only leads may take
    escalation_targets: dict[str, str] = field(default_factory=dict)  # target -> channel/user
    evidence_channel: str | None = None


class Moderation:
    def __init__(self, db: Database, clock: Clock, policy: PolicyHolder,
                 permissions: Permissions, writers: dict[str, PlatformWriter],
                 alerts: AlertUpdater, config: ModerationConfig) -> None:
        self.db, self.clock, self.policy = db, clock, policy
        self.permissions, self.writers, self.alerts, self.config = (
            permissions, writers, alerts, config)
        self.started_at = clock.now()  # intents older than this were left by a crash

    # -- shared by every action --------------------------------------------------------------

    def load(self, s: Session, mention_id: int) -> tuple[Mention, Decision] | Outcome:
        loaded = load_mention(s, mention_id)
        if loaded is None:
            return Outcome(REFUSED, "That mention is no longer stored (erased), so there is "
                                    "nothing to act on.")
        return loaded

    def load_authorised(self, action: str, mention_id: int,
                        actor: Actor) -> tuple[Mention, Decision] | Outcome:
        """The mention and its decision, if it is still stored and the actor may do this;
        otherwise the refusal to answer with."""
        with self.db.session() as s:
            got = self.load(s, mention_id)
        if isinstance(got, Outcome):
            return got
        return self.authorise(actor, action, mention_id, got[1]) or got

    def authorise(self, actor: Actor, action: str, mention_id: int,
                  decision: Decision) -> Outcome | None:
        """None when the actor may; otherwise the refusal, answered privately and audited."""
        verb = catalogue.VERBS.get(action, action)
        lead_needed = action in self.config.lead_only or (
            decision.report_suggested and action in ("report", "report_police", "flag_wrong"))
        if not self.permissions.is_moderator(actor.id):
            why = f"Sorry, only moderators can {verb} posts from Slack. Ask a moderator."
        elif lead_needed and self.permissions.lead_ids and not self.permissions.is_lead(actor.id):
            why = (f"Only a lead can {verb} this post"
                   + (": it may be a threat to report, so a lead decides." if
                      decision.report_suggested else ".") + " Ask a lead.")
        else:
            return None
        with self.db.session() as s:
            audit.append(s, at=self.clock.now(), actor=actor.id, action="permission_denied",
                         mention_id=mention_id, outcome="denied",
                         detail={"action": action, "lead_needed": lead_needed},
                         policy_version=decision.policy_version)
        log.info("refused %s on mention %d for %s (not allowed)", action, mention_id, actor.id)
        return Outcome(DENIED, why)

    def hhmm(self) -> str:
        return self.clock.now().astimezone(self.config.tz).strftime("%H:%M")

    def writer(self, mention: Mention) -> PlatformWriter | None:
        return self.writers.get(mention.account)

    # -- hide, unhide, delete, block, mute ---------------------------------------------------

    def perform(self, action: str, mention_id: int, actor: Actor, *, reason: str = "",
                tell: bool = True, no_tell_reason: str = "",
                generation: int | None = None) -> Outcome:
        if action not in catalogue.IDEMPOTENT:
            raise ValueError(f"not a platform action: {action}")
        got = self.load_authorised(action, mention_id, actor)
        if isinstance(got, Outcome):
            return got
        mention, decision = got
        writer = self.writer(mention)
        if writer is None:
            return Outcome(REFUSED, f"The account {mention.account} is no longer configured.")
        telling = action in catalogue.TELL_FIRST and tell
        if action in catalogue.TELL_FIRST and not tell and not no_tell_reason.strip():
            return Outcome(REFUSED, "Say why the author is not told first.")
        # Asked before anything is sent (and outside the transaction: it may ask the platform).
        denied_by_access = access_refusal(self.db, self.clock, writer, mention, action)
        now = self.clock.now()
        with self.db.session() as s:
            st = ledger.state_for(s, mention_id, now)
            if ledger.already(st, action):
                return self._already(s, mention_id, action, mention)
            refusal = writer.refusal(mention, action) or denied_by_access
            if refusal:
                audit.append(s, at=now, actor=actor.id, action=action, mention_id=mention_id,
                             outcome="refused", detail={"error": refusal, "reason": reason},
                             policy_version=decision.policy_version)
                return Outcome(REFUSED, refusal)
            template, why = out.why_text(self.policy.engine.policy, mention, decision, action)
            gen = st.generation if generation is None else generation
            row = ledger.begin(
                s, mention_id=mention_id, action=action, generation=gen, actor=actor.id,
                actor_name=actor.name, now=now, reason=reason, text=why if telling else "",
                template=template if telling else "",
                told="" if telling else ("not_sent" if action in catalogue.TELL_FIRST else ""),
                told_note="" if telling else no_tell_reason.strip(),
                policy_version=decision.policy_version)
            if row is None:
                return self._taken(s, mention_id, action, gen)
            audit.append(s, at=now, actor=actor.id, action=action, mention_id=mention_id,
                         outcome="intent", detail={"ledger": row.id, "reason": reason},
                         policy_version=decision.policy_version)
            row_id = row.id
        return self._run(row_id)

    def _run(self, row_id: int, resumed: bool = False) -> Outcome:
        """Carry a ledger intent through: tell first, then the platform call. Resumable."""
        with self.db.session() as s:
            row = s.get(LedgerRow, row_id)
            assert row is not None
            got = self.load(s, row.mention_id)
            if isinstance(got, Outcome):
                row.state = ledger.REFUSED
                return got
            mention, _ = got
            action, told, why = row.action, row.told, row.text
            if resumed and told == "pending":
                # We were telling them when we stopped: never send twice, say so instead.
                row.told, row.told_note = "unknown", "feedwatch stopped while telling them"
            elif told == "" and why:
                row.told = "pending"  # committed before the send: a crash leaves "pending"
        writer = self.writer(mention)
        if writer is None:
            return self._finish(row_id, ledger.FAILED, error=ActionError(
                f"The account {mention.account} is no longer configured.", kind=W.REFUSED))
        if told == "" and why:
            self._tell(row_id, writer, mention, why)
        try:
            if not (resumed and writer.is_done(mention, action)):
                getattr(writer, action)(mention)
        except ActionError as exc:
            learn_refusal(self.db, self.clock, mention, action, exc)
            state = ledger.REFUSED if exc.kind in T.FINAL_KINDS else ledger.FAILED
            return self._finish(row_id, state, error=exc, resumed=resumed)
        crashpoint(AFTER_PLATFORM_CALL)
        return self._finish(row_id, ledger.DONE, resumed=resumed)

    def _tell(self, row_id: int, writer: PlatformWriter, mention: Mention, why: str) -> None:
        told, note = "sent", ""
        try:
            with self.db.session() as s:
                row = s.get(LedgerRow, row_id)
                assert row is not None
                # Facebook allows one private reply per comment: never spend it twice. And
                # nobody is told why twice (a retry after a failure, say).
                if mention.platform != X and ledger.privately_told(s, row.mention_id):
                    raise ActionError("they already had this comment's one private reply",
                                      kind=W.ALREADY)
                if ledger.told_before(s, row.mention_id):
                    raise ActionError("they were told why already", kind=W.ALREADY)
            writer.private_message(mention, why, self.clock.now())
        except ActionError as exc:
            told = "unknown" if exc.uncertain else "not_sent"
            note = exc.message
        with self.db.session() as s:
            row = s.get(LedgerRow, row_id)
            assert row is not None
            row.told, row.told_note = told, note[:300]
            mention_id = row.mention_id
        self.alerts.note(mention_id, T.told_note(told, note, why))

    # -- replies and private messages --------------------------------------------------------

    def check_text(self, mention: Mention, action: str, text: str) -> str | None:
        """Why this outgoing text must not be sent (None: it may). Pure: no I/O."""
        return out.check(self.policy.engine, text, author=mention.author,
                         platform=mention.platform, kind=mention.kind, action=action)

    def check_draft(self, platform: str, kind: str, name: str, action: str,
                    text: str) -> str | None:
        """The same check from what a modal remembers, so it can answer before the ack."""
        return out.check(self.policy.engine, text, author=Author(id="", name=name),
                         platform=platform, kind=kind, action=action)

    def send(self, action: str, mention_id: int, actor: Actor, text: str, *,
             template: str = "", generation: int | None = None) -> Outcome:
        if action not in catalogue.SENDS:
            raise ValueError(f"not a send: {action}")
        got = self.load_authorised(action, mention_id, actor)
        if isinstance(got, Outcome):
            return got
        mention, decision = got
        refusal = self.check_text(mention, action, text)
        writer = self.writer(mention)
        if refusal or writer is None:
            return Outcome(REFUSED, refusal or f"The account {mention.account} is gone.")
        now = self.clock.now()
        with self.db.session() as s:
            st = ledger.state_for(s, mention_id, now)
            gen = st.generation if generation is None else generation
            row = ledger.begin(s, mention_id=mention_id, action=action, generation=gen,
                               actor=actor.id, actor_name=actor.name, now=now, text=text.strip(),
                               template=template, policy_version=decision.policy_version)
            if row is None:
                return self._taken(s, mention_id, action, gen)
            audit.append(s, at=now, actor=actor.id, action=action, mention_id=mention_id,
                         outcome="intent", detail={"ledger": row.id, "template": template},
                         policy_version=decision.policy_version)
            row_id, body = row.id, row.text
        try:
            if action == "reply":
                result = writer.reply(mention, body)
            else:
                result = writer.private_message(mention, body, now)
        except ActionError as exc:
            state = (ledger.UNKNOWN if exc.uncertain else
                     ledger.REFUSED if exc.kind in T.FINAL_KINDS else ledger.FAILED)
            return self._finish(row_id, state, error=exc)
        crashpoint(AFTER_PLATFORM_CALL)
        return self._finish(row_id, ledger.DONE, result_id=result)

    # -- after a crash ----------------------------------------------------------------------

    def reconcile(self) -> int:
        """Finish intents left by a crash: idempotent ones are made so (read back first);
        sends become "outcome unknown, please check" and are never sent again."""
        with self.db.session() as s:
            ids = ledger.open_intents(s, self.started_at)
            actions = {i: s.get(LedgerRow, i).action for i in ids}  # type: ignore[union-attr]
        for row_id in ids:
            try:
                if actions[row_id] in catalogue.IDEMPOTENT:
                    self._run(row_id, resumed=True)
                else:
                    self._finish(row_id, ledger.UNKNOWN, resumed=True, error=ActionError(
                        "feedwatch stopped before it knew whether this was sent",
                        kind=W.NETWORK, uncertain=True,
                        fix="Check on the platform whether it went out before sending anything "
                            "again: feedwatch will not resend it."))
            except Exception:
                log.exception("reconcile: ledger row %d could not be settled", row_id)
        if ids:
            log.info("reconciled %d moderation action(s) left by a restart", len(ids))
        return len(ids)

    # -- completion -------------------------------------------------------------------------

    def _finish(self, row_id: int, state: str, *, error: ActionError | None = None,
                result_id: str = "", resumed: bool = False) -> Outcome:
        now = self.clock.now()
        with self.db.session() as s:
            row = s.get(LedgerRow, row_id)
            assert row is not None
            mention_id, action = row.mention_id, row.action
            got = self.load(s, mention_id)
            platform = PLATFORM_NAMES.get(got[0].platform, "the platform") if not isinstance(
                got, Outcome) else "the platform"
            row.state, row.completed_at, row.result_id = state, now, result_id[:255]
            if error is not None:
                row.error, row.error_code = error.message[:500], error.code[:32]
            st = ledger.state_for(s, mention_id, now)
            st.generation += 1
            st.updated_at = now
            if state == ledger.DONE:
                ledger.apply_effect(st, action)
            line = T.state_line(row, state, platform, self.hhmm(), error)
            st.state_line = line[:500]
            audit.append(s, at=now, actor=row.actor, action=action, mention_id=mention_id,
                         outcome=T.AUDIT_OUTCOME[state],
                         detail=T.failed_detail(row, state, resumed),
                         policy_version=row.policy_version)
            actor = row.actor
            correction = T.follow_up(row) if T.told_but_failed(row, state) else ""
        self.alerts.refresh(mention_id)
        self.alerts.note(mention_id, T.thread_line(line, actor, error, resumed))
        if correction:
            self.alerts.note(mention_id, safe(correction))
        # Answers are mrkdwn and carry the platform's words: escaped.
        if state == ledger.DONE:
            return Outcome(DONE, f"Done: {safe(line)}.")
        fix = f" {safe(error.fix)}" if error and error.fix else ""
        if state == ledger.UNKNOWN:
            return Outcome(UNKNOWN, f"{safe(line)}.{fix}")
        told_part = f" {safe(correction)}" if correction else ""
        why = safe(error.message) if error else "It did not work."
        return Outcome(REFUSED if state == ledger.REFUSED else FAILED, f"{why}{fix}{told_part}")

    def _already(self, s: Session, mention_id: int, action: str, mention: Mention) -> Outcome:
        prev = ledger.last(s, mention_id, action)
        who = f" by <@{prev.actor}>" if prev else ""
        when = (f" at {prev.completed_at.astimezone(self.config.tz):%H:%M}"
                if prev and prev.completed_at else "")
        return Outcome(CONFLICT, f"Already done{who}{when}: "
                       f"{catalogue.DONE_LINE[action].format(p=PLATFORM_NAMES.get(mention.platform))}.")

    def _taken(self, s: Session, mention_id: int, action: str, gen: int) -> Outcome:
        row = ledger.by_key(s, mention_id, action, gen)
        if row is None:  # pragma: no cover - the unique key said it exists
            return Outcome(CONFLICT, "Someone else is acting on this post right now.")
        at = row.requested_at.astimezone(self.config.tz).strftime("%H:%M")
        if row.state == ledger.INTENT:
            return Outcome(CONFLICT, f"<@{row.actor}> is already doing this (started {at}); "
                                     "nothing more was sent to the platform.")
        return Outcome(CONFLICT, f"<@{row.actor}> already did this at {at} ({row.state}); "
                                 "nothing more was sent to the platform.")


