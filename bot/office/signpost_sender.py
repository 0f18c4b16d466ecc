"""Sends the out-of-hours crisis signposting that bot/office/signposting.py decided on.

Each row is marked `sending` (committed) before the platform call: a crash in between leaves it
`sending`, which is reported as "outcome unknown" and never sent again — a person in crisis must
not get the same message twice, and a human checks instead.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from bot.core.clock import Clock
from bot.core.policy_file import PolicyHolder
from bot.office.signposting import AWAITING_SEND, NOT_SENT, SENT
from bot.platforms.writes import ActionError, PlatformWriter
from bot.store import audit
from bot.store.db import Database
from bot.store.mentions import load_mention
from bot.store.schema import SignpostRow
from bot.store.signposts import signpost_ids_with_status, signposts_with_status

log = logging.getLogger(__name__)

SENDING = "sending"
UNKNOWN = "outcome_unknown"


@dataclass(frozen=True)
class SignpostSender:
    """What sending needs, and no more: the store, the clock, each account's writer (the
    moderation service's, so every write still goes through one place) and the policy's
    templates."""

    db: Database
    clock: Clock
    writers: Mapping[str, PlatformWriter]
    policy: PolicyHolder

    def send_pending(self) -> int:
        """Send every signpost awaiting its message; returns how many were sent."""
        sent = 0
        with self.db.session() as s:
            stale = signposts_with_status(s, SENDING)
            for row in stale:  # left by a crash: never resend
                row.status, row.reason = UNKNOWN, "outcome unknown after a restart: please check"
                audit.append(s, at=self.clock.now(), actor=audit.SYSTEM_ACTOR,
                             action="crisis_signposting", mention_id=row.mention_id,
                             outcome=UNKNOWN)
            ids = signpost_ids_with_status(s, AWAITING_SEND)
        for row_id in ids:
            sent += self._send_one(row_id)
        return sent


    def _send_one(self, row_id: int) -> int:
        with self.db.session() as s:
            row = s.get(SignpostRow, row_id)
            if row is None or row.status != AWAITING_SEND:
                return 0
            loaded = load_mention(s, row.mention_id)
            writer = self.writers.get(row.account)
            if loaded is None or writer is None:
                row.status, row.reason = NOT_SENT, "the mention or its account is no longer here"
                return 0
            mention, _ = loaded
            row.status = SENDING
            template = row.template
        text = self.policy.engine.policy.render(template, name=mention.author.name or "there")
        try:
            writer.private_message(mention, text, self.clock.now())
            status, reason = SENT, "crisis signposting sent privately"
        except ActionError as exc:
            status = UNKNOWN if exc.uncertain else NOT_SENT
            reason = str(exc)[:300]
        with self.db.session() as s:
            row = s.get(SignpostRow, row_id)
            assert row is not None
            row.status, row.reason = status, reason
            audit.append(s, at=self.clock.now(), actor=audit.SYSTEM_ACTOR,
                         action="crisis_signposting", mention_id=row.mention_id, outcome=status,
                         detail={"template": template, "reason": reason},
                         policy_version=self.policy.engine.version)
        log.info("signposting: mention %d, %s", row.mention_id, status)
        return int(status == SENT)
