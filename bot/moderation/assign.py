"""Assign: a moderator hands an alert to a colleague (or takes it), from the people picker on
the alert. The assignee is who handles it: the same field Claim sets, so the queue, the
complaint deadline and the re-ping all see it. Checked (moderators only, and only to a
moderator), audited, shown on the alert and said in its thread, which pings the assignee.
"""

from __future__ import annotations

from bot.moderation import ledger
from bot.moderation.service import CONFLICT, DONE, REFUSED, Actor, Moderation, Outcome
from bot.store import audit
from bot.store.closing import SLACK_USER


def assign(mod: Moderation, mention_id: int, actor: Actor, assignee: str) -> Outcome:
    if not SLACK_USER.match(assignee or ""):
        return Outcome(REFUSED, "Choose a person to assign it to.")
    with mod.db.session() as s:
        got = mod.load(s, mention_id)
    if isinstance(got, Outcome):
        return got
    decision = got[1]
    denied = mod.authorise(actor, "assign", mention_id, decision)
    if denied:
        return denied
    if not mod.permissions.is_moderator(assignee):
        return Outcome(REFUSED, f"<@{assignee}> is not a moderator, so cannot act on alerts. "
                                "A comms lead can add them to the moderators.")
    now = mod.clock.now()
    with mod.db.session() as s:
        st = ledger.state_for(s, mention_id, now)
        if st.closed or st.deleted:
            return Outcome(CONFLICT, "It is already closed.")
        before = st.claimed_by
        if before == assignee:
            return Outcome(CONFLICT, f"<@{assignee}> is already handling this one.")
        st.claimed_by, st.updated_at = assignee, now
        audit.append(s, at=now, actor=actor.id, action="assign", mention_id=mention_id,
                     detail={"to": assignee, "from": before},
                     policy_version=decision.policy_version)
    mod.alerts.refresh(mention_id)
    if assignee == actor.id:
        mod.alerts.note(mention_id, f"<@{actor.id}> is handling this.")
        return Outcome(DONE, "It's yours: the alert shows you are handling it.")
    taken = f" (was <@{before}>)" if before else ""
    mod.alerts.note(mention_id, f"<@{actor.id}> assigned this to <@{assignee}>{taken}.")
    return Outcome(DONE, f"Assigned to <@{assignee}>; they are told in the alert's thread.")

