"""NHS complaints must be acknowledged within 3 working days: an alert flagged as a complaint
that no moderator has acted on by then is flagged on the alert, once.

Working days come from the office hours (weekends, bank holidays and closure days excluded).
The day the complaint arrived does not count; it is due by closing on the third working day
after it.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from sqlalchemy import select

from bot import audit, ledger
from bot.alert_update import AlertUpdater
from bot.clock import format_local
from bot.hours import OfficeHours
from bot.outbox import POSTED
from bot.stats import DENIED, NOT_ACTIONS, is_person
from bot.store.db import Database
from bot.store.schema import AlertRow, AuditRow, DecisionRow, MentionRow
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


def flag_overdue(db: Database, hours: OfficeHours, alerts: AlertUpdater, now: datetime) -> int:
    """Flag each overdue, unacknowledged complaint alert; returns how many were flagged."""
    with db.session() as s:
        candidates = s.execute(
            select(AlertRow.mention_id, MentionRow.created_at)
            .join(MentionRow, MentionRow.id == AlertRow.mention_id)
            .where(AlertRow.kind == "mention", AlertRow.state == POSTED,
                   MentionRow.created_at >= now - timedelta(days=60))).all()
    flagged = 0
    for mention_id, received in candidates:
        due = acknowledge_by(hours, received)
        if mention_id is None or now < due or not _unacknowledged_complaint(db, mention_id):
            continue
        with db.session() as s:
            st = ledger.state_for(s, mention_id, now)
            if st.complaint_overdue:
                continue
            st.complaint_overdue = True
            line = (f"Complaint not acknowledged within {WORKING_DAYS} working days "
                    f"(due {format_local(due, hours.tz)})")
            st.state_line = st.state_line or line
            audit.append(s, at=now, actor=audit.SYSTEM_ACTOR, action="complaint_overdue",
                         mention_id=mention_id, detail={"due": due.isoformat()})
        alerts.refresh(mention_id)
        alerts.note(mention_id, f":warning: {line}. NHS complaints must be acknowledged within "
                    f"{WORKING_DAYS} working days: claim it, escalate it to Complaints or reply "
                    "with the complaints template.")
        flagged += 1
    if flagged:
        logging.getLogger(__name__).info("%d complaint alert(s) flagged overdue", flagged)
    return flagged


def _unacknowledged_complaint(db: Database, mention_id: int) -> bool:
    with db.session() as s:
        cats = s.execute(select(DecisionRow.categories).where(
            DecisionRow.mention_id == mention_id).order_by(DecisionRow.id.desc()).limit(1)
        ).scalar_one_or_none() or []
        if COMPLAINT not in cats:
            return False
        st = ledger.peek_state(s, mention_id)
        if st is not None and (st.complaint_overdue or st.claimed_by or st.closed):
            return False
        rows = s.execute(select(AuditRow.actor, AuditRow.action, AuditRow.outcome).where(
            AuditRow.mention_id == mention_id)).all()
    return not any(is_person(a) and act not in NOT_ACTIONS and out != DENIED
                   for a, act, out in rows)
