"""Spike alert: far more mentions than usual in the last hour.

A spike is the last hour's mentions exceeding SPIKE_MULTIPLE times the hourly average of the
seven days before that hour, and at least SPIKE_MIN_MENTIONS. Then one alert (never held)
with the top categories, authors and a sample, and no other for SPIKE_COOLDOWN_MINUTES; the
cool-down is stored, so a restart does not repeat the alert.

Until feedwatch has read the feeds for a week there is no usual to compare with (a new
install's first busy hour is not a spike): no spike alert then, unless SPIKE_BASELINE_PER_HOUR
gives the usual hourly count to use meanwhile.
"""

from __future__ import annotations

import heapq
import logging
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from bot.alerts.outbox import enqueue_message
from bot.core.models import Author
from bot.office.holding import office_state
from bot.slack.alert_parts import author_label
from bot.slack.masking import mask_spans
from bot.slack.stats_blocks import SpikeSample, SpikeView, build_spike_alert
from bot.store import audit
from bot.store.db import Database
from bot.store.mentions import load_mention
from bot.store.stats_queries import (
    any_mention_ingested_by,
    author_counts_created_between,
    category_counts_created_between,
    mention_count_created_between,
    newest_mention_ids_created_between,
)

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
    baseline: float | None = None  # mentions an hour to assume until a week of history exists


def measure(session: Session, now: datetime) -> tuple[int, float]:
    """(mentions in the last hour, hourly average over the 7 days before that hour)."""
    last_hour = mention_count_created_between(session, now - HOUR, now)
    week = mention_count_created_between(session, now - HOUR - WEEK, now - HOUR)
    return last_hour, week / (WEEK / HOUR)


def has_week_of_history(session: Session, now: datetime) -> bool:
    """Has feedwatch been reading for a week (a mention stored more than 7 days ago)?"""
    return any_mention_ingested_by(session, now - HOUR - WEEK)


def is_spike(last_hour: int, average: float, cfg: SpikeConfig) -> bool:
    return last_hour >= cfg.min_mentions and last_hour > cfg.multiple * average


def build_view(session: Session, now: datetime, last_hour: int, average: float) -> SpikeView:
    """Counted in the database and streamed: a spike can be a hundred thousand posts, and
    this runs in the bot's own process (the memory target in `make bench`)."""
    authors = author_counts_created_between(session, now - HOUR, now)
    top_authors = heapq.nsmallest(TOP, (
        (-n, author_label(Author(id=aid, handle=handle, name=name, url="")))
        for aid, handle, name, n in authors))
    newest = newest_mention_ids_created_between(session, now - HOUR, now, SAMPLE)
    sample = []
    for mid in newest:
        loaded = load_mention(session, mid)
        if loaded is None:
            continue
        m, d = loaded
        shown, _ = mask_spans(m.text, d.flags)  # personal information stays masked
        sample.append(SpikeSample(mid, m.platform, m.kind, author_label(m.author), shown,
                                  m.permalink))
    return SpikeView(at=now, last_hour=last_hour, hourly_average=average,
                     top_categories=_top(category_counts_created_between(session, now - HOUR, now)),
                     top_authors=tuple((label, -neg) for neg, label in top_authors),
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
        if not has_week_of_history(s, now):
            if cfg.baseline is None:
                return False
            average = cfg.baseline
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
