"""Read-only views for the slash commands and the Home tab: the open queue and an author's
history, built from the store into the plain items the Slack builders take."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.core.clock import format_local
from bot.slack.alert_parts import author_label
from bot.slack.escape import safe
from bot.slack.masking import mask_spans
from bot.slack.stats_blocks import HistoryItem, QueueItem
from bot.store.closing import NOT_ACTIONS, is_person
from bot.store.mentions import find_mentions, latest_decision, mention_from_row
from bot.store.queue_queries import (
    audit_rows_of_mention,
    open_alert_count,
    open_alert_rows,
    open_alerts_held_by,
)
from bot.store.schema import MentionRow, ModerationStateRow


def alert_url(workspace_url: str | None, channel: str, ts: str | None) -> str:
    """A link to a message: https://<workspace>.slack.com/archives/<channel>/p<ts digits>."""
    if not workspace_url or not ts:
        return ""
    return f"{workspace_url.rstrip('/')}/archives/{channel}/p{ts.replace('.', '')}"


def queue_items(session: Session, workspace_url: str | None, limit: int = 30,
                holder: str | None = None) -> tuple[list[QueueItem], int]:
    """The oldest open alerts (and how many are open in all); with `holder`, only those
    that person is handling (claimed, or assigned to them)."""
    if holder is None:
        rows, total = open_alert_rows(session, limit), open_alert_count(session)
    else:
        rows, total = open_alerts_held_by(session, holder, limit)
    items = []
    for a in rows:
        m = session.get(MentionRow, a.mention_id)
        if m is None:
            continue
        st = session.get(ModerationStateRow, m.id)
        items.append(QueueItem(
            mention_id=m.id, posted_at=a.posted_at, platform=m.platform, kind=m.kind,
            author=author_label(mention_from_row(m).author),
            categories=tuple(latest_decision(session, m.id).categories),
            alert_url=alert_url(workspace_url, a.channel, a.ts), permalink=m.permalink,
            assignee=st.claimed_by if st else ""))
    return items, total


def history_items(session: Session, who: str, tz: ZoneInfo) -> list[HistoryItem]:
    """An author's stored mentions, newest first, with flags and what moderators did."""
    items = []
    for m in find_mentions(session, who):
        decision = latest_decision(session, m.id)
        actions = []
        for r in audit_rows_of_mention(session, m.id):
            if is_person(r.actor) and r.action not in NOT_ACTIONS:
                actions.append(f"{safe(r.action)} by <@{r.actor}> {format_local(r.at, tz)} "
                               f"({safe(r.outcome)})")
        shown, _ = mask_spans(m.text, decision.flags)
        items.append(HistoryItem(
            mention_id=m.id, created_at=m.created_at, platform=m.platform, kind=m.kind,
            categories=tuple(decision.categories), actions=tuple(actions),
            permalink=m.permalink, snippet=shown))
    return items
