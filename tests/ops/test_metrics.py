"""/metrics: the counters move with the work done, the gauges read what the database holds."""

from __future__ import annotations

from prometheus_client.parser import text_string_to_metric_families
from pydantic import SecretStr
from sqlalchemy import select

from bot.core.roles import RUN
from bot.runtime.health import make_probe
from bot.runtime.health_http import make_health_wsgi
from bot.runtime.web import make_wsgi
from bot.slack import action_ids
from bot.store.schema import AlertRow
from tests.ops.conftest import BEARER, SECRET, TOKEN, Wired
from tests.slack_http import block_action_body, call_wsgi, signed_headers


def scrape(wired: Wired) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    wsgi = make_health_wsgi(make_probe(wired.services, RUN), SecretStr(TOKEN))
    status, headers, body = call_wsgi(wsgi, "GET", "/metrics", headers=BEARER)
    assert status == 200 and headers["Content-Type"].startswith("text/plain; version=0.0.4")
    return {(s.name, tuple(sorted(s.labels.items()))): s.value
            for fam in text_string_to_metric_families(body.decode()) for s in fam.samples}


def value(samples: dict, name: str, **labels: str) -> float:  # type: ignore[type-arg]
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


def poll(wired: Wired) -> None:
    for source in wired.services.sources:
        wired.services.pipeline.poll(source)


def test_metrics_need_the_token(wired: Wired) -> None:
    wsgi = make_health_wsgi(make_probe(wired.services, RUN), SecretStr(TOKEN))
    assert call_wsgi(wsgi, "GET", "/metrics")[0] == 401
    assert call_wsgi(wsgi, "GET", "/metrics", headers={"Authorization": "Bearer no"})[0] == 401
    unset = make_health_wsgi(make_probe(wired.services, RUN), None)
    assert call_wsgi(unset, "GET", "/metrics", headers=BEARER)[0] == 401


def test_ingest_delivery_and_platform_calls_are_counted(wired: Wired) -> None:
    before = scrape(wired)
    wired.plant(3)
    poll(wired)
    queued = scrape(wired)
    ingested = "feedwatch_mentions_ingested_total"
    assert value(queued, ingested, platform="x", kind="mention") - value(
        before, ingested, platform="x", kind="mention") == 3
    calls = "feedwatch_platform_calls_total"
    assert value(queued, calls, platform="x", result="2xx") > value(
        before, calls, platform="x", result="2xx")
    assert value(queued, "feedwatch_outbox_backlog") == 3
    wired.clock.advance(seconds=40)
    aged = scrape(wired)
    assert value(aged, "feedwatch_outbox_oldest_pending_seconds") == 40
    assert value(aged, "feedwatch_poll_lag_seconds", feed="x:nsft:mentions") == 40
    assert value(aged, "feedwatch_feed_failure_streak", feed="x:nsft:mentions") == 0

    assert wired.services.outbox.deliver_due().posted == 3
    posted = scrape(wired)
    assert value(posted, "feedwatch_alerts_posted_total", kind="mention") - value(
        before, "feedwatch_alerts_posted_total", kind="mention") == 3
    assert value(posted, "feedwatch_outbox_backlog") == 0
    assert value(posted, "feedwatch_outbox_oldest_pending_seconds") == 0


def test_failures_show_as_a_streak_and_as_failed_calls(wired: Wired) -> None:
    before = scrape(wired)
    wired.x.inject("/2/users/:id/mentions", 503, {"title": "Service Unavailable"}, times=2)
    poll(wired)
    wired.clock.advance(minutes=5)  # past the backoff
    poll(wired)
    after = scrape(wired)
    assert value(after, "feedwatch_feed_failure_streak", feed="x:nsft:mentions") == 2
    calls = "feedwatch_platform_calls_total"
    assert value(after, calls, platform="x", result="5xx") - value(
        before, calls, platform="x", result="5xx") >= 2


def test_held_alerts_are_counted(wired: Wired) -> None:
    wired.plant(2)
    poll(wired)
    with wired.services.db.session() as s:
        for row in s.execute(select(AlertRow)).scalars():
            row.state, row.hold_reason = "held", "hours"  # as a closed office holds them
    samples = scrape(wired)
    assert value(samples, "feedwatch_alerts_held") == 2
    assert value(samples, "feedwatch_outbox_backlog") == 0


def test_each_click_is_timed_to_its_ack(wired: Wired, app) -> None:  # type: ignore[no-untyped-def]
    before = scrape(wired)
    wsgi = make_wsgi(app, wired.services)
    url = wired.slack.response_url(wired.channel, "U0MOD1")
    body = block_action_body(action_ids.HIDE, "1", url)
    for _ in range(3):
        status, _, _ = call_wsgi(wsgi, "POST", "/slack/events", body, signed_headers(SECRET, body))
        assert status == 200
    after = scrape(wired)
    count = "feedwatch_ack_seconds_count"
    assert value(after, count, type="block_actions") - value(
        before, count, type="block_actions") == 3
    assert value(after, "feedwatch_ack_seconds_sum", type="block_actions") > 0
