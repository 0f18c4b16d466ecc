"""The database half of /metrics: gauges read at scrape time (outbox backlog and its oldest
alert's age, held alerts, each feed's lag and failure streak), the same from any process."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from prometheus_client import CollectorRegistry
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from bot.core.clock import Clock
from bot.runtime.heartbeat import HEARTBEAT_KEY
from bot.store.db import Database
from bot.store.health_queries import feed_lines_except, waiting_count_and_oldest
from bot.store.stats_queries import held_alert_count


class StoreCollector(Collector):
    """Gauges read from the database at each scrape."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    def collect(self) -> Iterator[GaugeMetricFamily]:
        now = self.clock.now()
        with self.db.session() as s:
            backlog, oldest = waiting_count_and_oldest(s)
            held = held_alert_count(s)
            feeds = feed_lines_except(s, HEARTBEAT_KEY)
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
