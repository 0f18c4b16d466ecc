"""The team's side of moderation: Claim, No action, Flag is wrong, Escalate and Report.

None of these writes to a platform (neither platform has a report API), but each is checked,
audited, shown on the alert and answered in its thread like the platform actions.
"""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.core.config import ESCALATION_TARGETS
from bot.core.models import PLATFORM_NAMES, Mention
from bot.moderation import ledger
from bot.moderation.evidence_pack import EvidencePacks
from bot.moderation.service import CONFLICT, DONE, FAILED, REFUSED, Actor, Moderation, Outcome
from bot.slack.alert_parts import author_label, kind_name, platform_name
from bot.slack.escape import link, safe, truncate
from bot.slack.masking import mask_spans
from bot.store import audit
from bot.store.db import Database
from bot.store.ledger_rows import (
    claim_if_unclaimed,
    close_if_open,
    flag_overrides_with_mentions,
)
from bot.store.mentions import insert_decision
from bot.store.schema import FlagOverrideRow, ModerationStateRow
from policy import categories as C
from policy.decision import Decision, Flag

log = logging.getLogger(__name__)
PASSED_ON_TEMPLATES = {"pals": "pals", "complaints": "complaints"}


def labelled_cases(db: Database) -> list[dict[str, object]]:
    """Every "Flag is wrong" as a labelled case for improving the policy: the text, what the
    policy said (and which version), what a person said and why. One JSON object per line
    makes a file `scripts/eval_policy.py`-style tools can read."""
    with db.session() as s:
        rows = flag_overrides_with_mentions(s)
    return [{"id": f"override-{o.id}", "mention_id": o.mention_id, "text": text,
             "platform": platform, "kind": kind, "policy_said": o.categories_before,
             "categories": o.categories_after, "removed": o.removed, "added": o.added,
             "reason": o.reason, "policy_version": o.policy_version, "at": o.at.isoformat(),
             "by": o.actor} for o, text, platform, kind in rows]


class Workflow:
    def __init__(self, mod: Moderation, slack: WebClient, evidence: EvidencePacks) -> None:
        self.mod, self.slack, self.evidence = mod, slack, evidence

    def _start(self, mention_id: int, actor: Actor,
               action: str) -> tuple[Mention, Decision] | Outcome:
        with self.mod.db.session() as s:
            got = self.mod.load(s, mention_id)
        if isinstance(got, Outcome):
            return got
        return self.mod.authorise(actor, action, mention_id, got[1]) or got

    def _done(self, mention_id: int, note: str, message: str) -> Outcome:
        self.mod.alerts.refresh(mention_id)
        self.mod.alerts.note(mention_id, note)
        return Outcome(DONE, message)

    # -- Claim ------------------------------------------------------------------------------

    def claim(self, mention_id: int, actor: Actor) -> Outcome:
        got = self._start(mention_id, actor, "claim")
        if isinstance(got, Outcome):
            return got
        now = self.mod.clock.now()
        with self.mod.db.session() as s:
            st = ledger.state_for(s, mention_id, now)
            if st.claimed_by == actor.id:
                st.claimed_by, action = "", "unclaim"
            else:
                # Compare-and-set: of two moderators claiming at once, exactly one wins.
                won = claim_if_unclaimed(s, mention_id, actor.id, now)
                if not won:
                    holder = s.get(ModerationStateRow, mention_id, populate_existing=True)
                    who = holder.claimed_by if holder else "someone"
                    return Outcome(CONFLICT, f"<@{who}> is already handling this one.")
                action = "claim"
            audit.append(s, at=now, actor=actor.id, action=action, mention_id=mention_id,
                         policy_version=got[1].policy_version)
        if action == "unclaim":
            return self._done(mention_id, f"<@{actor.id}> is no longer handling this.",
                              "You are no longer handling this one.")
        return self._done(mention_id, f"<@{actor.id}> is handling this.",
                          "It's yours: the alert shows you are handling it.")

    # -- No action --------------------------------------------------------------------------

    def no_action(self, mention_id: int, actor: Actor, note: str = "") -> Outcome:
        got = self._start(mention_id, actor, "no_action")
        if isinstance(got, Outcome):
            return got
        if got[1].report_suggested:
            return Outcome(REFUSED, "This may be a threat to report, so a lead decides: Report "
                                    "it, or close it with Flag is wrong.")
        now = self.mod.clock.now()
        with self.mod.db.session() as s:
            ledger.state_for(s, mention_id, now)
            line = f"Closed with no action by {actor.label} at {self.mod.hhmm()}"
            won = close_if_open(s, mention_id, line[:500], now)
            if not won:
                return Outcome(CONFLICT, "It is already closed.")
            audit.append(s, at=now, actor=actor.id, action="no_action", mention_id=mention_id,
                         detail={"note": note.strip()} if note.strip() else {},
                         policy_version=got[1].policy_version)
        extra = f" Note: {safe(truncate(note.strip(), 500))}" if note.strip() else ""
        return self._done(mention_id, f"{safe(line)} (<@{actor.id}>).{extra}", "Closed.")

    # -- Flag is wrong ----------------------------------------------------------------------

    def flag_wrong(self, mention_id: int, actor: Actor, remove: list[str], add: list[str],
                   reason: str) -> Outcome:
        got = self._start(mention_id, actor, "flag_wrong")
        if isinstance(got, Outcome):
            return got
        _, old = got
        before = old.categories
        remove = [c for c in remove if c in before]
        add = [c for c in add if c in C.ALL_CATEGORIES and c not in before]
        if not (remove or add) or not reason.strip():
            return Outcome(REFUSED, "Choose a flag to remove or add, and say why.")
        new = self._redecide(old, remove, add, reason.strip())
        now = self.mod.clock.now()
        changes = "; ".join(p for p in (f"removed {', '.join(remove)}" if remove else "",
                                        f"added {', '.join(add)}" if add else "") if p)
        line = f"Flags changed by {actor.label} at {self.mod.hhmm()}: {changes}"
        with self.mod.db.session() as s:
            insert_decision(s, mention_id, new, now)
            s.add(FlagOverrideRow(mention_id=mention_id, actor=actor.id, at=now, removed=remove,
                                  added=add, categories_before=before,
                                  categories_after=new.categories, reason=reason.strip(),
                                  policy_version=old.policy_version))
            st = ledger.state_for(s, mention_id, now)
            st.state_line, st.updated_at = line[:500], now
            if old.report_suggested and not new.report_suggested:
                st.closed = True  # the lead's decision: not a threat to report
            audit.append(s, at=now, actor=actor.id, action="flag_wrong", mention_id=mention_id,
                         detail={"removed": remove, "added": add, "before": before,
                                 "after": new.categories, "reason": reason.strip()},
                         policy_version=old.policy_version)
        return self._done(mention_id, f"{safe(line)} (<@{actor.id}>). Reason: "
                          f"{safe(truncate(reason.strip(), 500))}", f"Saved: {changes}.")

    def _redecide(self, old: Decision, remove: list[str], add: list[str], reason: str) -> Decision:
        policy = self.mod.policy.engine.policy
        flags = [f for f in old.flags if f.category not in remove]
        flags += [Flag(c, policy.categories[c].severity, f"override.{c}", "",
                       f"Added by a moderator: {reason}") for c in add if c in policy.categories]
        top = max(flags, key=lambda f: f.severity, default=None)
        cat = policy.categories.get(top.category) if top else None
        return Decision(flags=tuple(flags), action=cat.action if cat else C.ACTION_NONE,
                        template=cat.template if cat else None,
                        escalate_to=cat.escalate_to if cat else None,
                        report_suggested=old.report_suggested and C.VIOLENCE not in remove,
                        policy_version=old.policy_version,
                        explanation=f"Flags changed by a moderator: {reason}")

    # -- Escalate ---------------------------------------------------------------------------

    def escalate(self, mention_id: int, actor: Actor, target: str, note: str = "") -> Outcome:
        got = self._start(mention_id, actor, "escalate")
        if isinstance(got, Outcome):
            return got
        mention, decision = got
        dest = self.mod.config.escalation_targets.get(target)
        label = ESCALATION_TARGETS.get(target, target)
        if not dest:
            return Outcome(REFUSED, f"{label} is not configured (ESCALATION_TARGETS).")
        text = self._escalation_text(mention_id, mention, decision, actor, label, note)
        now = self.mod.clock.now()
        try:
            self.slack.chat_postMessage(channel=dest, text=text, unfurl_links=False,
                                        unfurl_media=False)
        except (SlackApiError, OSError) as exc:
            why = exc.response.get("error") if isinstance(exc, SlackApiError) else type(
                exc).__name__
            with self.mod.db.session() as s:
                audit.append(s, at=now, actor=actor.id, action="escalate", mention_id=mention_id,
                             outcome="failed", detail={"target": target, "error": str(why)},
                             policy_version=decision.policy_version)
            self.mod.alerts.note(mention_id, f"Escalating to {label} failed ({why}). What to do: "
                                 "invite feedwatch to that channel, or check ESCALATION_TARGETS.")
            return Outcome(FAILED, f"Could not reach {label} ({why}).")
        line = f"Escalated to {label} by {actor.label} at {self.mod.hhmm()}"
        with self.mod.db.session() as s:
            st = ledger.state_for(s, mention_id, now)
            st.state_line, st.updated_at = line[:500], now
            audit.append(s, at=now, actor=actor.id, action="escalate", mention_id=mention_id,
                         detail={"target": target, "destination": dest,
                                 "note": note.strip()}, policy_version=decision.policy_version)
        return self._done(mention_id, f"{safe(line)} (<@{actor.id}>).", f"Passed to {label}.")

    def _escalation_text(self, mention_id: int, mention: Mention, decision: Decision,
                         actor: Actor, label: str, note: str) -> str:
        shown, _ = mask_spans(mention.text, decision.flags)  # personal details stay hidden
        flags = ", ".join(f"{c}" for c in decision.categories) or "none"
        alert = self.mod.alerts.permalink(mention_id)
        lines = [f"*Passed to {safe(label)} by <@{actor.id}>* (feedwatch #{mention_id})",
                 f"*{platform_name(mention)} {kind_name(mention)}* from "
                 f"{safe(truncate(author_label(mention.author), 100))} to {safe(mention.account)}",
                 "> " + safe(truncate(shown, 1500)).replace("\n", "\n> "),
                 f"Flags: {safe(flags)}"]
        if note.strip():
            lines.append(f"Note: {safe(truncate(note.strip(), 1000))}")
        links = [link(alert, "Open the alert in Slack") if alert else "",
                 link(mention.permalink, f"Open on {PLATFORM_NAMES.get(mention.platform)}")
                 if mention.permalink else ""]
        lines.append(" · ".join(p for p in links if p))
        return "\n".join(lines)

    # -- Report -----------------------------------------------------------------------------

    def report(self, mention_id: int, actor: Actor, *, to_platform: bool, to_police: bool,
               crime_ref: str = "", note: str = "") -> Outcome:
        got = self._start(mention_id, actor, "report")
        if isinstance(got, Outcome):
            return got
        mention, decision = got
        if to_police:
            denied = self.mod.authorise(actor, "report_police", mention_id, decision)
            if denied:
                return denied
        if not (to_platform or to_police):
            return Outcome(REFUSED, "Choose where to report it.")
        where = PLATFORM_NAMES.get(mention.platform, "the platform")
        writer = self.mod.writer(mention)
        report_link = writer.report_link(mention) if writer else mention.permalink
        now, hhmm = self.mod.clock.now(), self.mod.hhmm()
        parts, notes = [], []
        with self.mod.db.session() as s:
            st = ledger.state_for(s, mention_id, now)
            if to_platform:
                st.report_link = report_link[:500]
                parts.append(f"Reported to {where}")
                notes.append(f"Report it on {where}: {link(report_link)} ({where} has no "
                             "reporting API, so use the post's own Report option there). The "
                             "report is recorded.")
                audit.append(s, at=now, actor=actor.id, action="report_platform",
                             mention_id=mention_id, detail={"link": report_link, "note": note},
                             policy_version=decision.policy_version)
            if to_police:
                ref = crime_ref.strip()
                parts.append("reported to the police" + (f" (crime ref {ref})" if ref else ""))
                notes.append("Police report recorded" + (f", crime reference {safe(ref)}"
                             if ref else " (add the crime reference when you have it)") +
                             ". The evidence pack below is for submission.")
                audit.append(s, at=now, actor=actor.id, action="report_police",
                             mention_id=mention_id,
                             detail={"crime_reference": ref, "note": note},
                             policy_version=decision.policy_version)
            line = f"{' and '.join(parts)} by {actor.label} at {hhmm}"
            st.state_line, st.updated_at = line[:500], now
        self.mod.alerts.refresh(mention_id)
        self.mod.alerts.note(mention_id, f"{safe(line)} (<@{actor.id}>).\n" + "\n".join(notes))
        pack = self.evidence.make(mention_id, actor.id, "police report" if to_police else
                                  "platform report")
        sha = f" Evidence pack SHA-256 {pack.sha256}." if pack and not pack.error else ""
        return Outcome(DONE, f"{line}.{sha}")
