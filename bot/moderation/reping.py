"""Nobody has taken it: an unclaimed crisis or threat alert is raised again in the channel.

An alert counts as taken once someone claims it, is assigned it, or acts on it. Until then,
every `REPING_MINUTES` of office time (15 by default; the clock stops while the office is
closed, when these alerts go to the on-call route instead) one reply in the alert's thread,
also shown in the channel, calls the moderators, at most `MAX_REPINGS` times. Each re-ping is
in the audit log, which is also how the next one knows when the last one went.
Complaints have their own reminder: bot/moderation/complaints.py, after three working days.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.alerts.update import AlertUpdater
from bot.core.calendar import OfficeHours
from bot.core.config import Settings
from bot.store import audit
from bot.store.db import Database
from bot.store.mentions import latest_categories_by_mention
from bot.store.queue_queries import audit_count_and_last, untouched_unclaimed_open_alerts

log = logging.getLogger(__name__)

MAX_REPINGS = 4
LOOK_BACK = timedelta(days=7)  # older unclaimed alerts are the queue's business, not a ping's
ACTION = "reping"


def ping_for(settings: Settings) -> str:
    """Who is called: the moderators by name, else their user group, else the channel."""
    if settings.moderator_ids:
        return " ".join(f"<@{u}>" for u in sorted(settings.moderator_ids))
    if settings.moderator_usergroup:
        return f"<!subteam^{settings.moderator_usergroup}>"
    return "<!here>"


def _candidates(db: Database, urgent: frozenset[str],
                now: datetime) -> list[tuple[int, datetime, list[str]]]:
    """Open, untouched, unclaimed alerts of urgent posts: (mention id, posted at, categories)."""
    with db.session() as s:
        alerts = untouched_unclaimed_open_alerts(s, now - LOOK_BACK)
        # The latest decision counts: "Flag is wrong" adds one.
        cats = latest_categories_by_mention(s, list(alerts))
    return sorted(((mid, posted, list(cats.get(mid) or [])) for mid, posted in alerts.items()
                   if posted is not None and set(cats.get(mid) or []) & urgent),
                  key=lambda c: (c[1], c[0]))


def _pings(db: Database, mention_id: int) -> tuple[int, datetime | None]:
    with db.session() as s:
        return audit_count_and_last(s, mention_id, ACTION)


def reping_unclaimed(db: Database, hours: OfficeHours, alerts: AlertUpdater, slack: WebClient,
                     now: datetime, every: timedelta, urgent: frozenset[str], ping: str) -> int:
    """Raise each due alert again; returns how many were raised."""
    if every <= timedelta(0) or not hours.is_open(now):
        return 0
    raised = 0
    for mention_id, posted_at, cats in _candidates(db, urgent, now):
        n, last = _pings(db, mention_id)
        if n >= MAX_REPINGS or hours.working_seconds(last or posted_at, now) < \
                every.total_seconds():
            continue
        place = alerts.place(mention_id)
        if place is None:
            continue
        waited = round(hours.working_seconds(posted_at, now) / 60)
        what = "crisis post" if "crisis" in cats else "possible threat"
        final = " (last reminder; it stays in `/feedwatch queue`)" if n + 1 == MAX_REPINGS else ""
        text = (f":rotating_light: {ping} this {what} has waited {waited} minutes of office time "
                f"with nobody on it. Claim it, or assign it with the picker on the alert."
                f"{final}")
        try:
            slack.chat_postMessage(channel=place.channel, thread_ts=place.ts, text=text,
                                   reply_broadcast=True, unfurl_links=False,
                                   unfurl_media=False)
        except (SlackApiError, OSError) as exc:
            log.error("re-ping of mention %d failed (%s)", mention_id, type(exc).__name__)
            continue
        with db.session() as s:
            audit.append(s, at=now, actor=audit.SYSTEM_ACTOR, action=ACTION,
                         mention_id=mention_id,
                         detail={"n": n + 1, "waited_minutes": waited})
        raised += 1
    if raised:
        log.info("%d unclaimed urgent alert(s) raised again", raised)
    return raised
