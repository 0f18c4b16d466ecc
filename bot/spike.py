"""Spike alert (issue 6 point 6): far more mentions than usual in the last hour.

A spike is the last hour's mentions exceeding SPIKE_MULTIPLE times the hourly average of the
seven days before that hour, and at least SPIKE_MIN_MENTIONS. Then one alert (never held)
with the top categories, authors and a sample, and no other for SPIKE_COOLDOWN_MINUTES; the
cool-down is stored, so a restart does not repeat the alert.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot import audit
from bot.holding import office_state
from bot.outbox import enqueue_message
from bot.slack.alert_parts import author_label
from bot.slack.masking import mask_spans
from bot.slack.stats_blocks import SpikeSample, SpikeView, build_spike_alert
from bot.store.db import Database
from bot.store.mentions import mention_from_row
from bot.store.schema import DecisionRow, MentionRow
from policy.decision import Decision

log = logging.getLogger(__name__)

HOUR = timedelta(hours=1)
WEEK = timedelta(days=7)
TOP = 5
SAMPLE = 3


@dataclass(frozen=True)
class SpikeConfig:
    multiple: float = 3.0
    min_mentions: int = 20
    cooldown: timedelta = timedelta(minutes=60)


def _count(session: Session, start: datetime, end: datetime) -> int:
    return int(session.execute(select(func.count()).select_from(MentionRow).where(
        MentionRow.created_at >= start, MentionRow.created_at < end)).scalar_one())


def measure(session: Session, now: datetime) -> tuple[int, float]:
    """(mentions in the last hour, hourly average over the 7 days before that hour)."""
    last_hour = _count(session, now - HOUR, now)
    week = _count(session, now - HOUR - WEEK, now - HOUR)
    return last_hour, week / (WEEK / HOUR)


def is_spike(last_hour: int, average: float, cfg: SpikeConfig) -> bool:
    return last_hour >= cfg.min_mentions and last_hour > cfg.multiple * average


def build_view(session: Session, now: datetime, last_hour: int, average: float) -> SpikeView:
    rows = session.execute(
        select(MentionRow).where(MentionRow.created_at >= now - HOUR,
                                 MentionRow.created_at < now)
        .order_by(MentionRow.created_at.desc(), MentionRow.id.desc())
    ).scalars().all()
    decisions: dict[int, Decision] = {}
    ids = [r.id for r in rows]
    for start in range(0, len(ids), 500):
        for d in session.execute(select(DecisionRow).where(
                DecisionRow.mention_id.in_(ids[start:start + 500])).order_by(DecisionRow.id)
        ).scalars():
            decisions[d.mention_id] = Decision.from_dict(d.detail or {})
    categories: Counter[str] = Counter()
    for d in decisions.values():
        categories.update(d.categories)
    authors = Counter(author_label(mention_from_row(r).author) for r in rows)
    sample = []
    for r in rows[:SAMPLE]:
        d = decisions.get(r.id, Decision())
        shown, _ = mask_spans(r.text, d.flags)  # personal information stays masked
        sample.append(SpikeSample(r.id, r.platform, r.kind, author_label(mention_from_row(r)
                                                                          .author),
                                  shown, r.permalink))
    return SpikeView(at=now, last_hour=last_hour, hourly_average=average,
                     top_categories=_top(categories), top_authors=_top(authors),
                     sample=tuple(sample))


def _top(counts: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Most frequent first, ties alphabetically, so the alert reads the same every time."""
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP])


def check(db: Database, now: datetime, cfg: SpikeConfig, channel: str) -> bool:
    """Queue a spike alert if there is a spike and the cool-down is over; True if queued."""
    with db.session() as s:
        state = office_state(s)
        if state.last_spike_at is not None and now - state.last_spike_at < cfg.cooldown:
            return False
        last_hour, average = measure(s, now)
        if not is_spike(last_hour, average, cfg):
            return False
        view = build_view(s, now, last_hour, average)
        enqueue_message(s, "spike", f"spike:{now.isoformat(timespec='seconds')}", channel,
                        build_spike_alert(view), now)
        state.last_spike_at = now
        audit.append(s, at=now, actor=audit.SYSTEM_ACTOR, action="spike_alert",
                     detail={"last_hour": last_hour, "hourly_average": round(average, 2)})
    log.warning("spike: %d mentions in the last hour (average %.1f an hour)", last_hour, average)
    return True
