"""facebook-sdk's GraphAPI, unmodified, against FakeGraph: the wire format the source relies on."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

import pytest

from bot.core.clock import FixedClock
from bot.platforms.facebook.source import facebook
from bot.sandbox.fake_graph import FakeGraph
from tests.platforms.facebook.conftest import graph_sessions

pytestmark = pytest.mark.filterwarnings("error")


def sdk(fake: FakeGraph, token: str, version: str = "v21.0") -> Any:
    graph = facebook.GraphAPI(access_token=token, session=graph_sessions(fake)())
    graph.version = version
    return graph


@pytest.fixture
def page(fake_graph: FakeGraph) -> dict[str, str]:
    return fake_graph.add_page("NSFT Mental Health")


@pytest.fixture
def graph(fake_graph: FakeGraph, page: dict[str, str]) -> Any:
    return sdk(fake_graph, page["page_token"])


def private_reply(graph: Any, page_id: str, comment_id: str) -> dict[str, Any]:
    # POSTs are form-encoded: nested parameters go as JSON strings
    return dict(graph.request(f"v21.0/{page_id}/messages", post_args={
        "recipient": json.dumps({"comment_id": comment_id}),
        "message": json.dumps({"text": "Hi, we have sent you a private message."})}))


def graph_error(call: Any) -> dict[str, Any]:
    with pytest.raises(facebook.GraphAPIError) as info:
        call()
    result = info.value.result
    assert isinstance(result, dict), result
    assert set(result["error"]) >= {"message", "type", "code", "fbtrace_id"}
    return dict(result["error"])


def test_sdk_default_version_and_foreign_tokens_are_refused(fake_graph, page) -> None:
    default = facebook.GraphAPI(access_token=page["page_token"],
                                session=graph_sessions(fake_graph)())
    assert graph_error(lambda: default.get_object("me"))["code"] == 2500  # /v2.8/me
    real = sdk(fake_graph, "EAAGm0PX4ZCpsBAreal")
    error = graph_error(lambda: real.get_object("me"))
    assert (error["code"], error["type"]) == (190, "OAuthException")


def test_me_is_the_page_and_fields_are_only_the_defaults_unless_asked(graph, page) -> None:
    assert graph.get_object("me") == {"id": page["page_id"], "name": "NSFT Mental Health"}
    assert set(graph.get_object("me", fields="id,link")) == {"id", "link"}
    error = graph_error(lambda: graph.get_object("me", fields="id,bogus"))
    assert error["code"] == 100 and "(bogus) on node type (Page)" in error["message"]


def test_comments_stream_newest_first_with_cursor_paging(fake_graph, graph, clock) -> None:
    post = fake_graph.add_post("NSFT Mental Health", "Our open day is on Saturday")
    made = []
    for i in range(7):
        clock.advance(60)
        made.append(fake_graph.add_comment(post["id"], "Pat Smith", f"comment {i}")["id"])
    reply = fake_graph.add_comment(post["id"], "Sam Lee", "me too", parent=made[0])
    first = graph.get_connections(post["id"], "comments", filter="stream",
                                  order="reverse_chronological", limit=3,
                                  fields="id,message,parent{id}")
    assert [c["id"] for c in first["data"]] == [reply["id"], made[6], made[5]]
    assert first["data"][0]["parent"] == {"id": made[0]}
    assert "after=" in first["paging"]["next"] and first["paging"]["cursors"]["after"]
    every = list(graph.get_all_connections(post["id"], "comments", filter="stream",
                                           order="reverse_chronological", limit=3))
    assert [c["id"] for c in every] == [reply["id"], *reversed(made)]
    toplevel = graph.get_connections(post["id"], "comments")  # default: toplevel, oldest first
    assert [c["id"] for c in toplevel["data"]] == made


def test_feed_pages_by_time_and_honours_since(fake_graph, graph, page, clock: FixedClock) -> None:
    old = fake_graph.add_post(page["page_id"], "old news",
                              created_at=clock.now() - timedelta(days=40))
    recent = [fake_graph.add_post(page["page_id"], f"news {i}",
                                  created_at=clock.now() - timedelta(days=i)) for i in range(3)]
    since = int((clock.now() - timedelta(days=30)).timestamp())
    first = graph.get_connections(page["page_id"], "feed", since=since, limit=2)
    assert [p["id"] for p in first["data"]] == [recent[0]["id"], recent[1]["id"]]
    assert "until=" in first["paging"]["next"] and "__paging_token=" in first["paging"]["next"]
    every = list(graph.get_all_connections(page["page_id"], "feed", since=since, limit=2))
    assert [p["id"] for p in every] == [p["id"] for p in recent]
    assert old["id"] not in {p["id"] for p in every}


def test_conversations_nest_messages_newest_first(fake_graph, graph, page) -> None:
    fake_graph.add_message(page["page_id"], "Kim Patel", "Hello, is anyone there?")
    fake_graph.add_message(page["page_id"], "NSFT Mental Health", "Hi Kim, how can we help?",
                           to="Kim Patel")
    convs = graph.get_connections(page["page_id"], "conversations", platform="messenger",
                                  fields="id,updated_time,messages{message,from,created_time}")
    [conv] = convs["data"]
    texts = [(m["from"]["name"], m["message"]) for m in conv["messages"]["data"]]
    assert texts == [("NSFT Mental Health", "Hi Kim, how can we help?"),
                     ("Kim Patel", "Hello, is anyone there?")]
    assert conv["id"].startswith("t_") and conv["messages"]["data"][0]["id"].startswith("m_")


def test_moderation_writes(fake_graph, graph, page, clock: FixedClock) -> None:
    post = fake_graph.add_post(page["page_id"], "Visiting times are changing")
    rude = fake_graph.add_comment(post["id"], "Troll", "rude words")
    assert graph.request(f"v21.0/{rude['id']}", post_args={"is_hidden": "true"}) == {
        "success": True}
    assert fake_graph.comment(rude["id"])["is_hidden"] is True
    reply = graph.put_comment(rude["id"], "Please keep it kind.")
    assert fake_graph.comment(reply["id"])["from"]["id"] == page["page_id"]
    assert fake_graph.comment(reply["id"])["parent"] == rude["id"]
    sent = private_reply(graph, page["page_id"], rude["id"])
    assert sent["message_id"].startswith("m_")
    again = graph_error(lambda: private_reply(graph, page["page_id"], rude["id"]))
    assert again["code"] == 10900
    assert [r["comment_id"] for r in fake_graph.private_replies()] == [rude["id"]]
    blocked = graph.request(f"v21.0/{page['page_id']}/blocked",
                            post_args={"user": rude["from"]["id"]})
    assert blocked == {rude["from"]["id"]: True}
    assert fake_graph.blocked(page["page_id"]) == {rude["from"]["id"]}
    assert graph.delete_object(rude["id"]) == {"success": True}
    assert fake_graph.comment(rude["id"])["deleted"] is True
    assert graph_error(lambda: graph.get_object(rude["id"]))["error_subcode"] == 33


def test_private_reply_only_within_seven_days(fake_graph, graph, page, clock) -> None:
    post = fake_graph.add_post(page["page_id"], "News")
    old = fake_graph.add_comment(post["id"], "Pat Smith", "question",
                                 created_at=clock.now() - timedelta(days=8))
    error = graph_error(lambda: private_reply(graph, page["page_id"], old["id"]))
    assert error["code"] == 10903


def test_error_shapes(fake_graph, graph, page) -> None:
    fake_graph.set_permissions(page["page_id"], frozenset({"pages_read_engagement"}))
    error = graph_error(lambda: graph.get_connections(page["page_id"], "visitor_posts"))
    assert error["code"] == 10 and "pages_read_user_content" in error["message"]
    error = graph_error(lambda: graph.get_connections(page["page_id"], "conversations"))
    assert error["code"] == 230 and "pages_messaging" in error["message"]
    fake_graph.rate_limit_next("/:version/:id/:edge", code=17)
    error = graph_error(lambda: graph.get_connections(page["page_id"], "feed"))
    assert (error["code"], error["error_subcode"]) == (17, 2446079)
    fake_graph.expire_token(page["page_id"])
    error = graph_error(lambda: graph.get_object("me"))
    assert (error["code"], error["error_subcode"]) == (190, 463)


def test_non_json_and_content_type_less_answers(fake_graph, graph) -> None:
    fake_graph.inject_non_json("/:version/:id")
    with pytest.raises(facebook.GraphAPIError) as info:
        graph.get_object("me")
    assert info.value.code is None  # facebook-sdk's generic "Maintype" error
    fake_graph.inject_no_content_type("/:version/:id")
    with pytest.raises(KeyError):
        graph.get_object("me")


def test_debug_token_lists_the_granted_scopes(fake_graph, graph, page) -> None:
    data = graph.request("v21.0/debug_token", {"input_token": page["page_token"]})["data"]
    assert data["is_valid"] is True and data["profile_id"] == page["page_id"]
    assert "pages_messaging" in data["scopes"]
    assert fake_graph.tokens_used("/:version/debug_token") == [page["page_token"]]


def test_photos_named_by_attachments_are_served_from_the_cdn_host(
        fake_graph: FakeGraph, page: dict[str, str]) -> None:
    from bot.sandbox.fake_x import TINY_PNG

    post = fake_graph.add_post("NSFT Mental Health", "Open day")
    comment = fake_graph.add_comment(post["id"], "Pat Smith", "look", photo=True)
    src = comment["attachment"]["media"]["image"]["src"]
    assert src.startswith("https://scontent.xx.fbcdn.net/")
    session = graph_sessions(fake_graph)()
    got = session.get(src, timeout=5)
    assert (got.status_code, got.headers["Content-Type"], got.content) == (
        200, "image/png", TINY_PNG)
    assert session.get(src.replace("_c.jpg", "_x.jpg"), timeout=5).status_code == 404
