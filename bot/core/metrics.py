"""Prometheus metrics: what this process did (counters, the ack histogram); the database
gauges are in bot/runtime/metrics_store.py.

The counters are process-wide, as the Prometheus client keeps them: each process (ingest,
serve, or both in one) counts its own work and Prometheus adds them up.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.registry import REGISTRY
from slack_bolt import App
from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

from bot.core.models import Mention

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"

MENTIONS_INGESTED = Counter(
    "feedwatch_mentions_ingested", "Mentions stored for the first time",
    ["platform", "kind"])
ALERTS_POSTED = Counter(
    "feedwatch_alerts_posted", "Alerts posted to Slack (or found already posted)", ["kind"])
PLATFORM_CALLS = Counter(
    "feedwatch_platform_calls", "HTTP calls to X and Facebook, by answer", ["platform", "result"])
# Slack wants an answer within 3 s; the buckets are fine where a click is normally answered.
ACK_SECONDS = Histogram(
    "feedwatch_ack_seconds", "Time from a Slack request reaching Bolt to its acknowledgement",
    ["type"], buckets=(0.005, 0.01, 0.02, 0.03, 0.05, 0.075, 0.1, 0.2, 0.5, 1.0, 3.0))

# Which platform an HTTP call went to, by host (the SDKs' real hosts; the sandbox mounts its
# fakes on these same addresses).
_HOSTS = {"api.x.com": "x", "api.twitter.com": "x", "upload.twitter.com": "x",
          "pbs.twimg.com": "x", "video.twimg.com": "x",
          "graph.facebook.com": "facebook", "scontent.xx.fbcdn.net": "facebook"}


def count_ingested(mentions: Iterable[Mention]) -> None:
    for m in mentions:
        MENTIONS_INGESTED.labels(m.platform, m.kind).inc()


def count_posted(kind: str) -> None:
    ALERTS_POSTED.labels(kind).inc()


def platform_of(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    if host in _HOSTS:
        return _HOSTS[host]
    if host.endswith(("twimg.com", "twitter.com", "x.com")):
        return "x"
    if host.endswith(("facebook.com", "fbcdn.net")):
        return "facebook"
    return "other"


def count_call(url: str, status: int | None) -> None:
    """`status` None: no answer (timeout, refused connection)."""
    if status is None:
        result = "error"
    elif status == 429:
        result = "rate_limited"
    else:
        result = f"{status // 100}xx"
    PLATFORM_CALLS.labels(platform_of(url), result).inc()


def request_type(req: BoltRequest) -> str:
    body: dict[str, Any] = req.body or {}
    if "command" in body:
        return "command"
    kind = body.get("type")
    if kind == "event_callback":
        return "event"
    return str(kind) if kind in ("block_actions", "view_submission", "view_closed",
                                 "shortcut", "message_action", "block_suggestion") else "other"


class MeasuredApp(App):
    """Bolt's App, timing each dispatch: both the HTTP adapter and Socket Mode call it and
    send its answer, which Bolt returns as soon as the listener has acked."""

    def dispatch(self, req: BoltRequest) -> BoltResponse:
        start = time.perf_counter()
        try:
            return super().dispatch(req)
        finally:
            ACK_SECONDS.labels(request_type(req)).observe(time.perf_counter() - start)


def exposition(store: CollectorRegistry) -> bytes:
    """Everything, in Prometheus's text format: the process's counters (and the client's
    process metrics: memory, CPU), then the database gauges."""
    return generate_latest(REGISTRY) + generate_latest(store)
