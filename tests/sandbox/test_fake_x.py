"""tweepy.Client, unmodified, against FakeX through the transport adapter."""

from __future__ import annotations

import pytest
import requests
import tweepy

from bot.sandbox.fake_x import MENTIONS_REACHABLE, FakeX
from tests.sandbox.conftest import x_client

# tweepy warns when a tweet lacks edit_history_tweet_ids: make any warning a failure here.
pytestmark = pytest.mark.filterwarnings("error")

FIELDS = ["author_id", "created_at", "conversation_id", "in_reply_to_user_id",
          "referenced_tweets", "entities", "attachments"]


def me(fake_x: FakeX) -> str:
    return fake_x.user_id("NHSTrustComms")


def test_get_me_uses_the_account_credentials(client: tweepy.Client, fake_x: FakeX) -> None:
    data = client.get_me(user_fields=["created_at"]).data
    assert (data.id, data.username) == (int(me(fake_x)), "NHSTrustComms")
    assert fake_x.requests[-1].headers["authorization"].startswith("OAuth ")


def test_mentions_have_only_default_fields_unless_asked(client, fake_x) -> None:
    fake_x.add_user("sam")
    fake_x.add_tweet("sam", "@NHSTrustComms thank you")
    resp = client.get_users_mentions(me(fake_x))
    assert set(resp.data[0].data) == {"id", "text", "edit_history_tweet_ids"}
    assert resp.includes == {}


def test_mentions_with_fields_and_expansions(client, fake_x) -> None:
    fake_x.add_user("sam", "Sam Jones")
    tweet = fake_x.add_tweet("sam", "@NHSTrustComms see this", urls=["https://example.org/a"],
                             media=[{"type": "photo", "url": "https://pbs.twimg.com/media/a.jpg",
                                     "alt_text": "a ward"}])
    resp = client.get_users_mentions(
        me(fake_x), tweet_fields=FIELDS, expansions=["author_id", "attachments.media_keys"],
        user_fields=["created_at"], media_fields=["url", "alt_text"])
    got = resp.data[0].data
    assert got["id"] == tweet["id"] and got["author_id"] == fake_x.user_id("sam")
    assert got["entities"]["mentions"][0] == {"start": 0, "end": 14, "username": "NHSTrustComms",
                                              "id": me(fake_x)}
    assert got["entities"]["urls"][0]["expanded_url"] == "https://example.org/a"
    assert "lang" not in got  # not asked for
    [user] = resp.includes["users"]
    assert set(user.data) == {"id", "name", "username", "created_at"}
    [media] = resp.includes["media"]
    assert (media.type, media.url, media.alt_text) == ("photo", "https://pbs.twimg.com/media/a.jpg",
                                                       "a ward")
    assert media.media_key == got["attachments"]["media_keys"][0]


def test_reply_carries_the_handle_prefix_and_conversation(client, fake_x) -> None:
    fake_x.add_user("sam")
    root = fake_x.add_tweet("NHSTrustComms", "We're open today")
    reply = fake_x.add_tweet("sam", "not for me", reply_to=root["id"])
    got = client.get_users_mentions(me(fake_x), tweet_fields=FIELDS).data[0].data
    assert got["text"] == "@NHSTrustComms not for me" == reply["text"]
    assert got["conversation_id"] == root["id"] and got["in_reply_to_user_id"] == me(fake_x)
    assert got["referenced_tweets"] == [{"type": "replied_to", "id": root["id"]}]


def test_paginator_walks_newest_first_and_stops(client, fake_x) -> None:
    fake_x.add_user("sam")
    ids = [fake_x.add_tweet("sam", f"@NHSTrustComms number {n}")["id"] for n in range(250)]
    pages = list(tweepy.Paginator(client.get_users_mentions, me(fake_x), max_results=100))
    assert [p.meta["result_count"] for p in pages] == [100, 100, 50]
    got = [t.id for p in pages for t in p.data]
    assert got == sorted(map(int, ids), reverse=True)
    assert "next_token" not in pages[-1].meta
    assert pages[0].meta["newest_id"] == ids[-1]


def test_since_id_returns_only_newer_mentions(client, fake_x) -> None:
    fake_x.add_user("sam")
    first = fake_x.add_tweet("sam", "@NHSTrustComms one")
    newer = [fake_x.add_tweet("sam", f"@NHSTrustComms {n}")["id"] for n in range(3)]
    resp = client.get_users_mentions(me(fake_x), since_id=first["id"])
    assert [str(t.id) for t in resp.data] == newer[::-1]
    empty = client.get_users_mentions(me(fake_x), since_id=newer[-1])
    assert empty.data is None and empty.meta == {"result_count": 0}


def test_only_the_newest_800_mentions_are_reachable(client, fake_x) -> None:
    fake_x.add_user("sam")
    ids = [fake_x.add_tweet("sam", f"@NHSTrustComms pile-on {n}")["id"] for n in range(850)]
    pages = list(tweepy.Paginator(client.get_users_mentions, me(fake_x), max_results=100,
                                  since_id=ids[0]))
    got = [str(t.id) for p in pages for t in p.data]
    assert len(got) == MENTIONS_REACHABLE
    assert got[-1] == ids[50]  # the 49 after since_id and before the cap are gone


def test_bad_parameters_are_400(client, fake_x) -> None:
    with pytest.raises(tweepy.BadRequest, match="between 5 and 100"):
        client.get_users_mentions(me(fake_x), max_results=3)
    with pytest.raises(tweepy.BadRequest, match=r"tweet\.fields"):
        client.get_users_mentions(me(fake_x), tweet_fields=["colour"])


def test_unknown_user_is_a_partial_error(client) -> None:
    resp = client.get_users_mentions("42")
    assert resp.data is None and resp.errors[0]["title"] == "Not Found Error"


def test_dm_events_fields_order_and_scope(client, fake_x) -> None:
    fake_x.add_user("sam")
    fake_x.add_user("alex")
    first = fake_x.add_dm("sam", "NHSTrustComms", "can I ask something?")
    fake_x.add_dm("sam", "alex", "not for the trust")
    second = fake_x.add_dm("NHSTrustComms", "sam", "of course")
    plain = client.get_direct_message_events()
    assert [set(e.data) for e in plain.data] == [{"id", "event_type", "text"}] * 2
    resp = client.get_direct_message_events(
        dm_event_fields=["created_at", "sender_id", "dm_conversation_id"],
        expansions=["sender_id"], event_types="MessageCreate")
    assert [str(e.id) for e in resp.data] == [second["id"], first["id"]]
    low, high = sorted((me(fake_x), fake_x.user_id("sam")), key=int)
    assert resp.data[1].dm_conversation_id == f"{low}-{high}"
    assert resp.data[1].event_type == "MessageCreate"
    assert {u.username for u in resp.includes["users"]} == {"sam", "NHSTrustComms"}


def test_dm_events_paginate(client, fake_x) -> None:
    fake_x.add_user("sam")
    for n in range(7):
        fake_x.add_dm("sam", "NHSTrustComms", f"message {n}")
    pages = list(tweepy.Paginator(client.get_direct_message_events, max_results=3))
    assert [p.meta["result_count"] for p in pages] == [3, 3, 1]


def test_send_dm_and_refusal(client, fake_x) -> None:
    sam = fake_x.add_user("sam")
    closed = fake_x.add_user("closed", accepts_dms=False)
    sent = client.create_direct_message(participant_id=sam["id"], text="We're sorry to hear that")
    assert sent.data["dm_event_id"] == fake_x.dms()[-1]["id"]
    with pytest.raises(tweepy.Forbidden):
        client.create_direct_message(participant_id=closed["id"], text="hello")


def test_reply_delete_and_duplicate(client, fake_x) -> None:
    fake_x.add_user("sam")
    theirs = fake_x.add_tweet("sam", "@NHSTrustComms help")
    mine = client.create_tweet(text="Please call 111", in_reply_to_tweet_id=theirs["id"]).data
    assert mine["edit_history_tweet_ids"] == [mine["id"]]
    assert fake_x.tweet(mine["id"])["text"] == "@sam Please call 111"
    with pytest.raises(tweepy.Forbidden, match="duplicate"):
        client.create_tweet(text="Please call 111", in_reply_to_tweet_id=theirs["id"])
    with pytest.raises(tweepy.Forbidden):
        client.delete_tweet(theirs["id"])
    assert client.delete_tweet(mine["id"]).data == {"deleted": True}
    assert fake_x.tweet(mine["id"])["deleted"]


def test_hide_only_in_own_conversation(client, fake_x) -> None:
    fake_x.add_user("sam")
    fake_x.add_user("other")
    own_root = fake_x.add_tweet("NHSTrustComms", "Our opening hours")
    reply = fake_x.add_tweet("sam", "rubbish", reply_to=own_root["id"])
    elsewhere = fake_x.add_tweet("sam", "@NHSTrustComms rubbish", reply_to=fake_x.add_tweet(
        "other", "a thread")["id"])
    assert client.hide_reply(reply["id"]).data == {"hidden": True}
    assert fake_x.tweet(reply["id"])["hidden"]
    with pytest.raises(tweepy.Forbidden):
        client.hide_reply(elsewhere["id"])
    assert client.unhide_reply(reply["id"]).data == {"hidden": False}


def test_mute_and_v11_block_refused_by_tier(client, fake_x, trust) -> None:
    sam = fake_x.add_user("sam")
    assert client.mute(sam["id"]).data == {"muting": True}
    assert fake_x.muted(me(fake_x)) == {sam["id"]}
    api = tweepy.API(tweepy.OAuth1UserHandler(
        trust["consumer_key"], trust["consumer_secret"], trust["access_token"],
        trust["access_token_secret"]))
    fake_x.mount(api.session)
    with pytest.raises(tweepy.Forbidden) as refused:
        api.create_block(user_id=sam["id"])
    assert refused.value.api_codes == [453]
    fake_x.v11_blocks_allowed = True
    assert api.create_block(user_id=sam["id"]).screen_name == "sam"
    assert fake_x.blocked(me(fake_x)) == {sam["id"]}


def test_429_raises_too_many_requests_with_reset_time(client, fake_x) -> None:
    fake_x.rate_limit_next("/2/users/:id/mentions", reset_at=1709633700)
    with pytest.raises(tweepy.TooManyRequests) as limited:
        client.get_users_mentions(me(fake_x))
    assert limited.value.reset_time == 1709633700
    assert client.get_users_mentions(me(fake_x)).meta == {"result_count": 0}


def test_rate_limit_window_follows_the_clock(client, fake_x, clock) -> None:
    fake_x.set_rate_limit("PUT", "/2/tweets/:id/hidden", limit=2, window_s=900)
    fake_x.add_user("sam")
    root = fake_x.add_tweet("NHSTrustComms", "hello")
    replies = [fake_x.add_tweet("sam", f"r{n}", reply_to=root["id"]) for n in range(3)]
    client.hide_reply(replies[0]["id"])
    client.hide_reply(replies[1]["id"])
    with pytest.raises(tweepy.TooManyRequests) as limited:
        client.hide_reply(replies[2]["id"])
    assert limited.value.reset_time == int(clock.now().timestamp()) + 900
    clock.advance(901)
    assert client.hide_reply(replies[2]["id"]).data == {"hidden": True}


def test_server_errors_and_malformed_json(client, fake_x) -> None:
    fake_x.inject("/2/users/:id/mentions", 503, {"title": "Service Unavailable"})
    with pytest.raises(tweepy.TwitterServerError):
        client.get_users_mentions(me(fake_x))
    fake_x.inject_malformed_json("/2/users/:id/mentions")
    with pytest.raises(requests.exceptions.JSONDecodeError):
        client.get_users_mentions(me(fake_x))


@pytest.mark.parametrize("creds", [
    {"bearer_token": "AAAAAAAAAAAAAAAAAAAAAreal"},
    {"consumer_key": "realkey", "consumer_secret": "s", "access_token": "sandbox-1-x",
     "access_token_secret": "s"},
    {"consumer_key": "sandbox-k", "consumer_secret": "s", "access_token": "1-sandbox-unknown",
     "access_token_secret": "s"},
    {"consumer_key": "sandbox-k", "consumer_secret": "s",
     "access_token": "1000000001-AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcd",
     "access_token_secret": "s"},
])
def test_non_sandbox_credentials_get_x_401(fake_x, trust, creds) -> None:
    fake_x.inject("/2/users/:id/mentions", 503)  # faults come after the credential check
    client = x_client(fake_x, **creds)
    with pytest.raises(tweepy.Unauthorized) as refused:
        client.get_users_mentions(me(fake_x), user_auth="bearer_token" not in creds)
    assert refused.value.response.json() == {"title": "Unauthorized", "type": "about:blank",
                                             "status": 401, "detail": "Unauthorized"}


def test_app_only_bearer_cannot_use_user_context_endpoints(fake_x, trust) -> None:
    client = x_client(fake_x, bearer_token=trust["bearer_token"])
    assert client.get_users_mentions(me(fake_x)).meta == {"result_count": 0}
    with pytest.raises(tweepy.Forbidden, match="Application-Only"):
        client.get_me(user_auth=False)


def test_media_urls_are_served_by_the_fake(client, fake_x) -> None:
    fake_x.add_user("sam")
    fake_x.add_tweet("sam", "@NHSTrustComms look", media=[{"type": "photo"}])
    fake_x.add_tweet("sam", "@NHSTrustComms again", media=[{
        "type": "photo", "url": "https://pbs.twimg.com/media/b.jpg", "data": b"jpeg bytes"}])
    resp = client.get_users_mentions(me(fake_x), expansions=["attachments.media_keys"],
                                     media_fields=["url"])
    urls = [m.url for m in resp.includes["media"]]
    got = [client.session.get(url) for url in urls]
    assert got[0].content == b"jpeg bytes" and got[0].headers["Content-Type"] == "image/jpeg"
    assert got[1].content.startswith(b"\x89PNG")
