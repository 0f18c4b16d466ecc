"""/healthz and /readyz: what each says, in each shape, to whom."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.background import BackgroundScheduler
from pydantic import SecretStr

from bot.alerts.outbox import enqueue_message
from bot.core.roles import INGEST, RUN, SERVE
from bot.runtime import heartbeat
from bot.runtime.health import Probe, make_probe
from bot.runtime.health_http import make_health_wsgi
from bot.store.db import Database
from tests.ops.conftest import BEARER, TOKEN, Wired
from tests.slack_http import call_wsgi


def ask(probe: Probe, path: str, headers: dict[str, str] | None = None,
        token: str | None = TOKEN) -> tuple[int, bytes]:
    wsgi = make_health_wsgi(probe, SecretStr(token) if token else None)
    status, _, body = call_wsgi(wsgi, "GET", path, headers=headers)
    return status, body


def details(probe: Probe, path: str = "/readyz") -> tuple[int, dict]:  # type: ignore[type-arg]
    status, body = ask(probe, path, BEARER)
    return status, json.loads(body)


def test_a_fresh_ingest_process_is_ready_until_its_feeds_are_late(wired: Wired) -> None:
    probe = make_probe(wired.services, INGEST)
    status, body = details(probe)
    assert status == 200, body
    assert body["checks"]["feed x:nsft:mentions"]["detail"] == "not read yet"
    # Two poll intervals (120 s) and the grace later, still never read: late.
    wired.clock.advance(seconds=2 * 120 + 61)
    heartbeat.beat(wired.services.db, wired.clock)
    status, body = details(probe)
    assert status == 503
    assert body["checks"]["feed x:nsft:mentions"]["ok"] is False
    assert body["checks"]["database"]["ok"] and body["checks"]["heartbeat"]["ok"]


def test_ready_after_a_poll_and_late_when_polls_fail(wired: Wired) -> None:
    probe = make_probe(wired.services, RUN)
    wired.plant(3)
    for source in wired.services.sources:
        wired.services.pipeline.poll(source)
    heartbeat.beat(wired.services.db, wired.clock)
    status, body = details(probe)
    assert status == 200, body
    assert body["checks"]["feed x:nsft:mentions"]["detail"].startswith("read 0 s ago")
    # X answers 503 from now on: the feed is read no more, and after the interval it is late.
    wired.x.inject("/2/users/:id/mentions", 503, {"title": "Service Unavailable"}, times=1000)
    for _ in range(3):
        wired.clock.advance(seconds=121)
        heartbeat.beat(wired.services.db, wired.clock)
        for source in wired.services.sources:
            wired.services.pipeline.poll(source)
    status, body = details(probe)
    assert status == 503
    mentions = body["checks"]["feed x:nsft:mentions"]
    assert mentions["ok"] is False and "failure(s) in a row" in mentions["detail"]


def test_a_silent_heartbeat_is_not_ready(wired: Wired) -> None:
    probe = make_probe(wired.services, INGEST)
    heartbeat.beat(wired.services.db, wired.clock)
    assert details(probe)[0] == 200
    wired.clock.advance(seconds=heartbeat.DOWN_AFTER.total_seconds() + 1)
    status, body = details(probe)
    assert status == 503 and body["checks"]["heartbeat"]["ok"] is False


def test_a_stuck_outbox_is_not_ready(wired: Wired) -> None:
    probe = make_probe(wired.services, INGEST)
    heartbeat.beat(wired.services.db, wired.clock)
    with wired.services.db.session() as s:
        enqueue_message(s, "admin", "k1", wired.channel, {"text": "hello"}, wired.clock.now())
    assert details(probe)[0] == 200  # due now: not stuck
    wired.clock.advance(minutes=6)
    heartbeat.beat(wired.services.db, wired.clock)
    for source in wired.services.sources:
        wired.services.pipeline.poll(source)  # the feeds are fine: only the outbox is late
    status, body = details(probe)
    assert status == 503 and body["checks"]["outbox"]["detail"].startswith("1 overdue")
    report = wired.services.outbox.deliver_due()  # delivered: moving again
    assert report.posted == 1, report
    assert details(probe)[0] == 200


def test_serve_readiness_is_the_database_not_the_feeds(wired: Wired) -> None:
    probe = make_probe(wired.services, SERVE)
    wired.clock.advance(hours=3)
    status, body = details(probe)
    assert status == 200 and set(body["checks"]) == {"database"}


def test_socket_mode_readiness_includes_the_slack_connection(wired: Wired) -> None:
    probe = make_probe(wired.services, SERVE)
    connected = [False]
    probe.slack_connected = lambda: connected[0]
    status, body = details(probe)
    assert status == 503 and body["checks"]["slack"]["detail"] == "not connected"
    connected[0] = True
    assert details(probe)[0] == 200


def test_an_unreachable_database_is_not_ready(wired: Wired) -> None:
    probe = make_probe(wired.services, SERVE)
    probe.db = Database("postgresql://feedwatch@127.0.0.1:1/none")
    status, body = details(probe)
    assert status == 503
    assert body["checks"]["database"] == {"ok": False,
                                          "detail": "unreachable (OperationalError)"}


def test_without_the_token_only_ok_or_not_ok(wired: Wired) -> None:
    probe = make_probe(wired.services, INGEST)
    assert ask(probe, "/readyz") == (200, b"ok\n")
    assert ask(probe, "/readyz", {"Authorization": "Bearer wrong"}) == (200, b"ok\n")
    assert ask(probe, "/readyz", BEARER, token=None) == (200, b"ok\n")  # no token set: none
    wired.clock.advance(hours=1)
    assert ask(probe, "/readyz") == (503, b"not ok\n")
    assert ask(probe, "/elsewhere")[0] == 404


def test_liveness_follows_the_scheduler(wired: Wired) -> None:
    sched = BackgroundScheduler()
    ran = threading.Event()
    sched.add_job(ran.set, "interval", seconds=60, next_run_time=datetime.now(UTC))
    probe = make_probe(wired.services, INGEST, sched)
    assert details(probe, "/healthz")[0] == 503  # not started
    sched.start()
    try:
        assert ran.wait(10)
        status, body = details(probe, "/healthz")
        assert status == 200 and body["checks"]["scheduler"]["detail"].startswith("running")
        probe._last_job -= 121  # its threads have finished nothing for two minutes
        assert ask(probe, "/healthz") == (503, b"not ok\n")
    finally:
        sched.shutdown(wait=False)
    # A serve process has no scheduler to watch: answering is being alive.
    assert ask(make_probe(wired.services, SERVE), "/healthz") == (200, b"ok\n")


def test_http_mode_serves_readyz_beside_slack(wired: Wired, app) -> None:  # type: ignore[no-untyped-def]
    from bot.runtime.web import make_wsgi

    wsgi = make_wsgi(app, wired.services)
    status, _, body = call_wsgi(wsgi, "GET", "/readyz", headers=BEARER)
    assert status == 200 and json.loads(body)["checks"]["database"]["ok"]
    assert call_wsgi(wsgi, "GET", "/readyz")[2] == b"ok\n"


def test_outbox_overdue_limit_is_minutes_not_a_release_queue(wired: Wired) -> None:
    # Held alerts released in the morning are staggered into the future: not overdue.
    probe = make_probe(wired.services, INGEST)
    heartbeat.beat(wired.services.db, wired.clock)
    with wired.services.db.session() as s:
        for i in range(20):
            enqueue_message(s, "admin", f"k{i}", wired.channel, {"text": "x"},
                            wired.clock.now(), due=wired.clock.now() + timedelta(seconds=i))
    assert details(probe)[0] == 200
