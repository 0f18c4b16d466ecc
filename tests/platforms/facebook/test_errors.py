"""Graph errors: clear log lines, one admin alert per problem and streak, rate limits that hold
back one Page only, and answers that are not JSON handled rather than crashing a poll."""

from __future__ import annotations

import logging

import pytest

from bot.sandbox.fake_graph import ALL_PERMISSIONS
from bot.store.schema import SourceStateRow
from tests.platforms.facebook.conftest import FbWorld

pytestmark = pytest.mark.filterwarnings("error")

PAGE = "NSFT Mental Health"
EDGES = "/:version/:id/:edge"


def state(world: FbWorld, edge: str) -> SourceStateRow:
    with world.db.session() as s:
        row = s.get(SourceStateRow, edge)
        assert row is not None
        return row


def test_expired_token_raises_one_admin_alert_for_the_page(world, caplog) -> None:
    world.fake.expire_token(world.page_id("nsft"))
    caplog.set_level(logging.WARNING, logger="bot.platforms.facebook.source")
    for _ in range(3):
        reports = world.poll_all("nsft")
        world.clock.advance(hours=1)
    assert all("190" in r.error for r in reports)
    [alert] = world.admin_alerts()
    assert "Page token" in alert.payload["body"] and "subcode 463" in alert.payload["body"]
    assert "page_token" in alert.payload["fix"] and "feedwatch check" in alert.payload["fix"]
    assert state(world, "facebook:nsft:dms").consecutive_failures == 3
    assert any("code 190 subcode 463" in r.getMessage() for r in caplog.records)
    assert world.poll_all("recovery")[0].error == ""  # the other Page is unaffected


def test_a_new_streak_after_recovery_alerts_again(world) -> None:
    world.fake.expire_token(world.page_id("nsft"))
    world.poll_all("nsft")
    world.fake.store.page(world.page_id("nsft"))["_expired_at"] = None  # a new token
    world.clock.advance(hours=1)
    assert all(r.error == "" for r in world.poll_all("nsft"))
    world.fake.expire_token(world.page_id("nsft"))
    world.clock.advance(hours=1)
    world.poll_all("nsft")
    assert len(world.admin_alerts()) == 2


def test_missing_permission_names_it_and_the_other_edges_go_on(world) -> None:
    world.fake.set_permissions(world.page_id("nsft"), ALL_PERMISSIONS - {"pages_messaging"})
    world.fake.add_message(PAGE, "Kim Patel", "hello")
    world.fake.add_visitor_post(PAGE, "Alex Jones", "thanks!")
    reports = {r.edge.rsplit(":", 1)[1]: r for r in world.poll_all("nsft")}
    assert "code 230" in reports["dms"].error
    assert reports["visitor_posts"].new == 1
    [alert] = world.admin_alerts()
    assert "pages_messaging" in alert.payload["body"]
    assert "Grant the permission" in alert.payload["fix"]


def test_a_permission_every_edge_needs_makes_one_alert(world) -> None:
    world.fake.set_permissions(world.page_id("nsft"), frozenset({"pages_messaging"}))
    for _ in range(2):
        reports = world.poll_all("nsft")
        world.clock.advance(hours=1)
    failing = [r for r in reports if "code 10" in r.error]
    assert len(failing) == 3  # comments, visitor posts, tags
    [alert] = world.admin_alerts()
    assert "pages_read_engagement" in alert.payload["body"]


@pytest.mark.parametrize("code", [4, 17, 32, 613])
def test_rate_limit_backs_off_that_page_only(world, code) -> None:
    world.fake.add_visitor_post(PAGE, "Alex Jones", "thanks!")
    world.fake.add_visitor_post("NSFT Recovery College", "Alex Jones", "great course")
    world.fake.rate_limit_next(EDGES, code=code)
    limited = world.poll_all("nsft")
    assert "rate limited" in limited[0].error and f"code {code}" in limited[0].error
    assert all("rate limited" in r.error for r in limited)  # the whole Page waits
    assert len(world.fake.requests_to(EDGES)) == 1  # after the first refusal, nothing is asked
    assert world.poll("recovery", "visitor_posts").new == 1
    world.clock.advance(minutes=5)
    asked = len(world.fake.requests_to(EDGES))
    assert world.poll("nsft", "visitor_posts").skipped_reason.startswith("backing off")
    assert len(world.fake.requests_to(EDGES)) == asked
    assert world.admin_alerts() == []
    world.clock.advance(minutes=11)
    assert world.poll("nsft", "visitor_posts").new == 1


@pytest.mark.parametrize("answer", [
    {"status": 502, "body": "<html><body>Bad Gateway</body></html>",
     "content_type": "text/html"},
    {"status": 200, "body": b"", "content_type": ""},
    {"status": 200, "body": b'{"data": [{"id": "1', "content_type": "application/json"},
], ids=["html", "no-content-type", "truncated-json"])
def test_answers_that_are_not_graph_json_fail_the_poll_cleanly(world, answer) -> None:
    world.fake.add_visitor_post(PAGE, "Alex Jones", "thanks!")
    world.fake.inject(EDGES, **answer)
    report = world.poll("nsft", "visitor_posts")
    assert report.error.startswith("Facebook") and "visitor_posts" in report.error
    assert world.admin_alerts() == []  # transient: retried after a short back-off
    assert state(world, "facebook:nsft:visitor_posts").backoff_until is not None
    world.clock.advance(minutes=5)
    assert world.poll("nsft", "visitor_posts").new == 1
