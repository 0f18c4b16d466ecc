"""The webhook receiver: verification, signatures over the raw body, and one alert per item
whether the webhook or the poll sees it first."""

from __future__ import annotations

import hashlib
import hmac
import io
import json
from typing import Any
from urllib.parse import urlencode

import pytest

from bot.platforms.facebook.webhooks import FacebookWebhook, handle_facebook_webhook
from bot.runtime.app import build_app
from bot.runtime.services import Services
from bot.runtime.web import make_wsgi
from tests.platforms.facebook.conftest import APP_SECRET, VERIFY_TOKEN, FbWorld

pytestmark = pytest.mark.filterwarnings("error")

PAGE = "NSFT Mental Health"


def signed(body: bytes, secret: str = APP_SECRET) -> dict[str, str]:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"X-Hub-Signature-256": f"sha256={digest}", "Content-Type": "application/json"}


def push(world: FbWorld, payload: dict[str, Any], headers: dict[str, str] | None = None
         ) -> tuple[int, bytes]:
    body = json.dumps(payload).encode()
    status, _, out = handle_facebook_webhook(hook(world.services), "POST", "",
                                             headers or signed(body), body)
    return status, out


def verify(world: FbWorld, **params: str) -> tuple[int, bytes]:
    status, _, out = handle_facebook_webhook(hook(world.services), "GET", urlencode(params),
                                             {}, b"")
    return status, out


def test_get_verification_echoes_the_challenge_only_for_our_token(hooked) -> None:
    ok = {"hub.mode": "subscribe", "hub.verify_token": VERIFY_TOKEN, "hub.challenge": "1158201444"}
    assert verify(hooked, **ok) == (200, b"1158201444")
    assert verify(hooked, **{**ok, "hub.verify_token": "guess"})[0] == 403
    assert verify(hooked, **{**ok, "hub.mode": "unsubscribe"})[0] == 403
    assert verify(hooked, **{**ok, "hub.challenge": "<script>"})[0] == 400


def test_without_configuration_the_endpoint_is_off(world) -> None:
    post = world.fake.add_post(PAGE, "News")
    comment = world.fake.add_comment(post["id"], "Pat Smith", "hello")
    assert push(world, world.fake.feed_event(comment["id"]))[0] == 404
    assert world.stored() == []


@pytest.mark.parametrize("forge", ["missing", "wrong-secret", "other-body", "sha1"])
def test_forged_signature_is_refused_and_nothing_stored(hooked, forge) -> None:
    post = hooked.fake.add_post(PAGE, "News")
    comment = hooked.fake.add_comment(post["id"], "Pat Smith", "hello")
    body = json.dumps(hooked.fake.feed_event(comment["id"])).encode()
    headers = {
        "missing": {},
        "wrong-secret": signed(body, "not-the-secret"),
        "other-body": signed(body + b" "),
        "sha1": {"X-Hub-Signature-256": "sha1=" + hmac.new(
            APP_SECRET.encode(), body, hashlib.sha1).hexdigest()},
    }[forge]
    status, _, _ = handle_facebook_webhook(hook(hooked.services), "POST", "", headers, body)
    assert status == 403
    assert hooked.stored() == [] and hooked.count_alerts() == 0


def test_signature_is_checked_before_the_body_is_parsed(hooked) -> None:
    status, _, _ = handle_facebook_webhook(hook(hooked.services), "POST", "", {}, b"{not json")
    assert status == 403
    body = b"{not json"
    assert handle_facebook_webhook(hook(hooked.services), "POST", "", signed(body), body)[0] == 400


def test_webhook_then_poll_gives_one_alert(hooked) -> None:
    post = hooked.fake.add_post(PAGE, "Visiting times are changing")
    comment = hooked.fake.add_comment(post["id"], "Pat Smith", "Is parking free?")
    assert push(hooked, hooked.fake.feed_event(comment["id"])) == (200, b"EVENT_RECEIVED")
    [row] = hooked.stored()
    assert (row.external_id, row.kind, row.author_name) == (comment["id"], "comment", "Pat Smith")
    assert row.parent_id == post["id"]
    assert hooked.poll("nsft", "comments").new == 0
    assert push(hooked, hooked.fake.feed_event(comment["id"]))[0] == 200  # Graph retries
    assert len(hooked.stored()) == 1 and hooked.count_alerts() == 1


def test_poll_then_webhook_gives_one_alert(hooked) -> None:
    visitor = hooked.fake.add_visitor_post(PAGE, "Alex Jones", "Thank you ward 3!")
    assert hooked.poll("nsft", "visitor_posts").new == 1
    assert push(hooked, hooked.fake.feed_event(visitor["id"]))[0] == 200
    assert hooked.count_alerts() == 1


def test_a_webhook_does_not_move_the_poll_cursor(hooked) -> None:
    post = hooked.fake.add_post(PAGE, "News")
    first = hooked.fake.add_comment(post["id"], "Pat Smith", "first")
    hooked.clock.advance(hours=1)
    later = hooked.fake.add_comment(post["id"], "Sam Lee", "later")
    push(hooked, hooked.fake.feed_event(later["id"]))
    assert hooked.poll("nsft", "comments").new == 1  # the earlier one is still polled
    assert sorted(hooked.ids()) == sorted([first["id"], later["id"]])


def test_replies_visitor_posts_and_messages_are_pushed_with_their_kinds(hooked) -> None:
    fake = hooked.fake
    post = fake.add_post(PAGE, "News")
    top = fake.add_comment(post["id"], "Pat Smith", "question")
    reply = fake.add_comment(post["id"], "Sam Lee", "same question", parent=top["id"])
    visitor = fake.add_visitor_post(PAGE, "Alex Jones", "thanks!", photo=True)
    message = fake.add_message(PAGE, "Kim Patel", "can I change my appointment?")
    for event in (fake.feed_event(reply["id"]), fake.feed_event(visitor["id"]),
                  fake.message_event(message["id"])):
        assert push(hooked, event)[0] == 200
    rows = {r.external_id: r for r in hooked.stored()}
    assert (rows[reply["id"]].kind, rows[reply["id"]].parent_id) == ("reply", top["id"])
    assert rows[visitor["id"]].kind == "visitor_post"
    assert rows[visitor["id"]].media[0]["type"] == "photo"
    assert rows[message["id"]].kind == "dm"
    assert rows[message["id"]].text == "can I change my appointment?"
    assert hooked.poll("nsft", "visitor_posts").new == 0


def test_the_pages_own_items_and_echoes_are_not_alerted(hooked) -> None:
    fake = hooked.fake
    post = fake.add_post(PAGE, "Our news")
    ours = fake.add_comment(post["id"], PAGE, "More details below")
    echo = fake.add_message(PAGE, PAGE, "Thanks for your message", to="Kim Patel")
    for event in (fake.feed_event(post["id"]), fake.feed_event(ours["id"]),
                  fake.message_event(echo["id"])):
        assert push(hooked, event)[0] == 200
    assert hooked.stored() == []


def test_events_for_pages_not_watched_are_ignored(hooked) -> None:
    other = hooked.fake.add_page("Someone Else's Page")
    post = hooked.fake.add_post(other["page_id"], "News")
    comment = hooked.fake.add_comment(post["id"], "Pat Smith", "hello")
    assert push(hooked, hooked.fake.feed_event(comment["id"]))[0] == 200
    assert hooked.stored() == []


def test_the_http_route_reaches_the_receiver(hooked) -> None:
    post = hooked.fake.add_post(PAGE, "News")
    comment = hooked.fake.add_comment(post["id"], "Pat Smith", "hello")
    wsgi = make_wsgi(build_app(hooked.services, verify_token=False), hooked.services)
    body = json.dumps(hooked.fake.feed_event(comment["id"])).encode()
    statuses: list[str] = []
    environ = {"REQUEST_METHOD": "POST", "PATH_INFO": "/webhooks/facebook", "QUERY_STRING": "",
               "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body),
               "HTTP_X_HUB_SIGNATURE_256": signed(body)["X-Hub-Signature-256"]}
    out = b"".join(wsgi(environ, lambda status, headers: statuses.append(status)))
    assert (statuses, out) == (["200 OK"], b"EVENT_RECEIVED")
    assert hooked.ids() == [comment["id"]]


def hook(services: Services) -> FacebookWebhook:
    """The webhook as the HTTP server builds it: the settings and the pipeline's ingest."""
    return FacebookWebhook(services.settings, services.pipeline.ingest)
