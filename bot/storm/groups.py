"""What the scheduler and the buttons do with storm groups (bot/storm/fold.py folds the mentions):
render a group's alert from what is stored, keep it current by chat.update within Slack's
pace, list every member, and work the bulk hide queue (bot/storm/bulk_hide.py).
"""

from __future__ import annotations

import csv
import io
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session

from bot.core.clock import Clock
from bot.moderation.media_capture import MediaCapture
from bot.moderation.service import Actor, Moderation
from bot.slack.alert_parts import author_label
from bot.slack.masking import mask_spans
from bot.slack.storm_blocks import HideProgress, StormExample, StormView, build_storm_alert
from bot.store import audit
from bot.store.alert_state import AlertState
from bot.store.db import Database
from bot.store.mentions import load_mention
from bot.store.outbox_queries import alert_with_dedupe_key
from bot.store.schema import AlertRow, StormGroupRow
from bot.store.storm_queries import (
    dirty_groups,
    flagged_unqueued_count,
    member_category_counts,
    member_hide_states,
    member_ids_and_hide_states,
    worst_member_ids,
)
from bot.storm.bulk_hide import DONE, FAILED, QUEUED, HideQueue, limit_words
from bot.storm.fold import StormConfig, group_key, prune_marks

log = logging.getLogger(__name__)

EXAMPLES = 3


@dataclass(frozen=True)
class MemberLine:
    mention_id: int
    created_at: datetime
    author: str
    categories: tuple[str, ...]
    permalink: str
    hide_state: str


class StormDesk:
    def __init__(self, db: Database, clock: Clock, slack: WebClient, actions: Moderation,
                 capture: MediaCapture | None, config: StormConfig, tz: ZoneInfo) -> None:
        self.db, self.clock, self.slack, self.config, self.tz = db, clock, slack, config, tz
        self.hides = HideQueue(db, clock, actions, capture, tz)

    # -- what the alert shows ---------------------------------------------------------------

    def view(self, group_id: int) -> StormView | None:
        with self.db.session() as s:
            return self.view_in(s, group_id)

    def render(self, s: Session, row: AlertRow) -> dict[str, Any]:
        """The outbox's renderer for a group's alert row: the group as it is now."""
        view = self.view_in(s, int((row.payload or {}).get("group") or 0))
        if view is None:
            return {"text": "A storm group was removed before its alert was posted."}
        return build_storm_alert(view)

    def view_in(self, s: Session, group_id: int) -> StormView | None:
        g = s.get(StormGroupRow, group_id)
        if g is None:
            return None
        states = member_hide_states(s, group_id)
        flagged = flagged_unqueued_count(s, group_id)
        cats = member_category_counts(s, group_id)
        worst = worst_member_ids(s, group_id, EXAMPLES)
        hide = None
        if g.hide_at is not None:
            limit = self.hides.limit(g.platform)
            nxt = (self.hides.next_slot(s, g.platform, g.account, self.clock.now())
                   if states[QUEUED] else None)
            hide = HideProgress(g.hide_by, g.hide_at, states[QUEUED], states[DONE],
                                states[FAILED], limit_words(g.platform, limit), nxt)
        return StormView(group_id=g.id, platform=g.platform, account=g.account, label=g.label,
                         started_at=g.started_at, last_at=g.last_at,
                         count=sum(states.values()), flagged=int(flagged),
                         categories=tuple(sorted(cats.items(), key=lambda kv: (-kv[1], kv[0]))),
                         examples=tuple(e for e in (self._example(s, m) for m in worst) if e),
                         hide=hide, tz=self.tz)

    def _example(self, s: Session, mention_id: int) -> StormExample | None:
        loaded = load_mention(s, mention_id)
        if loaded is None:
            return None
        m, d = loaded
        shown, _ = mask_spans(m.text, d.flags)
        return StormExample(mention_id, author_label(m.author), shown, m.permalink,
                            d.max_severity.word, tuple(d.categories))

    def refresh_alerts(self, limit: int = 1) -> int:
        """chat.update the group alerts that changed: each at most once per update_every,
        `limit` per call (the scheduler calls once a second: Slack's pace for updates)."""
        now = self.clock.now()
        with self.db.session() as s:
            due = [g.id for g in dirty_groups(s)
                if g.updated_at is None or now - g.updated_at >= self.config.update_every]
        done = 0
        for group_id in due:
            if done >= limit:
                break
            with self.db.session() as s:
                alert = alert_with_dedupe_key(s, group_key(group_id))
                if alert is None or alert.state != AlertState.POSTED or not alert.ts:
                    continue  # not in Slack yet: the outbox will post it as it reads then
                channel, ts = alert.channel, alert.ts
                message = self.render(s, alert)
            try:
                self.slack.chat_update(channel=channel, ts=ts, text=str(message["text"]),
                                       blocks=message.get("blocks"))
            except (SlackApiError, OSError) as exc:
                log.warning("storm group %d: alert not updated (%s); will retry", group_id,
                            type(exc).__name__)
            else:
                with self.db.session() as s:
                    g = s.get(StormGroupRow, group_id)
                    if g is not None:
                        g.dirty, g.updated_at = False, now
            done += 1
        return done

    # -- bulk hide (bot/storm/bulk_hide.py) ------------------------------------------------------

    def request_hide(self, group_id: int, actor: Actor) -> str:
        return self.hides.request(group_id, actor)

    def run_hides(self) -> int:
        return self.hides.run()

    # -- every member, for "List all" -------------------------------------------------------

    def members_for(self, group_id: int, user: str) -> list[MemberLine] | None:
        """Every member, for a moderator only (None for anyone else); who listed which group,
        and how many authors that showed them, is audited, as a history lookup is."""
        now = self.clock.now()
        allowed = self.hides.actions.permissions.is_moderator(user)
        lines = self.members(group_id) if allowed else []
        with self.db.session() as s:
            if not allowed:
                audit.append(s, at=now, actor=user, action="permission_denied", outcome="denied",
                             detail={"action": "storm_list", "group": group_id})
                return None
            audit.append(s, at=now, actor=user, action="storm_list",
                         detail={"group": group_id, "posts": len(lines)})
        return lines

    def members(self, group_id: int) -> list[MemberLine]:
        with self.db.session() as s:
            rows = member_ids_and_hide_states(s, group_id)
            out = []
            for mid, state in rows:
                loaded = load_mention(s, mid)
                if loaded is None:
                    continue
                m, d = loaded
                out.append(MemberLine(mid, m.created_at, author_label(m.author),
                                      tuple(d.categories), m.permalink, state))
            return out

    def members_csv(self, group_id: int) -> bytes:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["mention_id", "created_at", "author", "categories", "link", "hidden"])
        for line in self.members(group_id):
            author = line.author
            if author[:1] in ("=", "+", "-", "@"):
                author = "'" + author  # a spreadsheet must not run it as a formula
            writer.writerow([line.mention_id, line.created_at.astimezone(self.tz).isoformat(),
                             author, " ".join(line.categories), line.permalink, line.hide_state])
        return buf.getvalue().encode("utf-8")

    # -- the scheduler's second -------------------------------------------------------------

    def tick(self) -> None:
        """Each step on its own: one failing spares the others."""
        for step in (self.run_hides, self.refresh_alerts, self._prune):
            try:
                step()
            except Exception:
                log.exception("storm: %s failed", getattr(step, "__name__", "a step"))

    def _prune(self) -> None:
        with self.db.session() as s:
            prune_marks(s, self.clock.now())
