"""The numbers behind `/feedwatch stats`, the queue, the Home tab and the weekly report.

What counts as an *action* is read from the audit log, whose rows the moderation service
writes. The conventions this module relies on:

- a moderator's action is an audit row whose `actor` is a Slack user id (U… or W…) and which
  names a mention; looking (`reveal_pi`, `evidence_pack`) is not an action (bot/store/closing.py);
- it counts as done when `outcome` is "ok" (an intent row written before the platform call
  carries another outcome and is not counted twice); the *first* action is the earliest row
  by a person on the mention whatever its outcome, refused clicks ("denied") excepted;
- replies are `reply`, `private_message` or `dm`; escalations are `escalate` with
  `detail["target"]`; overrides are `flag_wrong`; `claim` does not close an alert, and an
  alert's closing is recorded on it as it happens (alerts.closed_at), so the open ones are
  counted from an index, not from the whole audit log.

Time to first action is counted in office hours only: an alert posted at 16:30 on Friday and
claimed at 09:15 on Monday took 45 minutes, not a weekend. Percentiles use the nearest-rank
method (the 90th percentile of 10 values is the 9th smallest), so they are always a real
observed duration.
"""

from __future__ import annotations

import json
from collections import Counter

from sqlalchemy import ColumnElement, ScalarSelect, Text, func, select, type_coerce
from sqlalchemy.orm import Session

from bot.core.calendar import OfficeHours
from bot.core.figures import Range, Stats
from bot.store.alert_state import AlertState
from bot.store.closing import DONE, NOT_ACTIONS, is_person
from bot.store.schema import ACTED_ALERT, OPEN_ALERT, AlertRow, AuditRow, DecisionRow, MentionRow

REPLY_ACTIONS = frozenset({"reply", "private_message", "dm"})
ESCALATE, FLAG_WRONG = "escalate", "flag_wrong"


def first_action_durations(session: Session, rng: Range, hours: OfficeHours) -> list[float]:
    """Office-hours seconds from each alert posted in the range to its first action (both
    on the alert: bot/store/audit.py records the first action as it happens)."""
    rows = session.execute(
        select(AlertRow.posted_at, AlertRow.first_action_at).where(
            ACTED_ALERT, AlertRow.posted_at >= rng.start, AlertRow.posted_at < rng.end))
    return [hours.working_seconds(posted_at, at) for posted_at, at in rows
            if posted_at is not None and at is not None]


# Open alerts are exactly the partial index's condition (schema.OPEN_ALERT: posted mention
# alerts with closed_at unset), as literal SQL: SQLite uses a partial index only for a query
# that states its condition, and compares fewer terms per row without bound copies of it.


def open_alert_rows(session: Session, limit: int | None = None) -> list[AlertRow]:
    """Posted mention alerts no moderator has closed yet (bot/store/closing.py), oldest first."""
    query = select(AlertRow).where(OPEN_ALERT).order_by(AlertRow.posted_at, AlertRow.id)
    if limit is not None:
        query = query.limit(limit)
    return list(session.execute(query).scalars())


def open_alert_count(session: Session) -> int:
    return int(session.execute(
        select(func.count()).select_from(AlertRow).where(OPEN_ALERT)).scalar_one())


def categories_of(value: object, parsed: dict[str, list[str]]) -> list[str]:
    """A decision's categories as stored: SQLite hands back the JSON text (decoded once per
    distinct value: a month has few), PostgreSQL the list."""
    if isinstance(value, str):
        if value not in parsed:
            loaded = json.loads(value)
            parsed[value] = [str(c) for c in loaded] if isinstance(loaded, list) else []
        return parsed[value]
    return [str(c) for c in value] if isinstance(value, list) else []


def latest_decisions(*where: ColumnElement[bool]) -> ScalarSelect[int]:
    """Ids of the latest decision (a "flag is wrong" adds one) of each mention matching
    `where`, for an IN: the counting then happens in the database, not in Python objects."""
    return (select(func.max(DecisionRow.id))
            .join(MentionRow, MentionRow.id == DecisionRow.mention_id)
            .where(*where).group_by(DecisionRow.mention_id).scalar_subquery())


def category_counts(session: Session, *where: ColumnElement[bool]) -> Counter[str]:
    """Categories of the mentions matching `where`, each mention counted once by its latest
    decision, grouped in the database: a month can be a hundred thousand mentions."""
    counts: Counter[str] = Counter()
    parsed: dict[str, list[str]] = {}
    for cats, n in session.execute(
            select(type_coerce(DecisionRow.categories, Text), func.count())
            .where(DecisionRow.id.in_(latest_decisions(*where)))
            .group_by(DecisionRow.categories)):
        for cat in categories_of(cats, parsed):
            counts[cat] += int(n)
    return counts


def compute(session: Session, rng: Range, hours: OfficeHours) -> Stats:
    st = Stats(rng)
    in_range = (MentionRow.created_at >= rng.start, MentionRow.created_at < rng.end)
    for platform, kind, n in session.execute(
            select(MentionRow.platform, MentionRow.kind, func.count()).where(*in_range)
            .group_by(MentionRow.platform, MentionRow.kind)):
        st.mentions[(platform, kind)] = int(n)
    st.flags = category_counts(session, *in_range)
    done = (AuditRow.at >= rng.start, AuditRow.at < rng.end, AuditRow.mention_id.is_not(None),
            AuditRow.outcome == DONE)
    for actor, action, n in session.execute(
            select(AuditRow.actor, AuditRow.action, func.count()).where(*done)
            .group_by(AuditRow.actor, AuditRow.action)):
        if not is_person(actor) or action in NOT_ACTIONS:
            continue
        st.actions[action] += int(n)
        if action in REPLY_ACTIONS:
            st.replies_sent += int(n)
        elif action == FLAG_WRONG:
            st.overrides += int(n)
    for actor, detail in session.execute(
            select(AuditRow.actor, AuditRow.detail).where(*done, AuditRow.action == ESCALATE)):
        if is_person(actor):
            st.escalations[str((detail or {}).get("target") or "unspecified")] += 1
    st.first_action_seconds = first_action_durations(session, rng, hours)
    st.open_alerts = open_alert_count(session)
    st.held_alerts = int(session.execute(select(func.count()).select_from(AlertRow).where(
        AlertRow.state == AlertState.HELD)).scalar_one())
    return st
