"""Graph as Meta documents it: an explicit timeout, the token in a header with
appsecret_proof, codes that need a person, and back-off set by the usage headers."""

from __future__ import annotations

import hashlib
import hmac
import threading
from datetime import timedelta

import pytest
import requests

from bot.core.config import FacebookPage
from bot.platforms.facebook.graph import PageGraph
from bot.platforms.facebook.source import make_graph
from bot.platforms.http import DEFAULT_TIMEOUT, TimeoutSession
from bot.sandbox.fake_graph import FakeGraph
from bot.store.schema import SourceStateRow
from tests.platforms.facebook.conftest import FbWorld

PAGE = "NSFT Mental Health"
EDGES = "/:version/:id/:edge"


def backoff(world: FbWorld, edge: str) -> timedelta:
    with world.db.session() as s:
        row = s.get(SourceStateRow, edge)
        assert row is not None and row.backoff_until is not None
        return row.backoff_until - world.clock.now()


def test_graph_calls_carry_a_timeout_and_a_hung_graph_is_given_up(fake_graph) -> None:
    page = fake_graph.add_page(PAGE)
    cfg = FacebookPage(platform="facebook", name="nsft", page_id=page["page_id"],
                       page_token=page["page_token"])
    assert make_graph(cfg, "v26.0").timeout == DEFAULT_TIMEOUT  # facebook-sdk's default: None
    session = TimeoutSession()
    fake_graph.mount(session)
    graph = PageGraph(page["page_token"], session, timeout=(1.0, 0.3))
    graph.version = "v26.0"
    release = threading.Event()
    fake_graph.inject("/:version/:id", None, hold=release, hold_timeout=5)
    try:
        with pytest.raises(requests.ReadTimeout):
            graph.get_object(page["page_id"])
    finally:
        release.set()


def test_token_travels_in_a_header_with_appsecret_proof(db, clock) -> None:  # type: ignore[no-untyped-def]
    secret = "sandbox-app-secret"
    fake = FakeGraph(clock=clock, app_secret=secret, require_proof=True).start()
    try:
        world = FbWorld(db, clock, fake, facebook_app_secret=secret)
        fake.add_visitor_post(PAGE, "Alex Jones", "thanks!")
        assert world.poll("nsft", "visitor_posts").new == 1
        token = world.pages["nsft"]["page_token"]
        proof = hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()
        [request] = fake.requests
        assert request.headers["authorization"] == f"Bearer {token}"
        assert "access_token" not in request.query and token not in request.path
        assert request.arg("appsecret_proof") == proof
        world.close()
        # A wrong secret is refused by Graph (code 100), never silently accepted.
        wrong = FbWorld(db, clock, fake, facebook_app_secret="not-the-secret")
        report = wrong.poll("nsft", "visitor_posts")
        assert "code 100" in report.error and "appsecret_proof" in report.error
        wrong.close()
    finally:
        fake.stop()


@pytest.mark.parametrize("code", [102, 368])
def test_codes_that_need_a_person_raise_one_admin_alert_per_streak(world, code) -> None:
    world.fake.person_error_next(EDGES, code, times=20)
    for _ in range(3):
        world.clock.advance(minutes=10)
        world.poll_all("nsft")
    [alert] = world.admin_alerts()
    assert f"code {code}" in alert.payload["body"]
    fix = alert.payload["fix"]
    assert ("new long-lived Page access token" in fix) if code == 102 else ("368" in fix)


def test_code_341_backs_off_without_asking_a_person(world) -> None:
    world.fake.add_visitor_post(PAGE, "Alex Jones", "thanks!")
    world.fake.rate_limit_next(EDGES, code=341)
    report = world.poll("nsft", "visitor_posts")
    assert "rate limited" in report.error and "code 341" in report.error
    assert world.admin_alerts() == []


def test_usage_headers_set_the_back_off(world) -> None:
    world.fake.rate_limit_next(EDGES, code=32, regain_minutes=42)
    world.poll("nsft", "visitor_posts")
    assert backoff(world, "facebook:nsft:visitor_posts") == timedelta(minutes=42)


def test_without_a_time_to_regain_at_full_usage_the_rolling_hour_passes(world) -> None:
    world.fake.set_usage(100)
    world.fake.rate_limit_next(EDGES, code=4)
    world.poll("nsft", "visitor_posts")
    assert backoff(world, "facebook:nsft:visitor_posts") == timedelta(hours=1)


def test_nearly_used_up_eases_off_before_graph_refuses(world) -> None:
    world.fake.add_visitor_post(PAGE, "Alex Jones", "thanks!")
    world.fake.set_usage(95)
    assert world.poll("nsft", "visitor_posts").new == 1  # this poll still reads
    asked = len(world.fake.requests)
    report = world.poll("nsft", "tagged")
    assert "rate limited" in report.error and len(world.fake.requests) == asked
    assert backoff(world, "facebook:nsft:tagged") == timedelta(minutes=9)  # 60 x 15 %
    world.fake.set_usage(10)
    world.clock.advance(minutes=10)
    assert world.poll("nsft", "tagged").error == ""


def test_fake_graph_sends_the_usage_headers(world) -> None:
    world.poll("nsft", "visitor_posts")
    graph = world.source("nsft").graph
    assert graph.usage.seen and graph.usage.percent == 1
    assert set(graph.usage.raw) == {"x-app-usage", "x-page-usage", "x-business-use-case-usage"}
