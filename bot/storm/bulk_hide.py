"""Bulk hide of a storm group, worked through within the platforms' limits.

One moderator's confirmed click queues every flagged member (and any flagged post folded into
the group later). Each is hidden through the moderation service (bot/moderation/service.py:
permission,
ledger, the author told why first where the platform allows, audit), never more per account
than the platform allows in its window, counting the team's own one-by-one hides too; the media
of a post is captured as evidence before it is hidden.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.core.clock import Clock
from bot.core.models import FACEBOOK, X
from bot.moderation.media_capture import MAX_ATTEMPTS, MediaCapture
from bot.moderation.service import CONFLICT, Actor, Moderation
from bot.store import audit
from bot.store.captured_media import captured_media_by_key
from bot.store.db import Database
from bot.store.schema import MentionRow, StormGroupRow, StormMemberRow
from bot.store.storm_hides import hide_times_since, members_in_hide_state
from bot.store.storm_queries import flagged_unqueued_members

log = logging.getLogger(__name__)

WINDOW = timedelta(minutes=15)
# Hides per account per WINDOW. X documents 50 for hiding replies; Facebook documents no number
# for hiding comments, so feedwatch keeps well inside Graph's per-Page call budget.
HIDE_LIMITS = {X: 50, FACEBOOK: 100}
QUEUED, DONE, FAILED = "queued", "done", "failed"


def limit_words(platform: str, limit: int) -> str:
    if platform == X:
        return f"X allows {limit} hides per 15 minutes"
    return f"feedwatch hides at most {limit} posts per 15 minutes on {platform.title()}"


class HideQueue:
    def __init__(self, db: Database, clock: Clock, actions: Moderation,
                 capture: MediaCapture | None, tz: ZoneInfo) -> None:
        self.db, self.clock, self.actions, self.capture, self.tz = db, clock, actions, capture, tz
        self.limits = dict(HIDE_LIMITS)  # per platform, per WINDOW

    def limit(self, platform: str) -> int:
        return self.limits.get(platform, 50)

    def request(self, group_id: int, actor: Actor) -> str:
        """One confirmed click: queue every flagged member; the answer for the moderator."""
        now = self.clock.now()
        if not self.actions.permissions.is_moderator(actor.id):
            with self.db.session() as s:
                audit.append(s, at=now, actor=actor.id, action="permission_denied",
                             outcome="denied", detail={"action": "storm_hide",
                                                       "group": group_id})
            return "Sorry, only moderators can hide posts from Slack. Ask a moderator."
        with self.db.session() as s:
            g = s.get(StormGroupRow, group_id, with_for_update=True)
            if g is None:
                return "That storm group no longer exists."
            if g.hide_at is not None:
                return (f"<@{g.hide_by}> already asked for this at "
                        f"{g.hide_at.astimezone(self.tz):%H:%M}; the progress is on the alert.")
            members = flagged_unqueued_members(s, group_id)
            for mem in members:
                mem.hide_state = QUEUED
            g.hide_by, g.hide_by_name, g.hide_at, g.dirty = actor.id, actor.name[:100], now, True
            audit.append(s, at=now, actor=actor.id, action="storm_hide_request",
                         detail={"group": group_id, "queued": len(members)})
            limit, words = self.limit(g.platform), limit_words(g.platform, self.limit(g.platform))
        windows = -(-len(members) // limit)  # ceiling
        took = "a few minutes" if windows <= 1 else f"about {(windows - 1) * 15} minutes"
        return (f"Queued {len(members)} flagged posts to hide ({words}, so this takes {took}). "
                "Flagged posts that join the storm later are hidden too. Progress shows on the "
                "alert.")

    def hides_in_window(self, s: Session, account: str, now: datetime) -> list[datetime]:
        return hide_times_since(s, account, now - WINDOW)

    def next_slot(self, s: Session, platform: str, account: str,
                  now: datetime) -> datetime | None:
        """When the account may hide again (None: now)."""
        times, limit = self.hides_in_window(s, account, now), self.limit(platform)
        return None if len(times) < limit else times[len(times) - limit] + WINDOW

    def _evidence_ready(self, s: Session, m: MentionRow) -> bool:
        """Every photo or video of the post captured (or given up on) before it is hidden."""
        keys = {str(item.get("key") or "") for item in (m.media or [])}
        if not keys:
            return True
        got = captured_media_by_key(s, m.id)
        return all(k in got and (got[k].data is not None or got[k].attempts >= MAX_ATTEMPTS)
                   for k in keys)

    def run(self) -> int:
        """Hide queued members as far as each account's budget allows; how many were tried."""
        now = self.clock.now()
        with self.db.session() as s:
            queued = members_in_hide_state(s, QUEUED)
            budget = {account: self.limit(platform)
                      - len(self.hides_in_window(s, account, now))
                      for _, _, account, platform in queued}
        # While every account's window is spent, this second's work ends here, unread.
        if all(left <= 0 for left in budget.values()):
            return 0
        if self.capture is not None:
            self.capture.run()  # evidence first: flagged posts' media, from the platforms
        tried = 0
        for mention_id, group_id, account, _ in queued:
            if budget[account] <= 0:
                continue
            with self.db.session() as s:
                m, g = s.get(MentionRow, mention_id), s.get(StormGroupRow, group_id)
                if m is None or g is None or not self._evidence_ready(s, m):
                    continue
                actor = Actor(g.hide_by, g.hide_by_name)
            budget[account] -= 1
            tried += 1
            outcome = self.actions.perform("hide", mention_id, actor,
                                           reason=f"bulk hide of storm group {group_id}")
            ok = outcome.ok or outcome.status == CONFLICT  # CONFLICT: already hidden
            with self.db.session() as s:
                mem, g = s.get(StormMemberRow, mention_id), s.get(StormGroupRow, group_id)
                if mem is not None:
                    mem.hide_state = DONE if ok else FAILED
                    mem.hide_note = "" if ok else outcome.message[:300]
                if g is not None:
                    g.dirty = True
        if tried:
            log.info("storm: %d of %d queued hides tried", tried, len(queued))
        return tried
