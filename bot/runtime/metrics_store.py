"""The database half of /metrics: gauges read at scrape time (outbox backlog and its oldest
alert's age, held alerts, each feed's lag and failure streak), the same from any process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from prometheus_client import CollectorRegistry
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, or_, select

from bot.core.clock import Clock
from bot.runtime.heartbeat import HEARTBEAT_KEY
from bot.store.db import Database
from bot.store.schema import AlertRow, SourceStateRow


class StoreCollector(Collector):
    """Gauges read from the database at each scrape."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = self.clock.now()
        with self.db.session() as s:
            waiting = or_(AlertRow.state == "pending", AlertRow.state == "sending")
            backlog, oldest = s.execute(
                select(func.count(), func.min(func.coalesce(AlertRow.released_at,
                                                            AlertRow.created_at)))
                .where(waiting)).one()
            held = s.execute(select(func.count()).where(AlertRow.state == "held")).scalar_one()
            feeds = s.execute(select(SourceStateRow.key, SourceStateRow.last_success_at,
                                     SourceStateRow.consecutive_failures)
                              .where(SourceStateRow.key != HEARTBEAT_KEY)).all()
        yield GaugeMetricFamily("feedwatch_outbox_backlog",
                                "Alerts waiting to be posted (pending or sending)", value=backlog)
        yield GaugeMetricFamily("feedwatch_outbox_oldest_pending_seconds",
                                "Age of the oldest alert waiting to be posted (0: none)",
                                value=_age(now, oldest))
        yield GaugeMetricFamily("feedwatch_alerts_held",
                                "Alerts held while the office is closed or paused", value=held)
        lag = GaugeMetricFamily("feedwatch_poll_lag_seconds",
                                "Seconds since each feed was last read successfully",
                                labels=["feed"])
        streak = GaugeMetricFamily("feedwatch_feed_failure_streak",
                                   "Failed polls in a row, per feed", labels=["feed"])
        for key, last, failures in feeds:
            if last is not None:
                lag.add_metric([key], _age(now, last))
            streak.add_metric([key], failures or 0)
        yield lag
        yield streak


def _age(now: datetime, then: datetime | None) -> float:
    if then is None:
        return 0.0
    if then.tzinfo is None:  # SQLite hands back naive UTC
        then = then.replace(tzinfo=now.tzinfo)
    return max(0.0, (now - then).total_seconds())


def store_registry(db: Database, clock: Clock) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(StoreCollector(db, clock))
    return registry
