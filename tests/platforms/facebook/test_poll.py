"""Facebook Pages through facebook-sdk's real session into the store: every item once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.store.schema import MentionRow
from tests.platforms.facebook.conftest import FbWorld

pytestmark = pytest.mark.filterwarnings("error")

PAGE = "NSFT Mental Health"
COMMENTS = "/:version/:id/comments"
EDGES = "/:version/:id/:edge"


def comment_many(world: FbWorld, post_id: str, n: int) -> list[str]:
    ids = []
    for i in range(n):
        world.clock.advance(1)
        ids.append(world.fake.add_comment(post_id, f"Person {i % 7}", f"question {i}")["id"])
    return ids


def test_every_comment_page_is_read_and_each_comment_stored_and_alerted_once(world) -> None:
    post = world.fake.add_post(PAGE, "Our new wellbeing hub opens today")
    ids = comment_many(world, post["id"], 230)
    report = world.poll("nsft", "comments")
    assert (report.new, report.error) == (230, "")
    calls = world.fake.requests_to(COMMENTS)
    assert len(calls) == 3  # 100 + 100 + 30, newest first
    assert calls[0].arg("filter") == "stream" and calls[0].arg("order") == "reverse_chronological"
    assert "after" not in calls[0].query and "after" in calls[1].query
    assert sorted(world.ids()) == sorted(ids)
    # 230 comments on one post in minutes are a pile-on: most fold into one storm alert.
    stored = [r.id for r in world.stored()]
    assert world.alerted() == stored
    assert world.poll("nsft", "comments").new == 0
    assert world.alerted() == stored


def test_comment_fields_kinds_and_the_pages_own_replies(world) -> None:
    post = world.fake.add_post(PAGE, "Visiting times are changing")
    world.clock.advance(60)
    question = world.fake.add_comment(post["id"], "Pat Smith",
                                      "Is parking free? https://example.org/parking", photo=True)
    world.clock.advance(60)
    ours = world.fake.add_comment(post["id"], PAGE, "Yes, after 6pm.", parent=question["id"])
    follow_up = world.fake.add_comment(post["id"], "Sam Lee", "Thanks!", parent=question["id"])
    world.poll("nsft", "comments")
    rows = {r.external_id: r for r in world.stored()}
    assert set(rows) == {question["id"], follow_up["id"]}  # never our own reply
    assert ours["id"] not in rows
    top, reply = rows[question["id"]], rows[follow_up["id"]]
    assert (top.platform, top.account, top.kind) == ("facebook", "nsft", "comment")
    assert top.parent_id == post["id"] and top.conversation_id == post["id"]
    assert (top.author_id, top.author_name) == (question["from"]["id"], "Pat Smith")
    assert top.permalink == question["permalink_url"]
    assert top.links == ["https://example.org/parking"]
    assert top.media and top.media[0]["type"] == "photo"
    assert top.media[0]["url"].startswith("https://scontent")
    assert top.created_at.tzinfo is not None
    assert (reply.kind, reply.parent_id) == ("reply", question["id"])
    # What each answers, fetched with it: the post under a comment, the comment a reply answers.
    assert top.parent_text == "Visiting times are changing"
    assert reply.parent_text == "Is parking free? https://example.org/parking"


def test_only_posts_of_the_window_are_read(world) -> None:
    now = world.clock.now()
    old = world.fake.add_post(PAGE, "Last summer's fete", created_at=now - timedelta(days=40))
    recent = world.fake.add_post(PAGE, "This month's news", created_at=now - timedelta(days=20))
    world.fake.add_comment(old["id"], "Pat Smith", "Still relevant?")
    kept = world.fake.add_comment(recent["id"], "Pat Smith", "Great news")
    world.poll("nsft", "comments")
    assert world.ids() == [kept["id"]]
    [feed] = world.fake.requests_to("/:version/:id/feed")
    assert int(feed.arg("since") or 0) == int((now - timedelta(days=30)).timestamp())
    assert {r.path.split("/")[2] for r in world.fake.requests_to(COMMENTS)} == {recent["id"]}


def test_window_comes_from_settings(make_world, clock, fake_graph) -> None:
    world = make_world(facebook_post_window_days=7)
    post = fake_graph.add_post(PAGE, "Ten days ago", created_at=clock.now() - timedelta(days=10))
    fake_graph.add_comment(post["id"], "Pat Smith", "hello")
    world.poll("nsft", "comments")
    assert world.ids() == []


def test_next_poll_reads_only_posts_with_new_activity(world) -> None:
    quiet = world.fake.add_post(PAGE, "Quiet post")
    world.fake.add_comment(quiet["id"], "Pat Smith", "first")
    world.clock.advance(hours=1)
    busy = world.fake.add_post(PAGE, "Busy post")
    world.fake.add_comment(busy["id"], "Sam Lee", "first")
    world.poll("nsft", "comments")
    world.clock.advance(hours=2)
    later = world.fake.add_comment(busy["id"], "Kim Patel", "second")
    world.fake.clear_log()
    report = world.poll("nsft", "comments")
    assert report.new == 1 and world.ids()[-1] == later["id"]
    assert [r.path.split("/")[2] for r in world.fake.requests_to(COMMENTS)] == [busy["id"]]


def test_crash_mid_poll_resumes_without_duplicate_or_gap(world) -> None:
    post = world.fake.add_post(PAGE, "Busy post")
    comment_many(world, post["id"], 150)
    broken = world.fake.inject(COMMENTS, 500, {"error": {
        "message": "An unknown error has occurred.", "type": "OAuthException", "code": 1,
        "is_transient": True, "fbtrace_id": "AsandboxTrace"}})
    broken.matches = lambda req: req.arg("after") is not None  # page 2 fails
    failed = world.poll("nsft", "comments")
    assert "code 1" in failed.error
    assert len(world.stored()) == 100
    world.clock.advance(minutes=10)
    world.restart()
    assert world.poll("nsft", "comments").error == ""
    assert len(world.stored()) == 150
    assert world.alerted() == [r.id for r in world.stored()]  # each once


def test_visitor_posts_and_tags(world) -> None:
    visitor = world.fake.add_visitor_post(PAGE, "Alex Jones", "Thank you to the ward 3 team!",
                                          photo=True)
    world.fake.add_post(PAGE, "Our own post")  # in the feed, never a visitor post
    tag = world.fake.add_tag_post(PAGE, "Jo Brown", f"Great talk by {PAGE} today",
                                  link="https://example.org/talk")
    assert world.poll("nsft", "visitor_posts").new == 1
    assert world.poll("nsft", "tagged").new == 1
    rows = {r.kind: r for r in world.stored()}
    assert rows["visitor_post"].external_id == visitor["id"]
    assert rows["visitor_post"].author_name == "Alex Jones"
    assert rows["visitor_post"].media[0]["type"] == "photo"
    assert rows["visitor_post"].in_own_conversation is True
    assert rows["tag"].external_id == tag["id"]
    assert rows["tag"].links == ["https://example.org/talk"]
    assert rows["tag"].in_own_conversation is False
    assert world.poll("nsft", "visitor_posts").new == 0


def test_messenger_new_messages_only_and_never_our_own(world) -> None:
    fake = world.fake
    first = fake.add_message(PAGE, "Kim Patel", "Hello, I need to talk about my referral")
    world.clock.advance(60)
    fake.add_message(PAGE, PAGE, "Thanks Kim, we'll pass this to PALS.", to="Kim Patel")
    other = fake.add_message(PAGE, "Alex Jones", "What are your opening hours?")
    assert world.poll("nsft", "dms").new == 2
    world.clock.advance(hours=1)
    again = fake.add_message(PAGE, "Kim Patel", "Thank you")
    assert world.poll("nsft", "dms").new == 1
    rows = world.stored()
    assert {r.external_id for r in rows[:2]} == {first["id"], other["id"]}
    assert rows[2].external_id == again["id"]
    assert all(r.kind == "dm" and r.conversation_id.startswith("t_") for r in rows)
    assert {r.author_name for r in rows} == {"Kim Patel", "Alex Jones"}
    assert len(first["id"]) > 64  # Messenger ids are long; they must still be stored whole


def test_two_pages_each_use_their_own_token(world) -> None:
    for name, creds in world.pages.items():
        post = world.fake.add_post(creds["page_id"], f"News from {name}")
        world.fake.add_comment(post["id"], "Pat Smith", f"Hello {name}")
        world.fake.add_message(creds["page_id"], "Kim Patel", f"Hi {name}")
    for name in world.pages:
        world.poll_all(name)
    for request in world.fake.requests:
        owner = request.path.split("/")[2].split("_")[0]
        page = next((n for n, c in world.pages.items() if c["page_id"] == owner), None)
        if page is not None:  # a Page's own edges and its posts' comments
            token = world.pages[page]["page_token"]
            assert request.headers["authorization"] == f"Bearer {token}", request.path
            # Never in the URL, where proxies and access logs would keep it.
            assert "access_token" not in request.query, request.path
            assert token not in request.path
    by_account = {r.account: r.account for r in world.stored()}
    assert set(by_account) == {"nsft", "recovery"}
    assert len(world.stored(MentionRow.account == "recovery")) == 2


def test_graph_version_comes_from_settings(make_world, fake_graph) -> None:
    world = make_world(facebook_graph_version="v22.0")
    world.poll_all()
    assert fake_graph.versions == {"v22.0"}
