"""The alert tells the story: after each step it is rebuilt for its new state and updated in
place (chat.update), and the step gets a reply in the alert's thread.

Slack failures here are logged, never raised: the platform action already happened and is
recorded; a stale alert is a nuisance, not a loss.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.orm import Session

from bot.slack.blocks import AlertView, build_mention_alert, suppressed_of
from bot.store import access
from bot.store.alert_state import AlertState
from bot.store.db import Database
from bot.store.mentions import load_mention
from bot.store.outbox_queries import alert_with_dedupe_key
from bot.store.queue_queries import last_audit_of_actions
from bot.store.schema import ModerationStateRow

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AlertPlace:
    channel: str
    ts: str


class AlertUpdater:
    def __init__(self, db: Database, slack: WebClient, tz: ZoneInfo,
                 crisis_ping: str | None = None) -> None:
        self.db = db
        self.slack = slack
        self.tz = tz
        self.crisis_ping = crisis_ping

    def place(self, mention_id: int) -> AlertPlace | None:
        """Where the mention's alert is in Slack (None until it has been posted)."""
        with self.db.session() as s:
            row = alert_with_dedupe_key(s, f"mention:{mention_id}")
            if row is None or row.state != AlertState.POSTED or not row.ts:
                return None
            return AlertPlace(row.channel, row.ts)

    def render(self, mention_id: int) -> dict[str, object] | None:
        """The alert as it should now read, from what is stored."""
        with self.db.session() as s:
            loaded = load_mention(s, mention_id)
            if loaded is None:
                return None
            mention, decision = loaded
            st = s.get(ModerationStateRow, mention_id)
            view = AlertView(
                mention=mention, decision=decision, mention_db_id=mention_id, tz=self.tz,
                state_line=(st.state_line or None) if st else None,
                claimed_by=(st.claimed_by or None) if st else None,
                assigned=bool(st and st.claimed_by and _assigned(s, mention_id, st.claimed_by)),
                hidden=bool(st and st.hidden),
                closed=bool(st and (st.closed or st.deleted)),
                unavailable=access.unavailable(s, mention.platform, mention.account),
                crisis_ping=self.crisis_ping, suppressed=suppressed_of(decision),
            )
        return build_mention_alert(view)

    def refresh(self, mention_id: int) -> bool:
        place = self.place(mention_id)
        message = self.render(mention_id)
        if place is None or message is None:
            return False
        try:
            self.slack.chat_update(channel=place.channel, ts=place.ts, text=message["text"],
                                   blocks=message["blocks"])
        except (SlackApiError, OSError) as exc:
            log.error("could not update the alert of mention %d (%s)", mention_id, _why(exc))
            return False
        return True

    def note(self, mention_id: int, text: str) -> str | None:
        """One reply in the alert's thread; returns its ts."""
        place = self.place(mention_id)
        if place is None:
            return None
        try:
            resp = self.slack.chat_postMessage(channel=place.channel, thread_ts=place.ts,
                                               text=text, unfurl_links=False,
                                               unfurl_media=False)
        except (SlackApiError, OSError) as exc:
            log.error("could not post to the thread of mention %d (%s)", mention_id, _why(exc))
            return None
        return str(resp.get("ts") or "")

    def permalink(self, mention_id: int) -> str | None:
        place = self.place(mention_id)
        if place is None:
            return None
        try:
            resp = self.slack.chat_getPermalink(channel=place.channel, message_ts=place.ts)
        except (SlackApiError, OSError) as exc:
            log.warning("no permalink for the alert of mention %d (%s)", mention_id, _why(exc))
            return None
        return str(resp.get("permalink") or "") or None


def _assigned(session: Session, mention_id: int, holder: str) -> bool:
    """Was the holder given the alert by a colleague ("Assigned to"), rather than claiming it
    ("Claimed by")? The latest of the audit rows that set who handles it says."""
    row = last_audit_of_actions(session, mention_id, ("claim", "unclaim", "assign"))
    if row is None:
        return False
    actor, action, detail = row
    return action == "assign" and (detail or {}).get("to") == holder and actor != holder


def _why(exc: Exception) -> str:
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error"))
    return type(exc).__name__
