"""The numbers behind `/feedwatch stats`, the queue, the Home tab and the weekly report.

What counts as an *action* is read from the audit log, whose rows the moderation service
(issue 5) writes. The conventions this module relies on:

- a moderator's action is an audit row whose `actor` is a Slack user id (U… or W…) and which
  names a mention; `reveal_pi` (looking at masked details) is not an action;
- it counts as done when `outcome` is "ok" (an intent row written before the platform call
  carries another outcome and is not counted twice); the *first* action is the earliest row
  by a person on the mention whatever its outcome, refused clicks ("denied") excepted;
- replies are `reply`, `private_message` or `dm`; escalations are `escalate` with
  `detail["target"]`; overrides are `flag_wrong`; `claim` does not close an alert.

Time to first action is counted in office hours only: an alert posted at 16:30 on Friday and
claimed at 09:15 on Monday took 45 minutes, not a weekend. Percentiles use the nearest-rank
method (the 90th percentile of 10 values is the 9th smallest), so they are always a real
observed duration.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.hours import OfficeHours
from bot.outbox import HELD, POSTED
from bot.store.schema import AlertRow, AuditRow, DecisionRow, MentionRow

SLACK_USER = re.compile(r"^[UW][A-Z0-9]{2,}$")
NOT_ACTIONS = frozenset({"reveal_pi", "evidence_pack"})  # looking, not acting
NOT_CLOSING = frozenset({"claim", "unclaim", "reveal_pi"})
REPLY_ACTIONS = frozenset({"reply", "private_message", "dm"})
ESCALATE, FLAG_WRONG, DONE, DENIED = "escalate", "flag_wrong", "ok", "denied"
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$")


@dataclass(frozen=True)
class Range:
    start: datetime  # UTC, inclusive
    end: datetime  # UTC, exclusive
    label: str


def local_midnight(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tz).astimezone(UTC)


def parse_range(text: str, now: datetime, tz: ZoneInfo) -> Range:
    """today | week | month | YYYY-MM-DD | FROM..TO (ISO dates, local, inclusive)."""
    word = (text or "today").strip().lower()
    today = now.astimezone(tz).date()
    if word == "today":
        first, last, label = today, today, f"today ({today:%a %d %b})"
    elif word == "week":  # weeks start on Monday
        first = today - timedelta(days=today.weekday())
        last, label = first + timedelta(days=6), f"week of Mon {first:%d %b %Y}"
    elif word == "month":
        first = today.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        last, label = nxt - timedelta(days=1), f"{first:%B %Y}"
    else:
        m = _RANGE.match(word)
        if not m:
            raise ValueError("use today, week, month, a date like 2026-11-24, or "
                             "FROM..TO like 2026-11-01..2026-11-30")
        try:
            first = date.fromisoformat(m.group(1))
            last = date.fromisoformat(m.group(2) or m.group(1))
        except ValueError:
            raise ValueError(f"{word!r} has a date that does not exist") from None
        if last < first:
            raise ValueError("the range ends before it starts")
        label = f"{first:%d %b %Y}" + (f" to {last:%d %b %Y}" if last != first else "")
    return Range(local_midnight(first, tz), local_midnight(last + timedelta(days=1), tz), label)


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def is_person(actor: str) -> bool:
    return bool(SLACK_USER.match(actor or ""))


@dataclass
class Stats:
    range: Range
    mentions: Counter[tuple[str, str]] = field(default_factory=Counter)  # (platform, kind)
    flags: Counter[str] = field(default_factory=Counter)
    actions: Counter[str] = field(default_factory=Counter)
    replies_sent: int = 0
    escalations: Counter[str] = field(default_factory=Counter)
    overrides: int = 0
    first_action_seconds: list[float] = field(default_factory=list)
    open_alerts: int = 0
    held_alerts: int = 0

    @property
    def median_first_action(self) -> float | None:
        return percentile(self.first_action_seconds, 50)

    @property
    def p90_first_action(self) -> float | None:
        return percentile(self.first_action_seconds, 90)


def _person_rows(session: Session, mention_ids: list[int]) -> dict[int, list[AuditRow]]:
    out: dict[int, list[AuditRow]] = defaultdict(list)
    for start in range(0, len(mention_ids), 500):
        chunk = mention_ids[start:start + 500]
        for row in session.execute(select(AuditRow).where(AuditRow.mention_id.in_(chunk))
                                   .order_by(AuditRow.id)).scalars():
            if is_person(row.actor) and row.action not in NOT_ACTIONS:
                out[row.mention_id or 0].append(row)
    return out


def first_action_durations(session: Session, rng: Range, hours: OfficeHours) -> list[float]:
    """Office-hours seconds from each alert posted in the range to its first action."""
    posted = session.execute(
        select(AlertRow.mention_id, AlertRow.posted_at).where(
            AlertRow.kind == "mention", AlertRow.state == POSTED,
            AlertRow.posted_at >= rng.start, AlertRow.posted_at < rng.end,
            AlertRow.mention_id.is_not(None))
    ).all()
    rows = _person_rows(session, [m for m, _ in posted])
    out = []
    for mention_id, posted_at in posted:
        times = [r.at for r in rows.get(mention_id, []) if r.outcome != DENIED]
        if times and posted_at is not None:
            out.append(hours.working_seconds(posted_at, min(times)))
    return out


def open_alert_rows(session: Session) -> list[AlertRow]:
    """Posted mention alerts no moderator has closed yet, oldest first."""
    alerts = session.execute(
        select(AlertRow).where(AlertRow.kind == "mention", AlertRow.state == POSTED,
                               AlertRow.mention_id.is_not(None))
        .order_by(AlertRow.posted_at, AlertRow.id)
    ).scalars().all()
    rows = _person_rows(session, [a.mention_id for a in alerts if a.mention_id])
    return [a for a in alerts if not any(
        r.action not in NOT_CLOSING and r.outcome == DONE for r in rows.get(a.mention_id or 0, []))]


def compute(session: Session, rng: Range, hours: OfficeHours) -> Stats:
    st = Stats(rng)
    mentions = session.execute(
        select(MentionRow.id, MentionRow.platform, MentionRow.kind).where(
            MentionRow.created_at >= rng.start, MentionRow.created_at < rng.end)
    ).all()
    st.mentions.update((p, k) for _, p, k in mentions)
    latest: dict[int, list[str]] = {}
    ids = [m for m, _, _ in mentions]
    for start in range(0, len(ids), 500):
        for mid, cats in session.execute(
            select(DecisionRow.mention_id, DecisionRow.categories)
            .where(DecisionRow.mention_id.in_(ids[start:start + 500])).order_by(DecisionRow.id)
        ):
            latest[mid] = list(cats or [])
    for cats in latest.values():
        st.flags.update(cats)
    for row in session.execute(select(AuditRow).where(
            AuditRow.at >= rng.start, AuditRow.at < rng.end,
            AuditRow.mention_id.is_not(None), AuditRow.outcome == DONE)).scalars():
        if not is_person(row.actor) or row.action in NOT_ACTIONS:
            continue
        st.actions[row.action] += 1
        if row.action in REPLY_ACTIONS:
            st.replies_sent += 1
        elif row.action == ESCALATE:
            st.escalations[str((row.detail or {}).get("target") or "unspecified")] += 1
        elif row.action == FLAG_WRONG:
            st.overrides += 1
    st.first_action_seconds = first_action_durations(session, rng, hours)
    st.open_alerts = len(open_alert_rows(session))
    st.held_alerts = len(session.execute(select(AlertRow.id).where(AlertRow.state == HELD))
                         .all())
    return st
