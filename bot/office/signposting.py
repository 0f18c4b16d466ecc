"""Opt-in out-of-hours crisis signposting: the decision and the ledger.

When CRISIS_SIGNPOSTING is on and a mention flagged crisis arrives while the office is closed,
its author should get the policy's crisis-signposting template as a *private* message where the
platform allows one (never a public reply: a public reply marks a person as in crisis), at most
once per author per night. The ledger row (unique per platform, account, author and night) is
what makes "once" hold across polls and restarts; the audit log and the morning digest list it.

Sending belongs to the moderation service (the only code that writes to the platforms, issue
5). Until it exists the ledger records each decision as `awaiting_send` with the reason, and the
digest shows it so a person can send the template by hand.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.orm import Session

from bot.core.calendar import OfficeHours
from bot.core.models import (
    FACEBOOK,
    KIND_COMMENT,
    KIND_DM,
    KIND_MENTION,
    KIND_QUOTE,
    KIND_REPLY,
    KIND_VISITOR_POST,
    Mention,
    X,
)
from bot.store import audit
from bot.store.inserts import insert_ignore
from bot.store.schema import SignpostRow
from policy.categories import CRISIS
from policy.decision import Decision

log = logging.getLogger(__name__)

DEFAULT_TEMPLATE = "crisis_signposting"
AWAITING_SEND = "awaiting_send"
NOT_SENT = "not_sent"
SENT = "sent"
AWAITING_REASON = "queued: bot/office/signpost_sender.py sends it privately"

# (platform, kind) -> how the author can be reached privately.
_PRIVATE_ROUTE = {
    (X, KIND_MENTION): "X direct message (if they accept DMs)",
    (X, KIND_REPLY): "X direct message (if they accept DMs)",
    (X, KIND_QUOTE): "X direct message (if they accept DMs)",
    (X, KIND_DM): "X direct message",
    (FACEBOOK, KIND_COMMENT): "Facebook private reply to the comment (within 7 days)",
    (FACEBOOK, KIND_REPLY): "Facebook private reply to the comment (within 7 days)",
    (FACEBOOK, KIND_VISITOR_POST): "Facebook private reply to the post (within 7 days)",
    (FACEBOOK, KIND_DM): "Messenger reply (within 24 hours)",
}


def private_route(mention: Mention) -> str | None:
    """How this author can be messaged privately, or None where the platform has no way."""
    return _PRIVATE_ROUTE.get((mention.platform, mention.kind))


def night_of(hours: OfficeHours, now: datetime) -> str:
    """A night is named by the local date of the opening that ends it."""
    return hours.local_date(hours.next_opening(now)).isoformat()


def consider(session: Session, hours: OfficeHours, mention_id: int, mention: Mention,
             decision: Decision, now: datetime) -> SignpostRow | None:
    """Record the signposting decision for an out-of-hours crisis mention, once per night.

    Returns the new ledger row, or None when the mention is not crisis or the author was
    already signposted this night.
    """
    if CRISIS not in decision.categories:
        return None
    route = private_route(mention)
    status, reason = (AWAITING_SEND, f"{AWAITING_REASON} ({route})") if route else (
        NOT_SENT, "no private message possible for this kind of post; never replied publicly")
    template = decision.template or DEFAULT_TEMPLATE
    night = night_of(hours, now)
    row_id = insert_ignore(
        session,
        SignpostRow.__table__,  # type: ignore[arg-type]
        {"platform": mention.platform, "account": mention.account,
         "author_id": mention.author.id, "night": night, "mention_id": mention_id,
         "template": template, "status": status, "reason": reason[:300], "decided_at": now},
    )
    if row_id is None:
        log.info("signposting: author of mention %d already signposted for the night of %s",
                 mention_id, night)
        return None
    audit.append(session, at=now, actor=audit.SYSTEM_ACTOR, action="crisis_signposting",
                 mention_id=mention_id, outcome=status,
                 detail={"night": night, "template": template, "reason": reason},
                 policy_version=decision.policy_version)
    log.info("signposting: mention %d, %s", mention_id, status)
    return session.get(SignpostRow, row_id)
