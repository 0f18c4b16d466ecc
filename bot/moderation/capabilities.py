"""Before an action is offered or the author is told: does this account's API access allow it?

Known answers come from the database (bot/store/access.py: `feedwatch check`, or an earlier
refusal). When nobody has asked yet, the platform is asked without side effects (X: the
read-only v1.1 blocks/ids) before anything is sent, so nobody is told "you have been blocked"
for a block X will refuse.
"""

from __future__ import annotations

from bot.core.clock import Clock
from bot.core.models import Mention
from bot.platforms import writes as W
from bot.platforms.writes import ActionError, PlatformWriter
from bot.store import access
from bot.store.db import Database

_UNKNOWN_REASON = "this app's API access level does not include it"


def access_refusal(db: Database, clock: Clock, writer: PlatformWriter, mention: Mention,
                   action: str) -> str | None:
    """Why the account's access refuses `action` (nothing is sent), or None: go ahead."""
    cap = access.capability_for(mention.platform, action)
    if cap is None:
        return None
    with db.session() as s:
        row = access.get(s, mention.account, cap)
        known, detail = (row.allowed, row.detail) if row is not None else (None, "")
    if known is True:
        return None
    if known is False:
        return detail or f"{action.capitalize()} is refused: {_UNKNOWN_REASON}."
    probed = writer.probe(action)
    if probed is None:
        return None  # X did not answer the probe: try; a refusal is recorded when it comes
    ok, why = probed
    with db.session() as s:
        access.record(s, mention.account, cap, ok, why, clock.now())
    return None if ok else why


def known_refusal(db: Database, mention: Mention, action: str) -> str | None:
    """The refusal already known (no network): for answering a click within Slack's 3 s."""
    cap = access.capability_for(mention.platform, action)
    if cap is None:
        return None
    with db.session() as s:
        row = access.get(s, mention.account, cap)
        if row is None or row.allowed:
            return None
        return row.detail or f"{action.capitalize()} is refused: {_UNKNOWN_REASON}."


def learn_refusal(db: Database, clock: Clock, mention: Mention, action: str,
                  error: ActionError) -> None:
    """The platform refused for the access level (X 453): remember it for every process."""
    cap = access.capability_for(mention.platform, action)
    if cap is not None and error.kind == W.TIER:
        with db.session() as s:
            access.record(s, mention.account, cap, False, error.message, clock.now())
