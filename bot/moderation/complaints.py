"""NHS complaints must be acknowledged within 3 working days: an alert flagged as a complaint
that no moderator has acted on by then is flagged on the alert, once.

Working days come from the office hours (weekends, bank holidays and closure days excluded).
The day the complaint arrived does not count; it is due by closing on the third working day
after it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from bot.alerts.update import AlertUpdater
from bot.core.calendar import OfficeHours
from bot.core.clock import format_local
from bot.moderation import ledger
from bot.store import audit
from bot.store.closing import DENIED, NOT_ACTIONS, is_person
from bot.store.db import Database
from bot.store.mentions import latest_categories_by_mention
from bot.store.outbox_queries import posted_mention_alerts_created_since
from bot.store.queue_queries import audit_actions_of_mention
from policy.categories import COMPLAINT

WORKING_DAYS = 3


def acknowledge_by(hours: OfficeHours, received: datetime, days: int = WORKING_DAYS) -> datetime:
    day = hours.local_date(received)
    found = 0
    for _ in range(400):
        day += timedelta(days=1)
        window = hours.window(day)
        if window is not None:
            found += 1
            if found == days:
                return window[1]
    raise ValueError("no working days within a year: check OFFICE_DAYS")


def flag_overdue(db: Database, hours: OfficeHours, alerts: AlertUpdater, now: datetime,
                 ping: str = "") -> int:
    """Flag each overdue, unacknowledged complaint alert; returns how many were flagged.
    `ping` (the moderators, bot/moderation/reping.py) is called in the thread note."""
    with db.session() as s:
        posted = {mid: received for mid, received in
                  posted_mention_alerts_created_since(s, now - timedelta(days=60))
                  if mid is not None and acknowledge_by(hours, received) <= now}
        latest = latest_categories_by_mention(s, list(posted))
    flagged = 0
    for mention_id in sorted(m for m, cats in latest.items() if COMPLAINT in cats):
        if not _unacknowledged(db, mention_id):
            continue
        due = acknowledge_by(hours, posted[mention_id])
        line = (f"Complaint not acknowledged within {WORKING_DAYS} working days "
                f"(due {format_local(due, hours.tz)})")
        with db.session() as s:
            st = ledger.state_for(s, mention_id, now)
            st.complaint_overdue = True
            st.state_line = st.state_line or line
            audit.append(s, at=now, actor=audit.SYSTEM_ACTOR, action="complaint_overdue",
                         mention_id=mention_id, detail={"due": due.isoformat()})
        alerts.refresh(mention_id)
        call = f"{ping} " if ping else ""
        alerts.note(mention_id, f":warning: {call}{line}. NHS complaints must be acknowledged "
                    f"within {WORKING_DAYS} working days: claim it, escalate it to Complaints or "
                    "reply with the complaints template.")
        flagged += 1
    if flagged:
        logging.getLogger(__name__).info("%d complaint alert(s) flagged overdue", flagged)
    return flagged


def _unacknowledged(db: Database, mention_id: int) -> bool:
    with db.session() as s:
        st = ledger.peek_state(s, mention_id)
        if st is not None and (st.complaint_overdue or st.claimed_by or st.closed):
            return False
        rows = audit_actions_of_mention(s, mention_id)
    return not any(is_person(a) and act not in NOT_ACTIONS and out != DENIED
                   for a, act, out in rows)
